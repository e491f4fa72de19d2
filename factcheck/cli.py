"""The `factcheck` command line: scan, diff, lock, rules, schema.

Every command computes its whole output first and writes it at the end, so an error never
leaves a half-written report; errors print one line on stderr and exit with status 2.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterable, Optional

import typer
from rich.console import Console
from rich.progress import track

from factcheck import __version__
from factcheck.align import diff_claims
from factcheck.atomic import write_atomic
from factcheck.errors import FactcheckError, InputError
from factcheck.extractor import extract
from factcheck.lock import build_lock, dump_lock, read_lock
from factcheck.model import DiffReport, Report
from factcheck.pipeline import read_document, read_input
from factcheck.render import DIFF_RENDERERS, RENDERERS
from factcheck.ruletest import run_examples
from factcheck.session import (
    Settings, document_paths, exit_status, finding_key, read_all, rulebook, scan as scan_documents, settings_for,
)
from factcheck.suppress import read_baseline, write_baseline

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Find every quantitative claim in a text and check the derived ones against each other.")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, help="List and test rule files.")
app.add_typer(rules_app, name="rules")


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FormatOption = Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format.")]
DateOption = Annotated[Optional[str], typer.Option(help="Document date YYYY-MM-DD when the text states none.")]
RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", help="A directory of extra rule files (repeatable).")]
FailOnOption = Annotated[Optional[FailOn], typer.Option(help="The lowest severity that makes the exit status 1.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Only findings and the summary.")]


def guarded(command: Callable[..., None]) -> Callable[..., None]:
    """Turn our errors into one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except FactcheckError as exc:
            typer.echo(f"factcheck: {exc}", err=True)
            raise typer.Exit(2) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: still one line, unless FACTCHECK_DEBUG asks for the traceback
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for details)", err=True)
            raise typer.Exit(2) from None

    return run


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def value_of(option: Enum | None) -> str | None:
    return option.value if option is not None else None


def stdin_if_needed(paths: list[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


def progress_for(count: int, output: str) -> Callable[[Iterable[str]], Iterable[str]]:
    """A progress bar on stderr for many files, only in a terminal and only with text output."""
    if count < 5 or output != "text" or not sys.stdout.isatty() or not sys.stderr.isatty():
        return iter
    console = Console(stderr=True)
    return lambda paths: track(paths, description="scanning", console=console, transient=True)


@app.command()
@guarded
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to scan; '-' reads standard input.")],
    format: FormatOption = None,
    date: DateOption = None,
    rules: RulesOption = None,
    facts: Annotated[Optional[Path], typer.Option(help="Reference facts (TOML or CSV) to check implied figures against.")] = None,
    fail_on: FailOnOption = None,
    tolerance: Annotated[Optional[float], typer.Option(min=0, help="Widen every stated figure by this fraction of itself.")] = None,
    approx_threshold: Annotated[Optional[float], typer.Option(min=0, help="Deviation above which a fitting figure is 'approximate'.")] = None,
    locked: Annotated[bool, typer.Option("--locked", help="Report every figure that differs from the lock file as an error.")] = False,
    lock: Annotated[Optional[Path], typer.Option(help="The lock file (default: factcheck.lock).")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Findings recorded here are not reported again.")] = None,
    write_baseline_to: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record the current findings as a baseline and exit 0.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Extract every quantitative claim and check the derived ones."""
    settings = settings_for(paths, rules=tuple(rules) if rules else None, facts=facts, fail_on=value_of(fail_on),
                            tolerance=tolerance, approx_threshold=approx_threshold, date=date, lock=lock,
                            format=value_of(format))
    output = settings.config.format or "text"
    files = document_paths(paths, settings.config)
    documents = read_all(files, settings, stdin_if_needed(paths), progress_for(len(files), output))
    known_lock = read_lock(settings.lock) if locked else None
    known_baseline = read_baseline(baseline) if baseline else None
    report = scan_documents(documents, settings, lock=known_lock, baseline=known_baseline)
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, [finding_key(d.path, c) for d in report.documents for c in d.checks
                                           if c.severity != "none"])
        raise typer.Exit(0)
    emit(render(report, output, quiet))
    raise typer.Exit(exit_status(report.worst_severity(), settings.fail_on))


def render(report: Report, output: str, quiet: bool) -> str:
    if output in RENDERERS:
        return RENDERERS[output](report, __version__)
    from factcheck.render.text import render_text

    console = text_console()
    render_text(report, console, quiet=quiet)
    return console.export_text(styles=sys.stdout.isatty())


def text_console() -> Console:
    width = os.get_terminal_size().columns if sys.stdout.isatty() else 120
    return Console(record=True, file=open(os.devnull, "w"), width=max(80, width), force_terminal=sys.stdout.isatty())


@app.command()
@guarded
def diff(
    paths: Annotated[list[str], typer.Argument(help="OLD NEW, or with --rev just the PATH.")],
    rev: Annotated[Optional[str], typer.Option(help="Compare PATH with its version at this git revision.")] = None,
    format: FormatOption = None,
    date: DateOption = None,
    rules: RulesOption = None,
    fail_on: FailOnOption = None,
) -> None:
    """Report every figure changed, added or removed between two versions of a document."""
    settings = settings_for(paths, rules=tuple(rules) if rules else None, date=date, fail_on=value_of(fail_on),
                            format=value_of(format))
    (old_path, old_data), (new_path, new_data) = versions(paths, rev)
    book = rulebook(settings.config)
    claims = []
    for path, data in ((old_path, old_data), (new_path, new_data)):
        doc, _ = read_document(path, data, settings.date)
        claims.append(extract(doc, book)[0])
    report = diff_claims(claims[0], claims[1], old_path, new_path)
    emit(render_diff(report, settings.config.format or "text"))
    raise typer.Exit(0 if settings.fail_on == "never" or not report.changes else 1)


def versions(paths: list[str], rev: str | None) -> tuple[tuple[str, bytes], tuple[str, bytes]]:
    if rev is not None:
        if len(paths) != 1:
            raise InputError("diff --rev REV takes exactly one PATH")
        return (f"{rev}:{paths[0]}", git_show(rev, paths[0])), (paths[0], read_input(paths[0]))
    if len(paths) != 2:
        raise InputError("diff takes two files, OLD and NEW (or --rev REV PATH)")
    return (paths[0], read_input(paths[0])), (paths[1], read_input(paths[1]))


def git_show(rev: str, path: str) -> bytes:
    """The file as it was at a git revision, through the git executable."""
    target = Path(path).resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=target.parent, capture_output=True, check=True)
        relative = target.relative_to(Path(top.stdout.decode().strip()).resolve()).as_posix()
        shown = subprocess.run(["git", "show", f"{rev}:{relative}"], cwd=target.parent, capture_output=True, check=True)
    except FileNotFoundError:
        raise InputError("diff --rev needs the git executable on PATH") from None
    except (subprocess.CalledProcessError, ValueError) as exc:
        detail = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] if isinstance(exc, subprocess.CalledProcessError) else []
        raise InputError(f"{path}: cannot read it at {rev}: {' '.join(detail) or exc}") from None
    return shown.stdout


def render_diff(report: DiffReport, output: str) -> str:
    if output in DIFF_RENDERERS:
        return DIFF_RENDERERS[output](report, __version__)
    from factcheck.render.text import render_diff_text

    console = text_console()
    render_diff_text(report, console)
    return console.export_text(styles=sys.stdout.isatty())


@app.command("lock")
@guarded
def lock_command(
    paths: Annotated[list[str], typer.Argument(help="Files or directories whose figures to lock.")],
    update: Annotated[bool, typer.Option("--update", help="Accept the current figures into an existing lock.")] = False,
    lock: Annotated[Optional[Path], typer.Option(help="The lock file (default: factcheck.lock).")] = None,
    date: DateOption = None,
    rules: RulesOption = None,
) -> None:
    """Write the figure lock: one entry per figure with its sentence context, sorted and stable."""
    settings: Settings = settings_for(paths, rules=tuple(rules) if rules else None, date=date, lock=lock)
    if settings.lock.exists() and not update:
        raise InputError(f"{settings.lock} exists; run 'factcheck lock --update' to accept the current figures")
    if "-" in paths:
        raise InputError("lock needs files: standard input has no path to lock")
    book = rulebook(settings.config)
    documents = {}
    for doc, _ in read_all(document_paths(paths, settings.config), settings, None):
        documents[doc.path] = extract(doc, book)[0]
    merged = dict(read_lock(settings.lock).documents) if update and settings.lock.exists() else {}
    fresh = build_lock(documents)
    merged.update(fresh.documents)
    write_atomic(settings.lock, dump_lock(type(fresh)(dict(sorted(merged.items())))))
    typer.echo(f"locked {sum(len(v) for v in fresh.documents.values())} figures of {len(documents)} documents in {settings.lock}", err=True)


@app.command()
@guarded
def schema(diff: Annotated[bool, typer.Option("--diff", help="The schema of the diff report instead.")] = False) -> None:
    """Print the JSON Schema of the report (or of the diff report)."""
    from factcheck.schema import diff_schema, report_schema

    emit(json.dumps(diff_schema() if diff else report_schema(), indent=2, ensure_ascii=False) + "\n")


@rules_app.command("list")
@guarded
def rules_list(rules: RulesOption = None) -> None:
    """Every rule and frame with its family (or check type), kind and source file."""
    book = rulebook(settings_for([], rules=tuple(rules) if rules else None).config)
    lines = [f"{r.id}\t{r.family}\t{r.kind}\t{display_path(r.source)}:{r.line}\t{r.name}" for r in book.rules]
    lines += [f"{f.id}\tframes\t{f.type}\t{display_path(f.source)}:{f.line}\t{f.name}" for f in book.frames]
    emit("\n".join(lines) + "\n")


@rules_app.command("test")
@guarded
def rules_test(directory: Annotated[Optional[Path], typer.Argument(help="A directory of extra rule files to test with the built-in ones.")] = None) -> None:
    """Run every rule's examples and counter-examples; exit 1 on any failure."""
    from factcheck.rulebook import load_rulebook

    count, failures = run_examples(load_rulebook([directory] if directory else []))
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
