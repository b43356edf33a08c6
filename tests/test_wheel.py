"""The built wheel works without the checkout: it holds the question bank, the templates
and the language catalogues (and no test helper), and `controleer` and `beoordeel` run
from it in another directory.

Marked `wheel` (it builds and installs, a few seconds) but part of the normal suite.
The wheel is built from a copy of the project files, so the checkout gets no build/.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import site
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import FULL, PYTHON, ROOT, write_answers

pytestmark = pytest.mark.wheel


def _run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel, built and installed once per test run: pytest-xdist's workers share the
    temporary folder's parent, and the first to come builds while the others wait."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    base = shared / "wheel"
    with (shared / "wheel.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / "built").exists():
            shutil.rmtree(base, ignore_errors=True)  # a build that failed half-way
            base.mkdir()
            _build(base)
            (base / "built").touch()
    return {"wheel": next((base / "dist").glob("zelftest-*.whl")), "site": base / "site", "cwd": base / "elders"}


def _build(base: Path) -> None:
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "zelftest", src / "zelftest", ignore=ignore)
    shutil.copytree(ROOT / "vragen", src / "vragen", ignore=ignore)
    pip = [PYTHON, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    built = _run([*pip, "wheel", "--no-deps", "-w", str(base / "dist"), str(src)], cwd=base)
    assert built.returncode == 0, f"pip wheel failed:\n{built.stdout}\n{built.stderr}"
    wheel = next((base / "dist").glob("zelftest-*.whl"))
    done = _run([*pip, "install", "--no-deps", "--target", str(base / "site"), str(wheel)], cwd=base)
    assert done.returncode == 0, f"pip install failed:\n{done.stdout}\n{done.stderr}"
    (base / "elders").mkdir()


def _env(site_dir: Path) -> dict[str, str]:
    """The installed wheel first, then the venv's libraries (yaml, jinja2) - never the checkout.

    Python runs with -S, so the venv's .pth files (among them the editable install that
    points at the checkout) are not read; only the paths named here are searched.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join([str(site_dir), *site.getsitepackages()])
    env["PYTHONNOUSERSITE"] = "1"
    return env


def test_wheel_contains_the_bank_and_the_templates(installed: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    banks = {f"zelftest/vragen/{p.name}" for p in (ROOT / "vragen").glob("*.yaml")}
    templates = {f"zelftest/templates/{p.name}" for p in (ROOT / "zelftest" / "templates").glob("*.j2")}
    assert banks and banks <= names, sorted(banks - names)
    assert templates and templates <= names, sorted(templates - names)
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_ships_the_product_only(installed: dict[str, Path]) -> None:
    """The catalogues of every language are in; the Pilot driver of the tests is not."""
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    catalogues = {p.relative_to(ROOT).as_posix() for p in (ROOT / "zelftest" / "taal").glob("*/*.yaml")}
    assert {"zelftest/taal/nl/chat.yaml", "zelftest/taal/fr/chat.yaml"} <= catalogues
    assert catalogues <= names, sorted(catalogues - names)
    assert "zelftest/vragen/vragenlijst.yaml" in names and "zelftest/templates" in {n.rsplit("/", 1)[0] for n in names}
    assert not [n for n in names if n.rsplit("/", 1)[-1] == "scripted.py"]
    assert not [n for n in names if n.startswith(("benchmarks/", ".ci/"))]


def test_wheel_contains_every_module_of_the_package(installed: dict[str, Path]) -> None:
    """A subpackage missing from pyproject's `packages` is left out of the wheel silently."""
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "zelftest").rglob("*.py")}
    assert "zelftest/core/rules/__init__.py" in modules
    assert modules <= names, sorted(modules - names)


def test_the_installed_package_is_the_one_imported(installed: dict[str, Path]) -> None:
    code = "import json, zelftest, zelftest.core.report as r; print(json.dumps([zelftest.__file__, r.__file__]))"
    proc = _run([PYTHON, "-S", "-c", code], cwd=installed["cwd"], env=_env(installed["site"]))
    assert proc.returncode == 0, proc.stderr
    site_dir = str(installed["site"].resolve())
    for path in json.loads(proc.stdout):
        assert str(Path(path).resolve()).startswith(site_dir + os.sep), path


def test_the_installed_bank_and_templates_are_found(installed: dict[str, Path]) -> None:
    code = (
        "import json, zelftest.core.resources as r; "
        "print(json.dumps([str(r.default_bank_path()), str(r.templates_path())]))"
    )
    proc = _run([PYTHON, "-S", "-c", code], cwd=installed["cwd"], env=_env(installed["site"]))
    assert proc.returncode == 0, proc.stderr
    bank, templates = (Path(p) for p in json.loads(proc.stdout))
    assert bank.resolve() == (installed["site"] / "zelftest" / "vragen").resolve()
    assert templates.resolve() == (installed["site"] / "zelftest" / "templates").resolve()


def test_controleer_from_the_wheel(installed: dict[str, Path]) -> None:
    proc = _run([PYTHON, "-S", "-m", "zelftest", "controleer"], cwd=installed["cwd"], env=_env(installed["site"]))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_beoordeel_from_the_wheel(installed: dict[str, Path]) -> None:
    answers = write_answers(installed["cwd"], FULL)
    env = _env(installed["site"])
    proc = _run([PYTHON, "-S", "-m", "zelftest", "beoordeel", answers.name], cwd=installed["cwd"], env=env)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    # FULL on TODAY: the rules of 2025-2026 (read from the wheel's own regels_2025.yaml), one
    # cheque for someone who never had one, its hours unknown.
    assert result["regelset"]["id"] == "loopbaancheques-2025"
    assert result["recht"]["status"] == "ja" and result["recht"]["uren"] is None
    assert result["recht"]["kop"].startswith("Waarschijnlijk wel: je kan één loopbaancheque krijgen.")
    html = _run(
        [PYTHON, "-S", "-m", "zelftest", "beoordeel", answers.name, "--formaat", "html"], cwd=installed["cwd"], env=env
    )
    assert html.returncode == 0, html.stderr
    assert "<html" in html.stdout and "loopbaanbegeleiding" in html.stdout
