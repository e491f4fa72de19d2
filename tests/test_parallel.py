"""ordered_map: results in the order of the items, over forked or spawned workers; a worker that
dies costs one item, never the run."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from factcheck.parallel import default_jobs, ordered_map

METHODS = [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]


def square_slowly(item: str) -> str:
    n = int(item)
    sum(range((10 - n) * 20_000))  # early items take longer, so results come back out of order
    return str(n * n)


def die_on_three(item: str) -> str:
    if item == "3":
        os._exit(9)
    return item


def nothing() -> None:
    return None


def lost(item: str) -> str:
    return f"lost {item}"


@pytest.mark.parametrize("method", METHODS)
def test_results_come_in_the_order_of_the_items(method):
    items = [str(n) for n in range(10)]
    assert list(ordered_map(square_slowly, items, 2, lost, nothing, (), method)) == [str(n * n) for n in range(10)]


def test_a_worker_that_dies_costs_only_one_item():
    items = [str(n) for n in range(8)]
    found = list(ordered_map(die_on_three, items, 2, lost, nothing, (), METHODS[0]))
    assert found == ["0", "1", "2", "lost 3", "4", "5", "6", "7"]


def test_the_default_is_the_usable_cores():
    assert default_jobs() >= 1


def record_order(item: str) -> str:
    return item


def test_the_heaviest_items_of_a_batch_go_first_and_results_still_come_in_order():
    """One worker takes items in the order they were handed out: the heaviest of each batch first."""
    from concurrent.futures import ProcessPoolExecutor
    from collections import deque

    from factcheck.parallel import drain

    items = [str(n) for n in range(6)]
    handed = []

    class Recording(ProcessPoolExecutor):
        def submit(self, fn, item):
            handed.append(item)
            return super().submit(fn, item)

    with Recording(max_workers=1, mp_context=multiprocessing.get_context(METHODS[0])) as pool:
        found = list(drain(pool, record_order, deque(items), 6, lost, weight=lambda item: int(item) % 3))
    assert found == items
    assert handed == ["2", "5", "1", "4", "0", "3"]


def test_a_pool_that_breaks_on_every_start_still_ends(monkeypatch):
    def broken_start():
        os._exit(3)

    found = list(ordered_map(record_order, ["a", "b"], 1, lost, broken_start, (), METHODS[0]))
    assert found == ["lost a", "lost b"]


def test_a_pool_that_breaks_after_its_work_finished_hands_the_rest_on():
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from factcheck.parallel import drain

    class BreaksOnSecondBatch:
        def __init__(self):
            self.calls = 0

        def submit(self, function, item):
            self.calls += 1
            if self.calls > 2:
                raise BrokenProcessPool("gone")
            done = Future()
            done.set_result(function(item))
            return done

    todo = deque(["a", "b", "c", "d"])
    results = list(drain(BreaksOnSecondBatch(), str.upper, todo, 2, lambda item: "lost"))
    assert results == ["A", "B"] and list(todo) == ["c", "d"]
