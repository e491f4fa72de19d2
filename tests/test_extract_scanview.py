"""The view rules read: the scan text without reference padding, spans mapped back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.document import load_text
from factcheck.extract.scanview import ScanView

TEXT = "1&#44;000 and 12&#37;."
SCAN = "1,    000 and 12%    ."
GAPS = ((2, 6), (17, 21))


def test_a_document_without_gaps_is_its_own_view():
    doc = load_text("t.txt", "Plain 5.")
    view = ScanView.of(doc)
    assert view.text is doc.scan_text and view.sentences is doc.sentences
    assert view.to_document(6, 7) == (6, 7)


def test_gaps_are_taken_out_and_spans_map_back_to_the_references():
    view = ScanView.of(load_text("t.html", TEXT, scan_text=SCAN, gaps=GAPS))
    assert view.text == "1,000 and 12%."
    assert view.to_document(0, 5) == (0, 9)  # "1,000" is "1&#44;000"
    assert view.to_document(10, 13) == (14, 21)  # "12%" is "12&#37;", not "12&"
    assert view.to_document(1, 2) == (1, 6)  # the decoded "," alone is its whole reference
    assert [(s.start, s.end) for s in view.sentences] == [(0, 14)]
    assert view.to_view(9) == 5 and view.to_view(21) == 13


@given(st.lists(st.sampled_from(["a", "5", " ", "&#44;", "&amp;", "\n\n", "."]), max_size=40).map("".join))
def test_every_view_span_maps_into_the_document(text):
    from factcheck.formats import prepare

    prepared = prepare("t.md", text)
    doc = load_text("t.md", text, scan_text=prepared.scan_text, gaps=prepared.gaps)
    view = ScanView.of(doc)
    assert len(view.text) == len(text) - sum(b - a for a, b in doc.gaps)
    for start in range(len(view.text)):
        begin, end = view.to_document(start, start + 1)
        assert 0 <= begin < end <= len(text)
        assert view.text[start] == doc.scan_text[begin]
