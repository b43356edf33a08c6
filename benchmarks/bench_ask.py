"""Vraag het de bot: quality and speed of zelftest.core.ask over tests/faq_eval.yaml.

Run: python benchmarks/bench_ask.py [--runs N] [--json PATH]

Prints per language (nl, fr, en: tests/faq_eval.yaml, faq_eval_fr.yaml, faq_eval_en.yaml) top-1
and abstention on the out-of-scope questions against the floors of tests/test_ask.py (FLOORS),
the index build time (in a fresh process: the libraries' imports included), the median and
p95 latency of one question after the index is built (target median <= 20 ms), and the
chat's start-up import cost: whether importing the command line, the app and the core
imports the retrieval libraries (it must not: the index is built at the first question).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from figures import dump, record  # noqa: E402 - the benchmarks folder is on sys.path when run
from test_ask import EVALS, FLOORS, evaluation  # noqa: E402 - the test's own scoring, so both agree

from zelftest.core import ask  # noqa: E402
from zelftest.core.bank.loader import load_bank  # noqa: E402
from zelftest.core.resources import default_bank_path  # noqa: E402

BUILD = """
import time
from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.core import ask
bank = load_bank(default_bank_path())
start = time.perf_counter()
ask.build_index(bank)
print(time.perf_counter() - start)
"""
START = """
import sys, time
start = time.perf_counter()
import zelftest.cli, zelftest.ui.app, zelftest.core.ask
print(time.perf_counter() - start)
print(int(any(m in sys.modules for m in ('Stemmer', 'rapidfuzz', 'zelftest.core.ask.retrieval'))))
"""


def own_import_ms() -> float:
    """What importing zelftest.core.ask itself costs the chat's start (its own modules' self
    time in `python -X importtime`, after the bank and the rules the chat loads anyway)."""
    code = "import zelftest.core.engine, zelftest.core.check.checker; import zelftest.core.ask"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, cwd=ROOT)
    total = 0
    for line in done.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2].startswith("zelftest.core.ask") and parts[0].split()[-1].isdigit():
            total += int(parts[0].split()[-1])
    return total / 1000


def fresh(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per start-up figure (default 5)")
    parser.add_argument("--json", help="write the figures here (for run_all.py)")
    args = parser.parse_args()

    from conftest import TODAY

    bank = load_bank(default_bank_path())
    scores = {lang: evaluation(bank, lang) for lang in EVALS}
    builds = sorted(float(fresh(BUILD)[0]) for _ in range(args.runs))
    starts = [fresh(START) for _ in range(args.runs)]
    start_ms = statistics.median(float(s[0]) for s in starts) * 1000
    loads_index = any(s[1] == "1" for s in starts)
    own = statistics.median(own_import_ms() for _ in range(args.runs))

    import yaml

    scope = ask.scope_for(bank, TODAY)
    times = []
    for lang, path in EVALS.items():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        questions = [c["vraag"] for c in data["vragen"]] + list(data["buiten"])
        index = ask.build_index(bank, lang)
        for _ in range(3):
            for text in questions:
                start = time.perf_counter()
                ask.answer(index, text, scope, lang)
                times.append((time.perf_counter() - start) * 1000)
        print(f"evaluation {lang}: {len(data['vragen'])} questions, {len(data['buiten'])} out of scope")
        for miss in scores[lang][2]:
            print(f"  miss: {miss}")
    times.sort()
    median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]

    print(f"{'figure':<44}{'value':>12}  target")
    rows = []
    for lang, (top1, abstain, _) in scores.items():
        min_top1, min_abstain = FLOORS[lang]
        rows += [
            (f"top-1 ({lang})", f"{top1:.1%}", f">= {min_top1:.0%}", top1 >= min_top1, top1 * 100, "%"),
            (
                f"abstention, out of scope ({lang})",
                f"{abstain:.1%}",
                f">= {min_abstain:.0%}",
                abstain >= min_abstain,
                abstain * 100,
                "%",
            ),
        ]
    rows += [
        (
            "index build, fresh process (median)",
            f"{statistics.median(builds) * 1000:.0f} ms",
            "",
            None,
            statistics.median(builds) * 1000,
            "ms",
        ),
        ("latency per question, median", f"{median:.2f} ms", "<= 20 ms", median <= 20, median, "ms"),
        ("latency per question, p95", f"{p95:.2f} ms", "", None, p95, "ms"),
        ("start-up imports (cli, app, core.ask), median", f"{start_ms:.0f} ms", "", None, start_ms, "ms"),
        ("import of zelftest.core.ask itself (self time)", f"{own:.2f} ms", "", None, own, "ms"),
        (
            "start-up imports the retrieval libraries",
            "yes" if loads_index else "no",
            "no",
            not loads_index,
            float(loads_index),
            "",
        ),
    ]
    for name, shown, target, ok, value, unit in rows:
        mark = "" if ok is None else (" ok" if ok else " MISSED")
        print(f"{name:<44}{shown:>12}  {target}{mark}")
        record(f"ask: {name}", value, unit, target, ok)
    dump(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
