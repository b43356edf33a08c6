"""The core never imports Textual (ontwerp.md "Layers"): import every zelftest.core module
and run a whole `beoordeel` in a fresh interpreter, then look at sys.modules."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import FULL, PYTHON, ROOT, write_answers

SCRIPT = """
import importlib, json, pkgutil, sys
import zelftest.core
names = sorted(m.name for m in pkgutil.walk_packages(zelftest.core.__path__, "zelftest.core."))
for name in names:
    importlib.import_module(name)
from zelftest.cli import main
code = main(["beoordeel", sys.argv[1], "--formaat", "html", "--uit", sys.argv[2]])
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"modules": names, "code": code, "leaked": leaked}))
"""


def test_core_and_beoordeel_never_import_textual(tmp_path: Path) -> None:
    answers = write_answers(tmp_path, FULL)
    out = tmp_path / "samenvatting.html"
    proc = subprocess.run(
        [PYTHON, "-c", SCRIPT, str(answers), str(out)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["code"] == 0
    assert len(report["modules"]) >= 15  # every core module was imported
    assert {"zelftest.core.engine", "zelftest.core.report", "zelftest.core.rules.cheques2025"} <= set(report["modules"])
    assert report["leaked"] == []
    assert "<html" in out.read_text(encoding="utf-8")
