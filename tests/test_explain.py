"""`factcheck explain TYPE`: a check type with its frames and examples from the rule files."""

from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.explain import explain
from factcheck.extract.rulebook import load_rulebook


@pytest.fixture(scope="module")
def book():
    return load_rulebook([])


def test_a_check_type_shows_its_frames_and_examples_by_verdict(book):
    text = explain("share", book)
    assert text.startswith("share: A stated share\n")
    assert "  share.of-whole-or-part: P% of the Y, or X\n" in text
    consistent, inconsistent = text.index("Consistent examples:"), text.index("Inconsistent examples:")
    assert consistent < text.index("  About 25% of the 400 members, or 100 people, voted.") < inconsistent
    assert inconsistent < text.index("  Some 25% of the 400 members, or 180 people, voted.")


def test_the_lock_type_has_its_own_description(book):
    assert explain("lock", book).startswith("lock: A figure that differs from the lock\n")


def test_an_unknown_type_names_the_choices(book):
    with pytest.raises(InputError, match=r"^explain: unknown check type 'multipler'; expected one of ratio, "):
        explain("multipler", book)
