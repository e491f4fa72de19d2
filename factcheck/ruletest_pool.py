"""`factcheck rules test` on a cold pattern store: compile and read the rule book's patterns over worker
processes first, then run the examples here.

The examples need every pattern of the rule book compiled and read (its gate, its openings, a frame's
slot counts); on a cold store that is most of the run, and each pattern costs the same in any process.
The workers take disjoint parts of the book (runs of consecutive rules or frames of about equal size),
prepare their patterns and send what their stores learnt back to this process, whose store takes it
all (one process writes the file); the examples then run here on the warm store, so the output is
that of a run in one process.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.patterncache import Contents, Deferred, disable as disable_cache, enabled as cache_enabled
from factcheck.extract.rulebook import Rulebook, load_rulebook
from factcheck.parallel import ordered_map

Unit = tuple[str, int]  # ("rule" or "frame", its position in the rule book)

PARTS_PER_JOB = 3  # more parts than workers, so that one slow part does not leave the others idle

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
