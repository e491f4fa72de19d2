"""The scan flow for one document: read -> extract -> link and check -> DocumentReport."""

from __future__ import annotations

import datetime as dt
import sys

from factcheck.checker import check_all
from factcheck.document import Document, decode, load_text
from factcheck.reading import MAX_DOCUMENT_BYTES, read_limited, read_stream
from factcheck.extract.extractor import extract
from factcheck.facts import Fact
from factcheck.formats import Prepared, prepare
from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.relations.matcher import find_links
from factcheck.model import DocumentReport
from factcheck.extract.rulebook import Rulebook


def read_input(path: str) -> bytes:
    """The bytes of a document, or of standard input for '-', within MAX_DOCUMENT_BYTES."""
    if path == "-":
        return read_stream(sys.stdin.buffer, MAX_DOCUMENT_BYTES, "standard input", "document")
    return read_limited(path, MAX_DOCUMENT_BYTES, "document")


def read_document(path: str, data: bytes, date: dt.date | None) -> tuple[Document, Prepared]:
    """Decode, apply the input format (masking markup), segment and date one document."""
    text, warnings = decode(data)
    prepared = prepare(path, text)
    front = None if date else parse_front_date(prepared.front_matter_date)
    doc = load_text(path, text, date=date or front, scan_text=prepared.scan_text, gaps=prepared.gaps)
    if front:
        doc.date_source = "front-matter"
    doc.warnings[:0] = [*warnings, *prepared.warnings]
    return doc, prepared


def parse_front_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip().strip("'\"")[:10])
    except ValueError:
        return None


def scan_document(doc: Document, book: Rulebook, facts: list[Fact] | None = None,
                  options: CheckOptions | None = None) -> DocumentReport:
    claims, warnings = extract(doc, book)
    checks = check_all(find_links(doc, claims, book, warnings), facts or [], options or CheckOptions())
    return DocumentReport(
        path=doc.path,
        document_date=doc.date.isoformat() if doc.date else None,
        claims=claims,
        checks=checks,
        warnings=[*doc.warnings, *warnings],
        date_source=doc.date_source,
    )
