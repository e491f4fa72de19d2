"""Text from documents, rule files and file names, made safe to show in a terminal.

A document can hold escape sequences (colour, cursor moves, a window title, a hyperlink) and
control characters (NUL, a carriage return that overwrites the line, bidi overrides that
reverse what follows): shown as they are, they would steer the terminal. `visible` removes
escape sequences and these controls; `one_line` also folds line breaks and tabs into spaces.
Formats that are not for a terminal (JSON, SARIF, GitHub commands) keep the text as it is and
escape it their own way.

Also how the terminal output looks: colour (`--color`, NO_COLOR, FORCE_COLOR) and width.
"""

from __future__ import annotations

from typing import Mapping

import regex

ESCAPE = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, erasing
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, DCS, SOS, PM, APC: titles, hyperlinks, up to their end
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the one-byte CSI of C1
)
CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 but tab and line feed, DEL, C1, and the bidi embeddings, overrides and isolates."""
SPACE = regex.compile(r"\s+")


def visible(text: str) -> str:
    """`text` without escape sequences and control characters; line breaks and tabs stay."""
    return CONTROL.sub("", ESCAPE.sub("", text))


def one_line(text: str) -> str:
    """`text` as one line for a message: visible, every run of white space one space."""
    return SPACE.sub(" ", visible(text)).strip()


COLOR_CHOICES = ("auto", "always", "never")
TRAILING_SPACE = regex.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", regex.MULTILINE)
PIPE_WIDTH = 100
MIN_WIDTH = 40


def wants_colour(choice: str, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """Whether to colour the output: `--color always|never` wins; with `auto`, a non-empty
    NO_COLOR turns colour off, then a non-empty FORCE_COLOR turns it on, else only a terminal gets it."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal


def output_width(environ: Mapping[str, str], terminal_columns: int | None) -> int:
    """The terminal's width; in a pipe, COLUMNS when it is a number, else 100 columns."""
    if terminal_columns:
        return max(MIN_WIDTH, terminal_columns)
    columns = environ.get("COLUMNS", "")
    return max(MIN_WIDTH, int(columns)) if columns.isdigit() else PIPE_WIDTH


def without_trailing_space(text: str) -> str:
    """Every line without the spaces a renderer padded it with (styles at the end stay)."""
    return TRAILING_SPACE.sub(r"\1", text)
