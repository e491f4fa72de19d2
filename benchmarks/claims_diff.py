#!/usr/bin/env python3
"""Dump every claim on the State of the Union and FOMC corpora, to diff extraction before and after a change.

One line per claim, tab-separated: file, start, end, kind, value, unit, low, high, rule, text.
Documents are scanned with the dates `real_checks.py` gives them, in a pool of forked workers.

    python benchmarks/claims_diff.py > before.tsv      # on the old revision
    python benchmarks/claims_diff.py > after.tsv       # on the new one
    python benchmarks/claims_diff.py --diff before.tsv after.tsv   # changed claims, grouped by rule
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import multiprocessing
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BOOK: Any = None


@functools.cache
def real_checks() -> Any:
    """The sibling benchmark, for its corpus list and document dates."""
    spec = importlib.util.spec_from_file_location("real_checks", HERE / "real_checks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def claim_lines(path: Path) -> list[str]:
    """One line per claim of one corpus file."""
    from factcheck.document import load_text
    from factcheck.extract.extractor import extract

    text = path.read_text(encoding="utf-8", errors="replace")
    claims, _ = extract(load_text(path.name, text, date=real_checks().document_date(path.name)), BOOK)
    return ["\t".join(map(str, (path.name, c.start, c.end, c.kind, c.value, c.unit, c.low, c.high, c.rule,
                                " ".join(c.text.split())))) for c in claims]


def dump(jobs: int, smoke: bool) -> list[str]:
    global BOOK
    from factcheck.extract.rulebook import load_rulebook

    BOOK = load_rulebook()
    files = real_checks().corpus_files(smoke)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [line for path in files for line in claim_lines(path)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return [line for found in pool.map(claim_lines, files, chunksize=1) for line in found]


def diff(old: Path, new: Path) -> list[str]:
    """Claims only in one dump, keyed by file and span, grouped by the rule that found the new one (or lost the old)."""
    before = {tuple(line.split("\t")[:3]): line for line in old.read_text(encoding="utf-8").splitlines()}
    after = {tuple(line.split("\t")[:3]): line for line in new.read_text(encoding="utf-8").splitlines()}
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        if now is None:
            groups[f"removed {was.split(chr(9))[8]}"].append(f"- {was}")
        elif was is None:
            groups[f"added {now.split(chr(9))[8]}"].append(f"+ {now}")
        else:
            groups[f"changed {now.split(chr(9))[8]}"].append(f"- {was}\n+ {now}")
    return [f"## {name} ({len(items)})\n" + "\n".join(items) for name, items in sorted(groups.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two dumps")
    parser.add_argument("--smoke", action="store_true", help="two files of each corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    args = parser.parse_args(argv)
    lines = diff(*args.diff) if args.diff else dump(args.jobs, args.smoke)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
