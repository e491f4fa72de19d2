#!/usr/bin/env python3
"""Dump every claim, check and warning of the State of the Union and FOMC corpora as JSON Lines.

One line per document (`document_to_dict`, with the same document dates as real_checks.py), in
file order, so two dumps made with two versions of the code compare with `cmp` or `diff`:

    .venv/bin/python benchmarks/claims_dump.py > new.jsonl
    PYTHONPATH=/path/to/old/checkout .venv/bin/python benchmarks/claims_dump.py > old.jsonl
    cmp old.jsonl new.jsonl

Documents are scanned in a pool of forked workers (`--jobs`, default: the number of cores).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(1, str(Path(__file__).resolve().parent))
from real_checks import SHARED, document_date  # noqa: E402

BOOK: Any = None


def dump_file(path: Path) -> str:
    from factcheck.pipeline import read_document, scan_document
    from factcheck.render.json_report import document_to_dict

    doc, _ = read_document(path.name, path.read_bytes(), document_date(path.name))
    return json.dumps(document_to_dict(scan_document(doc, BOOK)), ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    global BOOK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", action="append", choices=("sotu", "fomc"), help="default: both")
    args = parser.parse_args(argv)
    from factcheck.extract.rulebook import load_rulebook

    files = [p for name in args.corpus or ("sotu", "fomc") for p in sorted((SHARED / "corpus" / name).glob("*.txt"))]
    if not files:
        print("claims_dump: error: no corpus files under ../shared/corpus", file=sys.stderr)
        return 2
    BOOK = load_rulebook()  # forked workers inherit it
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for line in pool.imap(dump_file, files, chunksize=1):
            sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
