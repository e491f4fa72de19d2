"""`factcheck explain TYPE`: what a check type verifies, the frames that create it and their
examples by verdict, all taken from the rule files (so a user's `--rules` frames show too)."""

from __future__ import annotations

from factcheck.render.sarif import check_rule
from factcheck.extract.rulebook import Rulebook
from factcheck.vocabulary import check_types

VERDICT_ORDER = ("consistent", "approximate", "inconsistent", "unverifiable")


def explain(check_type: str, book: Rulebook) -> str:
    """The explanation of one check type as text; an unknown type is an InputError."""
    (name,) = check_types([check_type], "explain")
    rule = check_rule(name)
    lines = [f"{name}: {rule['shortDescription']['text']}", f"  {rule['fullDescription']['text']}"]
    frames = [frame for frame in book.frames if frame.type == name]
    if frames:
        lines += ["", "Frames (a check exists only where one of them matches):"]
        lines += [f"  {frame.id}: {frame.name}" for frame in frames]
    for verdict in VERDICT_ORDER:
        texts = examples_of(frames, verdict)
        if texts:
            lines += ["", f"{verdict.capitalize()} examples:", *(f"  {text}" for text in texts)]
    counter = list(dict.fromkeys(text for frame in frames for example in frame.counter_examples
                                 for text in example.texts))
    if counter:
        lines += ["", "No check (the frames must not match):", *(f"  {text}" for text in counter)]
    return "".join(line + "\n" for line in lines)


def examples_of(frames: list, verdict: str) -> list[str]:
    """Every example text of the frames with this verdict, once each, in rule-file order."""
    return list(dict.fromkeys(text for frame in frames for example in frame.examples
                              if example.expected.get("verdict") == verdict for text in example.texts))
