"""The pure core: the session (engine), the result, scoring, advice and the trace, with its
wings below: bank (model and loader), expr (conditions and texts), rules (one module per
regime), report (the summary in every format) and check (`zelftest controleer`).

Nothing in this package imports Textual; every front end builds on it. The layers are a
contract in pyproject.toml ([tool.importlinter]), checked by tests/test_layers.py.
"""
