"""Extra colour themes: a high-contrast one (white and yellow on black) for people who
see less well. Textual's own themes stay available; NO_COLOR is handled by Textual.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="hoog-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#FFFFFF",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF6060",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFFF00 40%",
        "border": "#FFFFFF",
        "text-muted": "#FFFFFF",
    },
)

THEMES = (HIGH_CONTRAST,)
