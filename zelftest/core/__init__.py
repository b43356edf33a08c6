"""The pure core: bank model and loader, checker, engine, rules, scoring and report.

Nothing in this package imports Textual; every front end builds on it.
"""
