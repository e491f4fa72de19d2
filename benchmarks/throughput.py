#!/usr/bin/env python3
"""Measure scan throughput (read_document + scan_document) on the State of the Union corpus.

The rulebook is compiled once, outside the timing; the files are read into memory first,
so disk speed is not measured. MB means 10**6 bytes of input. A bare `\\d+` regex pass over
the same texts gives a scale for the numbers.
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


def best_time(repeat: int, work: Any) -> tuple[float, Any]:
    """The shortest of `repeat` runs of work(), and what the last run returned."""
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - began)
    return best, result


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
    from factcheck.rulebook import load_rulebook

    args = parse_args(argv)
    try:
        texts = load_texts(args.corpus, SMOKE_FILES if args.smoke else None)
        book = load_rulebook()
        if args.profile:
            profile(texts, book)
            return 0
        repeat = 1 if args.smoke else args.repeat
        seconds, claims = best_time(repeat, lambda: scan_all(texts, book))
    except (CorpusError, FactcheckError) as exc:
        print(f"throughput: error: {exc}", file=sys.stderr)
        return 2
    decoded = [data.decode("utf-8", errors="replace") for _, data in texts]
    regex_seconds, numerals = best_time(repeat, lambda: digits_pass(decoded))
    megabytes = sum(len(data) for _, data in texts) / 1e6
    print(f"files:    {len(texts)}  ({megabytes:.2f} MB, best of {repeat})")
    print(f"scan:     {seconds:.3f} s  {megabytes / seconds:.2f} MB/s  {claims} claims")
    print(f"baseline: {regex_seconds:.3f} s  {megabytes / regex_seconds:.1f} MB/s  {numerals} \\d+ matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
