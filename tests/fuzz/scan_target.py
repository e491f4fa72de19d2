"""atheris fuzz target for the scan of one document (not collected by pytest).

What one input must satisfy is in scan_check.py: a document may be refused with a one-line
InputError; anything else raised, a claim whose text is not its slice of the document, a wrong
line or column, or a report that is not JSON is a crash. Run:

    python tests/fuzz/scan_target.py -max_total_time=60 CORPUS_DIR [SEED_DIR ...]

Every crash it ever found is kept in tests/data/fuzz/ and replayed by tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from factcheck.extract.rulebook import load_rulebook
    from scan_check import scan_one

BOOK = load_rulebook()


def main() -> None:
    atheris.Setup(sys.argv, lambda data: scan_one(data, BOOK))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
