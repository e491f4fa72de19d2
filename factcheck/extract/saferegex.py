"""Regular expressions from users, bounded in time: compiling them and matching them.

A pattern from a user's rule file can be slow in two ways: `regex.compile` itself can take
minutes on nested counted repetitions (`(?:(?:a{50}){50}){50}`), and matching can backtrack
for ever. So:

- `compile_bounded` compiles first in a child process with a time (and, on POSIX, memory)
  budget, and only then in this process; a pattern over budget is refused with a
  `PatternError`. Outcomes are cached for the life of the process; `warm` tries many
  patterns in one child process.
- `MatchBudget` is the time one owner (a user rule, an anchor) may spend matching on one
  document. Every call runs with the budget that is left as its timeout; once it is spent,
  `OverBudget` is raised and the caller switches the owner off for that document.

Usage::

    compiled = compile_bounded(pattern, regex.IGNORECASE)      # or PatternError
    budget = MatchBudget(seconds_for(len(text)))
    try:
        matches = budget.finditer(compiled, text, start, end)
    except OverBudget:
        ...  # warn, and do not use this pattern again on this document
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from typing import Any, Callable

import regex

COMPILE_SECONDS = 3.0  # one user pattern may take this long to compile (in the child process)
COMPILE_MEMORY = 1 << 30  # ... and this much address space, where the platform can limit it
STARTUP_SECONDS = 20.0  # starting Python and importing regex in the child
MATCH_SECONDS = 1.0  # each user pattern may spend this long matching on one document ...
MATCH_SECONDS_PER_MB = 1.0  # ... plus this much per MB of the document's text

# The child reads a JSON list of [pattern, flags] and prints one JSON line per pattern: null when
# it compiled, else the error message. It is started with -I (isolated): no user site, no PYTHONPATH.
CHILD = r"""
import json, sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
except Exception:
    pass
import regex
print("ready", flush=True)
for pattern, flags in json.loads(sys.stdin.read()):
    try:
        regex.compile(pattern, flags)
        print("null", flush=True)
    except MemoryError:
        print(json.dumps("needs too much memory to compile"), flush=True)
    except Exception as exc:
        print(json.dumps(str(exc) or type(exc).__name__), flush=True)
"""

_known: dict[tuple[str, int], Any] = {}  # (pattern, flags) -> the compiled pattern, or the problem (a str)


class PatternError(ValueError):
    """A user pattern that does not compile, or not within the budget; the message says which."""


class OverBudget(Exception):
    """The owner of a pattern has spent its matching time on this document."""


def compile_bounded(pattern: str, flags: int = 0, seconds: float | None = None,
                    compile: Callable[[str, int], Any] = regex.compile) -> Any:
    """`compile(pattern, flags)`, refused with PatternError when regex fails to compile it, or takes
    longer than `seconds` (default COMPILE_SECONDS), in a child process."""
    warm([(pattern, flags)], seconds, compile)
    found = _known[(pattern, flags)]
    if isinstance(found, str):
        raise PatternError(found)
    return found


def warm(patterns: list[tuple[str, int]], seconds: float | None = None,
         compile: Callable[[str, int], Any] = regex.compile) -> None:
    """Trial-compile the patterns not seen yet, all in one child process, and remember each outcome
    (a pattern that passed is compiled here with `compile`, e.g. a `patterncache.Store`'s)."""
    todo = [item for item in dict.fromkeys(patterns) if item not in _known]
    for item, problem in zip(todo, _trial_compile(todo, COMPILE_SECONDS if seconds is None else seconds)):
        _known[item] = problem if problem is not None else compile(*item)


def _trial_compile(patterns: list[tuple[str, int]], seconds: float) -> list[str | None]:
    """What compiling each pattern in a child process gave: None (fine) or the problem."""
    results: list[str | None] = []
    while len(results) < len(patterns):
        batch = patterns[len(results):]
        found = _run_child(batch, seconds)
        results.extend(found)
        if len(found) < len(batch):
            results.append(f"takes longer than {seconds:g} s to compile")
    return results


def _run_child(patterns: list[tuple[str, int]], seconds: float) -> list[str | None]:
    """Results for a prefix of `patterns`: the child is killed at the first one over `seconds`."""
    child = subprocess.Popen([sys.executable, "-I", "-c", CHILD, str(COMPILE_MEMORY)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read_lines, args=(child, lines), daemon=True).start()
    results: list[str | None] = []
    try:
        assert child.stdin is not None
        child.stdin.write(json.dumps(patterns))
        child.stdin.close()
        if lines.get(timeout=STARTUP_SECONDS) != "ready":
            raise PatternError("cannot start a process to compile user patterns in")
        for _ in patterns:
            line = lines.get(timeout=seconds)
            if line is None:
                results.append("ends the process that compiles it")
                break
            results.append(json.loads(line))
    except queue.Empty:
        pass
    finally:
        child.kill()
        child.wait()
    return results


def _read_lines(child: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    """Pass on the child's output lines, then None when it ends."""
    for line in child.stdout or ():
        lines.put(line.strip())
    lines.put(None)


def seconds_for(length: int) -> float:
    """The matching time a user pattern may spend on a document of `length` characters."""
    return MATCH_SECONDS + MATCH_SECONDS_PER_MB * length / 1_000_000


class MatchBudget:
    """Matching time left to one owner (a user rule or anchor) on one document."""

    def __init__(self, seconds: float) -> None:
        self.left = seconds

    @property
    def spent(self) -> bool:
        return self.left <= 0

    def finditer(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None,
                 overlapped: bool = False) -> list[Any]:
        """Every match of `pattern` in text[pos:endpos]; OverBudget when the time runs out."""
        return self._run(lambda timeout: list(pattern.finditer(text, pos, _end(text, endpos), overlapped=overlapped,
                                                               timeout=timeout)))

    def search(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """The first match of `pattern` in text[pos:endpos], or None; OverBudget when the time runs out."""
        return self._run(lambda timeout: pattern.search(text, pos, _end(text, endpos), timeout=timeout))

    def _run(self, call: Any) -> Any:
        if self.spent:
            raise OverBudget
        began = time.perf_counter()
        try:
            return call(self.left)
        except TimeoutError:
            self.left = 0.0
            raise OverBudget from None
        finally:
            self.left -= time.perf_counter() - began


def _end(text: str, endpos: int | None) -> int:
    return len(text) if endpos is None else endpos
