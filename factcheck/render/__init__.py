"""Renderers: one output format per module; each formats the model and computes nothing.

`RENDERERS` and `DIFF_RENDERERS` map a `--format` name to a function of
(report or diff, tool version) returning the whole output. The rich `text` format
writes to a console instead: call `text.render_text` / `text.render_diff_text`; the `html` page
of a scan also needs the documents' texts: call `html.render_html`.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.model import DiffReport, Report
from factcheck.render.concise import render_concise, render_diff_concise
from factcheck.render.github import render_diff_github, render_github
from factcheck.render.json_report import render_diff_json, render_diff_jsonl_line, render_json, render_jsonl_line
from factcheck.render.markdown import render_diff_markdown, render_markdown
from factcheck.render.sarif import render_diff_sarif, render_sarif


def _github(report: Report, version: str) -> str:
    return render_github(report)


def _concise(report: Report, version: str) -> str:
    return render_concise(report)


def _diff_concise(diff: DiffReport, version: str) -> str:
    return render_diff_concise(diff)


def _jsonl(report: Report, version: str) -> str:
    """The lines `--format jsonl` streams, for a report written whole (to --output-file)."""
    return "".join(render_jsonl_line(outcome) for outcome in (*report.documents, *report.errors))


def _diff_jsonl(diff: DiffReport, version: str) -> str:
    return render_diff_jsonl_line(diff)


def _markdown(report: Report, version: str) -> str:
    return render_markdown(report)


def _diff_json(diff: DiffReport, version: str) -> str:
    return render_diff_json(diff)


def _diff_github(diff: DiffReport, version: str) -> str:
    return render_diff_github(diff)


def _diff_markdown(diff: DiffReport, version: str) -> str:
    return render_diff_markdown(diff)


RENDERERS: dict[str, Callable[[Report, str], str]] = {
    "concise": _concise,
    "json": render_json,
    "jsonl": _jsonl,
    "sarif": render_sarif,
    "github": _github,
    "markdown": _markdown,
}
DIFF_RENDERERS: dict[str, Callable[[DiffReport, str], str]] = {
    "concise": _diff_concise,
    "json": _diff_json,
    "jsonl": _diff_jsonl,
    "sarif": render_diff_sarif,
    "github": _diff_github,
    "markdown": _diff_markdown,
}
FORMATS = ("text", *RENDERERS)
