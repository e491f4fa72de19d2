"""How long the frames may match on one document, so that no sentence can stall a scan.

Three budgets bound every frame match, and the one that runs out names the warning:

- each sentence (or sentence pair) gives all frames together WINDOW_SECONDS: a window of
  hundreds of figures in a row ("1 2 3 … 800") can make a frame with several gaps backtrack
  for long, and then the window gets no checks;
- each document gives all frames DOCUMENT_SECONDS plus DOCUMENT_SECONDS_PER_MB, then the rest
  of it gets no checks;
- a user's frame also gets the budget of any user pattern (`saferegex.seconds_for`) per
  document, then it is switched off for the rest of it.

On the State of the Union corpus the slowest window took 0.17 s and the slowest document
14 s per MB (2.4 s), on an idle machine: the budgets leave room for a machine many times slower
or busier, so that they never cut real prose and the output stays the same from run to run.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from itertools import takewhile
from typing import Any

from factcheck.document import Document
from factcheck.relations.frames import Frame
from factcheck.relations.lead import lead_mark, marks_until, spread
from factcheck.relations.slots import Window
from factcheck.extract.patterncache import Deferred
from factcheck.extract.saferegex import MatchBudget, seconds_for

WINDOW_SECONDS = 5.0
DOCUMENT_SECONDS = 10.0
DOCUMENT_SECONDS_PER_MB = 60.0


class FrameBudgets:
    """The matching time left on one document, per window and per user frame."""

    def __init__(self, doc: Document, warnings: list[str]) -> None:
        self.doc, self.warnings = doc, warnings
        self.document_seconds = DOCUMENT_SECONDS + DOCUMENT_SECONDS_PER_MB * len(doc.text) / 1_000_000
        self.document = MatchBudget(self.document_seconds)
        self.user_seconds = seconds_for(len(doc.text))
        self.users: dict[str, MatchBudget] = {}
        self.window = MatchBudget(WINDOW_SECONDS)

    def open_window(self) -> None:
        """Start the budget of the next window."""
        self.window = MatchBudget(WINDOW_SECONDS)

    def matches(self, frame: Frame, window: Window, starts: list[int] | None = None, last: int | None = None) -> list[Any]:
        """Every overlapping match of the frame in the window that starts at `last` or before (default: anywhere);
        none once a budget is spent. Given `starts`, the positions where a match may start (see `extract.starts`),
        the frame is tried there only; a frame that opens with the words up to a mark (see `lead`), at the marks."""
        owners = [self.document, self.window]
        if frame.bounded:
            owners.append(self.users.setdefault(frame.id, MatchBudget(self.user_seconds)))
        if any(owner.spent for owner in owners):
            return []
        pattern = ready(frame.compiled)
        left = min(owner.left for owner in owners)
        began = time.perf_counter()
        try:
            end = len(window.text) if last is None else last
            if starts is not None:
                return matches_at(pattern, window.text, starts[:bisect_right(starts, end)], began + left)
            if (mark := lead_mark(pattern)) is not None:
                marks = marks_until(window.text, mark, end)
                return spread(matches_at(pattern, window.text, marks, began + left), marks, end)
            found = pattern.finditer(window.text, overlapped=True, timeout=left)
            return list(takewhile(lambda m: m.start() <= end, found))
        except TimeoutError:
            tightest = min(owners, key=lambda owner: owner.left)
            tightest.left = 0.0
            self.warn(tightest, frame, window)
            return []
        finally:
            spent = time.perf_counter() - began
            for owner in owners:
                owner.left -= spent

    def warn(self, owner: MatchBudget, frame: Frame, window: Window) -> None:
        line, _ = self.doc.line_col(window.claims[0].start) if window.claims else (1, 1)
        if owner is self.document:
            self.warnings.append(f"relation frames timed out at line {line}: they used their "
                                 f"{self.document_seconds:.1f} s for this document, and its rest gets no checks")
        elif owner is self.window:
            self.warnings.append(f"relation frames timed out on the sentence at line {line}: it holds too many "
                                 f"figures to read within {WINDOW_SECONDS:g} s, and gets no checks")
        else:
            self.warnings.append(f"frame {frame.id} timed out: it used its {self.user_seconds:.1f} s for this "
                                 f"document at line {line} and is switched off for the rest of it")


def ready(pattern: Any) -> Any:
    """The compiled pattern of a frame, compiled now if it waits for its first use (a `Deferred`): compiling a
    frame on a cold pattern store takes up to seconds, which is no time spent matching, so no budget pays for it
    and a first scan gives the same checks as a later one."""
    return pattern.compiled() if isinstance(pattern, Deferred) else pattern


def matches_at(pattern: Any, text: str, starts: list[int], deadline: float) -> list[Any]:
    """The matches an overlapped `finditer` gives when every match starts at one of `starts`: the match
    at each of them, within the time left until the deadline (TimeoutError past it)."""
    found = []
    try_at = pattern.match
    for at in starts:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError
        match = try_at(text, at, timeout=left)
        if match is not None:
            found.append(match)
    return found
