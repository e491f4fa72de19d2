"""The JSON report and diff of /work/shared/spec/report-v1.md, with a fixed key order.

Contract fields come first in the order the spec lists them; added fields follow.
Infinite or NaN numbers become null and whole floats become ints, so the same
report always serialises to the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Check, Claim, DiffReport, DocumentError, DocumentReport, Quantity, Report
from factcheck.render.common import REPORTED_SEVERITY, json_number, json_text, jsonable

REPORT_SCHEMA_ID = "factcheck-report/1"
DIFF_SCHEMA_ID = "factcheck-diff/1"


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "sentence": claim.sentence,
        "value": json_number(claim.value),
        "unit": claim.unit,
        "low": json_number(claim.low),
        "high": json_number(claim.high),
        "qualifier": claim.qualifier,
        "rule": claim.rule,
        "extra": jsonable(claim.extra),
    }


def quantity_to_dict(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    return {
        "value": json_number(quantity.value),
        "low": json_number(quantity.low),
        "high": json_number(quantity.high),
        "unit": quantity.unit,
    }


def check_to_dict(check: Check) -> dict[str, Any]:
    return {
        "id": check.id,
        "type": check.type,
        "verdict": check.verdict,
        "severity": REPORTED_SEVERITY[check.verdict],
        "claims": list(check.claims),
        "expected": quantity_to_dict(check.expected),
        "stated": quantity_to_dict(check.stated),
        "deviation": json_number(check.deviation),
        "explanation": check.explanation,
        "message": check.message,
        "location": {
            "line": check.line,
            "column": check.column,
            "end_line": check.end_line,
            "end_column": check.end_column,
            "start": check.start,
            "end": check.end,
        },
        "sentence": check.sentence,
    }


def document_to_dict(doc: DocumentReport) -> dict[str, Any]:
    return {
        "path": doc.path,
        "document_date": doc.document_date,
        "claims": [claim_to_dict(c) for c in doc.claims],
        "checks": [check_to_dict(c) for c in doc.checks],
        "date_source": doc.date_source,
        "warnings": list(doc.warnings),
    }


def report_to_dict(report: Report, tool_version: str) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA_ID,
        "tool": {"name": "factcheck", "version": tool_version},
        "documents": [document_to_dict(d) for d in report.documents],
        "summary": {**report.summary(), "lock_findings": sum(check.type == "lock" for doc in report.documents
                                                             for check in doc.checks)},
        "errors": [{"path": error.path, "message": error.message} for error in report.errors],
    }


def diff_to_dict(diff: DiffReport) -> dict[str, Any]:
    return {
        "schema": DIFF_SCHEMA_ID,
        "old": diff.old_path,
        "new": diff.new_path,
        "changes": [
            {
                "change": change.change,
                "old": claim_to_dict(change.old) if change.old else None,
                "new": claim_to_dict(change.new) if change.new else None,
            }
            for change in diff.changes
        ],
        "summary": diff.summary(),
    }


def dumps(data: dict[str, Any]) -> str:
    """Serialise with the project's fixed settings; a stray inf fails loudly instead of writing 'Infinity'."""
    return json_text(data)


def render_json(report: Report, version: str) -> str:
    return dumps(report_to_dict(report, version))


def render_jsonl_line(outcome: DocumentReport | DocumentError) -> str:
    """One line of `--format jsonl`: a document as in the report's `documents`, or
    `{"path", "error"}` for one that could not be scanned."""
    data = (document_to_dict(outcome) if isinstance(outcome, DocumentReport)
            else {"path": outcome.path, "error": outcome.message})
    return json.dumps(data, ensure_ascii=False, allow_nan=False) + "\n"


def render_diff_jsonl_line(diff: DiffReport) -> str:
    """One line of `diff --format jsonl`: the diff report of one pair of files."""
    return json.dumps(diff_to_dict(diff), ensure_ascii=False, allow_nan=False) + "\n"


def render_diff_json(diff: DiffReport) -> str:
    return dumps(diff_to_dict(diff))
