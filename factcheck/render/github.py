"""GitHub Actions workflow commands (`::error file=…::message`), one per finding.

GitHub decodes %25, %0D and %0A in a command's message, and additionally %3A and %2C
in its properties; everything that could end a property or the command is encoded so.
"""

from __future__ import annotations

from factcheck.model import Change, Check, DiffReport, Report
from factcheck.render.common import change_place, claim_end, format_claim_value, is_finding, posix_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
PROPERTY_ESCAPES = (*DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    for raw, code in DATA_ESCAPES:
        text = text.replace(raw, code)
    return text


def escape_property(text: str) -> str:
    for raw, code in PROPERTY_ESCAPES:
        text = text.replace(raw, code)
    return text


def command(level: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


def check_command(path: str, check: Check) -> str:
    message = f"{check.message}\n{check.explanation}" if check.explanation else check.message
    properties: dict[str, str | int] = {
        "file": posix_path(path),
        "line": check.line,
        "col": check.column,
        "endLine": check.end_line,
        "endColumn": check.end_column,
        "title": f"factcheck {check.type}: {check.verdict}",
    }
    return command(COMMAND[check.severity], properties, message)


def render_github(report: Report) -> str:
    lines = [check_command(doc.path, check)
             for doc in report.documents for check in doc.checks if is_finding(check)]
    return "".join(line + "\n" for line in lines)


def change_command(diff: DiffReport, change: Change) -> str:
    path, claim = change_place(diff, change)
    old = f"{change.old.text} ({format_claim_value(change.old)})" if change.old else "—"
    new = f"{change.new.text} ({format_claim_value(change.new)})" if change.new else "—"
    end_line, end_column = claim_end(claim)
    properties: dict[str, str | int] = {
        "file": posix_path(path),
        "line": claim.line,
        "col": claim.column,
        "endLine": end_line,
        "endColumn": end_column,
        "title": f"factcheck: figure {change.change}",
    }
    return command("error", properties, f"{old} → {new}\n{claim.sentence}")


def render_diff_github(diff: DiffReport) -> str:
    return "".join(change_command(diff, change) + "\n" for change in diff.changes)
