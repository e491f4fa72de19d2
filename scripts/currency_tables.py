#!/usr/bin/env python3
"""Generate rules/currencies.toml: every ISO 4217 currency in legal tender, from the CLDR data in Babel.

    python scripts/currency_tables.py            # rewrite rules/currencies.toml
    python scripts/currency_tables.py --check    # exit 1 when the checked-in file is stale

Babel is needed only here (pip install babel), never at run time. What the file holds:

- `iso_code_upper`: every current code, matched in capitals only (a fragment of the exact codes
  and a table of the same name for the lookup), except those money.toml already reads in any
  case and codes that are English words in capitals (TOP 10, ALL, SOS).
- `currency_name`: each currency's English name, singular and plural ("Moroccan dirham",
  "Moroccan dirhams"), and its bare noun ("dirhams"): the code when one currency has that noun,
  else an ambiguity note naming every candidate. A key money.toml already gives is left to it.
- `currency_country`: the words that settle an ambiguous noun (a country's name, the adjective
  of its currency's name: Morocco, Moroccan), and `currency_in_country`: noun and word -> code.
- `currency_symbol_local`: the symbols people write in each country (KSh, zł, Kč), from the
  CLDR locales of the countries that use the currency; a symbol several currencies share is
  ambiguous, with the candidates named.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import babel
import babel.numbers
import regex
from babel import Locale
from babel.core import get_global

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
TARGET = RULES / "currencies.toml"
# Codes that are English words or abbreviations when written in capitals.
WORD_CODES = {"ALL", "TOP", "SOS", "CUP", "PEN", "MAD", "BOB", "GEL", "MOP", "BAM", "NAD", "AMD", "DOP", "ANG",
              "CAD", "LAK", "FUN", "MRU", "TRY", "XCG", "MVR", "SHP", "BIF", "MGA", "PGK", "GMD", "SLE", "STN"}
# Nouns of currencies that are English words first ("3 real threats", "5 marks", "100 gold").
WORD_NOUNS = {"real", "reals", "mark", "marks", "sol", "soles", "kip", "kips", "gold", "dram", "drams", "won",
              "pound", "pounds", "rand", "dollar", "dollars", "euro", "euros", "florin", "lek", "tala", "vatu",
              "loti", "lotis", "pula", "pulas", "som", "soms", "dobra", "dobras", "leone", "leones", "kina",
              "guilder", "guilders", "escudo", "escudos", "lari", "laris", "manat", "manats", "gourde", "gourdes"}
# Symbols that are words, letters or other signs in English prose.
WORD_SYMBOLS = {"R", "K", "L", "S", "T", "G", "P", "Q", "E", "F", "B", "C", "D", "N", "Nu.", "Le", "Br", "Sh", "ብር",
                "Db", "Bs", "Rp", "den", "Ar", "Ft", "GH₵", "Lei", "lei", "Rs", "Rs.", "MK", "VT", "WS$", "T$"}


def current_codes() -> dict[str, list[str]]:
    """Each currency in legal tender today, with the territories that use it."""
    found: dict[str, list[str]] = defaultdict(list)
    for territory, entries in sorted(get_global("territory_currencies").items()):
        for code, _start, end, tender in entries:
            if end is None and tender and territory.isalpha():
                found[code].append(territory)
    return dict(sorted(found.items()))


def fold(key: str) -> str:
    return " ".join(regex.split(r"[\s\-]+", key.strip().lower().rstrip(".")))


def handwritten() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = defaultdict(set)
    for path in sorted(RULES.glob("*.toml")):
        if path != TARGET:
            for name, table in tomllib.loads(path.read_text(encoding="utf-8")).get("tables", {}).items():
                keys[name].update(fold(k) for k in table)
    return keys


def names(code: str) -> tuple[str, str]:
    return (babel.numbers.get_currency_name(code, count=1, locale="en"),
            babel.numbers.get_currency_name(code, count=2, locale="en"))


def nouns(codes: dict[str, list[str]]) -> dict[str, set[str]]:
    """The bare noun of each name ("dirham", "dirhams") -> the codes that have it."""
    found: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for name in names(code):
            found[fold(name).split(" ")[-1]].add(code)
    return found


def context_words(code: str, territories: list[str]) -> set[str]:
    """A currency's countries by name and the adjective of its name (Morocco, Moroccan)."""
    english = Locale("en")
    words = {fold(english.territories[t]) for t in territories if t in english.territories}
    adjective = " ".join(fold(names(code)[0]).split(" ")[:-1])
    if adjective and not adjective.isdigit():
        words.add(adjective)
    return {w for w in words if regex.fullmatch(r"[\p{L} .'’&]+", w)}


def local_symbols(codes: dict[str, list[str]]) -> dict[str, set[str]]:
    """Symbols written in the countries that use each currency (CLDR locales of those territories)."""
    found: dict[str, set[str]] = defaultdict(set)
    by_territory: dict[str, list[str]] = defaultdict(list)
    for name in sorted(babel.localedata.locale_identifiers()):
        parts = name.split("_")
        if len(parts) == 2 and parts[1].isalpha() and parts[1].isupper():
            by_territory[parts[1]].append(name)
    for code, territories in codes.items():
        for territory in territories:
            for locale in by_territory.get(territory, []):
                symbol = babel.numbers.get_currency_symbol(code, locale=locale)
                if symbol != code and writable(symbol):
                    found[symbol].add(code)
    return found


def writable(symbol: str) -> bool:
    """A symbol of letters that is no word and no capital abbreviation (KM, DA, SR); RM alone is the ringgit's."""
    if symbol in WORD_SYMBOLS or "$" in symbol or not 2 <= len(symbol) <= 4 or not regex.fullmatch(r"[\p{L}.]+", symbol):
        return False
    letters = symbol.rstrip(".")
    return bool(regex.search(r"\p{Latin}", symbol)) and (not letters.isupper() or len(letters) > 2 or letters == "RM")


def toml_key(key: str) -> str:
    return key if regex.fullmatch(r"[A-Za-z0-9_]+", key) else '"' + key.replace('"', '\\"') + '"'


def entry(codes: set[str], noun: str) -> str:
    if len(codes) == 1:
        return f'"{next(iter(codes))}"'
    return f'{{ ambiguous = "{noun}: one of {", ".join(sorted(codes))}" }}'


def render() -> str:
    codes = current_codes()
    taken = handwritten()
    upper = [c for c in codes if c not in WORD_CODES and c.lower() not in taken["iso_code"]]
    currency_name: dict[str, str] = {}
    for code in codes:
        for name in names(code):
            currency_name.setdefault(fold(name), f'"{code}"')
    shared = nouns(codes)
    for noun, found in shared.items():
        if noun not in WORD_NOUNS:
            currency_name.setdefault(noun, entry(found, noun))
    in_country: dict[str, str] = {}
    country: dict[str, str] = {}
    for noun, found in sorted(shared.items()):
        if len(found) > 1:
            for code in sorted(found):
                for word in sorted(context_words(code, codes[code])):
                    in_country.setdefault(f"{noun} {word}", code)
                    country[word] = word
    symbols = local_symbols(codes)
    for symbol, found in sorted(symbols.items()):
        if len(found) > 1:
            for code in sorted(found):
                for word in sorted(context_words(code, codes[code])):
                    in_country.setdefault(f"{fold(symbol)} {word}", code)
                    country[word] = word
    lines = [f"# Generated by scripts/currency_tables.py from Babel {babel.__version__} (CLDR): do not edit by hand.",
             'family = "currencies"',
             'description = "Every ISO 4217 currency in legal tender: codes, English names and plurals, local symbols, '
             'and the country words that settle an ambiguous name."',
             "", "[fragments]", "# The codes in capitals only (read by money.toml's currency_code).",
             "iso_code_upper = '" + "|".join(upper) + "'",
             "# Local symbols in their case (KSh, zł, Kč).",
             "currency_symbol_local = '" + "|".join(regex.escape(s) for s in sorted(symbols, key=lambda s: (-len(s), s)))
             + "'"]
    tables = {
        "iso_code_upper": {c: f'"{c}"' for c in upper},
        "currency_name": currency_name,
        "currency_country": {k: f'"{v}"' for k, v in country.items()},
        "currency_in_country": {k: f'"{v}"' for k, v in in_country.items()},
        "currency_symbol_local": {s: entry(found, f"symbol {s}") for s, found in symbols.items()},
    }
    for table, entries in tables.items():
        lines += ["", f"[tables.{table}]"]
        lines += [f"{toml_key(k)} = {v}" for k, v in sorted(entries.items()) if fold(k) not in taken[table]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when rules/currencies.toml is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if (TARGET.read_text(encoding="utf-8") if TARGET.exists() else "") != text:
            print(f"{TARGET}: stale; run scripts/currency_tables.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
