"""The one data model every stage shares: claims, checks, per-document and whole reports.

Renderers read these objects and never compute; the checker fills them and never formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Value = int | float | str | None

KINDS = ("money", "percent", "distance", "quantity", "ratio", "count", "ordinal", "date")
QUALIFIERS = ("approximately", "at_least", "at_most")
VERDICTS = ("consistent", "approximate", "inconsistent", "unverifiable")
SEVERITY_OF = {
    "inconsistent": "error",
    "approximate": "warning",
    "unverifiable": "info",
    "consistent": "none",
}
SEVERITY_RANK = {"none": 0, "info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantitative statement: where it is, what it says, and which rule found it.

    `text` is always `document.text[start:end]`; `sentence_index` points into
    `Document.sentences`. `extra` holds optional detail (rate period, ambiguity notes,
    speaker, cue time, relative-date anchor) that renderers may show.
    """

    id: str
    kind: str
    text: str
    start: int
    end: int
    line: int
    column: int
    sentence: str
    sentence_index: int
    value: Value
    unit: str | None
    low: Value
    high: Value
    qualifier: str | None
    rule: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure with the interval its wording allows, as a check reports it."""

    value: float | str | None
    low: float | str | None
    high: float | str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Check:
    """One consistency verification over claims of a document."""

    id: str
    type: str
    verdict: str
    claims: tuple[str, ...]
    expected: Quantity | None
    stated: Quantity | None
    deviation: float | None
    explanation: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: str

    @property
    def severity(self) -> str:
        return SEVERITY_OF[self.verdict]


@dataclass(slots=True)
class DocumentReport:
    """Everything found in one document."""

    path: str
    document_date: str | None
    claims: list[Claim]
    checks: list[Check]
    warnings: list[str] = field(default_factory=list)
    date_source: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document (or folder) that could not be scanned, and the one-line reason."""

    path: str
    message: str


@dataclass(slots=True)
class Report:
    """The result of one `factcheck scan` over one or more documents."""

    documents: list[DocumentReport]
    errors: list[DocumentError] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        by_verdict = {v: 0 for v in VERDICTS}
        for doc in self.documents:
            for check in doc.checks:
                by_verdict[check.verdict] += 1
        return {
            "documents": len(self.documents),
            "claims": sum(len(d.claims) for d in self.documents),
            "checks": sum(len(d.checks) for d in self.documents),
            "by_verdict": by_verdict,
        }

    def worst_severity(self) -> str:
        worst = "none"
        for doc in self.documents:
            for check in doc.checks:
                if SEVERITY_RANK[check.severity] > SEVERITY_RANK[worst]:
                    worst = check.severity
        return worst


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that differs between two versions of a document."""

    change: str  # "changed", "added" or "removed"
    old: Claim | None
    new: Claim | None


@dataclass(slots=True)
class DiffReport:
    """The figures that differ between an old and a new version of a document."""

    old_path: str
    new_path: str
    changes: list[Change]
    unchanged: int

    def summary(self) -> dict[str, int]:
        counts = {"changed": 0, "added": 0, "removed": 0}
        for change in self.changes:
            counts[change.change] += 1
        return {**counts, "unchanged": self.unchanged}
