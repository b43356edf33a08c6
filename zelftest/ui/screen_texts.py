"""Small pieces of the chat's sentences (a number's range, what a typed answer was read as),
section `scherm` of the catalogues, in the person's language."""

from __future__ import annotations

from ..core.i18n import module_texts

__getattr__ = module_texts("scherm")
