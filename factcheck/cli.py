"""The `factcheck` command line: scan, diff, lock, rules, schema.

Every command computes its whole output first and writes it at the end, so an error never
leaves a half-written report; errors print one line on stderr and exit with status 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.errors import FactcheckError, InputError
from factcheck.pipeline import read_document, read_input, scan_document
from factcheck.model import Report
from factcheck.rulebook import load_rulebook
from factcheck.ruletest import run_examples

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Find every quantitative claim in a text and check the derived ones against each other.")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, help="List and test rule files.")
app.add_typer(rules_app, name="rules")

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".srt", ".vtt", ".text", ""}


class Format(str, Enum):
    text = "text"
    json = "json"


RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", help="A directory of extra rule files (repeatable).")]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date: expected YYYY-MM-DD, got {value!r}") from None


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, directories walked for text-like files, in sorted order."""
    found: list[str] = []
    for path in paths:
        if path == "-":
            found.append(path)
        elif Path(path).is_dir():
            found.extend(str(p) for p in sorted(Path(path).rglob("*")) if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif Path(path).exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def guarded(command: Callable[..., None]) -> Callable[..., None]:
    """Turn our errors into one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except FactcheckError as exc:
            typer.echo(f"factcheck: {exc}", err=True)
            raise typer.Exit(2) from None

    return run


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@app.command()
@guarded
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to scan; '-' reads standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    date: Annotated[Optional[str], typer.Option(help="Document date YYYY-MM-DD when the text states none.")] = None,
    rules: RulesOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only findings and the summary.")] = False,
) -> None:
    """Extract every quantitative claim and check the derived ones."""
    book = load_rulebook(rules or [])
    doc_date = parse_date(date)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    reports = []
    for path in expand_paths(paths):
        doc, _ = read_document(path, read_input(path, stdin), doc_date)
        reports.append(scan_document(doc, book))
    report = Report(reports)
    emit(render(report, format, quiet))
    raise typer.Exit(0)


def render(report: Report, format: Format, quiet: bool) -> str:
    if format is Format.json:
        from factcheck.render.json_report import render_json

        return render_json(report, __version__)
    from factcheck.render.text import render_text

    console = Console(record=True, file=open(os.devnull, "w"), width=terminal_width(),
                      force_terminal=sys.stdout.isatty())
    render_text(report, console, quiet=quiet)
    return console.export_text(styles=sys.stdout.isatty())


def terminal_width() -> int:
    try:
        return max(80, os.get_terminal_size().columns) if sys.stdout.isatty() else 120
    except OSError:
        return 120


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the report."""
    from factcheck.schema import report_schema

    emit(json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n")


@rules_app.command("list")
@guarded
def rules_list(rules: RulesOption = None) -> None:
    """Every rule with its family, kind and source file."""
    book = load_rulebook(rules or [])
    lines = [f"{r.id}\t{r.family}\t{r.kind}\t{display_path(r.source)}:{r.line}\t{r.name}" for r in book.rules]
    emit("\n".join(lines) + "\n")


@rules_app.command("test")
@guarded
def rules_test(directory: Annotated[Optional[Path], typer.Argument(help="A directory of extra rule files to test with the built-in ones.")] = None) -> None:
    """Run every rule's examples and counter-examples; exit 1 on any failure."""
    book = load_rulebook([directory] if directory else [])
    count, failures = run_examples(book)
    lines = [str(f) for f in failures]
    lines.append(f"{count - len(failures)} passed, {len(failures)} failed")
    emit("\n".join(lines) + "\n")
    raise typer.Exit(1 if failures else 0)


def display_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def main() -> None:
    """Entry point of the console script."""
    app()
