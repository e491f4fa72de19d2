"""The pull-request summary: heading, verdict counts, findings table, claims per document."""

from __future__ import annotations

import re
from dataclasses import replace

from render_fixtures import sample_diff, sample_document, sample_report

from factcheck.model import Report
from factcheck.render.markdown import escape, render_diff_markdown, render_markdown

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def table_rows(text: str, header_start: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def cells(row: str) -> int:
    return len(UNESCAPED_PIPE.findall(row)) - 1


def test_heading_and_counts():
    text = render_markdown(sample_report())
    assert text.startswith("## factcheck report\n")
    assert "**2 document(s) · 7 claims · 4 checks**" in text
    assert "❌ 1 inconsistent · ⚠️ 1 approximate · ❔ 1 unverifiable · ✅ 1 consistent" in text


def test_findings_table_has_one_row_per_finding():
    text = render_markdown(sample_report())
    rows = table_rows(text, "|  | file:line |")
    assert [row.split(" | ")[0] for row in rows] == ["| ❔", "| ❌", "| ⚠️"]
    assert all(cells(row) == 4 for row in rows)
    assert "articles/trade.txt:1" in rows[1]
    assert "\\$9M \\+" not in rows[1] and "\\$9M + \\$103M = \\$112M" in rows[1]
    assert "+12.0%" in rows[2]


def test_claims_are_listed_in_details_per_document():
    text = render_markdown(sample_report())
    assert text.count("<details>") == 2 and text.count("</details>") == 2
    assert "<summary>All 7 claims in articles/trade.txt</summary>" in text
    rows = table_rows(text, "| id | kind |")
    assert len(rows) == 7 and all(cells(row) == 6 for row in rows)
    assert "USD 1,000,000,000 (per year)" in rows[4]
    assert "1950 … 1953" in rows[3]
    assert "No claims." in text


def test_pipes_brackets_and_dollars_are_escaped():
    assert escape("a | b $5 [x](y) <b>\nnext") == "a \\| b \\$5 \\[x\\](y) \\<b\\> next"
    doc = sample_document()
    doc = replace(doc, checks=[replace(doc.checks[2], message="x | y", explanation="")])
    row = table_rows(render_markdown(Report([doc])), "|  | file:line |")[0]
    assert cells(row) == 4 and "x \\| y" in row


def test_no_findings():
    doc = sample_document()
    doc = replace(doc, checks=[c for c in doc.checks if c.verdict == "consistent"])
    assert "No findings." in render_markdown(Report([doc]))


def test_diff_table():
    text = render_diff_markdown(sample_diff())
    assert text.startswith("## factcheck diff: old/a.txt → new/a.txt\n")
    assert "1 changed · 1 added · 1 removed · 5 unchanged" in text
    rows = table_rows(text, "| change |")
    assert len(rows) == 3 and all(cells(row) == 4 for row in rows)
    assert "\\$250 million (USD 250,000,000) → \\$350 million (USD 350,000,000)" in rows[0]
    assert "new/a.txt:1" in rows[0] and "old/a.txt:1" in rows[2]
    assert "— → four (4)" in rows[1]


def test_lock_findings_are_counted_apart():
    report = sample_report()
    doc = report.documents[0]
    doc.checks.append(replace(doc.checks[0], id="k9", type="lock", verdict="inconsistent", message="figure changed"))
    text = render_markdown(report)
    assert "❌ 1 inconsistent" in text
    assert "🔒 1 lock finding (`factcheck lock --update PATH` accepts them)" in text
