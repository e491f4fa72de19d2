"""One run of the tool: settings from the config file and the command line, the documents read,
scanned and filtered (inline suppressions, baseline, figure lock), and the exit status."""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.config import Config, ignored_types, load_config, merge, select_files
from factcheck.document import Document
from factcheck.errors import InputError
from factcheck.extract.extractor import extract
from factcheck.facts import Fact, load_facts
from factcheck.formats import Prepared, region_at
from factcheck.hints import undated_warning
from factcheck.isolation import debugging, isolated
from factcheck.lock import Lock, LockFinding, compare
from factcheck.model import SEVERITY_RANK, Check, Claim, DocumentError, DocumentReport, Report
from factcheck.parallel import ordered_map
from factcheck.extract.patterncache import disable as disable_cache, enabled as cache_enabled
from factcheck.pipeline import read_document, read_input, scan_document
from factcheck.extract.rulebook import Rulebook, load_rulebook, uncollected
from factcheck.suppress import Baseline, fingerprint, in_baseline, is_suppressed, suppressions

DEFAULT_LOCK = Path("factcheck.lock")
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs, after the config file and the command line are merged."""

    config: Config
    date: dt.date | None
    fail_on: str
    options: CheckOptions
    lock: Path


def settings_for(paths: list[str], **cli: object) -> Settings:
    """The config found from the first path (or the working directory), overridden by the command line."""
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    config = merge(load_config(start), **cli)
    fail_on = config.fail_on or "error"
    if fail_on not in FAIL_LEVELS:
        raise InputError(f"--fail-on: expected one of {', '.join(FAIL_LEVELS)}, got {fail_on!r}")
    return Settings(
        config=config, date=parse_date(config.date), fail_on=fail_on,
        options=CheckOptions(tolerance=config.tolerance or 0.0,
                             approx_threshold=0.05 if config.approx_threshold is None else config.approx_threshold),
        lock=config.lock or DEFAULT_LOCK,
    )


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        reason = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
        raise InputError(f"--date {value!r} is not a date{reason}; expected YYYY-MM-DD, such as 2015-02-22") from None


def document_paths(paths: list[str], config: Config) -> tuple[list[str], list[DocumentError]]:
    """The files to read (named files as given, directories walked for text-like files; '-' is
    standard input), and an error for each folder that could not be walked."""
    found: list[str] = []
    errors: list[DocumentError] = []
    for path in paths:
        if path == "-":
            found.append(path)
        elif not Path(path).exists():
            raise InputError(f"{path}: no such file or directory")
        else:
            selection = select_files([Path(path)], config.include, config.exclude)
            found.extend(p.as_posix() for p in selection.files)
            errors.extend(DocumentError(folder, reason) for folder, reason in selection.unreadable)
    return found, errors


def rulebook(config: Config) -> Rulebook:
    return load_rulebook(list(config.rules))


def facts(config: Config) -> list[Fact]:
    return load_facts(config.facts) if config.facts else []


Outcome = DocumentReport | DocumentError


def scan(paths: list[str], settings: Settings, *, lock: Lock | None = None, baseline: Baseline | None = None,
         progress: Callable[[Iterable[Outcome]], Iterable[Outcome]] = iter, jobs: int = 1,
         sink: Callable[[Outcome], None] | None = None, run: Runner | None = None) -> Report:
    """Scan each document on its own: one that fails is an error of the report, the others are
    reported in full, in the order of `paths` whatever `jobs` (worker processes) is. Each outcome
    goes to `sink` as soon as it is known, if given (then the report keeps only the errors);
    only one document's text per worker is held at a time. `run` yields the outcomes (by default
    here or in local worker processes; `factcheck.cluster` runs them on a Dask cluster). The rules, once
    loaded, are moved out of the garbage collector's reach while the scan runs (and for a local worker's
    life): walking them again in every full collection cost a scan of the seed a twentieth of its time, and
    forked workers would copy the pages such a walk touches. They are handed back when it ends, so a process
    that scans again (the tests, a cluster's worker) can free them."""
    report = Report([])
    with uncollected():  # frozen before a collection walks what loading made
        scanner = Scanner.load(settings, lock, baseline)
        gc.freeze()
    try:
        for outcome in progress((run or outcomes)(paths, scanner, jobs)):
            if sink is not None:
                sink(outcome)
            if isinstance(outcome, DocumentError):
                report.errors.append(outcome)
            elif sink is None:
                report.documents.append(outcome)
    finally:
        gc.unfreeze()
    scanner.book.store.save()  # the patterns the documents reached, compiled and read, for the next run
    return report


@dataclass(frozen=True, slots=True)
class Scanner:
    """What scanning one document needs: the rules, the facts, the settings, the lock and baseline."""

    book: Rulebook
    known: list[Fact]
    settings: Settings
    lock: Lock | None
    baseline: Baseline | None

    @classmethod
    def load(cls, settings: Settings, lock: Lock | None, baseline: Baseline | None) -> Scanner:
        return cls(rulebook(settings.config), facts(settings.config), settings, lock, baseline)

    def scan(self, path: str, source: str | None = None) -> Outcome:
        """The outcome of the document `path`, read from `source` when given (the same file by
        another name, such as its absolute path on a cluster's worker)."""
        return isolated(path, lambda: scan_path(path, self.book, self.known, self.settings, self.lock, self.baseline,
                                                source))


Runner = Callable[[list[str], Scanner, int], Iterable[Outcome]]


_scanner: Scanner | None = None  # in a worker process: the scanner it was started with


def outcomes(paths: list[str], scanner: Scanner, jobs: int) -> Iterable[Outcome]:
    """Each document's outcome, in order: here, or over `jobs` worker processes (not for standard
    input, nor with FACTCHECK_DEBUG, whose tracebacks belong on this process's stderr)."""
    global _scanner
    if jobs <= 1 or len(paths) < 2 or "-" in paths or debugging():
        return map(scanner.scan, paths)
    _scanner = scanner  # a forked worker inherits it; a spawned one loads its own
    return ordered_map(scan_in_worker, paths, min(jobs, len(paths)), lost,
                       start_worker, (scanner.settings, scanner.lock, scanner.baseline, cache_enabled()), weight=size)


def size(path: str) -> int:
    """A document's size in bytes, the measure of its work (0 when it cannot be had)."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def start_worker(settings: Settings, lock: Lock | None, baseline: Baseline | None, cache: bool) -> None:
    global _scanner
    from multiprocessing.util import Finalize

    if _scanner is None:
        if not cache:
            disable_cache()
        _scanner = Scanner.load(settings, lock, baseline)
        gc.freeze()
    Finalize(None, _scanner.book.store.save, exitpriority=0)  # when the pool ends the worker: what it compiled


def scan_in_worker(path: str) -> Outcome:
    assert _scanner is not None, "a worker scans only after start_worker"
    return _scanner.scan(path)


def lost(path: str) -> DocumentError:
    return DocumentError(path, "the worker process scanning it ended unexpectedly")


def scan_path(path: str, book: Rulebook, known: list[Fact], settings: Settings, lock: Lock | None,
              baseline: Baseline | None, source: str | None = None) -> DocumentReport:
    """Read and scan a document (from `source` if given, else `path`), then drop what its comments
    or the baseline silence, and add lock findings."""
    doc, prepared = read_document(path, read_from(path, source), settings.date)
    report = scan_document(doc, book, known, settings.options)
    report.claims = [with_region(c, prepared) for c in report.claims]
    checks = report.checks + (lock_checks(compare(lock, doc.path, report.claims), len(report.checks), doc)
                              if lock is not None else [])
    report.checks = kept(doc, checks, baseline, ignored_types(settings.config, path))
    report.warnings += filter(None, [undated_warning(report)])
    return report


def read_from(path: str, source: str | None) -> bytes:
    """The bytes of `source` (else `path`); an error names `path`, as a scan that read `path` would."""
    if source is None:
        return read_input(path)
    try:
        return read_input(source)
    except InputError as exc:
        raise InputError(f"{path}: {str(exc).removeprefix(f'{source}: ')}") from None


def claims_of(paths: list[str], settings: Settings) -> tuple[dict[str, list[Claim]], list[DocumentError]]:
    """The claims of each document that can be read, and an error for each that cannot."""
    book = rulebook(settings.config)
    found: dict[str, list[Claim]] = {}
    errors: list[DocumentError] = []
    for path in paths:
        outcome = isolated(path, lambda: extract(read_document(path, read_input(path), settings.date)[0], book)[0])
        if isinstance(outcome, DocumentError):
            errors.append(outcome)
        else:
            found[path] = outcome
    book.store.save()
    return found, errors


def with_region(claim: Claim, prepared: Prepared) -> Claim:
    """The speaker and cue time of the transcript region that holds the claim, as extra detail."""
    region = region_at(prepared, claim.start)
    if region is None or (region.speaker is None and region.cue is None):
        return claim
    extra = dict(claim.extra)
    if region.speaker:
        extra["speaker"] = region.speaker
    if region.cue:
        extra["cue"] = list(region.cue)
    return replace(claim, extra=dict(sorted(extra.items())))


def kept(doc: Document, checks: list[Check], baseline: Baseline | None,
         ignored: frozenset[str] = frozenset()) -> list[Check]:
    """The checks that no comment, `per_file_ignores` type or baseline entry silences."""
    silenced = suppressions(doc.text)
    result = []
    for check in checks:
        if check.type in ignored or is_suppressed(silenced, check.type, check.start):
            continue
        if baseline is not None and in_baseline(baseline, finding_key(doc.path, check)):
            continue
        result.append(check)
    return result


def finding_key(path: str, check: Check) -> tuple[str, str, str]:
    return path, check.type, fingerprint(check.type, [check.explanation], check.sentence)


def lock_checks(findings: list[LockFinding], offset: int, doc: Document) -> list[Check]:
    """Figures that differ from the lock, as error checks of type 'lock'."""
    return [lock_check(f"k{offset + n}", finding, doc) for n, finding in enumerate(findings, start=1)]


def lock_check(check_id: str, finding: LockFinding, doc: Document) -> Check:
    claim = finding.claim
    start, end = (claim.start, claim.end) if claim else (0, 0)
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end) if claim else (line, column)
    return Check(
        id=check_id, type="lock", verdict="inconsistent", claims=(claim.id,) if claim else (),
        expected=None, stated=None, deviation=None,
        explanation=lock_explanation(finding), message=finding.message, start=start, end=end, line=line,
        column=column, end_line=end_line, end_column=end_column,
        sentence=claim.sentence if claim else finding.entry["context"] if finding.entry else "",
    )


def lock_explanation(finding: LockFinding) -> str:
    if finding.kind == "unlocked":
        return "the lock holds no entry for this document"
    return f"locked: {finding.entry['text'] if finding.entry else 'nothing'}; now: {finding.claim.text if finding.claim else 'nothing'}"


def exit_status(worst: str, fail_on: str) -> int:
    """1 when a finding reaches the --fail-on level, else 0."""
    if fail_on == "never" or worst == "none":
        return 0
    return 1 if SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on] else 0
