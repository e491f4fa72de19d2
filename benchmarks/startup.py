#!/usr/bin/env python3
"""Cold start of the command line: the median wall and CPU time of whole `factcheck` runs.

Each command runs `--runs` times as a new process with the pattern cache warm (a first run fills
it), and once with an empty cache (a fresh FACTCHECK_CACHE_DIR), as after an install:

    .venv/bin/python benchmarks/startup.py              # median of 10
    .venv/bin/python benchmarks/startup.py --runs 3

CPU time is the children's user + system time; on a busy machine only it is comparable. The
children run with Python's bytecode cache on, as an installed package is (pip compiles it at install):
where PYTHONDONTWRITEBYTECODE is set, every run would compile the whole package from source again,
a tenth of a second that no user pays, so the benchmark leaves that variable out of their environment.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
SENTENCE = "Exports rose 12% to $150 million in 2014 from $100 million a year earlier.\n"
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]
COMMANDS = {
    "scan seed": (["scan", str(SEED), "--format", "json"], None),
    "scan - (one sentence)": (["scan", "-", "--format", "json"], SENTENCE),
    "rules list": (["rules", "list"], None),
    "rules test": (["rules", "test"], None),
    "--help": (["--help"], None),
}


def timed_run(args: list[str], stdin: str | None, cache: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of the command line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(FACTCHECK + args, input=stdin, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=child_environment(cache), check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def child_environment(cache: str) -> dict[str, str]:
    """This process's environment with the pattern cache at `cache` and Python's bytecode cache on."""
    kept = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**kept, "FACTCHECK_CACHE_DIR": cache}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="warm runs per command (default 10)")
    args = parser.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'command':24} {'cold wall':>10} {'cold CPU':>9} {'warm wall (median)':>19} {'warm CPU':>9}")
    for name, (command, stdin) in COMMANDS.items():
        with tempfile.TemporaryDirectory() as cache:
            cold_wall, cold_cpu = timed_run(command, stdin, cache)
            warm = [timed_run(command, stdin, cache) for _ in range(args.runs)]
        wall, cpu = statistics.median(w for w, _ in warm), statistics.median(c for _, c in warm)
        print(f"{name:24} {cold_wall:9.2f}s {cold_cpu:8.2f}s {wall:18.2f}s {cpu:8.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
