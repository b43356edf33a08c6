"""The README's quick start is what CI runs, and it works on a fresh machine.

- The quick start has two lines: one makes `.venv`, installs and starts the chat; one
  installs the test extras there and runs the tests. No line calls pip outside `.venv`, so
  a system Python that refuses `pip install` (PEP 668, Debian and Ubuntu) is never asked.
- `.ci/run` runs exactly the second line (it reads it from README.md).
- Marked `slow` (about a minute, part of the normal suite): the first line, without its
  last step (starting the chat needs a terminal), in a fresh `.venv` made from the system's
  `python3` in a copy of the checkout; then the installed command starts without a
  terminal. Skipped with the reason when no package index can be reached.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
START = ".venv/bin/python -m zelftest"
TESTS = ".venv/bin/python -m pytest -n auto --dist worksteal"

# What pip says when it cannot reach a package index (no network, no mirror).
OFFLINE = (
    "No matching distribution found",
    "Could not find a version that satisfies",
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Max retries exceeded",
)


def quick_start() -> list[str]:
    """The command lines of the fenced block between the quick-start markers."""
    text = README.read_text(encoding="utf-8")
    found = re.search(r"^<!-- quick-start.*?-->\n```\w*\n(.*?)^```\n<!-- /quick-start -->", text, re.M | re.S)
    assert found, "README.md has no <!-- quick-start --> block"
    return [line for line in found.group(1).splitlines() if line.strip()]


def steps(line: str) -> list[str]:
    return [step.strip() for step in line.split("&&")]


def test_the_quick_start_is_two_single_lines() -> None:
    start, tests = quick_start()
    assert steps(start) == ["python3 -m venv .venv", ".venv/bin/python -m pip install .", START]
    assert steps(tests) == ["python3 -m venv .venv", '.venv/bin/python -m pip install -e ".[test]"', TESTS]


def test_ci_runs_the_readme_test_line() -> None:
    printed = subprocess.run(["bash", str(CI), "--print-test-command"], capture_output=True, text=True, timeout=30)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.splitlines() == [quick_start()[1]]
    assert os.access(CI, os.X_OK)
    # The script runs that line as it is, and runs no other tests of its own.
    script = [line.strip() for line in CI.read_text(encoding="utf-8").splitlines()]
    commands = [line for line in script if line and not line.startswith("#")]
    assert commands[-1] == 'bash -c "$test_command"'
    assert not [line for line in commands if "pytest" in line]


def shell_lines() -> list[str]:
    """Every line of every fenced code block in the README, and every command of .ci/run."""
    blocks = re.findall(r"^```\w*\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    ci = [line for line in CI.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    return lines + ci


def bare_pip(lines: list[str]) -> list[str]:
    """The lines with a step that runs pip other than as `.venv/bin/python -m pip`."""
    bare = []
    for line in lines:
        for step in re.split(r"&&|;|\|", line.split(" # ")[0]):
            if re.search(r"\bpip3?\b", step) and not step.strip().startswith(".venv/bin/python -m pip "):
                bare.append(line)
    return bare


def test_pip_runs_only_inside_the_venv() -> None:
    """`pip install` outside `.venv` stops at once on a stock Debian or Ubuntu Python."""
    assert not bare_pip(shell_lines())


def test_the_pip_check_is_not_blind() -> None:
    refused = ["python3 -m pip install .", "pip install -e .", "cd x; sudo pip3 install zelftest", "a && pip list"]
    assert bare_pip(refused) == refused
    assert not bare_pip(['python3 -m venv .venv && .venv/bin/python -m pip install -e ".[test]"'])


def _base_python() -> str:
    """The system's python3 (on Debian and Ubuntu: the one that refuses pip), if it is new enough."""
    system = Path("/usr/bin/python3")
    if system.exists():
        new_enough = subprocess.run([str(system), "-c", "import sys; sys.exit(sys.version_info < (3, 11))"])
        if new_enough.returncode == 0:
            return str(system)
    return sys.executable


def _copy_checkout(target: Path) -> None:
    """The files a fresh clone would have (plus new files not yet committed), not .venv or caches."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        timeout=30,
    )
    if listed.returncode != 0:
        pytest.skip(f"git ls-files failed: {listed.stderr.decode(errors='replace').strip()}")
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.mark.slow
def test_the_quick_start_installs_in_a_fresh_venv_from_the_system_python(tmp_path: Path) -> None:
    start = quick_start()[0]
    install, last = start.rsplit(" && ", 1)
    assert last == START
    checkout, bin_dir, elsewhere = tmp_path / "zelftest", tmp_path / "bin", tmp_path / "elders"
    for folder in (checkout, bin_dir, elsewhere):
        folder.mkdir()
    _copy_checkout(checkout)
    # `python3` in the README's line is the system's: a bin folder in front of PATH says so.
    base = _base_python()
    (bin_dir / "python3").symlink_to(base)
    hidden = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "/usr/bin:/bin")])
    print(f"\n$ cd {checkout.name} && {install}   # python3 = {base}")
    done = subprocess.run(["bash", "-c", install], cwd=checkout, env=env, capture_output=True, text=True, timeout=170)
    print("\n".join(done.stdout.splitlines()[-2:]))
    said = done.stdout + done.stderr
    if done.returncode != 0 and "ensurepip is not available" in said:
        pytest.skip(f"{base} has no venv module (the README says: apt install python3-venv)")
    offline = [line.strip() for line in said.splitlines() if any(sign in line for sign in OFFLINE)]
    if done.returncode != 0 and offline:
        pytest.skip(f"no package index reachable: {offline[0]}")
    assert done.returncode == 0, said[-3000:]

    venv_python = checkout / ".venv" / "bin" / "python"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    # The README's last step, with --versie: it starts the installed product and stops.
    shown = subprocess.run(
        ["bash", "-c", f"{START} --versie"], cwd=checkout, env=env, capture_output=True, text=True, timeout=60
    )
    print(f"$ {START} --versie\n{shown.stdout.strip()}")
    assert shown.returncode == 0 and shown.stdout.strip() == f"zelftest {version}", shown.stderr
    where = subprocess.run(
        [str(venv_python), "-c", "import sys, zelftest; print(zelftest.__file__); print(sys.base_prefix)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    package, prefix = where.stdout.split()
    assert Path(package).is_relative_to(checkout / ".venv"), "the installed copy, not the checkout"
    base_prefix = subprocess.run([base, "-c", "import sys; print(sys.base_prefix)"], capture_output=True, text=True)
    assert prefix == base_prefix.stdout.strip(), "the venv is made from the chosen python"
    # The chat without a terminal: plain mode shows the first question, then the input ends.
    plain = subprocess.run(
        [str(checkout / ".venv" / "bin" / "zelftest"), "--eenvoudig", "--datum", "2026-11-26"],
        cwd=elsewhere,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    print(f"$ .venv/bin/zelftest --eenvoudig --datum 2026-11-26 </dev/null\n{plain.stdout.splitlines()[0]}\n…")
    assert "Vraag 1 van" in plain.stdout and "Traceback" not in plain.stderr, plain.stdout + plain.stderr


def test_no_machine_paths_in_the_readme_the_package_or_the_benchmarks() -> None:
    """A path of the machine it was written on (a home, a work folder) means nothing elsewhere."""
    files = [README, *(ROOT / "zelftest").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
    machine = re.compile(r"(?<![\w.])/(work|root|home|Users)/\w")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if machine.search(line)
    ]
    assert not found, found
