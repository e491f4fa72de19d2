"""SARIF 2.1.0 for GitHub code scanning: one rule per check type, one result per finding.

Consistent checks are not results. Fingerprints hash what a finding is about (check
type, the claims' texts, the sentence), never line numbers, so a finding keeps its
identity when text above it moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.model import Change, Check, Claim, DiffReport, DocumentError, DocumentReport, Report
from factcheck.render.common import (
    change_place,
    claim_end,
    fingerprints,
    format_claim_value,
    is_finding,
    json_number,
    json_text,
    posix_path,
)

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
RULE_PREFIX = "factcheck/"
CHECK_RULES = {
    "ratio": (
        "A stated ratio between figures",
        "A figure said to be N times another must match the figures it relates.",
    ),
    "multiplier": (
        "A stated multiplier",
        "A change said to be N-fold must match the figures before and after it.",
    ),
    "percent_change": (
        "A stated percentage change",
        "A rise or fall given as a percentage must match the two figures it compares.",
    ),
    "part_of_whole": (
        "A part within its whole",
        "A figure described as part of another cannot exceed it, and the rest must add up.",
    ),
    "share": (
        "A stated share",
        "A share given as a percentage or fraction must match the part and the whole it relates.",
    ),
    "sum": (
        "A stated total",
        "A total must equal the figures it is said to add up.",
    ),
    "difference": (
        "A stated difference",
        "A gap between two figures must equal their difference.",
    ),
    "conversion": (
        "A unit conversion",
        "A figure restated in another unit must convert to the same amount.",
    ),
    "anniversary": (
        "An anniversary and its year",
        "An Nth anniversary in a year implies the year of the event; stated years must agree.",
    ),
    "age": (
        "An age and its years",
        "An age, a birth year and the current year must agree.",
    ),
    "range": (
        "A range that runs forwards",
        "The low end of a range must not exceed its high end.",
    ),
    "date_order": (
        "Dates in the stated order",
        "Events said to come before others must carry earlier dates.",
    ),
    "lock": (
        "A figure that differs from the lock",
        "A figure must be what factcheck.lock recorded for it.",
    ),
    "fact": (
        "A figure against a reference fact",
        "A figure must agree with the value a reference-facts file gives for it.",
    ),
}
CHANGE_RULES = {
    "changed": ("A figure changed", "A figure's normalized value differs between the old and the new version."),
    "added": ("A figure added", "The new version states a figure the old version did not."),
    "removed": ("A figure removed", "The old version stated a figure the new version no longer does."),
}


def rule_name(key: str) -> str:
    """'percent_change' -> 'PercentChange', the end-user name SARIF asks for."""
    return "".join(part.capitalize() for part in key.replace("-", "_").split("_"))


def rule(rule_id: str, name: str, short: str, full: str, level: str, help_text: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level},
        "help": {"text": help_text, "markdown": help_text.replace("'", "`")},
        "properties": {"tags": ["factcheck"]},
    }
    base = docs_url()
    if base:
        found["helpUri"] = f"{base}#check-types"
    return found


def docs_url() -> str | None:
    """The project's documentation URL from the installed package's metadata (`[project.urls]
    Documentation`), or None: a helpUri is only written where there is a real page to point at."""
    from importlib.metadata import PackageNotFoundError, metadata  # here: a scan without SARIF never loads it

    try:
        urls = metadata("factcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None


def check_rule(check_type: str) -> dict[str, Any]:
    short, full = CHECK_RULES.get(check_type, (f"A {check_type.replace('_', ' ')} check",
                                               "Derived figures must agree with the figures they come from."))
    level = "error" if check_type == "lock" else "warning"
    hint = (" Run 'factcheck lock --update PATH' to accept a deliberate change." if check_type == "lock" else
            f" Run 'factcheck explain {check_type}' for the frames that create this check and their examples.")
    return rule(RULE_PREFIX + check_type, rule_name(check_type) + "Check", short, full, level, full + hint)


def change_rule(change: str) -> dict[str, Any]:
    short, full = CHANGE_RULES[change]
    return rule(f"{RULE_PREFIX}figure-{change}", rule_name(f"figure_{change}"), short, full, "error", full)


def location(path: str, start: tuple[int, int], end: tuple[int, int]) -> dict[str, Any]:
    return {"physicalLocation": {
        "artifactLocation": {"uri": posix_path(path), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]},
    }}


def claim_location(path: str, claim: Claim) -> dict[str, Any]:
    return location(path, (claim.line, claim.column), claim_end(claim))


def check_result(doc: DocumentReport, check: Check, rule_index: int, fingerprint: str) -> dict[str, Any]:
    by_id = {c.id: c for c in doc.claims}
    used = [by_id[cid] for cid in check.claims if cid in by_id]
    message = f"{check.message} — {check.explanation}" if check.explanation else check.message
    related = []
    for number, claim in enumerate(used, start=1):
        place = claim_location(doc.path, claim)
        place["id"] = number
        place["message"] = {"text": f"{claim.id}: {claim.text} ({format_claim_value(claim)})"}
        related.append(place)
    result = {
        "ruleId": RULE_PREFIX + check.type,
        "ruleIndex": rule_index,
        "level": LEVEL[check.severity],
        "message": {"text": message},
        "locations": [location(doc.path, (check.line, check.column), (check.end_line, check.end_column))],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"verdict": check.verdict, "check": check.id, "deviation": json_number(check.deviation)},
    }
    if related:
        result["relatedLocations"] = related
    return result


def check_key(doc: DocumentReport, check: Check) -> list[str]:
    texts = {c.id: c.text for c in doc.claims}
    return [posix_path(doc.path), check.type, *(texts.get(cid, cid) for cid in check.claims), check.sentence]


def sarif_log(version: str, rules: list[dict[str, Any]], results: list[dict[str, Any]],
              errors: Sequence[DocumentError] = ()) -> str:
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error.message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": posix_path(error.path)}}}]}
            for error in errors]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": version, "rules": rules}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_text(log)


def render_sarif(report: Report, version: str) -> str:
    findings = [(doc, check) for doc in report.documents for check in doc.checks if is_finding(check)]
    types = sorted({check.type for _, check in findings})
    index = {t: i for i, t in enumerate(types)}
    prints = fingerprints(check_key(doc, check) for doc, check in findings)
    results = [check_result(doc, check, index[check.type], fp) for (doc, check), fp in zip(findings, prints)]
    return sarif_log(version, [check_rule(t) for t in types], results, report.errors)


def change_message(change: Change) -> str:
    def said(claim: Claim) -> str:
        return f"“{claim.text}” ({format_claim_value(claim)})"

    if change.old and change.new:
        return f"Figure changed: {said(change.old)} → {said(change.new)}"
    if change.new:
        return f"Figure added: {said(change.new)}"
    if change.old:
        return f"Figure removed: {said(change.old)}"
    raise ValueError("a change must name an old or a new claim")


def change_result(diff: DiffReport, change: Change, rule_index: int, fingerprint: str) -> dict[str, Any]:
    path, claim = change_place(diff, change)
    return {
        "ruleId": f"{RULE_PREFIX}figure-{change.change}",
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": change_message(change)},
        "locations": [claim_location(path, claim)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }


def change_key(diff: DiffReport, change: Change) -> list[str]:
    path, shown = change_place(diff, change)
    texts = [claim.text if claim else "" for claim in (change.old, change.new)]
    return [posix_path(path), change.change, *texts, shown.sentence]


def render_diff_sarif(diff: DiffReport, version: str) -> str:
    return render_diffs_sarif([diff], version)


def render_diffs_sarif(diffs: Sequence[DiffReport], version: str) -> str:
    """One log for the diffs of one or more file pairs."""
    kinds = list(CHANGE_RULES)
    changes = [(diff, change) for diff in diffs for change in diff.changes]
    prints = fingerprints(change_key(diff, c) for diff, c in changes)
    results = [change_result(diff, c, kinds.index(c.change), fp) for (diff, c), fp in zip(changes, prints)]
    return sarif_log(version, [change_rule(k) for k in kinds], results)
