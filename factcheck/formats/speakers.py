"""Speaker labels that open a line or paragraph of a transcript: "KH:", "Park Byung-in:", "Q:",
"محمد:", "记者：".

A label is 1-4 words that start with a capital or, in scripts without case (Arabic, CJK, ...),
any letter, at most 40 characters, optionally wrapped in Markdown emphasis, right before a
colon, a space and words (a fullwidth colon needs no space). It must start a line and follow a paragraph break or a finished
sentence, so a wrapped line that happens to begin "Korea: ..." is not taken for a speaker.
Labels count only when they read as a dialogue, a name coming back within a few turns
("Energy: ... Trucking: ... Airlines: ..." lists one topic per paragraph instead).
"""

from __future__ import annotations

import regex

from factcheck.formats.base import Buffer, Region

WORD = r"[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\p{Nd}'’.\-]*"
JOINER = r"(?:of|the|and|de|del|da|van|von|der|bin|al|la|le|du)"
EMPHASIS = r"(?:\*\*|__|\*|_)?"
LABEL = regex.compile(
    rf"{EMPHASIS}(?P<name>{WORD}(?: (?:{JOINER} )?{WORD}){{0,3}}){EMPHASIS}(?::{EMPHASIS}[ \t]+|\uff1a{EMPHASIS}[ \t]*)(?=\S)"
)
LINE_START = regex.compile(r"\n")
INDENT = regex.compile(r"[ \t]*")
SPOKEN = regex.compile(r"[^\n]*\p{L}")  # what follows a label on its line has words, not just figures
MAX_WORDS = 4
MAX_NAME = 40
TURN_GAP = 3
SENTENCE_END = ".!?…\"”’')]—–。！？"

# Line-opening words that introduce a field, a caption or a note rather than a person.
NOT_SPEAKERS = frozenset(
    """note notes source sources photo photos picture image update updated published posted
    correction caption credit credits tags tag related example examples warning summary
    keywords date subject from to re cc bcc title abstract disclaimer contact email e-mail
    tel phone fax address location time venue price cost total tip hint edit important
    background context translation transcript nb n.b. ps p.s. fig. figure table chart step
    part chapter section editor's editor’s see read also first second third fourth fifth sixth
    seventh eighth ninth tenth firstly secondly thirdly finally lastly next gentlemen ladies
    members dear""".split()
)


def mark_speakers(text: str, buffer: Buffer) -> list[Region]:
    """Blank every speaker label in `buffer`; one region per label, up to the next label."""
    scan = buffer.text()
    labels = [label for p in _line_starts(text, scan) if (label := _label_at(scan, p))]
    if not _is_dialogue(labels):
        return []
    regions: list[Region] = []
    for index, label in enumerate(labels):
        buffer.blank(label.start(), label.end())
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        regions.append(Region(label.start(), end, speaker=label["name"]))
    return regions


def _line_starts(text: str, scan: str) -> list[int]:
    """First non-blank position of every line of the original or the scan text."""
    starts = {0}
    for source in (text, scan):
        starts.update(match.end() for match in LINE_START.finditer(source))
    return sorted({INDENT.match(scan, start).end() for start in starts if start < len(scan)})


def _label_at(scan: str, position: int) -> regex.Match[str] | None:
    line_end = scan.find("\n", position)
    match = LABEL.match(scan, position, line_end if line_end >= 0 else len(scan))  # within the line: linear
    if not match or not _opens_turn(scan, position):
        return None
    words = match["name"].split()
    if len(words) > MAX_WORDS or len(match["name"]) > MAX_NAME or words[0].lower() in NOT_SPEAKERS:
        return None
    return match if SPOKEN.match(scan, match.end()) else None


def _is_dialogue(labels: list[regex.Match[str]]) -> bool:
    """At most two names, or a name that speaks again within three turns (A, B, A)."""
    names = [label["name"] for label in labels]
    if len(set(names)) <= 2:
        return True
    return any(name in names[index + 1 : index + 1 + TURN_GAP] for index, name in enumerate(names))


def _opens_turn(scan: str, position: int) -> bool:
    """True at the start, after a blank line, or after a finished sentence."""
    index, newlines = position - 1, 0
    while index >= 0 and scan[index].isspace():
        newlines += scan[index] == "\n"
        index -= 1
    return index < 0 or newlines >= 2 or scan[index] in SENTENCE_END
