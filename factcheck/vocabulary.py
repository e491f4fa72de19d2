"""The names a user may write for checks and claims: in `--select`/`--ignore`, in the config and in
suppression comments. An unknown name is an error, never a silent no-op."""

from __future__ import annotations

from factcheck.errors import InputError
from factcheck.model import KINDS
from factcheck.relations.arithmetic import EVALUATORS

CHECK_TYPES: tuple[str, ...] = (*EVALUATORS, "fact", "lock")
"""Every check type: one per arithmetic, a reference fact, and a figure that differs from the lock."""
NAMES: tuple[str, ...] = tuple(dict.fromkeys((*CHECK_TYPES, *KINDS)))


def unknown_name(name: str, known: tuple[str, ...], what: str) -> InputError:
    """The error for a name not in `known`, listing the choices."""
    return InputError(f"unknown {what} {name!r}; expected one of {', '.join(known)}")


def check_types(names: list[str] | tuple[str, ...], where: str) -> frozenset[str]:
    """`names` as check types, lower-cased; `where` prefixes the error for an unknown one."""
    found = frozenset(name.lower() for name in names)
    for name in sorted(found - set(CHECK_TYPES)):
        raise InputError(f"{where}: {unknown_name(name, CHECK_TYPES, 'check type')}")
    return found


def check_types_and_kinds(names: list[str] | tuple[str, ...], where: str) -> frozenset[str]:
    """`names` as check types or claim kinds (comma-separated items allowed), lower-cased."""
    found = frozenset(part.strip().lower() for name in names for part in name.split(",") if part.strip())
    for name in sorted(found - set(NAMES)):
        raise InputError(f"{where}: {unknown_name(name, NAMES, 'check type or claim kind')}")
    return found
