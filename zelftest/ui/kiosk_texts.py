"""Every sentence the kiosk adds to the chat (section `kiosk` of the catalogues).

The kiosk is the chat on a shared screen: touch first, nothing stored, an idle reset and
an operator exit with a PIN. The chat's own words stay in `texts`.
"""

from __future__ import annotations

from ..core.i18n import module_texts

__getattr__ = module_texts("kiosk")
