"""Every word of the counsellor's view (section `begeleider` of the catalogues): the panel,
the tabs, what-if, the export. Read in the language the session uses.
"""

from __future__ import annotations

from ..core.i18n import module_texts

__getattr__ = module_texts("begeleider")
