"""One line per finding, `file:line:col: severity [type] message`, for editors, grep and CI logs.

Document warnings (an undated document, an unreadable cue) are lines of type `document` at
line 1, column 1. Passing checks are not findings and give no line; there is no summary line,
so the output has exactly one line per finding. A diff gives one line per changed figure.
"""

from __future__ import annotations

from factcheck.model import DiffReport, Report
from factcheck.render.common import change_place, is_finding
from factcheck.terminal import one_line


def render_concise(report: Report) -> str:
    """Each document's warnings, then its findings in text order."""
    lines = []
    for doc in report.documents:
        path = one_line(doc.path)
        lines += [f"{path}:1:1: warning [document] {one_line(warning)}" for warning in doc.warnings]
        for check in sorted(doc.checks, key=lambda c: (c.start, c.end, c.id)):
            if is_finding(check):
                lines.append(f"{path}:{check.line}:{check.column}: {check.severity} [{check.type}] "
                             f"{one_line(check.message)}")
    return "".join(line + "\n" for line in lines)


def render_diff_concise(diff: DiffReport) -> str:
    """One line per changed, added or removed figure, at the figure's place."""
    lines = []
    for change in diff.changes:
        path, claim = change_place(diff, change)
        old, new = (f"'{one_line(c.text)}'" if c else "nothing" for c in (change.old, change.new))
        lines.append(f"{one_line(path)}:{claim.line}:{claim.column}: error [figure-{change.change}] {old} → {new}")
    return "".join(line + "\n" for line in lines)
