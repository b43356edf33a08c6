"""Extra colour themes: a high-contrast one (white and yellow on black) for people who
see less well, and Textual's plain dark and light themes under Dutch names ("donker",
"licht"), so the theme list a visitor reads starts in Dutch. Textual's other themes stay
available under their own names.

NO_COLOR: Textual turns every colour into a shade of grey (its `Monochrome` filter), which
still sends 256-colour codes (chat.md D19). `without_colour` swaps that filter for Textual's
`NoColor`, which leaves the terminal's own colours; bold, reverse and the › pointer still show
where you are.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import App
from textual.filter import Monochrome, NoColor
from textual.theme import BUILTIN_THEMES, Theme

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

DARK = replace(BUILTIN_THEMES["textual-dark"], name="donker")
LIGHT = replace(BUILTIN_THEMES["textual-light"], name="licht")
THEMES = (HIGH_CONTRAST, DARK, LIGHT)


def without_colour(app: App[object]) -> None:
    """With NO_COLOR set, no colour at all instead of Textual's greys (chat.md D19)."""
    if app.no_color:
        app._filters = [NoColor() if isinstance(f, Monochrome) else f for f in app._filters]
