"""A Markdown summary fit for a pull-request comment.

Cell text is backslash-escaped: '|' would split a table cell, '$' would start GitHub
math, '*', '_', '<' and friends would turn figures into formatting or HTML. The
<summary> line is raw HTML, so it is HTML-escaped instead.
"""

from __future__ import annotations

import html

from factcheck.model import Change, Claim, DiffReport, DocumentReport, Report
from factcheck.render.common import change_place, format_claim_value, format_deviation, is_finding

ICON = {"consistent": "✅", "approximate": "⚠️", "inconsistent": "❌", "unverifiable": "❔"}
CHANGE_ICON = {"changed": "✏️", "added": "➕", "removed": "➖"}
SPECIALS = "\\`*_[]<>|$~&"
LOUDEST_FIRST = ("inconsistent", "approximate", "unverifiable", "consistent")


def escape(text: str) -> str:
    """Text safe inside a table cell: one line, Markdown specials escaped."""
    flat = " ".join(text.split())
    return "".join(f"\\{ch}" if ch in SPECIALS else ch for ch in flat)


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(report: Report) -> str:
    counts = report.summary()
    lines = ["## factcheck report", "",
             f"**{counts['documents']} document(s) · {counts['claims']} claims · {counts['checks']} checks**", ""]
    locks = sum(check.type == "lock" for doc in report.documents for check in doc.checks)
    counts["by_verdict"]["inconsistent"] -= locks
    verdicts = " · ".join(f"{ICON[v]} {counts['by_verdict'][v]} {v}" for v in LOUDEST_FIRST)
    if locks:
        verdicts += f" · 🔒 {locks} lock finding{'' if locks == 1 else 's'} (`factcheck lock --update PATH` accepts them)"
    lines += [verdicts, ""]
    findings = [[ICON[check.verdict],
                 escape(f"{doc.path}:{check.line}"),
                 escape(check.message),
                 escape(" ".join(filter(None, [check.explanation, format_deviation(check.deviation)])))]
                for doc in report.documents for check in doc.checks if is_finding(check)]
    lines += ["### Findings", ""]
    lines += table(["", "file:line", "message", "explanation"], findings) if findings else ["No findings."]
    for doc in report.documents:
        lines += ["", *claims_details(doc)]
    return "\n".join(lines) + "\n"


def claims_details(doc: DocumentReport) -> list[str]:
    rows = [[escape(c.id), c.kind, escape(c.text), escape(format_claim_value(c)),
             escape(c.qualifier or ""), f"{c.line}:{c.column}"] for c in doc.claims]
    lines = ["<details>", f"<summary>All {len(doc.claims)} claims in {html.escape(doc.path)}</summary>", ""]
    if rows:
        lines += table(["id", "kind", "text", "value", "qualifier", "line:col"], rows)
    else:
        lines.append("No claims.")
    return [*lines, "", "</details>"]


def render_diff_markdown(diff: DiffReport) -> str:
    counts = diff.summary()
    lines = [f"## factcheck diff: {escape(diff.old_path)} → {escape(diff.new_path)}", "",
             " · ".join(f"{counts[k]} {k}" for k in ("changed", "added", "removed", "unchanged")), ""]
    rows = [change_row(diff, change) for change in diff.changes]
    lines += table(["change", "file:line", "old → new", "sentence"], rows) if rows else ["No figure changed."]
    return "\n".join(lines) + "\n"


def change_row(diff: DiffReport, change: Change) -> list[str]:
    path, shown = change_place(diff, change)
    return [f"{CHANGE_ICON[change.change]} {change.change}",
            escape(f"{path}:{shown.line}"),
            f"{figure(change.old)} → {figure(change.new)}",
            escape(shown.sentence)]


def figure(claim: Claim | None) -> str:
    if claim is None:
        return "—"
    return escape(f"{claim.text} ({format_claim_value(claim)})")
