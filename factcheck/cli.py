"""The `factcheck` command line: scan, diff, lock, rules, schema.

Every command computes its whole output first and writes it at the end, so an error never
leaves a half-written report; errors print one line on stderr and exit with status 2. A
document that cannot be scanned is one such line, and the others are reported in full.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import io
import json
import os
import re
import signal
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterable, Iterator, NoReturn, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

try:  # typer vendors click since 0.22; before, click was a package of its own
    from typer._click.exceptions import ClickException
except ImportError:
    from click.exceptions import ClickException

if TYPE_CHECKING:
    from rich.console import Console

from factcheck import __version__
from factcheck.align import diff_claims
from factcheck.diff_pairs import Version, version_pairs
from factcheck.atomic import write_atomic
from factcheck.errors import FactcheckError, InputError
from factcheck.extract.extractor import extract
from factcheck.isolation import debugging
from factcheck.lock import read_lock, update_lock
from factcheck.config import Config
from factcheck.model import SEVERITY_RANK, Claim, DiffReport, DocumentError, DocumentReport, Report
from factcheck.parallel import default_jobs
from factcheck.extract.patterncache import disable as disable_cache
from factcheck.extract.rulebook import Rulebook
from factcheck.document import decode
from factcheck.pipeline import read_document, read_input
from factcheck.render import DIFF_RENDERERS, RENDERERS
from factcheck.render.common import json_text
from factcheck.render.json_report import render_jsonl_line
from factcheck.render.sarif import render_diffs_sarif
from factcheck.render.statistics import render_statistics
from factcheck.report_filter import ReportFilter, filtered, filtered_document
from factcheck.session import (
    Runner, Settings, claims_of, document_paths, exit_status, finding_key, rulebook, scan as scan_documents, settings_for,
)
from factcheck.suppress import read_baseline, write_baseline
from factcheck.terminal import one_line, output_width, wants_colour, without_trailing_space
from factcheck.vocabulary import check_types_and_kinds


REQUIRED_BRACES = re.compile(r"\{([A-Z][^{}]*)\}(?:\.\.\.)?")


class ProseHelp(TyperCommand):
    """A command whose help reads like prose: arguments by their metavar alone, without typer's
    type labels (`<list[str]>`) or braces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.display_type_rich = no_type_label  # type: ignore[method-assign]

    def get_help(self, ctx: Any) -> str:
        return REQUIRED_BRACES.sub(r"\1", super().get_help(ctx))


def no_type_label(ctx: Any) -> None:
    return None


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
            message = exc.format_message().replace("Value error, ", "")
            status = usage_error(f"{path}: {message}{hint}", exc.exit_code)
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


app = typer.Typer(cls=OneLineUsage, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Find every quantitative claim in a text and check the derived ones against each other.")
rules_app = typer.Typer(cls=OneLineUsage, add_completion=False, rich_markup_mode=None, help="List and test rule files.")
app.add_typer(rules_app, name="rules")


def show_version(asked: bool) -> None:
    if asked:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find every quantitative claim in a text and check the derived ones against each other."""


class Format(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"


class Colour(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", metavar="FORMAT", help="Output format: text, concise, json, jsonl, sarif, github, markdown or html (scan only).")]
DateOption = Annotated[Optional[str], typer.Option(
    metavar="YYYY-MM-DD", help="The document date, for a text that states none; relative dates resolve against it.")]
RulesOption = Annotated[Optional[list[Path]], typer.Option(
    "--rules", metavar="DIR", help="A directory of extra rule files; give it again for more.")]
FailOnOption = Annotated[Optional[FailOn], typer.Option(
    metavar="LEVEL", help="The lowest severity that makes the exit status 1: error (default), warning, info or never.")]
ColourOption = Annotated[Colour, typer.Option(
    "--color", metavar="WHEN", show_default=False, help="Colour the text output: auto (a terminal, unless NO_COLOR is set), always or never.")]
OutputFileOption = Annotated[Optional[Path], typer.Option(
    "--output-file", "-o", metavar="FILE", help="Write the output to FILE (whole or not at all) instead of stdout.")]
LockOption = Annotated[Optional[Path], typer.Option(metavar="FILE", help="The lock file (default: factcheck.lock).")]
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
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True)
    return lambda outcomes: track(outcomes, total=count, description="scanning", console=console, transient=True)


@app.command(cls=ProseHelp)
@guarded
def scan(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files or directories to scan; '-' reads standard input.")],
    format: FormatOption = None,
    date: DateOption = None,
    rules: RulesOption = None,
    facts: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Reference facts (TOML or CSV) to check implied figures against.")] = None,
    fail_on: FailOnOption = None,
    select: Annotated[Optional[list[str]], typer.Option(metavar="NAMES", help="Report only these check types or claim kinds, comma-separated (ratio,sum,money).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(metavar="NAMES", help="Leave out these check types or claim kinds, comma-separated.")] = None,
    min_level: Annotated[Optional[Level], typer.Option(metavar="LEVEL", help="The lowest severity of finding to show: info (default), warning or error.")] = None,
    show: Annotated[Optional[str], typer.Option(metavar="PARTS", help="Also show: claims (a table), text (the sentences with their figures), passed (consistent checks); comma-separated.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show everything: --show claims,text,passed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and warnings, and the summary (--min-level warning).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print how many checks of each type had each verdict, instead of the findings.")] = False,
    colour: ColourOption = Colour.auto,
    output_file: OutputFileOption = None,
    tolerance: Annotated[Optional[float], typer.Option(metavar="FRACTION", help="Widen every stated figure by this fraction of itself (0.01 is 1%).")] = None,
    approx_threshold: Annotated[Optional[float], typer.Option(metavar="FRACTION", help="A fitting figure further than this from the expected one is 'approximate' (default 0.05).")] = None,
    locked: Annotated[bool, typer.Option("--locked", help="Report every figure that differs from the lock file as an error.")] = False,
    lock: LockOption = None,
    baseline: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Findings recorded in FILE are not reported again.")] = None,
    write_baseline_to: Annotated[Optional[Path], typer.Option("--write-baseline", metavar="FILE", help="Record the current findings in FILE as a baseline and exit 0.")] = None,
    no_cache: NoCacheOption = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes over the files (default: the number of cores).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Scan the files on the Dask cluster of this scheduler (the extra factcheck[dask]); JSON lines unless a format is set.")] = None,
) -> None:
    """Extract every quantitative claim and check the derived ones; findings first.

    With --format jsonl each document's line is written as soon as it is scanned (in the order of
    the files), so the run holds one document at a time."""
    use_cache(not no_cache)
    if dask is not None and jobs is not None:
        raise InputError("--dask and --jobs: choose one (the cluster's workers do the work of --jobs)")
    settings = settings_for(paths, rules=tuple(rules) if rules else None, facts=facts, fail_on=value_of(fail_on),
                            tolerance=non_negative(tolerance, "--tolerance"),
                            approx_threshold=non_negative(approx_threshold, "--approx-threshold"), date=date, lock=lock,
                            format=value_of(format), min_level=value_of(min_level) or ("warning" if quiet else None),
                            select=names_of(select, "--select"), ignore=names_of(ignore, "--ignore"))
    if facts is not None and not facts.is_file():
        raise InputError(f"--facts {facts}: no such file (a TOML or CSV file of reference facts)")
    output = settings.config.format or ("text" if dask is None else "jsonl")
    parts = frozenset(show_choices()) if verbose else show_parts(show)
    files, unreadable = document_paths(paths, settings.config)
    if not files and not unreadable:
        raise InputError(no_documents(paths))
    known_lock = read_lock(settings.lock) if locked else None
    known_baseline = read_baseline(baseline) if baseline else None
    chosen = report_filter(settings.config)
    streamed = output == "jsonl" and write_baseline_to is None and output_file is None and not statistics
    stream = Stream(chosen) if streamed else None
    with on_cluster(dask) as run:
        report = scan_documents(files, settings, lock=known_lock, baseline=known_baseline,
                                progress=progress_for(len(files), output), jobs=jobs or default_jobs(),
                                sink=stream.write if stream else None, run=run)
    report.errors[:0] = unreadable
    report = filtered(report, chosen)
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, [finding_key(d.path, c) for d in report.documents for c in d.checks
                                           if c.severity != "none"], [d.path for d in report.documents])
    elif stream is None:
        text = render_statistics(report) if statistics else render(report, output, parts, colour_for(colour, output_file))
        deliver(text, output_file)
    report_errors(report.errors)
    if report.errors:
        raise typer.Exit(2)
    worst = stream.worst if stream else report.worst_severity()
    raise typer.Exit(0 if write_baseline_to is not None else exit_status(worst, settings.fail_on))


@contextlib.contextmanager
def on_cluster(address: str | None) -> Iterator[Runner | None]:
    """With --dask, the scan's runner on that cluster (the client closed after the scan); else None."""
    if address is None:
        yield None
        return
    from factcheck import cluster

    client = cluster.connect(address)
    try:
        yield cluster.runner(client)
    finally:
        client.close()


class Stream:
    """--format jsonl: each document's line written as soon as it is scanned (with --select, --ignore
    and --min-level applied), and the worst severity seen."""

    def __init__(self, chosen: ReportFilter) -> None:
        self.chosen, self.worst = chosen, "none"

    def write(self, outcome: DocumentReport | DocumentError) -> None:
        if isinstance(outcome, DocumentReport):
            outcome = filtered_document(outcome, self.chosen)
        emit(render_jsonl_line(outcome))
        severity = Report([outcome]).worst_severity() if isinstance(outcome, DocumentReport) else "none"
        if SEVERITY_RANK[severity] > SEVERITY_RANK[self.worst]:
            self.worst = severity


def non_negative(value: float | None, option: str) -> float | None:
    if value is not None and not value >= 0:
        raise InputError(f"{option}: expected a fraction of 0 or more (0.05 is 5%), got {value}")
    return value


def names_of(values: list[str] | None, option: str) -> tuple[str, ...] | None:
    """Check types or claim kinds given on the command line, validated; None when not given."""
    return tuple(sorted(check_types_and_kinds(values, option))) if values else None


def show_parts(value: str | None) -> frozenset[str]:
    parts = frozenset(part.strip() for part in (value or "").split(",") if part.strip())
    unknown = sorted(parts - set(show_choices())) if parts else []
    if unknown:
        raise InputError(f"--show: unknown part {unknown[0]!r}; expected some of {', '.join(show_choices())}")
    return parts


def show_choices() -> tuple[str, ...]:
    from factcheck.render.text import SHOW_CHOICES  # here: the text renderer loads rich, which JSON never needs

    return SHOW_CHOICES


def report_filter(config: Config) -> ReportFilter:
    return ReportFilter(select=frozenset(config.select), ignore=frozenset(config.ignore),
                        min_level=config.min_level or "info")


def no_documents(paths: list[str]) -> str:
    """A scan that would check nothing is an error, not a green run."""
    return (f"no document to scan in {', '.join(paths)}: no text-like file matched "
            "(.txt, .md, .html, .srt, .vtt; check include/exclude in the config)")


def colour_for(choice: Colour, output_file: Path | None) -> bool:
    return wants_colour(choice.value, os.environ, output_file is None and sys.stdout.isatty())


def deliver(text: str, output_file: Path | None) -> None:
    """The whole output to stdout, or atomically to the file."""
    if output_file is None:
        emit(text)
    else:
        write_atomic(output_file, text)


def render(report: Report, output: str, show: frozenset[str], colour: bool) -> str:
    if output in RENDERERS:
        return RENDERERS[output](report, __version__)
    if output == "html":
        from factcheck.render.html import render_html

        return render_html(report, texts_of(report))
    from factcheck.render.text import render_text

    console = text_console(colour)
    render_text(report, console, show=show)
    return console_text(console)


def texts_of(report: Report) -> dict[str, str]:
    """Each scanned file's decoded text, read again for the HTML page (standard input cannot be)."""
    texts = {}
    for doc in report.documents:
        if doc.path != "-":
            try:
                texts[doc.path] = decode(read_input(doc.path))[0]
            except (OSError, FactcheckError):
                continue
    return texts


def text_console(colour: bool) -> Console:
    """A console as wide as the terminal (100 columns in a pipe, or COLUMNS), colour as decided."""
    from rich.console import Console  # here: JSON and the other formats never load rich's console

    return Console(file=io.StringIO(), width=output_width(os.environ, terminal_columns()), force_terminal=colour,
                   no_color=not colour, color_system="standard" if colour else None, highlight=False, emoji=False)


def terminal_columns() -> int | None:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else None
    except (OSError, ValueError):
        return None


def console_text(console: Console) -> str:
    assert isinstance(console.file, io.StringIO)
    return without_trailing_space(console.file.getvalue())


@app.command(cls=ProseHelp)
@guarded
def diff(
    paths: Annotated[list[str], typer.Argument(metavar="OLD NEW", help="Two files or two directories (paired by relative path); with --rev, one PATH.")],
    rev: Annotated[Optional[str], typer.Option(metavar="REV", help="Compare PATH with its version at this git revision.")] = None,
    format: FormatOption = None,
    date: DateOption = None,
    rules: RulesOption = None,
    fail_on: FailOnOption = None,
    colour: ColourOption = Colour.auto,
    output_file: OutputFileOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Report every figure changed, added or removed between two versions of a document or a directory."""
    use_cache(not no_cache)
    settings = settings_for(paths, rules=tuple(rules) if rules else None, date=date, fail_on=value_of(fail_on),
                            format=value_of(format))
    book = rulebook(settings.config)
    reports = [diff_claims(claims_in(old, book, settings), claims_in(new, book, settings), old.label, new.label)
               for old, new in version_pairs(paths, rev, settings.config)]
    deliver(render_diffs(reports, settings.config.format or "text", colour_for(colour, output_file)), output_file)
    changed = any(report.changes for report in reports)
    raise typer.Exit(0 if settings.fail_on == "never" or not changed else 1)


def claims_in(version: Version, book: Rulebook, settings: Settings) -> list[Claim]:
    """The claims of one side of a comparison; none where the file is absent."""
    if version.data is None:
        return []
    doc, _ = read_document(version.label, version.data, settings.date)
    return extract(doc, book)[0]


def render_diffs(reports: list[DiffReport], output: str, colour: bool) -> str:
    """One diff as its format has it; for directories, the diff of each file pair with a change in
    turn (JSON: an array of every pair's diff report; JSON lines: a line for each pair; SARIF: one log
    with the results of every pair)."""
    if len(reports) == 1:
        return render_diff(reports[0], output, colour)
    if output == "json":
        return json_text([json.loads(render_diff(report, output, colour)) for report in reports])
    if output == "sarif":
        return render_diffs_sarif(reports, __version__)
    if output == "jsonl":
        return "".join(render_diff(report, output, colour) for report in reports)
    changed = [report for report in reports if report.changes]
    if not changed:
        return f"No figure changed in {len(reports)} files.\n"
    return "".join(render_diff(report, output, colour) for report in changed)


def render_diff(report: DiffReport, output: str, colour: bool) -> str:
    if output in DIFF_RENDERERS:
        return DIFF_RENDERERS[output](report, __version__)
    if output != "text":
        raise InputError(f"--format {output} is a report of a scan; diff writes text, {', '.join(DIFF_RENDERERS)}")
    from factcheck.render.text import render_diff_text

    console = text_console(colour)
    render_diff_text(report, console)
    return console_text(console)


@app.command("lock", cls=ProseHelp)
@guarded
def lock_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files or directories whose figures to lock.")],
    update: Annotated[bool, typer.Option("--update", help="Accept the current figures into an existing lock.")] = False,
    lock: LockOption = None,
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


@app.command("config", cls=ProseHelp)
@guarded
def config_command(
    path: Annotated[Optional[Path], typer.Argument(metavar="PATH", help="Where the config is looked for (default: the working directory).")] = None,
) -> None:
    """Show the effective settings and where each came from: the config file or the default."""
    from factcheck.config import load_config
    from factcheck.config_view import render_settings

    start = path or Path.cwd()
    if not start.exists():
        raise InputError(f"{start}: no such file or directory")
    emit(render_settings(load_config(start)))


@app.command(cls=ProseHelp)
@guarded
def explain(
    check_type: Annotated[str, typer.Argument(metavar="TYPE", help="A check type, such as ratio or percent_change.")],
    rules: RulesOption = None,
) -> None:
    """Show what a check type verifies, with consistent and inconsistent examples from the rule files."""
    from factcheck.explain import explain as explain_type

    emit(explain_type(check_type, rulebook(settings_for([], rules=tuple(rules) if rules else None).config)))


@app.command(cls=ProseHelp)
@guarded
def lsp(
    date: DateOption = None,
    rules: RulesOption = None,
    facts: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Reference facts (TOML or CSV).")] = None,
    lock: LockOption = None,
) -> None:
    """Run the Language Server on stdin and stdout, for an editor (needs the extra factcheck[lsp])."""
    try:
        from factcheck.lsp import serve
    except ImportError as exc:
        raise InputError(f"factcheck lsp needs pygls ({exc.name} is missing): pip install 'factcheck[lsp]'") from None
    serve(settings_for([], rules=tuple(rules) if rules else None, facts=facts, date=date, lock=lock))


@app.command(cls=ProseHelp)
@guarded
def schema(diff: Annotated[bool, typer.Option("--diff", help="The schema of the diff report instead.")] = False) -> None:
    """Print the JSON Schema of the report (or of the diff report)."""
    from factcheck.schema import diff_schema, report_schema

    emit(json.dumps(diff_schema() if diff else report_schema(), indent=2, ensure_ascii=False) + "\n")


@rules_app.command("list", cls=ProseHelp)
@guarded
def rules_list(rules: RulesOption = None, no_cache: NoCacheOption = False) -> None:
    """Every rule and frame with its family (or check type), kind and source file."""
    use_cache(not no_cache)
    book = rulebook(settings_for([], rules=tuple(rules) if rules else None).config)
    rows = [(r.id, r.family, r.kind, f"{display_path(r.source)}:{r.line}", r.name) for r in book.rules]
    rows += [(f.id, "frames", f.type, f"{display_path(f.source)}:{f.line}", f.name) for f in book.frames]
    emit("".join("\t".join(one_line(field) for field in row) + "\n" for row in rows))


@rules_app.command("test", cls=ProseHelp)
@guarded
def rules_test(directory: Annotated[Optional[Path], typer.Argument(metavar="DIR", help="A directory of extra rule files to test with the built-in ones.")] = None,
               no_cache: NoCacheOption = False,
               jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes that compile the patterns on a cold cache and run the examples (default: the number of cores).")] = None) -> None:
    """Run every rule's examples and counter-examples; exit 1 on any failure."""
    use_cache(not no_cache)
    from factcheck.extract.rulebook import load_rulebook
    from factcheck.ruletest_pool import prepared, run_examples_over

    dirs = [directory] if directory else []
    workers = jobs or default_jobs()
    book = prepared(load_rulebook(dirs), workers, dirs)
    count, failures = run_examples_over(book, workers, dirs)
    book.store.save()  # what the examples read from the patterns, for the next run
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
    the temp file of a write in progress is removed (see atomic). The run ends by `leave`."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    try:
        app()
    except SystemExit as done:
        leave(done.code)


def leave(code: object) -> NoReturn:
    """End the process as `sys.exit(code)` would: exit handlers run (the pattern store is saved) and the
    standard streams are flushed, but the interpreter does not then free every object one by one, which
    costs a short scan a tenth of its time (the compiled patterns). While another thread that is not a
    daemon runs (a cluster's client), the interpreter ends as usual, and waits for it."""
    if any(not thread.daemon for thread in threading.enumerate() if thread is not threading.main_thread()):
        raise SystemExit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    status = code or 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120  # as the interpreter says of a final flush that fails
    os._exit(status)


def stop(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)
