"""`factcheck rules test` over worker processes: on a cold pattern store, compile and read the rule book's
patterns there first; then run the examples there too, in runs of consecutive ones, and report their
failures here in the order of the rule book.

The examples need every pattern of the rule book compiled and read (its gate, its openings, a frame's
slot counts); on a cold store that is most of the run, and each pattern costs the same in any process.
The workers take disjoint parts of the book (runs of consecutive rules or frames of about equal size),
prepare their patterns and send what their stores learnt back to this process, whose store takes it
all (one process writes the file). The examples then run on the warm store, each worker on its own runs;
a run whose worker died runs here. The output is that of a run in one process.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.patterncache import Contents, Deferred, disable as disable_cache, enabled as cache_enabled
from factcheck.extract.rulebook import Rulebook, load_rulebook
from factcheck.parallel import ordered_map
from factcheck.ruletest import Failure, cases, run_case

Unit = tuple[str, int]  # ("rule" or "frame", its position in the rule book)

PARTS_PER_JOB = 3  # more parts than workers, so that one slow part does not leave the others idle
EXAMPLE_RUNS_PER_JOB = 8  # the examples' runs: many more than workers, as their cost varies more

_book: Rulebook | None = None  # in a worker: the rule book whose patterns it prepares


def prepared(book: Rulebook, jobs: int, user_dirs: list[Path]) -> Rulebook:
    """The rule book, with every pattern in its store, prepared over `jobs` worker processes where the
    store misses some (`user_dirs`: the book's user rule folders, for a worker that loads the book)."""
    global _book
    keys = [pattern_of(book, unit) for unit in units(book)]
    if jobs <= 1 or all(book.store.stored(key) for key in keys):  # after a rule edit, most are borrowed
        return book
    sizes = [len(pattern) for pattern, _ in keys]
    parts = split(sizes, jobs * PARTS_PER_JOB)
    _book = book  # a forked worker inherits it
    items = [f"{start}:{end}" for start, end in parts]
    size = {item: sum(sizes[start:end]) for item, (start, end) in zip(items, parts)}
    try:
        for lessons in ordered_map(prepare_part, items, min(jobs, len(items)), lambda item: None, start_worker,
                                   ([str(d) for d in user_dirs], cache_enabled()), weight=size.get):
            if lessons is not None:  # None: the worker died; this process compiles that part as it goes
                book.store.absorb(lessons)
    except OSError:  # no worker processes here (a sandbox without semaphores): the examples compile as they go
        pass
    return book


def units(book: Rulebook) -> list[Unit]:
    return [("rule", i) for i in range(len(book.rules))] + [("frame", i) for i in range(len(book.frames))]


def pattern_of(book: Rulebook, unit: Unit) -> tuple[str, int]:
    """The store's key of a rule's or frame's pattern."""
    kind, position = unit
    compiled = (book.rules if kind == "rule" else book.frames)[position].compiled
    return compiled.key if isinstance(compiled, Deferred) else (compiled.pattern, int(compiled.flags))


def split(sizes: list[int], parts: int) -> list[tuple[int, int]]:
    """Units of these sizes (the rule book's patterns) cut into at most `parts` runs of about equal size, as
    (start, end) positions."""
    total, found, start, done = sum(sizes), [], 0, 0
    for end, size in enumerate(sizes, 1):
        done += size
        if done * parts >= total * (len(found) + 1) or end == len(sizes):
            found.append((start, end))
            start = end
    return [(a, b) for a, b in found if b > a]


def start_worker(user_dirs: list[str], cache: bool) -> None:
    global _book
    if _book is None:
        if not cache:
            disable_cache()
        _book = load_rulebook([Path(d) for d in user_dirs])


def prepare_part(item: str) -> Contents:
    """Compile the part's patterns and read what a scan reads from them: what the worker's store learnt."""
    assert _book is not None, "a worker prepares a part only after start_worker"
    start, end = map(int, item.split(":"))
    for kind, position in units(_book)[start:end]:
        owner = (_book.rules if kind == "rule" else _book.frames)[position]
        if isinstance(owner.compiled, Deferred):
            owner.compiled.compiled()
        if owner.later is not None:
            for name in list(owner.later.makers):
                owner.later[name]
    return _book.store.lessons()


def run_examples_over(book: Rulebook, jobs: int, user_dirs: list[Path]) -> tuple[int, list[Failure]]:
    """How many example texts ran, and the failures in the rule book's order, over `jobs` worker processes."""
    global _book
    every = cases(book)
    _book = book  # a forked worker inherits it, and a run whose worker died runs here
    runs = [f"{start}:{end}" for start, end in split([1] * len(every), jobs * EXAMPLE_RUNS_PER_JOB)]
    if jobs <= 1 or len(runs) <= 1:
        return len(every), [f for run in runs for f in run_examples_part(run)]
    try:
        found = list(ordered_map(run_examples_part, runs, min(jobs, len(runs)), run_examples_part, start_worker,
                                 ([str(d) for d in user_dirs], cache_enabled())))
    except OSError:  # no worker processes here: they all run in this process
        found = [run_examples_part(run) for run in runs]
    return len(every), [failure for failures in found for failure in failures]


def run_examples_part(item: str) -> list[Failure]:
    """The failures of one run of consecutive example texts."""
    assert _book is not None, "a run of examples needs the rule book"
    start, end = map(int, item.split(":"))
    return [failure for case in cases(_book)[start:end] for failure in run_case(_book, case)]
