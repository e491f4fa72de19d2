"""Which findings a run reports: `--select`/`--ignore` by check type or claim kind, and `--min-level`.

A name may be a check type (`ratio`, `lock`) or a claim kind (`money`, `date`); `ratio`, both,
is the check type. Selecting or
ignoring check types keeps or drops checks of those types; selecting or ignoring claim kinds keeps
or drops claims of those kinds, and with them every check that uses a dropped claim. `--min-level`
drops findings below it; passing checks are not findings and stay in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.model import KINDS, SEVERITY_RANK, Check, DocumentReport, Report
from factcheck.vocabulary import CHECK_TYPES

KIND_NAMES = frozenset(KINDS) - frozenset(CHECK_TYPES)
"""Names that select claim kinds; 'ratio', both a kind and a check type, names the check type."""


@dataclass(frozen=True, slots=True)
class ReportFilter:
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    min_level: str = "info"

    def keeps_kind(self, kind: str) -> bool:
        return kept(kind, self.select & KIND_NAMES, self.ignore & KIND_NAMES)

    def keeps_check(self, check: Check) -> bool:
        if check.severity != "none" and SEVERITY_RANK[check.severity] < SEVERITY_RANK[self.min_level]:
            return False
        return kept(check.type, self.select - KIND_NAMES, self.ignore - KIND_NAMES)


def kept(name: str, selected: frozenset[str], ignored: frozenset[str]) -> bool:
    """Kept when nothing of its sort is selected or it is, and it is not ignored."""
    return (not selected or name in selected) and name not in ignored


def filtered(report: Report, chosen: ReportFilter) -> Report:
    """The report with only the claims and checks `chosen` keeps; errors stay as they are."""
    if chosen == ReportFilter():
        return report
    return replace(report, documents=[filtered_document(doc, chosen) for doc in report.documents])


def filtered_document(doc: DocumentReport, chosen: ReportFilter) -> DocumentReport:
    claims = [claim for claim in doc.claims if chosen.keeps_kind(claim.kind)]
    present = {claim.id for claim in claims}
    dropped = {claim.id for claim in doc.claims} - present
    checks = [check for check in doc.checks
              if chosen.keeps_check(check) and not dropped.intersection(check.claims)]
    return replace(doc, claims=claims, checks=checks)
