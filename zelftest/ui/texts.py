"""Every sentence the chat interface itself says: buttons, hints, notices.

The words are in the catalogues (`zelftest/taal/<taal>.yaml`, section `chat`); this module
reads them in the language the person chose, so `texts.START_LABEL` is the button's label
in Dutch, French or English. The bank holds the content (questions, explanations, glossary).
"""

from __future__ import annotations

from ..core.i18n import module_texts

__getattr__ = module_texts("chat")
