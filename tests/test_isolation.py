"""A document's failure becomes its one-line error; interrupts are not swallowed."""

from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.isolation import isolated
from factcheck.model import DocumentError


def test_the_result_passes_through():
    assert isolated("a.txt", lambda: 5) == 5


def test_a_factcheck_error_is_the_documents_error_without_repeating_its_path():
    def fail() -> None:
        raise InputError("a.txt: cannot read: Permission denied")

    assert isolated("a.txt", fail) == DocumentError("a.txt", "cannot read: Permission denied")


def test_a_bug_is_an_internal_error_of_one_line(monkeypatch, capsys):
    def fail() -> None:
        raise TypeError("unsupported operand\ntype(s)")

    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    assert isolated("a.txt", fail) == DocumentError(
        "a.txt", "internal error: TypeError: unsupported operand type(s) (set FACTCHECK_DEBUG=1 for the traceback)")
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    assert isolated("a.txt", fail).message == "internal error: TypeError: unsupported operand type(s)"
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_an_interrupt_is_not_a_documents_error():
    def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        isolated("a.txt", interrupt)
