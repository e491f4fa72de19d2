"""The scan flow across input formats: the same figures from plain text, Markdown and SRT,
with offsets, lines and columns into each original file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.pipeline import read_document, read_input, scan_document
from factcheck.extract.rulebook import load_rulebook
from factcheck.session import with_region

DATA = Path(__file__).parent / "data" / "formats"


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def scanned(book, name: str):
    path = DATA / name
    doc, prepared = read_document(str(path), path.read_bytes(), dt.date(2015, 2, 22))
    report = scan_document(doc, book)
    return doc, [with_region(c, prepared) for c in report.claims], report


def figures(claims):
    return [(c.kind, c.value, c.unit, c.low, c.high) for c in claims]


@pytest.mark.parametrize("name", ["passage.md", "passage.srt"])
def test_formats_give_the_figures_of_the_plain_text(book, name):
    _, plain, _ = scanned(book, "passage.txt")
    doc, claims, _ = scanned(book, name)
    assert figures(claims) == figures(plain)
    for claim in claims:
        assert doc.text[claim.start:claim.end] == claim.text
        line, column = claim.line, claim.column
        assert doc.text.splitlines()[line - 1][column - 1:].startswith(claim.text.splitlines()[0])


def test_markdown_code_block_is_not_scanned(book):
    doc, claims, _ = scanned(book, "passage.md")
    fence = doc.text.index("```")
    end = doc.text.index("```", fence + 3)
    assert not [c for c in claims if fence <= c.start < end]


def test_markdown_front_matter_dates_the_document(book):
    path = DATA / "passage.md"
    doc, _ = read_document(str(path), path.read_bytes(), None)
    assert doc.date == dt.date(2015, 2, 22) and doc.date_source == "front-matter"


def test_srt_claims_carry_cue_times_and_speaker(book):
    _, claims, _ = scanned(book, "passage.srt")
    assert all(len(c.extra["cue"]) == 2 for c in claims)
    assert claims[0].extra.get("speaker") == "Park"


def test_checks_survive_the_formats(book):
    for name in ("passage.txt", "passage.md", "passage.srt"):
        _, _, report = scanned(book, name)
        assert {c.type for c in report.checks} >= {"ratio", "part_of_whole", "multiplier"}, name


def test_missing_file_is_an_input_error():
    with pytest.raises(InputError, match="cannot read"):
        read_input(str(DATA / "no-such-file.txt"))


def test_a_table_without_punctuation_is_cut_into_bounded_sentences(book):
    """Lines of 40+ characters without final punctuation were one sentence, and every stage that reads
    a sentence whole grew with its length: 240 KB took 84 s (the benchmarks measure speed)."""
    rows = "\n".join(f"Region {n} sales ${n % 900 + 1} million up {n % 99 + 1}% from {n + 100} units in 1999 total"
                     for n in range(200))  # 13 KB of rows dense with figures
    doc, _ = read_document("table.txt", rows.encode(), None)
    assert len(doc.sentences) > 1 and max(s.end - s.start for s in doc.sentences) <= 1_000
    assert len(scan_document(doc, book).claims) > 600


def test_a_cue_the_parser_drops_is_a_warning_of_the_document(book):
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nAlpha had 5 seats.\n\n00:0x.000 --> 00:03.000\nBeta had 7 seats.\n"
    doc, _ = read_document("talk.vtt", text.encode(), None)
    assert doc.warnings == ["line 6: a cue whose timing line cannot be read; not scanned"]
    assert [c.text for c in scan_document(doc, book).claims] == ["5 seats"]
