"""Extra colour themes: a high-contrast one (white and yellow on black) for people who
see less well, and Textual's plain dark and light themes under Dutch names ("donker",
"licht"). The theme picker (`OurThemes`) lists only these three, each under its name in the
person's language (chat.md D20); Textual's other themes stay registered, unlisted.

The command palette (`OurCommands`) lists the app's commands in the order the app gives them,
the colours first: Textual sorts them by name, which put "Thema" below the fold at 80x24 (D20).

NO_COLOR: Textual turns every colour into a shade of grey (its `Monochrome` filter), which
still sends 256-colour codes (chat.md D19). `without_colour` swaps that filter for Textual's
`NoColor`, which leaves the terminal's own colours; bold, reverse and the › pointer still show
where you are.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.filter import Monochrome, NoColor
from textual.system_commands import SystemCommandsProvider
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


def without_colour(app: App[Any]) -> None:
    """With NO_COLOR set, no colour at all instead of Textual's greys (chat.md D19)."""
    if app.no_color:
        app._filters = [NoColor() if isinstance(f, Monochrome) else f for f in app._filters]


class OurThemes(Provider):
    """The theme picker's list: our three themes, named in the person's language."""

    def names(self) -> list[tuple[str, str]]:
        from . import key_texts as keys

        shown: dict[str, str] = keys.THEME_NAMES
        return [(shown.get(theme.name, theme.name), theme.name) for theme in THEMES]

    def choose(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for label, name in self.names():
            yield DiscoveryHit(label, partial(self.choose, name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, name in self.names():
            if (score := matcher.match(label)) > 0:
                yield Hit(score, matcher.highlight(label), partial(self.choose, name), text=label)


class OurCommands(SystemCommandsProvider):
    """The palette's list before anything is typed: the app's commands in the app's order."""

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)
