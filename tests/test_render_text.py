"""Rich terminal output: highlighted sentences, the claims table, the checks and the summary."""

from __future__ import annotations

from dataclasses import replace

from render_fixtures import SENTENCES, claim, sample_diff, sample_document, sample_report
from rich.console import Console

from factcheck.model import Report
from factcheck.render.text import KIND_STYLE, SHOW_CHOICES, claim_positions, highlighted_sentences, render_diff_text, render_text


def rendered(report: Report, **options) -> str:
    console = Console(record=True, width=120)
    render_text(report, console, **options)
    return console.export_text()


def test_claims_and_text_only_when_asked_for():
    text = rendered(sample_report())
    assert "Claims" not in text and "document date:" not in text and SENTENCES[1] not in text
    shown = rendered(sample_report(), show=frozenset(SHOW_CHOICES))
    assert "articles/trade.txt" in shown
    assert "document date: 2015-02-22 (from text) · 7 claims · 4 checks" in shown
    assert "document date: unknown" in shown
    for value in ("USD 9,000,000", "1950 … 1953", "USD 1,000,000,000 (per year)", "58×", "12.5%",
                  "40,000 metric_ton", "approximately", "2:12"):
        assert value in shown, value
    assert SENTENCES[1] in rendered(sample_report(), show=frozenset({"text"}))


def test_checks_show_symbol_message_explanation_deviation_sentence():
    text = rendered(sample_report(), show=frozenset({"passed"}))
    assert "? articles/trade.txt:1:11 [ratio] China trade implied at $6.50B" in text
    assert "✓ articles/trade.txt:2:12 [range] range runs forwards" in text
    assert "✗ articles/trade.txt:1:11 [sum] total does not add up" in text
    assert "≈ articles/trade.txt:3:12 [percent_change] rise rounded generously" in text
    assert "58 × ($9M + $103M) = $6.50B" in text
    assert "deviation +792.9%" in text and "deviation +12.0%" in text
    assert "expected USD 112,000,000 [USD 112,000,000 … ∞]" in text
    assert f"“{SENTENCES[2]}”" in text


def test_findings_come_first_errors_then_warnings_then_info_and_passing_checks_are_left_out():
    heads = [line for line in rendered(sample_report()).splitlines() if line and not line.startswith(" ")]
    assert [head.split(" ")[0] for head in heads] == ["✗", "≈", "!", "!", "?", "2"]
    assert heads[2] == "! articles/trade.txt: warning: 'ton' is ambiguous"
    assert not any(head.startswith("✓") for head in heads)


def test_summary_line_counts_worst_first():
    text = rendered(sample_report())
    assert text.rstrip().splitlines()[-1] == (
        "2 documents · 7 claims · 4 checks: "
        "✗ 1 inconsistent, ≈ 1 approximate, ? 1 unverifiable, ✓ 1 consistent")


def test_lock_findings_are_counted_apart_and_suggest_lock_update():
    report = sample_report()
    doc = report.documents[0]
    doc.checks.append(replace(doc.checks[0], id="k9", type="lock", verdict="inconsistent", expected=None,
                              stated=None, message="figure changed: $9 million → $8 million"))
    text = rendered(report)
    assert "✗ articles/trade.txt:1:11 [lock] figure changed: $9 million → $8 million" in text
    assert "expected —" not in text
    assert " ".join(text.split()).endswith(
        "2 documents · 7 claims · 4 checks: ✗ 1 inconsistent, ≈ 1 approximate, ? 1 unverifiable, ✓ 1 consistent"
        " · 1 lock finding (run 'factcheck lock --update' to accept the figures as they are now)")


def test_markup_in_the_document_is_printed_literally():
    assert "[bold]or so[/bold]" in rendered(sample_report(), show=frozenset({"text"}))


def test_figures_are_highlighted_by_kind():
    sentences = highlighted_sentences(sample_document().claims)
    assert [s.plain for s in sentences] == list(SENTENCES)
    spans = {(sentences[0].plain[s.start:s.end], str(s.style)) for s in sentences[0].spans}
    assert spans == {("$9 million", KIND_STYLE["money"]), ("$103 million", KIND_STYLE["money"]),
                     ("58 times", KIND_STYLE["ratio"])}


def test_highlights_reach_the_terminal():
    console = Console(record=True, width=120, force_terminal=True, color_system="standard")
    render_text(sample_report(), console, show=frozenset({"text"}))
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
    assert text.splitlines()[1:7] == [
        "~ new/a.txt:1:9 changed: $250 million (USD 250,000,000) → $350 million (USD 350,000,000)",
        "    “It cost $350 million.”",
        "+ new/a.txt:1:8 added: nothing → four (4)",
        "    “Later, four summits.”",
        "− old/a.txt:1:5 removed: 70th (70) → nothing",
        "    “The 70th year.”",
    ]
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
    text = rendered(report) + rendered(report, show=frozenset(SHOW_CHOICES))
    assert not any(ch in text for ch in "\x1b\x07\u202e")
    assert "articles/trade.txt" in text and "a warning" in text
