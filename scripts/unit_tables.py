#!/usr/bin/env python3
"""Generate rules/units.toml: every unit pint knows, by name, plural, symbol and SI prefix.

    python scripts/unit_tables.py            # rewrite rules/units.toml
    python scripts/unit_tables.py --check    # exit 1 when the checked-in file is stale

The tables extend the hand-written `length_unit` and `quantity_unit` (a key a hand-written file
already holds is left to it: those carry ambiguity notes and context). Names and plurals match
case-insensitively. Symbols are case-sensitive ("mW" is not "MW"), so they go into two exact-case
fragments, `pint_symbol` and `pint_symbol_alt`, each with a table of the same name whose folded keys
are unique: a symbol whose lower case another symbol already took goes to the second. What is
left out, and why, is in the constants below; every key written is checked to parse in pint to
the unit it names.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

import pint
import regex

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
TARGET = RULES / "units.toml"

# Durations, dates and angles have their own rules ("nine months" may be a date offset, "two
# degrees" a temperature); dimensionless ratios are percent's and ratio's.
SKIPPED_DIMENSIONS = {"[time]", "dimensionless", "[printing_unit]", "1 / [printing_unit]", "[temperature]"}
KEPT_DIMENSIONLESS = {"bit", "byte"}
# Physical constants and atomic units are not units people measure in.
CONSTANT_MARKS = ("constant", "planck", "atomic_unit", "a_u_", "quantum", "magneton", "_mass", "radius",
                  "impedance", "permeability", "permittivity", "cross_section", "speed_of_light", "charge",
                  "gravity", "_90", "_US", "_it", "mercury_density", "water_density", "_star", "number_", "a_u",
                  "pixel", "printers", "tex_", "css_", "scaled_", "cables_", "stat", "ab", "slinch", "slugette")
# Names and aliases that are everyday English words before a number or a noun ("3 points",
# "two hands", "5 links", "4 bags", "a second chain"), or that mean something else in prose.
WORD_NAMES = {
    "point", "points", "hand", "hands", "link", "links", "chain", "chains", "bag", "bags", "pole", "poles",
    "perch", "rod", "rods", "section", "sections", "shot", "shots", "jig", "fifth", "fifths", "quarter",
    "quarters", "count", "counts", "line", "lines", "pixel", "dot", "dots", "pel", "cup", "cups", "bale",
    "franklin", "gilbert", "henry", "maxwell", "gauss", "lambert", "langley", "rutherford", "townsend",
    "buckingham", "aberdeen", "jute", "galileo", "shake", "nit", "tex", "den", "stone", "stones", "pound",
    "pounds", "grain", "grains", "ton", "tons", "unit", "units", "particle", "particles", "molecule",
    "molecules", "fermi", "debye", "gray", "grays", "are", "ares", "barn", "barns", "strain", "cicero",
    "didot", "pica", "mil", "mils", "denier", "reyn", "rhe", "biot", "darcy", "svedberg", "rem", "rems",
    "rads", "poise", "stokes", "octave", "decade", "decades", "century", "stere", "hogshead", "peck",
    "pecks", "minim", "scruple", "dram", "drams", "gill", "gills", "slug", "slugs", "blob", "kip", "quad",
    "quads", "thou", "nat", "bel", "circle", "cycle", "cycles", "turn", "turns", "league", "leagues",
    "oersted", "molar", "tesla", "siemens", "sverdrup", "mho", "toe", "dalton", "daltons", "curie",
    "roentgen", "clausius", "faraday", "neper", "imperial", "sack", "sacks", "bucket", "buckets", "pond",
    "gamma", "lambda", "octet", "bp", "bps", "big_point", "printers_point", "mil_length", "survey_link", "candle", "bars", "kt", "amu", "u", "sec", "drachm", "bohr",
}
# Symbols that are words, letters or abbreviations of something else in prose ("5 in total",
# "plan B", "10 at a time", "Fr. 45"). Single letters are left to the hand-written rules, which
# read them with context.
WORD_SYMBOLS = {
    "in", "at", "a", "bp", "an", "am", "pm", "Pm", "PM", "AM", "bar", "mi", "pc", "pcs", "ct", "dr", "Dr", "fur", "den", "rad",
    "sr", "St", "li", "rd", "quad", "jig", "pp", "pk", "gi", "th", "Bd", "Bi", "Gb", "gr", "hp", "cp", "pt", "Ba",
    "Da", "Gal", "Fr", "Ci", "Cl", "Mx", "Ly", "Oe", "Rd", "Ry", "Td", "Ta", "Tj", "Tt", "Np", "Ne", "Nm",
    "AU", "au", "cal", "Cal", "mas", "fm", "cd", "CD", "At", "bu", "qt", "gal", "sv", "tf", "gf", "mb", "mol",
    "MS", "ms", "Ms", "Mt", "mt", "ml", "Ml", "ML", "mL", "dB", "db", "bps", "sft", "smi", "fps", "mps", "cps", "rps",
    "cm", "dm", "Pa", "PA", "da", "Da", "ha", "kn", "kt", "toz", "ozt", "tlb", "lbt", "dwt", "cwt", "cc", "Eh",
    "mA", "MA", "Ma", "ma", "GA", "Ga", "nA", "na", "pA", "ca", "da", "dag", "dl", "dal", "hl", "PW", "pW", "Pg", "pg",
    "PG", "Ps", "ps", "Pt", "PT", "Tg", "TB", "tb", "Tb", "mg", "Mg", "kg", "µ", "nm", "NM", "Nm", "mm", "Mm", "MM",
    "km", "Gm", "GM", "Tm", "TM", "pm", "am", "ym", "zm", "fg", "ag", "yg", "zg", "ng", "µg", "cg", "dg", "hg",
    "dpi", "eu", "toe", "SPL", "PSH", "FBM", "cP", "dTt", "kat", "mHg", "inHg", "ftHg", "Gs", "gs", "ks", "ns", "as", "fs", "zs", "ys", "cs", "ds", "hs", "Ts", "Ks", "ks", "Js", "Ws", "Hs", "Vs",
}
# Units written with SI prefixes in prose: each takes every prefix from pico to tera.
PREFIXABLE = ("meter", "gram", "liter", "metric_ton", "watt", "watt_hour", "joule", "hertz", "pascal", "volt",
              "ampere", "ampere_hour", "ohm", "byte", "bit", "gray", "sievert", "becquerel", "newton",
              "electron_volt", "calorie", "farad", "tesla", "mole", "bar", "volt_ampere", "coulomb", "siemens",
              "weber", "henry", "lumen", "lux", "katal")
PREFIXES = ("", "kilo", "mega", "giga", "tera", "peta", "milli", "micro", "nano")
# Prefixes that prose uses with a few units only: hectopascals, centilitres.
MORE_PREFIXES = {"pascal": ("hecto",), "liter": ("centi", "deci", "hecto"), "meter": ("centi", "deci")}
# Units that only grow: nobody writes a millibyte or a nanotonne.
POSITIVE = ("", "kilo", "mega", "giga", "tera", "peta")
ONLY_PREFIXES = {"byte": POSITIVE, "bit": POSITIVE, "metric_ton": ("", "kilo", "mega", "giga"),
                 "watt_hour": POSITIVE, "liter": ("", "kilo", "milli", "micro")}
TABLES = ("length_unit", "quantity_unit")


def plural(name: str) -> str:
    """The English plural: of the part before 'per' ("miles per hour"); none for feet, hertz and the like."""
    if " per " in name:
        head, tail = name.split(" per ", 1)
        return f"{plural(head)} per {tail}"
    if name.endswith(("foot", "feet", "hertz", "lux", "siemens", "celsius")):
        return name
    if name.endswith(("s", "x", "z", "ch", "sh")):
        return name + "es" if not name.endswith("s") else name
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def handwritten_keys() -> dict[str, set[str]]:
    """The keys the hand-written files already give each table (folded like the rulebook does)."""
    keys: dict[str, set[str]] = {name: set() for name in TABLES}
    for path in sorted(RULES.glob("*.toml")):
        if path == TARGET:
            continue
        tables = tomllib.loads(path.read_text(encoding="utf-8")).get("tables", {})
        for name in TABLES:
            keys[name].update(fold(key) for key in tables.get(name, {}))
    return keys


def fold(key: str) -> str:
    return " ".join(regex.split(r"[\s\-]+", key.strip().lower().rstrip(".")))


def wanted(ureg: pint.UnitRegistry, name: str) -> str | None:
    """The dimensionality of a unit worth listing, or None."""
    if any(mark in name for mark in CONSTANT_MARKS):
        return None
    try:
        dim = str(ureg.parse_units(name).dimensionality)
    except Exception:  # pint raises several unrelated error types
        return None
    if dim in SKIPPED_DIMENSIONS and name not in KEPT_DIMENSIONLESS:
        return None
    return dim


def acronym(symbol: str) -> bool:
    """Capitals that prose uses as abbreviations (VA, TV, MN, PC, GVA): kept only for bytes, watts and joules (GB, MW, TJ)."""
    return symbol.isupper() and len(symbol) <= 3 and symbol[-1] not in "BWJ"


def readable(name: str) -> bool:
    return bool(regex.fullmatch(r"[a-z][a-z_]*[a-z]", name))


def unit_entries(ureg: pint.UnitRegistry) -> tuple[dict[str, str], dict[str, str]]:
    """Names (with plurals, lower case) and symbols (exact case), each to pint's canonical name."""
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for canonical, definition in sorted(ureg._units.items()):
        if canonical != definition.name or wanted(ureg, canonical) is None:
            continue
        prefixes = prefixes_of(canonical)
        for prefix in prefixes:
            unit = prefix + canonical
            for name in (canonical, *definition.aliases):
                if readable(name) and name not in WORD_NAMES and not any(mark in name for mark in CONSTANT_MARKS):
                    written = (prefix + name).replace("_", " ")
                    names.setdefault(written, unit)
                    names.setdefault(plural(written), unit)
            symbol_prefix = ureg._prefixes[prefix].symbol if prefix else ""
            symbol = definition.symbol
            if symbol and (symbol != canonical or prefix) and "_" not in symbol and regex.fullmatch(r"[\p{L}Ωµ]+", symbol):
                written = symbol_prefix + symbol
                if len(written) > 1 and written not in WORD_SYMBOLS and not acronym(written):
                    symbols.setdefault(written, unit)
    return names, symbols


def prefixes_of(canonical: str) -> tuple[str, ...]:
    if canonical not in PREFIXABLE:
        return ("",)
    return (*ONLY_PREFIXES.get(canonical, PREFIXES), *MORE_PREFIXES.get(canonical, ()))


def split_symbols(symbols: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Two tables whose folded keys are unique: a symbol whose fold is taken goes to the second (or is dropped)."""
    first: dict[str, str] = {}
    second: dict[str, str] = {}
    for symbol, unit in symbols.items():
        for table in (first, second):
            if not any(fold(key) == fold(symbol) for key in table):
                table[symbol] = unit
                break
    return first, second


def checked(ureg: pint.UnitRegistry, entries: dict[str, str]) -> dict[str, str]:
    """Every key that pint reads as the unit it is listed under (names with spaces read with underscores)."""
    good = {}
    for key, unit in entries.items():
        try:
            same = ureg.parse_units(key.replace(" ", "_")) == ureg.parse_units(unit)
        except Exception:
            same = key.endswith("s")  # plurals pint does not spell ("centuries") are checked through the singular
        if same:
            good[key] = unit
    return good


def toml_key(key: str) -> str:
    return key if regex.fullmatch(r"[A-Za-z0-9_]+", key) else '"' + key + '"'


def alternation(keys: list[str]) -> str:
    return "|".join(regex.escape(key) for key in sorted(keys, key=lambda k: (-len(k), k)))


def render(ureg: pint.UnitRegistry) -> str:
    names, symbols = unit_entries(ureg)
    names, symbols = checked(ureg, names), checked(ureg, symbols)
    taken = handwritten_keys()
    length = {k: v for k, v in {**names, **symbols}.items() if str(ureg.parse_units(v).dimensionality) == "[length]"}
    other = {k: v for k, v in names.items() if k not in length}
    first, second = split_symbols({k: v for k, v in symbols.items() if k not in length})
    lines = [f"# Generated by scripts/unit_tables.py from pint {pint.__version__}: do not edit by hand.",
             'family = "units"',
             'description = "Every unit pint knows: names, plurals and symbols, extending length_unit and quantity_unit."',
             "", "[fragments]",
             "# Exact-case symbols; read only by case-sensitive rules.",
             f"pint_symbol = '{alternation(list(first))}'",
             f"pint_symbol_alt = '{alternation(list(second))}'"]
    for table, entries in (("length_unit", length), ("quantity_unit", other), ("pint_symbol", first),
                           ("pint_symbol_alt", second)):
        lines += ["", f"[tables.{table}]"]
        lines += [f'{toml_key(k)} = "{v}"' for k, v in sorted(entries.items(), key=lambda kv: kv[0].lower())
                  if fold(k) not in taken.get(table, set())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when rules/units.toml is out of date")
    args = parser.parse_args(argv)
    text = render(pint.UnitRegistry())
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET}: stale; run scripts/unit_tables.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
