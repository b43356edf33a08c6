"""The bank's small languages: conditions and texts (sandboxed Jinja2 with a fast path for
simple conditions) and what a checker needs to know of one expression tree."""
