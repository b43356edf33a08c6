"""What the chat's own screens ask of the app that shows them: `ChatHost`, and `host(node)`.

The app imports its screens to show them; were a screen to name the app's class, the two would
import each other. So the chat, review and summary screens name this protocol instead;
`ZelftestApp` (and the kiosk and counsellor apps built on it) fits it with its own methods,
and mypy checks that it does (factory.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from zelftest.core.engine import Outcome, Session


class ChatHost(Protocol):
    """The app's part in moving between the chat, the review, an edit and the summary."""

    @property
    def chat(self) -> Screen[None]:
        """The chat screen, at the bottom of the stack."""
        ...

    def edit_screen(self, session: Session, qid: str) -> Screen[Outcome | None]:
        """The front end's own dialog to edit one answer of `session`."""
        ...

    def pop_to(self, screen: Screen[Any]) -> None:
        """Close the screens above `screen`."""
        ...

    def action_review(self) -> None: ...

    def action_show_summary(self) -> None: ...

    def action_start_over(self) -> None: ...


def host(node: DOMNode) -> ChatHost:
    """The app that shows `node`, as the chat's screens know it."""
    return cast("ChatHost", node.app)
