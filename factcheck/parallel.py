"""Run a function over many items in worker processes, yielding the results in the items' order.

Workers are forked where the platform can (they inherit the parent's compiled rules), else
spawned (each runs `initializer` once, loading the rules from the pattern cache). At most
`AHEAD` items per worker are in flight, and twice as many results held, so results waiting for
an earlier, slower one stay few. When a worker dies (killed, out of memory), the pool breaks: the earliest item it held
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
                initializer: Callable[..., None], initargs: tuple[Any, ...], method: str | None = None,
                weight: Callable[[str], int] = lambda item: 0) -> Iterator[T]:
    """function(item) for each item, in order, over `jobs` worker processes. Items go out in
    batches, the heaviest of each batch first (by `weight`, such as a file's size), so that the
    last batch does not leave one worker on a long item while the others wait."""
    import multiprocessing  # here, not above: a run of one process never loads them
    from concurrent.futures import ProcessPoolExecutor

    todo = deque(items)
    while todo:
        context = multiprocessing.get_context(method or start_method())
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer,
                                 initargs=initargs) as pool:
            yield from drain(pool, function, todo, jobs * AHEAD, lost, weight)


def drain(pool: ProcessPoolExecutor, function: Callable[[str], T], todo: deque[str], ahead: int,
          lost: Callable[[str], T], weight: Callable[[str], int] = lambda item: 0) -> Iterator[T]:
    """Results in order until `todo` is empty, or the pool broke (the items it held are `lost`).
    At most `ahead` items wait for a worker or run, and at most twice that many results are held."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[str, Future[T]]] = deque()
    broken = False
    while todo or pending:
        unfinished = [future for _, future in pending if not future.done()]
        room = min(ahead - len(unfinished), 2 * ahead - len(pending), len(todo))
        if room > 0 and len(unfinished) <= ahead // 2 and not broken:
            batch = [todo.popleft() for _ in range(room)]
            try:
                pending.extend(submitted(pool, function, batch, weight))
            except BrokenProcessPool:  # the pool broke: the batch goes to the next pool, after what this one held
                todo.extendleft(reversed(batch))
                broken = True
                if not pending:  # nothing held to blame: the batch's first item is the one lost
                    yield lost(todo.popleft())
                    return
            continue
        if not pending:  # the pool broke after all it held had finished: the rest go to the next pool
            return
        item, future = pending[0]
        if not future.done():
            wait(unfinished, return_when=FIRST_COMPLETED)
            continue
        pending.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            yield lost(item)
            todo.extendleft(reversed([held for held, _ in pending]))  # the pool is gone: run those again
            return


def submitted(pool: ProcessPoolExecutor, function: Callable[[str], T], batch: list[str],
              weight: Callable[[str], int]) -> list[tuple[str, Future[T]]]:
    """The batch's items with their futures, in the batch's order; submitted heaviest first."""
    futures: dict[int, Future[T]] = {}
    for index in sorted(range(len(batch)), key=lambda i: -weight(batch[i])):
        futures[index] = pool.submit(function, batch[index])
    return [(item, futures[index]) for index, item in enumerate(batch)]
