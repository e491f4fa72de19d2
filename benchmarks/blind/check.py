"""Validate a blind passage file against benchmarks/blind/format.toml, for the helper who writes it.

    python3 benchmarks/blind/check.py FILE PREFIX

Prints one line per problem, or "OK: N passages, M relations"; exits 1 on any problem. Standard library only, so
a helper can run it without the project installed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from typing import Any

TYPES = {"sum", "difference", "percent_change", "ratio", "multiplier", "share", "part_of_whole", "conversion",
         "anniversary", "age", "date_order", "range"}
GENRES = {"news", "transcript", "historical"}


def passage_problems(passage: dict[str, Any], prefix: str) -> list[str]:
    pid, text = passage.get("id", "?"), passage.get("text", "")
    found = [] if re.fullmatch(prefix + r"\d{3}", pid) else [f"{pid}: bad id"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", passage.get("date", "")):
        found.append(f"{pid}: bad date")
    if passage.get("genre") not in GENRES:
        found.append(f"{pid}: bad genre")
    for relation in passage.get("relation", []):
        found += relation_problems(pid, relation, text)
    for unrelated in passage.get("unrelated", []):
        found += [f"{pid}: unrelated figure {f!r} not in text" for f in unrelated.get("figures", []) if f not in text]
    return found


def relation_problems(pid: str, relation: dict[str, Any], text: str) -> list[str]:
    found = [] if relation.get("type") in TYPES else [f"{pid}: bad type {relation.get('type')}"]
    if relation.get("verdict") not in {"consistent", "inconsistent"}:
        found.append(f"{pid}: bad verdict")
    found += [f"{pid}: figure {f!r} not in text" for f in relation.get("figures", []) if f not in text]
    edit = relation.get("breaking_edit")
    if relation.get("verdict") == "consistent" and (not edit or len(edit) != 2 or edit[0] not in text or edit[0] == edit[1]):
        found.append(f"{pid}: consistent relation needs breaking_edit [old in text, new]")
    if relation.get("verdict") == "inconsistent" and edit:
        found.append(f"{pid}: inconsistent relation takes no breaking_edit")
    return found


def main() -> int:
    path, prefix = sys.argv[1], sys.argv[2]
    passages = tomllib.load(open(path, "rb")).get("passage", [])
    ids = [p.get("id") for p in passages]
    found = [f"{pid}: repeated id" for pid in sorted({i for i in ids if ids.count(i) > 1})]
    for passage in passages:
        found += passage_problems(passage, prefix)
    print("\n".join(found) or f"OK: {len(passages)} passages, {sum(len(p.get('relation', [])) for p in passages)} relations")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
