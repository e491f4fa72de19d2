"""The generated unit tables (scripts/unit_tables.py) are in step with pint and the hand-written rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "unit_tables.py"


def load_script():
    spec = importlib.util.spec_from_file_location("unit_tables", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checked_in_table_is_current():
    assert load_script().main(["--check"]) == 0


def test_plurals():
    plural = load_script().plural
    assert plural("gram") == "grams"
    assert plural("inch") == "inches"
    assert plural("mile per hour") == "miles per hour"
    assert plural("hertz") == "hertz"


def test_case_folded_symbols_are_split_between_two_tables():
    first, second = load_script().split_symbols({"MW": "megawatt", "mW": "milliwatt", "GHz": "gigahertz"})
    assert first == {"MW": "megawatt", "GHz": "gigahertz"}
    assert second == {"mW": "milliwatt"}
