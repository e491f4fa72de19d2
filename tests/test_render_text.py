"""Rich terminal output: highlighted sentences, the claims table, the checks and the summary."""

from __future__ import annotations

from dataclasses import replace

from render_fixtures import SENTENCES, claim, sample_diff, sample_document, sample_report
from rich.console import Console

from factcheck.model import Report
from factcheck.render.text import KIND_STYLE, claim_positions, highlighted_sentences, render_diff_text, render_text


def rendered(report: Report, **options) -> str:
    console = Console(record=True, width=120)
    render_text(report, console, **options)
    return console.export_text()


def test_header_and_claims_table():
    text = rendered(sample_report())
    assert "articles/trade.txt" in text
    assert "document date: 2015-02-22 (from text) · 7 claims · 4 checks" in text
    assert "document date: unknown" in text
    assert "warning: no document date" in text
    for shown in ("USD 9,000,000", "1950 … 1953", "USD 1,000,000,000 (per year)", "58×", "12.5%",
                  "40,000 metric_ton", "approximately", "2:12"):
        assert shown in text, shown


def test_checks_show_symbol_message_explanation_deviation_sentence():
    text = rendered(sample_report())
    assert "? 1:11 [ratio] China trade implied at $6.50B" in text
    assert "✓ 2:12 [range] range runs forwards" in text
    assert "✗ 1:11 [sum] total does not add up" in text
    assert "≈ 3:12 [percent_change] rise rounded generously" in text
    assert "58 × ($9M + $103M) = $6.50B" in text
    assert "deviation +792.9%" in text and "deviation +12.0%" in text
    assert "expected USD 112,000,000 [USD 112,000,000 … ∞]" in text
    assert f"“{SENTENCES[2]}”" in text


def test_summary_line():
    text = rendered(sample_report())
    assert text.rstrip().splitlines()[-1] == (
        "2 document(s) · 7 claims · 4 checks: "
        "✓ 1 consistent, ≈ 1 approximate, ✗ 1 inconsistent, ? 1 unverifiable")


def test_quiet_keeps_only_warnings_errors_and_summary():
    lines = rendered(sample_report(), quiet=True).rstrip().splitlines()
    heads = [line for line in lines if not line.startswith(" ")]
    assert heads[0].startswith("✗ articles/trade.txt:1:11 [sum]")
    assert heads[1].startswith("≈ articles/trade.txt:3:12 [percent_change]")
    assert heads[2].startswith("2 document(s)")
    assert len(heads) == 3
    assert "Claims" not in "\n".join(lines)


def test_markup_in_the_document_is_printed_literally():
    assert "[bold]or so[/bold]" in rendered(sample_report())


def test_figures_are_highlighted_by_kind():
    sentences = highlighted_sentences(sample_document().claims)
    assert [s.plain for s in sentences] == list(SENTENCES)
    spans = {(sentences[0].plain[s.start:s.end], str(s.style)) for s in sentences[0].spans}
    assert spans == {("$9 million", KIND_STYLE["money"]), ("$103 million", KIND_STYLE["money"]),
                     ("58 times", KIND_STYLE["ratio"])}


def test_highlights_reach_the_terminal():
    console = Console(record=True, width=120, force_terminal=True, color_system="standard")
    render_text(sample_report(), console)
    assert "\x1b[1;32m$9 million\x1b[0m" in console.export_text(styles=True)


def test_repeated_figure_is_placed_by_offsets():
    text = "In May, May came.\n"
    sentences = ("In May, May came.",)
    second = claim("c2", "date", "May", "2015-05", occurrence=2, text=text, sentences=sentences)
    came = claim("c3", "count", "came", 1, text=text, sentences=sentences)
    assert claim_positions(sentences[0], [second, came]) == [8, 12]


def test_reflowed_sentence_falls_back_to_search():
    found = claim("c1", "money", "$9 million", 9e6)
    reflowed = replace(found, start=found.start + 100, end=found.end + 100)
    assert claim_positions("We paid  $9 million  twice", [reflowed, found]) == [9, None]


def test_diff_text():
    console = Console(record=True, width=160)
    render_diff_text(sample_diff(), console)
    text = console.export_text()
    assert "old/a.txt → new/a.txt" in text
    assert "~ changed" in text and "+ added" in text and "− removed" in text
    assert "$250 million (USD 250,000,000)" in text and "$350 million (USD 350,000,000)" in text
    assert "old/a.txt:1:5" in text
    assert text.rstrip().endswith("1 changed, 1 added, 1 removed, 5 unchanged")


def test_diff_text_without_changes():
    console = Console(record=True, width=120)
    render_diff_text(replace(sample_diff(), changes=[]), console)
    assert "No figure changed." in console.export_text()


def test_text_from_the_input_cannot_steer_the_terminal():
    """ANSI escapes from a document reached the terminal."""
    report = sample_report()
    doc = report.documents[0]
    evil = "\x1b]0;pwned\x07\x1b[2J\u202e"
    doc.path = f"articles/{evil}trade.txt"
    doc.warnings = [f"a warning {evil}"]
    doc.claims = [replace(c, sentence=c.sentence + evil, text=c.text) for c in doc.claims]
    doc.checks = [replace(c, message=c.message + evil, explanation=evil + c.explanation) for c in doc.checks]
    text = rendered(report) + rendered(report, quiet=True)
    assert not any(ch in text for ch in "\x1b\x07\u202e")
    assert "articles/trade.txt" in text and "a warning" in text
