#!/usr/bin/env python3
"""`factcheck scan --jobs N` against `--jobs 1` on a folder of many files (default: the FOMC corpus).

    .venv/bin/python benchmarks/jobs.py                       # --jobs 1 and 2 on ../shared/corpus/fomc
    .venv/bin/python benchmarks/jobs.py --corpus ../shared/corpus/sotu --jobs 4

Each run writes JSON Lines; the outputs must be the same bytes. Wall time is what a pool saves;
the load average before each run says how idle the machine was.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]


def run(corpus: Path, jobs: int) -> tuple[float, bytes]:
    began = time.perf_counter()
    done = subprocess.run(FACTCHECK + ["scan", str(corpus), "--format", "jsonl", "--jobs", str(jobs)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - began, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "fomc")
    parser.add_argument("--jobs", type=int, default=2, help="the pool to compare with one process (default 2)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"jobs: error: corpus directory not found: {args.corpus}", file=sys.stderr)
        return 2
    run(args.corpus, 1)  # fills the pattern cache
    results = {}
    for jobs in (1, args.jobs):
        load = os.getloadavg()[0]
        results[jobs] = run(args.corpus, jobs)
        print(f"--jobs {jobs}: {results[jobs][0]:.2f} s wall   (load average before: {load:.2f})")
    print(f"speed-up: {results[1][0] / results[args.jobs][0]:.2f}x   same output: {results[1][1] == results[args.jobs][1]}")
    return 0 if results[1][1] == results[args.jobs][1] else 1


if __name__ == "__main__":
    sys.exit(main())
