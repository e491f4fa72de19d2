"""atheris fuzz target for the scan of one document (not collected by pytest).

The first byte picks the input format, the rest is the file. A document may be refused with a
one-line InputError (a subtitle file that is not one); anything else raised, a claim whose text
is not its slice of the document, or a report that is not JSON is a crash. Run:

    python tests/fuzz/scan_target.py -max_total_time=60 CORPUS_DIR [SEED_DIR ...]

Every crash it ever found is a regression test in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from factcheck.document import decode
    from factcheck.errors import InputError
    from factcheck.model import Report
    from factcheck.pipeline import read_document, scan_document
    from factcheck.render.json_report import render_json
    from factcheck.rulebook import load_rulebook
    from factcheck.session import with_region

FORMATS = [".txt", ".md", ".html", ".srt", ".vtt"]
BOOK = load_rulebook()
# Bugs fixed elsewhere (issue #9 leaves them to the checker rewrite on main): an exception raised
# inside one of these functions is not a new crash. Remove an entry once its fix has landed.
FIXED_ELSEWHERE = {("checker.py", "eval_anniversary")}


def scan_one(data: bytes) -> None:
    suffix = FORMATS[data[0] % len(FORMATS)] if data else ".txt"
    body = data[1:]
    date = dt.date(2015, 2, 22) if data and data[0] & 0x80 else None
    try:
        doc, prepared = read_document(f"fuzz{suffix}", body, date)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    try:
        report = scan_document(doc, BOOK)
    except Exception as exc:
        if fixed_elsewhere(exc):
            return
        raise
    report.claims = [with_region(c, prepared) for c in report.claims]
    text, _ = decode(body)
    for claim in report.claims:
        assert claim.text == text[claim.start:claim.end], (claim, suffix)
        assert doc.line_col(claim.start) == (claim.line, claim.column), claim
    json.loads(render_json(Report([report]), "fuzz"))


def fixed_elsewhere(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return any((Path(frame.filename).name, frame.name) in FIXED_ELSEWHERE for frame in frames)


def main() -> None:
    atheris.Setup(sys.argv, scan_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
