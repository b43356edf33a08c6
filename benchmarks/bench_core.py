"""Speed of the core: load+check of question banks, and `beoordeel` as a whole process.

Run: python benchmarks/bench_core.py [--runs N]

(a) load+check (`check_paths`, what `zelftest controleer` does, timed inside a fresh
    process after the imports) of the shipped bank and of generated banks of 500 and
    5,000 questions, and the 500 -> 5,000 scaling ratio (target: 5,000 questions under
    1 s, ratio at most 10, i.e. growth no worse than linear);
(b) `python -m zelftest beoordeel ANSWERS` whole-process wall time as a ratio to
    `python -c "import yaml, jinja2"`, both measured here (median; target <= 2x).

The generated banks are the shipped bank plus realistic extra questions: every type,
options, conditions over earlier answers (chains, `in` lists, numbers) and checks.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from figures import dump, installed_env, record  # noqa: E402 - the benchmarks folder is on sys.path when run

from zelftest.core.resources import default_bank_path  # noqa: E402

ANSWERS = """\
datum: 2026-11-26
antwoorden:
  loopbaanvragen: [twijfels, keuzes]
  aanleiding: eigen_initiatief
  ander_traject: nee
  wil_zelf: ja
  oefeningen: ja
  plan: ja
  verwachting: inzicht
  uitgeput: nee
  statuut: werknemer
  maanden_gewerkt: 20
  woonplaats: vlaanderen
  eerder_gevolgd: nee
"""


Info = tuple[str, str, list[str]]  # id, type, values


def _question(i: int, rng: random.Random, earlier: list[Info]) -> tuple[str, Info]:
    """One generated question as YAML, and (id, type, values) for later conditions."""
    qid = f"g{i:05d}"
    kind = ("keuze", "ja_nee", "meerkeuze", "getal", "datum", "tekst", "keuze", "ja_nee")[i % 8]
    lines = [
        f"  - id: {qid}",
        f"    type: {kind}",
        f"    tekst: Vraag {i} over de laatste {{{{ regels.periode_jaren }}}} jaar, met wat uitleg erbij?",
    ]
    values: list[str] = []
    if kind in ("keuze", "meerkeuze"):
        values = [f"w{j}" for j in range(rng.randint(3, 6))]
        lines.append("    opties:")
        lines += [f'      - {{waarde: {v}, label: "Optie {v} van vraag {i}"}}' for v in values]
    elif kind == "ja_nee":
        values = ["ja", "nee"]
    elif kind == "getal":
        lines += [
            "    min: 0",
            "    max: 40",
            "    controles:",
            '      - geldig_als: "waarde == waarde | int"',
            "        melding: Typ een heel getal.",
        ]
    elif kind == "datum":
        lines += [
            "    controles:",
            '      - geldig_als: "waarde <= vandaag"',
            "        melding: Die datum ligt in de toekomst.",
        ]
    choice = [e for e in earlier[-60:] if e[2]]
    if choice and rng.random() < 0.6:
        a = rng.choice(choice)
        cond = f"{a[0]} == '{a[2][0]}'" if a[1] != "meerkeuze" else f"'{a[2][0]}' in {a[0]}"
        if rng.random() < 0.4:
            b = rng.choice(choice)
            if b[1] == "keuze":
                cond += f" or {b[0]} in ['{b[2][0]}', '{b[2][-1]}']"
        lines.append(f'    toon_als: "{cond}"')
    return "\n".join(lines), (qid, kind, values)


def generate_bank(target: Path, questions: int, seed: int = 1) -> Path:
    """The shipped bank plus generated questions, `questions` in all."""
    shutil.copytree(default_bank_path(), target)
    shipped = sum(1 for line in (target / "vragenlijst.yaml").read_text().splitlines() if line.startswith("  - id:"))
    rng = random.Random(seed)
    earlier: list[tuple[str, str, list[str]]] = []
    blocks = ["vragen:"]
    for i in range(max(0, questions - shipped)):
        block, info = _question(i, rng, earlier)
        blocks.append(block)
        earlier.append(info)
    (target / "zz_gegenereerd.yaml").write_text("\n".join(blocks) + "\n", encoding="utf-8")
    return target


_CHILD = """
import sys, time
from pathlib import Path
from zelftest.core import report, result  # imported before timing: that is (b)'s business
from zelftest.core.check import checker
start = time.perf_counter()
findings = checker.check_paths([Path(sys.argv[1])])
print(time.perf_counter() - start, len(findings))
"""


_ENV = installed_env()


def _load_check(path: Path, runs: int) -> float:
    """Median wall time of `check_paths` (what `controleer` does) in a fresh process each run,
    so no cache of an earlier run helps: the caches of parsed expressions and compiled
    templates are what a real `zelftest controleer` starts without."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True, cwd=ROOT, env=_ENV
        ).stdout.split()
        if out[1] != "0":
            raise SystemExit(f"{path} is not clean: {out[1]} findings")
        times.append(float(out[0]))
    return statistics.median(times)


def _process(argv: list[str], runs: int) -> float:
    times = []
    env = _ENV
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", help="also write the figures as JSON to this file (for run_all.py)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, nproc {os.cpu_count()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        shipped = _load_check(default_bank_path(), args.runs)
        print(f"(a) load+check shipped bank:             {shipped * 1000:8.1f} ms")
        record("load+check, shipped bank", shipped * 1000, "ms")
        sizes = {}
        for n in (500, 5000):
            bank = generate_bank(tmp_path / f"bank{n}", n)
            sizes[n] = _load_check(bank, args.runs)
            print(f"    load+check generated {n:5d} questions: {sizes[n] * 1000:8.1f} ms")
        ratio = sizes[5000] / sizes[500]
        ok = "ok" if sizes[5000] < 1 and ratio <= 10 else "MISSED"
        print(f"    scaling 500 -> 5000 (10x questions):  {ratio:5.1f}x  (target: 5000 under 1 s, at most 10x) {ok}")
        record("load+check, 5,000 questions", sizes[5000] * 1000, "ms", "< 1000 ms", sizes[5000] < 1)
        record("load+check, 500 -> 5,000 questions", ratio, "x", "near linear (<= 10x)", ratio <= 10)
        answers = tmp_path / "antwoorden.yaml"
        answers.write_text(ANSWERS, encoding="utf-8")
        py = sys.executable
        _process([py, "-m", "zelftest", "beoordeel", str(answers)], 1)  # warm the disk cache
        base = _process([py, "-c", "import yaml, jinja2"], args.runs * 2)
        judge = _process([py, "-m", "zelftest", "beoordeel", str(answers)], args.runs * 2)
        judge_ratio = judge / base
        ok = "ok" if judge_ratio <= 2 else "MISSED"
        print(f"(b) python -c 'import yaml, jinja2':  {base * 1000:8.1f} ms")
        print(f"    python -m zelftest beoordeel:     {judge * 1000:8.1f} ms")
        print(f"    ratio:                            {judge_ratio:8.2f}x  (target <= 2x) {ok}")
        record("beoordeel / python -c 'import yaml, jinja2'", judge_ratio, "x", "<= 2x", judge_ratio <= 2)
    dump(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
