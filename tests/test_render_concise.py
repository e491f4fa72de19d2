"""One line per finding, `file:line:col: severity [type] message`."""

from __future__ import annotations

from render_fixtures import sample_diff, sample_report

from factcheck.render.concise import render_concise, render_diff_concise


def test_one_line_per_finding_and_per_document_warning():
    assert render_concise(sample_report()).splitlines() == [
        "articles/trade.txt:1:1: warning [document] 'ton' is ambiguous",
        "articles/trade.txt:1:11: info [ratio] China trade implied at $6.50B",
        "articles/trade.txt:1:11: error [sum] total does not add up",
        "articles/trade.txt:3:12: warning [percent_change] rise rounded generously",
        "notes/empty.md:1:1: warning [document] no document date",
    ]


def test_a_message_with_line_breaks_stays_on_its_line():
    report = sample_report()
    doc = report.documents[0]
    doc.warnings = []
    doc.checks = [doc.checks[0].__class__(**{**{f: getattr(doc.checks[0], f) for f in doc.checks[0].__slots__},
                                             "message": "two\nlines\x1b[2J"})]
    assert render_concise(report).splitlines()[0].endswith("two lines")


def test_diff_gives_one_line_per_changed_figure():
    lines = render_diff_concise(sample_diff()).splitlines()
    assert len(lines) == len(sample_diff().changes)
    assert lines[0].startswith("new/a.txt:") and "error [figure-changed] '$250 million' → '$350 million'" in lines[0]
