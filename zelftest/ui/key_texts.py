"""The words of the keys at the bottom and of the menu (Ctrl+P), section `toetsen` of the
catalogues. A binding's description is fixed when its class is made; the footer shows it
again in the person's language (`i18n.retranslate`)."""

from __future__ import annotations

from ..core.i18n import module_texts

__getattr__ = module_texts("toetsen")
