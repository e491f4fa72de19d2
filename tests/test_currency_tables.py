"""The generated currency tables (scripts/currency_tables.py) are in step with Babel's CLDR data."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "currency_tables.py"


def load_script():
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("currency_tables", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checked_in_table_is_current():
    assert load_script().main(["--check"]) == 0


def test_a_shared_noun_is_ambiguous_and_names_its_candidates():
    assert load_script().entry({"AED", "MAD"}, "dirham") == '{ ambiguous = "dirham: one of AED, MAD" }'


def test_capital_abbreviations_are_no_symbols():
    writable = load_script().writable
    assert writable("zł") and writable("RM") and writable("Kč")
    assert not writable("KM") and not writable("R") and not writable("US$")
