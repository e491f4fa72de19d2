"""Tests for factcheck.document: decoding, positions, sentences, document date, loading."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.document import MAX_SENTENCE, decode, find_document_date, load, load_text, segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "herald-interview-russia-north-korea-2015.txt"


def sentences_of(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


# --- decoding ----------------------------------------------------------------------------

def test_decode_utf8_without_bom() -> None:
    assert decode("Ünïcode — “quotes”".encode()) == ("Ünïcode — “quotes”", [])


def test_decode_strips_utf8_bom_so_offsets_start_at_the_text() -> None:
    text, warnings = decode(codecs.BOM_UTF8 + "Hello.".encode())
    assert (text, warnings) == ("Hello.", [])


def test_decode_utf16_with_bom() -> None:
    assert decode("héllo".encode("utf-16")) == ("héllo", [])


def test_decode_invalid_utf8_falls_back_to_windows_1252_with_a_warning() -> None:
    text, warnings = decode("café “x”".encode("cp1252"))
    assert text == "café “x”"
    assert warnings == ["not valid UTF-8 at byte 3; decoded as Windows-1252"]


def test_decode_bytes_undefined_in_windows_1252_fall_back_to_latin_1() -> None:
    text, warnings = decode(b"ok \x81\x8d end")
    assert text == "ok \x81\x8d end"
    assert len(warnings) == 1 and "Latin-1" in warnings[0] and "byte 3" in warnings[0]


@given(st.binary(max_size=200))
def test_decode_never_raises_and_is_lossless(data: bytes) -> None:
    text, warnings = decode(data)
    assert isinstance(text, str)
    if warnings:
        assert text.encode("cp1252" if "1252" in warnings[0] else "latin-1") == data


def test_load_keeps_decoding_warnings() -> None:
    doc = load("x.txt", "Prices rose 5 per cent in Zürich.".encode("latin-1"))
    assert doc.text == "Prices rose 5 per cent in Zürich."
    assert doc.warnings and "decoded as" in doc.warnings[0]


# --- line and column ---------------------------------------------------------------------

def test_line_col_with_lf() -> None:
    doc = load_text("t", "ab\ncd\n\nef")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(2) == (1, 3)
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(7) == (4, 1)
    assert doc.line_col(9) == (4, 3)


def test_line_col_with_crlf_and_cr() -> None:
    doc = load_text("t", "ab\r\ncd\rGé\r\n")
    assert doc.line_col(3) == (1, 4)  # the \n of \r\n is still on line 1
    assert doc.line_col(4) == (2, 1)
    assert doc.line_col(7) == (3, 1)
    assert doc.line_col(8) == (3, 2)  # columns count code points
    assert doc.line_col(11) == (4, 1)


def test_line_col_rejects_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError):
        load_text("t", "abc").line_col(4)


# --- sentences ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "U.S. President George W. Bush met the envoy.",
    "Mr. Kim and Dr. Lee met Prof. Park in N. Korea on Jan. 1, 2010.",
    "She earned a Ph.D. at Yale and worked at Acme Inc. for years.",
    "Fruit, e.g. apples, pears, etc. are sold here, i.e. at the market.",
    "Growth was 3.5 percent, up from 2.75 percent in Feb. 2014.",
    "He said “stop.” and walked on.",
    "Sen. John McCain (R-Ariz.) voted against it.",
    "Roe v. Wade was decided at 10 a.m. in Washington, D.C. by the court.",
    "J. K. Rowling lives in St. Andrews.",
    "The meeting was held in\nWashington on Monday.",
    "The ticket cost Rs. 500 and the meal Rp. 20,000 more.",
    "REP. GARLAND: And five years ago?",
])
def test_no_split_inside(text: str) -> None:
    assert sentences_of(text) == [text]


@pytest.mark.parametrize("text, expected", [
    ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
    ("Ask the REP. Many did.", ["Ask the REP.", "Many did."]),  # a title in capitals holds on only before a name in capitals
    ("“We will win,” Park said. “No doubt.” He left.",
     ["“We will win,” Park said.", "“No doubt.”", "He left."]),
    ("“Why?” he asked. Nobody knew! Really?! Yes.", ["“Why?” he asked.", "Nobody knew!", "Really?!", "Yes."]),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("We sell fruit, vegetables, etc. The shop is open.", ["We sell fruit, vegetables, etc.", "The shop is open."]),
    ("Prices fell in 2013. 58 firms closed.", ["Prices fell in 2013.", "58 firms closed."]),
    ("He waited... But nobody came.", ["He waited...", "But nobody came."]),
    ("It grew (as planned.) Sales doubled.", ["It grew (as planned.)", "Sales doubled."]),
    ("He served in World War I. The war ended.", ["He served in World War I.", "The war ended."]),
    ("Last line without a period", ["Last line without a period"]),
])
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_blank_lines_end_sentences_and_paragraphs() -> None:
    text = "First paragraph without a period\n\n  \nSecond one. It has two sentences.\r\n\r\nThird"
    found = segment(text)
    assert [text[s.start:s.end] for s in found] == [
        "First paragraph without a period", "Second one.", "It has two sentences.", "Third"]
    assert [s.paragraph for s in found] == [0, 1, 1, 2]
    assert [s.index for s in found] == [0, 1, 2, 3]


def test_single_newline_inside_a_paragraph_does_not_split() -> None:
    text = "The committee, which met on Monday,\nagreed on the budget."
    assert sentences_of(text) == [text]


def test_heading_and_byline_lines_end_sentences() -> None:
    text = ("Markets Rally on Trade Hopes\nPosted: March 3, 2014\nStocks rose sharply on Monday as investors "
            "cheered signs of progress in the trade talks between the two largest economies.")
    assert sentences_of(text)[:2] == ["Markets Rally on Trade Hopes", "Posted: March 3, 2014"]
    assert len(sentences_of(text)) == 3


def test_hard_wrapped_prose_is_not_split_at_capitalised_line_starts() -> None:
    lines = [
        "The delegation arrived late on Tuesday and spent the afternoon with",
        "President Lee and his advisers, who had prepared a long list of",
        "questions about trade, energy and the future of the railway project",
        "Officials said afterwards that the talks had gone better than expected",
        "and that a second round would follow in the spring of next year.",
    ]
    text = "\n".join(lines)
    assert sentences_of(text) == [text]


def test_empty_and_whitespace_only_texts_have_no_sentences() -> None:
    assert segment("") == []
    assert segment(" \n\r\n\t ") == []


def test_leading_blank_lines_do_not_count_as_a_paragraph() -> None:
    found = segment("\n\n\nOne.\n\nTwo.")
    assert [s.paragraph for s in found] == [0, 1]


TRICKY_PIECES = [*"aZ .?!…\"“”’()\n\r\t-1", "U.S.", "Mr", "The", "e.g.", "  \n\n", "\r\n", "Jan", "W"]


@given(st.lists(st.sampled_from(TRICKY_PIECES), max_size=120).map("".join) | st.text(max_size=300))
def test_segment_properties(text: str) -> None:
    found = segment(text)
    previous_end, previous_paragraph = 0, 0
    for index, sentence in enumerate(found):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start:sentence.end]
        assert piece and piece == piece.strip()
        assert sentence.paragraph in (previous_paragraph, previous_paragraph + 1)
        previous_end, previous_paragraph = sentence.end, sentence.paragraph
    covered = "".join(text[s.start:s.end] for s in found)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but whitespace is left out


@given(st.lists(st.sampled_from([*TRICKY_PIECES, "x" * 300, "Row 12 | 3.5 | 7", "a\tb"]), max_size=60).map("".join))
def test_no_sentence_is_longer_than_the_limit(text: str) -> None:
    assert all(s.end - s.start <= MAX_SENTENCE for s in segment(text))


def test_a_long_run_without_punctuation_ends_at_a_line_break_within_the_limit() -> None:
    lines = [f"Region {n} sales $%d million up 8%% from 1600 units in 1992 total" % n for n in range(5000)]
    text = "\n".join(lines)  # 320 KB, no final punctuation, 60+ characters a line
    found = segment(text)
    assert all(s.end - s.start <= MAX_SENTENCE for s in found)
    assert all(text[s.start:s.end].split("\n")[-1] in lines for s in found)  # each cut falls at a line break
    assert len(found) > 300  # before: one sentence of the whole text, and a scan quadratic in its length


def test_a_run_without_spaces_is_cut_at_the_limit() -> None:
    found = segment("x" * 2500)
    assert [(s.start, s.end) for s in found] == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_table_rows_end_sentences() -> None:
    text = "| Region | Sales | Units\n| North | $5 million | 1600\n| South | $7 million | 1200\nSome prose follows here"
    assert [text[s.start:s.end] for s in segment(text)] == text.split("\n")
    tabbed = "Region\tSales\nNorth\t$5 million\nSouth\t$7 million"
    assert len(segment(tabbed)) == 3


# --- document queries --------------------------------------------------------------------

def test_sentence_at_and_paragraph_sentences() -> None:
    doc = load_text("t", "One. Two.\n\nThree.")
    assert doc.sentence_text(doc.sentence_at(6)) == "Two."
    assert doc.sentence_text(doc.sentence_at(4)) == "One."  # between sentences: the one before
    assert doc.sentence_at(0).index == 0
    assert [doc.sentence_text(s) for s in doc.paragraph_sentences(0)] == ["One.", "Two."]
    assert [doc.sentence_text(s) for s in doc.paragraph_sentences(1)] == ["Three."]
    assert doc.paragraph_sentences(2) == []


def test_sentence_at_without_sentences_raises() -> None:
    with pytest.raises(ValueError):
        load_text("t", "   ").sentence_at(0)


# --- document date -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: X\ndate: 2015-02-22\n---\nBody.", (dt.date(2015, 2, 22), "front-matter")),
    ("---\r\ndate: 'February 22, 2015'\r\n---\r\nBody.", (dt.date(2015, 2, 22), "front-matter")),
    ("---\ntitle: no date\n---\nPublished: 3 March 2014\n", (dt.date(2014, 3, 3), "published-line")),
    ("Title\nPublished : Feb 22, 2015 - 18:33\n\nBody.", (dt.date(2015, 2, 22), "published-line")),
    ("Title\nUpdated: Feb. 23, 2015\nPublished: Feb. 22, 2015\n", (dt.date(2015, 2, 22), "published-line")),
    ("Title\nLast updated 23 February 2015\n\nBody.", (dt.date(2015, 2, 23), "published-line")),
    ("Posted on 22nd February 2015 by admin\n\nText.", (dt.date(2015, 2, 22), "published-line")),
    ("WASHINGTON, March 3, 2014 — The president said.", (dt.date(2014, 3, 3), "dateline")),
    ("March 3, 2014 (Reuters) - Stocks rose.", (dt.date(2014, 3, 3), "dateline")),
    ("Title\n\nSEOUL, South Korea, Feb. 22, 2015 -- Talks resumed.", (dt.date(2015, 2, 22), "dateline")),
    ("March 3, 2014 was a cold day.", (None, None)),
    ("Date palms grow well here. They were planted on March 3, 2014.", (None, None)),
    ("Published: Feb 30, 2015\n", (None, None)),
    ("Nothing dated.", (None, None)),
])
def test_find_document_date(text: str, expected: tuple[dt.date | None, str | None]) -> None:
    assert find_document_date(text) == expected


def test_published_line_must_be_near_the_top() -> None:
    text = "Some text.\n" * 50 + "Published: March 3, 2014\n"
    assert find_document_date(text) == (None, None)


def test_date_option_wins_over_the_stated_date() -> None:
    doc = load_text("t", "Published: March 3, 2014\nBody.", date=dt.date(2020, 1, 2))
    assert (doc.date, doc.date_source) == (dt.date(2020, 1, 2), "option")


# --- loading -----------------------------------------------------------------------------

def test_scan_text_drives_sentences_and_date_but_text_is_kept() -> None:
    text = "<b>Published: March 3, 2014</b>\n\nOne. Two."
    scan = "   Published: March 3, 2014    \n\nOne. Two."
    doc = load_text("t.html", text, scan_text=scan)
    assert doc.text == text and doc.scan_text == scan
    assert doc.date == dt.date(2014, 3, 3)
    assert [doc.sentence_text(s) for s in doc.sentences] == ["Published: March 3, 2014", "One.", "Two."]


def test_scan_text_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError):
        load_text("t", "abc", scan_text="ab")


def test_plain_text_scan_text_is_the_text() -> None:
    doc = load("t", b"Hello there.")
    assert doc.scan_text == doc.text == "Hello there."
    assert doc.path == "t" and doc.warnings == []


# --- the seed ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load(str(SEED), SEED.read_bytes())


def test_seed_date_comes_from_its_published_line(seed) -> None:
    assert (seed.date, seed.date_source) == (dt.date(2015, 2, 22), "published-line")


def test_seed_sentences(seed) -> None:
    texts = [seed.sentence_text(s) for s in seed.sentences]
    ratio = next(t for t in texts if "58 times" in t)
    assert ratio == "The level of trade between China and North Korea in 2013 was 58 times that of Russia and North Korea."
    assert any("U.S. President George W. Bush, Chinese President" in t for t in texts)
    assert texts[0].startswith("[Herald Interview]") and texts[0].endswith("Eurasia Initiative’")
    assert texts[1] == "Published : Feb 22, 2015 - 18:33"
    assert any(t.startswith("He obtained his master’s and Ph.D. at Moscow State University") for t in texts)
    offset = seed.text.index("58 times")
    assert seed.sentence_text(seed.sentence_at(offset)) == ratio
