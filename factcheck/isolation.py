"""One document's failure is that document's error: the run goes on with the others.

A `FactcheckError` (a file that cannot be read, a subtitle file that is not one) and any
unexpected exception (a bug) while reading or scanning a document become a `DocumentError`
with one line of reason; FACTCHECK_DEBUG=1 also prints the traceback on standard error.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from factcheck.errors import FactcheckError
from factcheck.model import DocumentError

T = TypeVar("T")


def isolated(path: str, work: Callable[[], T]) -> T | DocumentError:
    """What `work` returns, or the DocumentError of `path` when it raises."""
    try:
        return work()
    except FactcheckError as exc:
        return DocumentError(path, one_line(str(exc).removeprefix(f"{path}: ")))
    except Exception as exc:  # a bug, or memory: still only this document's
        if debugging():
            traceback.print_exc(file=sys.stderr)
        return DocumentError(path, one_line(f"internal error: {type(exc).__name__}: {exc}"
                                            + ("" if debugging() else " (set FACTCHECK_DEBUG=1 for the traceback)")))


def debugging() -> bool:
    return bool(os.environ.get("FACTCHECK_DEBUG"))


def one_line(text: str) -> str:
    return " ".join(text.split())
