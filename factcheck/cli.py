"""The `factcheck` command line: scan, diff, lock, rules, schema.

Every command computes its whole output first and writes it at the end, so an error never
leaves a half-written report; errors print one line on stderr and exit with status 2. A
document that cannot be scanned is one such line, and the others are reported in full.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Iterable, NoReturn, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

try:  # typer vendors click since 0.22; before, click was a package of its own
    from typer._click.exceptions import ClickException
except ImportError:
    from click.exceptions import ClickException

from factcheck import __version__
from factcheck.align import diff_claims
from factcheck.errors import FactcheckError, InputError
from factcheck.extractor import extract
from factcheck.gitrev import git_show
from factcheck.isolation import debugging
from factcheck.lock import read_lock, update_lock
from factcheck.model import SEVERITY_RANK, DiffReport, DocumentError, DocumentReport, Report
from factcheck.parallel import default_jobs
from factcheck.patterncache import disable as disable_cache
from factcheck.pipeline import read_document, read_input
from factcheck.render import DIFF_RENDERERS, RENDERERS
from factcheck.render.json_report import render_jsonl_line
from factcheck.ruletest import run_examples
from factcheck.session import (
    claims_of, document_paths, exit_status, finding_key, rulebook, scan as scan_documents, settings_for,
)
from factcheck.suppress import read_baseline, write_baseline
from factcheck.terminal import one_line


class OneLineUsage(TyperGroup):
    """Usage errors as one line on stderr and exit status 2, instead of typer's boxed usage text."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as exc:  # a usage error carries the context of its command
            context = getattr(exc, "ctx", None)
            path = context.command_path if context else "factcheck"
            hint = f" (try '{path} --help')" if context else ""
            status = usage_error(f"{path}: {exc.format_message()}{hint}", exc.exit_code)
        except typer.Abort:
            status = usage_error("factcheck: aborted", 130)
        if not standalone_mode:
            return status
        sys.exit(status if isinstance(status, int) else 0)


def usage_error(message: str, status: int = 2) -> int:
    """The message (which starts with the command's name) on one line of stderr."""
    typer.echo(one_line(message), err=True)
    return status


def say(message: str) -> None:
    """One line on stderr, fit for a terminal whatever a document or file name holds."""
    typer.echo(f"factcheck: {one_line(message)}", err=True)


app = typer.Typer(cls=OneLineUsage, add_completion=False, pretty_exceptions_enable=False,
                  help="Find every quantitative claim in a text and check the derived ones against each other.")
rules_app = typer.Typer(add_completion=False, help="List and test rule files.")
app.add_typer(rules_app, name="rules")


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
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
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Compile every rule pattern afresh; read and write no cache.")]


def guarded(command: Callable[..., None]) -> Callable[..., None]:
    """Turn our errors into one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except FactcheckError as exc:
            say(str(exc))
            raise typer.Exit(2) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: still one line, unless FACTCHECK_DEBUG asks for the traceback
            if debugging():
                raise
            say(f"internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for the traceback)")
            raise typer.Exit(2) from None

    return run


def emit(text: str) -> None:
    """Write the whole output; a failed write (a full disk, a closed pipe) is one line and status 2."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        silence_stdout()
        raise InputError(f"cannot write the output: {exc.strerror or exc}") from None


def silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def report_errors(errors: list[DocumentError]) -> None:
    for error in errors:
        say(f"{error.path}: {error.message}")


def value_of(option: Enum | None) -> str | None:
    return option.value if option is not None else None


def progress_for(count: int, output: str) -> Callable[[Iterable[Any]], Iterable[Any]]:
    """A progress bar on stderr for many files, only in a terminal and only with text output."""
    if count < 5 or output != "text" or not sys.stdout.isatty() or not sys.stderr.isatty():
        return iter
    from rich.progress import track

    console = Console(stderr=True)
    return lambda outcomes: track(outcomes, total=count, description="scanning", console=console, transient=True)


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
    no_cache: NoCacheOption = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes over the files (default: the number of cores).")] = None,
) -> None:
    """Extract every quantitative claim and check the derived ones.

    With --format jsonl each document's line is written as soon as it is scanned (in the order of
    the files), so the run holds one document at a time."""
    use_cache(not no_cache)
    settings = settings_for(paths, rules=tuple(rules) if rules else None, facts=facts, fail_on=value_of(fail_on),
                            tolerance=tolerance, approx_threshold=approx_threshold, date=date, lock=lock,
                            format=value_of(format))
    output = settings.config.format or "text"
    files, unreadable = document_paths(paths, settings.config)
    known_lock = read_lock(settings.lock) if locked else None
    known_baseline = read_baseline(baseline) if baseline else None
    stream = Stream() if output == "jsonl" and write_baseline_to is None else None
    report = scan_documents(files, settings, lock=known_lock, baseline=known_baseline,
                            progress=progress_for(len(files), output), jobs=jobs or default_jobs(),
                            sink=stream.write if stream else None)
    report.errors[:0] = unreadable
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, [finding_key(d.path, c) for d in report.documents for c in d.checks
                                           if c.severity != "none"], [d.path for d in report.documents])
    elif stream is None:
        emit(render(report, output, quiet))
    report_errors(report.errors)
    if report.errors:
        raise typer.Exit(2)
    worst = stream.worst if stream else report.worst_severity()
    raise typer.Exit(0 if write_baseline_to is not None else exit_status(worst, settings.fail_on))


class Stream:
    """--format jsonl: each document's line written as soon as it is scanned, and the worst severity seen."""

    def __init__(self) -> None:
        self.worst = "none"

    def write(self, outcome: DocumentReport | DocumentError) -> None:
        emit(render_jsonl_line(outcome))
        severity = Report([outcome]).worst_severity() if isinstance(outcome, DocumentReport) else "none"
        if SEVERITY_RANK[severity] > SEVERITY_RANK[self.worst]:
            self.worst = severity


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
    no_cache: NoCacheOption = False,
) -> None:
    """Report every figure changed, added or removed between two versions of a document."""
    use_cache(not no_cache)
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
    no_cache: NoCacheOption = False,
) -> None:
    """Write the figure lock: one entry per figure with its sentence context, sorted and stable.

    A document that cannot be read keeps its entries of the lock on disk (and exits 2).
    """
    use_cache(not no_cache)
    settings = settings_for(paths, rules=tuple(rules) if rules else None, date=date, lock=lock)
    if settings.lock.exists() and not update:
        raise InputError(f"{settings.lock} exists; run 'factcheck lock --update' to accept the current figures")
    if "-" in paths:
        raise InputError("lock needs files: standard input has no path to lock")
    files, unreadable = document_paths(paths, settings.config)
    documents, errors = claims_of(files, settings)
    update_lock(settings.lock, documents, update=update)
    say(f"locked {sum(len(v) for v in documents.values())} figures of {len(documents)} documents in {settings.lock}")
    report_errors(unreadable + errors)
    if unreadable or errors:
        raise typer.Exit(2)


@app.command()
@guarded
def schema(diff: Annotated[bool, typer.Option("--diff", help="The schema of the diff report instead.")] = False) -> None:
    """Print the JSON Schema of the report (or of the diff report)."""
    from factcheck.schema import diff_schema, report_schema

    emit(json.dumps(diff_schema() if diff else report_schema(), indent=2, ensure_ascii=False) + "\n")


@rules_app.command("list")
@guarded
def rules_list(rules: RulesOption = None, no_cache: NoCacheOption = False) -> None:
    """Every rule and frame with its family (or check type), kind and source file."""
    use_cache(not no_cache)
    book = rulebook(settings_for([], rules=tuple(rules) if rules else None).config)
    rows = [(r.id, r.family, r.kind, f"{display_path(r.source)}:{r.line}", r.name) for r in book.rules]
    rows += [(f.id, "frames", f.type, f"{display_path(f.source)}:{f.line}", f.name) for f in book.frames]
    emit("".join("\t".join(one_line(field) for field in row) + "\n" for row in rows))


@rules_app.command("test")
@guarded
def rules_test(directory: Annotated[Optional[Path], typer.Argument(help="A directory of extra rule files to test with the built-in ones.")] = None,
               no_cache: NoCacheOption = False) -> None:
    """Run every rule's examples and counter-examples; exit 1 on any failure."""
    use_cache(not no_cache)
    from factcheck.rulebook import load_rulebook

    count, failures = run_examples(load_rulebook([directory] if directory else []))
    lines = [one_line(str(f)) for f in failures]
    lines.append(f"{count - len(failures)} passed, {len(failures)} failed")
    emit("\n".join(lines) + "\n")
    raise typer.Exit(1 if failures else 0)


def use_cache(enabled: bool) -> None:
    if not enabled:
        disable_cache()


def display_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def main() -> None:
    """Entry point of the console script: a termination signal ends the run as an exception, so
    the temp file of a write in progress is removed (see atomic)."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    app()


def stop(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)
