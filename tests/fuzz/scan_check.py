"""What the fuzz target checks on one input, importable without atheris (see test_fuzz_regressions)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factcheck.document import decode
from factcheck.errors import InputError
from factcheck.model import Report
from factcheck.pipeline import read_document, scan_document
from factcheck.render.json_report import render_json
from factcheck.extract.rulebook import Rulebook
from factcheck.session import with_region

FORMATS = [".txt", ".md", ".html", ".srt", ".vtt"]


def scan_one(data: bytes, book: Rulebook) -> None:
    """The first byte picks the format (and, with its high bit, a document date), the rest is the file.

    Returns when the document is scanned well or refused with a one-line InputError; raises otherwise.
    """
    suffix = FORMATS[data[0] % len(FORMATS)] if data else ".txt"
    body = data[1:]
    date = dt.date(2015, 2, 22) if data and data[0] & 0x80 else None
    try:
        doc, prepared = read_document(f"fuzz{suffix}", body, date)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    report = scan_document(doc, book)
    report.claims = [with_region(c, prepared) for c in report.claims]
    text, _ = decode(body)
    for claim in report.claims:
        assert claim.text == text[claim.start:claim.end], (claim, suffix)
        assert doc.line_col(claim.start) == (claim.line, claim.column), claim
    json.loads(render_json(Report([report]), "fuzz"))

