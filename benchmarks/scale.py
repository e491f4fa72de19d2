#!/usr/bin/env python3
"""Time and memory of `factcheck scan DIR --format jsonl` as the corpus grows from 1 to 100 MB.

    .venv/bin/python benchmarks/scale.py                  # 1, 10 and 100 MB of tiled State of the Union files
    .venv/bin/python benchmarks/scale.py --sizes 1 10     # some sizes only (MB)
    .venv/bin/python benchmarks/scale.py --smoke          # about 0.2 MB, for CI

For each size the corpus's files are copied, in name order and round again, into a temporary
folder until they hold at least that many MB (10**6 bytes; whole files, so a little more), and
the scan runs there as a new process (`--jobs 1` unless told). The child's wall and CPU time
(user + system) and its peak resident memory come from `os.wait4`. A first run on one file
fills the pattern cache, so no size pays the cold start. Linearity is each size's CPU seconds
per MB over the smallest size's; memory, the largest size's peak RSS over the smallest's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]
SMOKE_MB = 0.2
READ_CHUNK = 1 << 16


@dataclass(frozen=True)
class Run:
    """One scan: its input size, the child's times and peak memory, and the lines it wrote."""

    files: int
    megabytes: float
    wall: float
    cpu: float
    rss_mb: float
    lines: int
    load: float  # the 1-minute load average before the run


def tile(sources: list[tuple[str, bytes]], megabytes: float) -> list[tuple[str, bytes]]:
    """Copies of the sources, in order and round again, named apart, until they hold `megabytes`."""
    if not sources:
        raise ValueError("no files to tile")
    wanted, total, tiled = megabytes * 1e6, 0, []
    while total < wanted:
        name, data = sources[len(tiled) % len(sources)]
        tiled.append((f"{len(tiled):06d}-{name}", data))
        total += len(data)
    return tiled


def rss_megabytes(maxrss: int, platform: str = sys.platform) -> float:
    """`ru_maxrss` in MB: kilobytes on Linux, bytes on macOS."""
    return maxrss / 1e6 if platform == "darwin" else maxrss / 1e3


def scan(folder: Path, jobs: int) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one scan of the folder, and its output lines."""
    began = time.perf_counter()
    child = subprocess.Popen(FACTCHECK + ["scan", str(folder), "--format", "jsonl", "--jobs", str(jobs)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    lines = 0
    while chunk := child.stdout.read(READ_CHUNK):
        lines += chunk.count(b"\n")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: findings at --fail-on
        raise RuntimeError(f"factcheck scan exited with status {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, rss_megabytes(usage.ru_maxrss), lines


def measure(sources: list[tuple[str, bytes]], megabytes: float, jobs: int) -> Run:
    files = tile(sources, megabytes)
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as folder:
        for name, data in files:
            (Path(folder) / name).write_bytes(data)
        load = os.getloadavg()[0]
        wall, cpu, rss, lines = scan(Path(folder), jobs)
    return Run(len(files), sum(len(data) for _, data in files) / 1e6, wall, cpu, rss, lines, load)


def linearity(runs: list[Run]) -> list[float]:
    """Each run's CPU seconds per MB over the first run's (1.0: time grows with the input, no faster)."""
    base = runs[0].cpu / runs[0].megabytes
    return [run.cpu / run.megabytes / base for run in runs]


def rss_ratio(runs: list[Run]) -> float:
    """Peak RSS of the last (largest) run over the first's."""
    return runs[-1].rss_mb / runs[0].rss_mb


def report(runs: list[Run]) -> list[str]:
    rows = [f"{'MB':>8} {'files':>6} {'wall s':>8} {'CPU s':>8} {'MB/s CPU':>9} {'MB/s wall':>9} "
            f"{'s/MB CPU':>9} {'linear':>7} {'RSS MB':>7} {'load':>5}"]
    for run, ratio in zip(runs, linearity(runs)):
        rows.append(f"{run.megabytes:8.2f} {run.files:6d} {run.wall:8.2f} {run.cpu:8.2f} {run.megabytes / run.cpu:9.3f} "
                    f"{run.megabytes / run.wall:9.3f} {run.cpu / run.megabytes:9.2f} {ratio:7.2f} {run.rss_mb:7.0f} "
                    f"{run.load:5.2f}")
    rows.append(f"peak RSS {runs[-1].megabytes:.1f} MB / {runs[0].megabytes:.1f} MB: {rss_ratio(runs):.2f}x")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "sotu")
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0, 100.0], metavar="MB")
    parser.add_argument("--smoke", action="store_true", help=f"one size of {SMOKE_MB} MB")
    parser.add_argument("--jobs", type=int, default=1, help="the scan's --jobs (default 1: the child's RSS is all of it)")
    args = parser.parse_args(argv)
    sources = [(p.name, p.read_bytes()) for p in sorted(args.corpus.glob("*.txt"))] if args.corpus.is_dir() else []
    if not sources:
        print(f"scale: error: no *.txt files in {args.corpus}", file=sys.stderr)
        return 2
    sizes = [SMOKE_MB] if args.smoke else sorted(args.sizes)
    measure(sources[:1], 1e-6, args.jobs)  # one file: fills the pattern cache
    runs = []
    for megabytes in sizes:
        runs.append(measure(sources, megabytes, args.jobs))
        print(f"{runs[-1].megabytes:.2f} MB done: {runs[-1].wall:.1f} s wall", file=sys.stderr, flush=True)
    print("\n".join(report(runs)))
    bad = [run for run in runs if run.lines != run.files]
    for run in bad:
        print(f"scale: error: {run.files} files gave {run.lines} lines", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
