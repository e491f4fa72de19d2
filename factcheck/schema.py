"""JSON Schemas (draft 2020-12) for the JSON report and the JSON diff.

Strict on what the contract names (required fields, enums, types), open to added fields.
"""

from __future__ import annotations

from typing import Any

from factcheck.model import KINDS, QUALIFIERS, VERDICTS
from factcheck.render.common import REPORTED_SEVERITY
from factcheck.render.json_report import DIFF_SCHEMA_ID, REPORT_SCHEMA_ID

DRAFT = "https://json-schema.org/draft/2020-12/schema"
CHANGES = ("changed", "added", "removed")

STRING = {"type": "string"}
ID = {"type": "string", "minLength": 1}
COUNT = {"type": "integer", "minimum": 0}
POSITION = {"type": "integer", "minimum": 1}
NUMBER_OR_NULL = {"type": ["number", "null"]}
VALUE = {"type": ["number", "string", "null"]}
STRING_OR_NULL = {"type": ["string", "null"]}


def strict_object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    """An object that must have every listed property (or `required`) and may have more."""
    return {"type": "object", "required": required or list(properties), "properties": properties}


def claim_schema() -> dict[str, Any]:
    return strict_object({
        "id": ID,
        "kind": {"enum": list(KINDS)},
        "text": STRING,
        "start": COUNT,
        "end": COUNT,
        "line": POSITION,
        "column": POSITION,
        "sentence": STRING,
        "value": VALUE,
        "unit": STRING_OR_NULL,
        "low": VALUE,
        "high": VALUE,
        "qualifier": {"enum": [*QUALIFIERS, None]},
        "rule": ID,
        "extra": {"type": "object"},
    }, required=["id", "kind", "text", "start", "end", "line", "column", "sentence",
                 "value", "unit", "low", "high", "qualifier", "rule"])


def quantity_schema() -> dict[str, Any]:
    return strict_object({"value": VALUE, "low": VALUE, "high": VALUE, "unit": STRING_OR_NULL})


def check_schema() -> dict[str, Any]:
    quantity = {"anyOf": [{"$ref": "#/$defs/quantity"}, {"type": "null"}]}
    schema = strict_object({
        "id": ID,
        "type": ID,
        "verdict": {"enum": list(VERDICTS)},
        "severity": {"enum": sorted(set(REPORTED_SEVERITY.values()))},
        "claims": {"type": "array", "items": ID},
        "expected": quantity,
        "stated": quantity,
        "deviation": NUMBER_OR_NULL,
        "explanation": STRING,
        "message": STRING,
        "location": strict_object({"line": POSITION, "column": POSITION,
                                   "end_line": POSITION, "end_column": POSITION}),
        "sentence": STRING,
    }, required=["id", "type", "verdict", "severity", "claims", "expected", "stated",
                 "deviation", "explanation", "message"])
    schema["allOf"] = [
        {"if": {"properties": {"verdict": {"const": verdict}}},
         "then": {"properties": {"severity": {"const": severity}}}}
        for verdict, severity in REPORTED_SEVERITY.items()
    ]
    return schema


def document_schema() -> dict[str, Any]:
    return strict_object({
        "path": STRING,
        "document_date": STRING_OR_NULL,
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        "checks": {"type": "array", "items": {"$ref": "#/$defs/check"}},
        "date_source": STRING_OR_NULL,
        "warnings": {"type": "array", "items": STRING},
    }, required=["path", "document_date", "claims", "checks"])


def report_schema() -> dict[str, Any]:
    by_verdict = strict_object({verdict: COUNT for verdict in VERDICTS})
    return {
        "$schema": DRAFT,
        "$id": "urn:factcheck:schema:report:1",
        "title": "factcheck JSON report",
        **strict_object({
            "schema": {"const": REPORT_SCHEMA_ID},
            "tool": strict_object({"name": STRING, "version": STRING}),
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
            "summary": strict_object({"documents": COUNT, "claims": COUNT, "checks": COUNT,
                                      "by_verdict": by_verdict,
                                      "lock_findings": {**COUNT, "description": "Checks of type 'lock' (figures that "
                                                        "differ from the lock), also counted in by_verdict."}}),
            "errors": {"type": "array", "items": strict_object({"path": STRING, "message": STRING}),
                       "description": "Documents (or folders) that could not be scanned, one line of reason each."},
        }, required=["schema", "tool", "documents", "summary"]),
        "$defs": {"document": document_schema(), "claim": claim_schema(),
                  "check": check_schema(), "quantity": quantity_schema()},
    }


def change_schema() -> dict[str, Any]:
    claim_or_null = {"anyOf": [{"$ref": "#/$defs/claim"}, {"type": "null"}]}
    schema = strict_object({"change": {"enum": list(CHANGES)}, "old": claim_or_null, "new": claim_or_null})
    claim = {"type": "object"}
    null = {"type": "null"}
    sides = {"changed": (claim, claim), "added": (null, claim), "removed": (claim, null)}
    schema["allOf"] = [
        {"if": {"properties": {"change": {"const": change}}},
         "then": {"properties": {"old": old, "new": new}}}
        for change, (old, new) in sides.items()
    ]
    return schema


def diff_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": "urn:factcheck:schema:diff:1",
        "title": "factcheck JSON diff",
        **strict_object({
            "schema": {"const": DIFF_SCHEMA_ID},
            "old": STRING,
            "new": STRING,
            "changes": {"type": "array", "items": {"$ref": "#/$defs/change"}},
            "summary": strict_object({change: COUNT for change in (*CHANGES, "unchanged")}),
        }),
        "$defs": {"change": change_schema(), "claim": claim_schema()},
    }
