"""Run every benchmark and print one table of figures and ratios, with the machine.

    python3 benchmarks/run_all.py [--quick]

Each benchmark also prints its own details first. `--quick` uses fewer repeats
(for a look, not for the README's figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = {
    "bench_core.py": (["--runs", "9"], ["--runs", "3"]),
    "bench_ui.py": (["--repeats", "9", "--runs", "4"], ["--repeats", "3", "--runs", "1"]),
    "bench_web.py": ([], ["--quick"]),
}


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.machine()} ({cpu}), {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for script, (full, quick) in BENCHES.items():
            if not (HERE / script).exists():
                continue
            out = Path(tmp) / f"{script}.json"
            print(f"== {script}", flush=True)
            proc = subprocess.run(
                [sys.executable, str(HERE / script), *(quick if args.quick else full), "--json", str(out)], check=False
            )
            if proc.returncode != 0 or not out.exists():
                print(f"   {script} failed (exit {proc.returncode})")
                continue
            rows += [{**row, "bench": script} for row in json.loads(out.read_text(encoding="utf-8"))]
    print()
    print(f"machine: {machine()}")
    print(f"{'figure':<52} {'value':>10}  {'target':<22} met")
    for row in rows:
        met = "" if row["ok"] is None else ("yes" if row["ok"] else "NO")
        print(f"{row['name']:<52} {row['value']:>8.2f} {row['unit']:<2} {row['target']:<22} {met}")
    return 0 if all(row["ok"] is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
