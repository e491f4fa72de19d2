"""Run a function over many items in worker processes, yielding the results in the items' order.

Workers are forked where the platform can (they inherit the parent's compiled rules), else
spawned (each runs `initializer` once, loading the rules from the pattern cache). At most
`AHEAD` items per worker are in flight, so results waiting for an earlier, slower one stay
few. When a worker dies (killed, out of memory), the pool breaks: the earliest item it held
becomes `lost(item)` and the others are run again in a new pool, so every death costs one item
and the run always ends.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
AHEAD = 4  # items queued per worker


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def start_method() -> str:
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def ordered_map(function: Callable[[str], T], items: list[str], jobs: int, lost: Callable[[str], T],
                initializer: Callable[..., None], initargs: tuple[Any, ...], method: str | None = None) -> Iterator[T]:
    """function(item) for each item, in order, over `jobs` worker processes."""
    import multiprocessing  # here, not above: a run of one process never loads them
    from concurrent.futures import ProcessPoolExecutor

    todo = deque(items)
    while todo:
        context = multiprocessing.get_context(method or start_method())
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer,
                                 initargs=initargs) as pool:
            yield from drain(pool, function, todo, jobs * AHEAD, lost)


def drain(pool: ProcessPoolExecutor, function: Callable[[str], T], todo: deque[str], ahead: int,
          lost: Callable[[str], T]) -> Iterator[T]:
    """Results in order until `todo` is empty, or the pool broke (the items it held are `lost`)."""
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[str, Future[T]]] = deque()
    while todo or pending:
        while todo and len(pending) < ahead:
            item = todo.popleft()
            pending.append((item, pool.submit(function, item)))
        item, future = pending.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            yield lost(item)
            todo.extendleft(reversed([held for held, _ in pending]))  # the pool is gone: run those again
            return
