"""Warnings that point a user at what a run could not do without their help."""

from __future__ import annotations

from factcheck.model import DocumentReport
from factcheck.terminal import one_line

UNDATED = "no document date"


def undated_warning(report: DocumentReport) -> str | None:
    """A warning for a document with no date of its own whose relative or year-less dates ("last
    year", "in November") therefore stay unresolved and unchecked; None when there is nothing to say."""
    if report.document_date is not None:
        return None
    waiting = [claim for claim in report.claims if claim.kind == "date" and claim.extra.get("unresolved") == UNDATED]
    if not waiting:
        return None
    first = waiting[0]
    count = f"{len(waiting)} relative or year-less date{'' if len(waiting) == 1 else 's'}"
    return (f"no document date: {count} (first '{one_line(first.text)}' at line {first.line}) cannot be resolved "
            "and no check uses them; pass --date YYYY-MM-DD (or set date in the config)")
