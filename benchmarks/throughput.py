#!/usr/bin/env python3
"""Measure scan throughput (read_document + scan_document) on the State of the Union corpus.

The rulebook is compiled once, outside the timing; the files are read into memory first,
so disk speed is not measured. MB means 10**6 bytes of input. A bare `\\d+` regex pass over
the same texts gives a scale for the numbers. Wall and CPU time are both reported: on a busy
machine only the CPU time is comparable between runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path
from typing import Any

SMOKE_FILES = 3
PROFILE_TOP = 25
DIGITS = re.compile(r"\d+")


class CorpusError(Exception):
    """The corpus is missing or empty; the message is one line."""


def default_corpus() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "sotu"


def load_texts(corpus: Path, limit: int | None) -> list[tuple[str, bytes]]:
    if not corpus.is_dir():
        raise CorpusError(f"corpus directory not found: {corpus} (pass --corpus DIR)")
    paths = sorted(corpus.glob("*.txt"))[:limit]
    if not paths:
        raise CorpusError(f"no *.txt files in {corpus}")
    return [(path.name, path.read_bytes()) for path in paths]


def scan_all(texts: list[tuple[str, bytes]], book: Any) -> int:
    """One full pass; returns the number of claims found."""
    from factcheck.pipeline import read_document, scan_document

    claims = 0
    for name, data in texts:
        doc, _ = read_document(name, data, None)
        claims += len(scan_document(doc, book).claims)
    return claims


def digits_pass(texts: list[str]) -> int:
    return sum(1 for text in texts for _ in DIGITS.finditer(text))


def best_time(repeat: int, work: Any) -> tuple[float, float, Any]:
    """The shortest wall and CPU times of `repeat` runs of work(), and what the last run returned."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = min(wall, time.perf_counter() - began), min(cpu, time.process_time() - began_cpu)
    return wall, cpu, result


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def profile(texts: list[tuple[str, bytes]], book: Any) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(scan_all, texts, book)
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(PROFILE_TOP)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus(), help="a directory of *.txt files")
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="runs to take the best of (default 3)")
    parser.add_argument("--smoke", action="store_true", help=f"the first {SMOKE_FILES} files, one run")
    parser.add_argument("--profile", action="store_true", help=f"profile one pass; print the top {PROFILE_TOP} "
                        "functions by cumulative time")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    from factcheck.errors import FactcheckError
    from factcheck.extract.rulebook import load_rulebook

    args = parse_args(argv)
    try:
        texts = load_texts(args.corpus, SMOKE_FILES if args.smoke else None)
        book = load_rulebook()
        if args.profile:
            profile(texts, book)
            return 0
        repeat = 1 if args.smoke else args.repeat
        wall, cpu, claims = best_time(repeat, lambda: scan_all(texts, book))
    except (CorpusError, FactcheckError) as exc:
        print(f"throughput: error: {exc}", file=sys.stderr)
        return 2
    decoded = [data.decode("utf-8", errors="replace") for _, data in texts]
    regex_wall, regex_cpu, numerals = best_time(repeat, lambda: digits_pass(decoded))
    megabytes = sum(len(data) for _, data in texts) / 1e6
    print(f"files:    {len(texts)}  ({megabytes:.2f} MB, best of {repeat})")
    print(f"scan:     wall {wall:.3f} s  {megabytes / wall:.2f} MB/s   CPU {cpu:.3f} s  {megabytes / cpu:.2f} MB/s   "
          f"{claims} claims  {claims / cpu:.0f} claims/s (CPU)")
    print(f"baseline: wall {regex_wall:.3f} s  {megabytes / regex_wall:.1f} MB/s   CPU {regex_cpu:.3f} s   "
          f"{numerals} \\d+ matches")
    print(f"ratio:    {cpu / max(regex_cpu, 1e-9):.0f}x the CPU time of the \\d+ pass   peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
