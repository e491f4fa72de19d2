"""Project settings: `.factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, found by
walking up from the scanned path; command-line options override them.

Also the selection of files when a directory is walked (text-like files, include/exclude globs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from factcheck.errors import InputError
from factcheck.reading import read_text
from factcheck.vocabulary import CHECK_TYPES, NAMES

CONFIG_NAME = ".factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
OUTPUT_FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "markdown", "html")
MIN_LEVELS = ("info", "warning", "error")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".srt", ".vtt"}
SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Config:
    """Settings; None (or empty) means "not set". Paths are resolved against the config file."""

    rules: tuple[Path, ...] = ()
    facts: Path | None = None
    fail_on: str | None = None
    tolerance: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    date: str | None = None
    lock: Path | None = None
    format: str | None = None
    approx_threshold: float | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_level: str | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: Path | None = None


def load_config(start: Path) -> Config:
    """The first config found walking up from `start` (a file's directory, or a directory).

    A `pyproject.toml` without `[tool.factcheck]` is passed over; no config at all gives `Config()`.
    """
    start = Path(start).absolute()
    directory = start if is_kind(start, Path.is_dir) else start.parent
    for folder in (directory, *directory.parents):
        dedicated = folder / CONFIG_NAME
        if is_kind(dedicated, Path.is_file):
            return parse_config(dedicated, read_toml(dedicated), "")
        pyproject = folder / PYPROJECT
        if is_kind(pyproject, Path.is_file):
            tool = read_toml(pyproject).get("tool")
            table = tool.get("factcheck") if isinstance(tool, dict) else None
            if table is not None:
                if not isinstance(table, dict):
                    raise InputError(f"{pyproject}: [tool.factcheck] must be a table")
                return parse_config(pyproject, table, " in [tool.factcheck]")
    return Config()


def is_kind(path: Path, test: Callable[[Path], bool]) -> bool:
    """`path.is_file()` or `path.is_dir()`, False where a folder cannot be looked into (EACCES)."""
    try:
        return test(path)
    except OSError:
        return False


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file (UTF-8, a BOM accepted, within the data size limit); a syntax error
    becomes "file:line: message"."""
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(toml_error(path, text, str(exc))) from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a config file") from None
    except ValueError as exc:  # an integer past Python's limit of 4,300 digits
        raise InputError(f"{path}: invalid TOML: {exc}") from None


def toml_error(path: Path, text: str, message: str) -> str:
    """tomllib ends its messages with "(at line N, column M)" or "(at end of document)"."""
    where = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$", message)
    if not where:
        return f"{path}: {message}"
    line = where.group(1) or str(text.count("\n") + (not text.endswith("\n")))
    return f"{path}:{line}: {message[:where.start()]}"


def parse_config(path: Path, table: dict[str, Any], section: str) -> Config:
    """Validate a table of settings; `section` names it in messages (empty for the top level)."""
    values: dict[str, Any] = {"source": path}
    for key, raw in table.items():
        parser = PARSERS.get(key)
        if parser is None:
            raise InputError(f"{path}: unknown key {key!r}{section}")
        try:
            values[key] = parser(raw, path.parent)
        except ValueError as exc:
            raise InputError(f"{path}: key {key!r}{section} must be {exc}, got {raw!r}") from None
    return Config(**values)


def as_path(raw: Any, base: Path) -> Path:
    if not isinstance(raw, str) or not raw:
        raise ValueError("a path string")
    return base / raw


def as_paths(raw: Any, base: Path) -> tuple[Path, ...]:
    return tuple(base / item for item in as_strings(raw, base, "a list of paths"))


def as_strings(raw: Any, base: Path, expected: str = "a list of strings") -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) and item for item in raw):
        raise ValueError(expected)
    return tuple(raw)


def as_fail_on(raw: Any, base: Path) -> str:
    if raw not in FAIL_ON:
        raise ValueError("one of " + ", ".join(f'"{level}"' for level in FAIL_ON))
    return raw


def as_number(raw: Any, base: Path) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not raw >= 0:
        raise ValueError("a number >= 0")
    return float(raw)


def as_format(raw: Any, base: Path) -> str:
    if raw not in OUTPUT_FORMATS:
        raise ValueError("one of " + ", ".join(f'"{name}"' for name in OUTPUT_FORMATS))
    return raw


def as_min_level(raw: Any, base: Path) -> str:
    if raw not in MIN_LEVELS:
        raise ValueError("one of " + ", ".join(f'"{level}"' for level in MIN_LEVELS))
    return raw


def as_names(raw: Any, base: Path) -> tuple[str, ...]:
    """Check types or claim kinds; an unknown name is an error (ValueError names the choices)."""
    expected = f"a list of check types or claim kinds ({', '.join(NAMES)})"
    names = as_strings(raw, base, expected)
    if any(name.lower() not in NAMES for name in names):
        raise ValueError(expected)
    return tuple(sorted({name.lower() for name in names}))


def as_per_file_ignores(raw: Any, base: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A table of glob -> check types: `{"interviews/*.txt" = ["date_order"]}`."""
    expected = "a table of glob = [check types]"
    if not isinstance(raw, dict) or not all(isinstance(glob, str) and glob for glob in raw):
        raise ValueError(expected)
    found = []
    for glob, names in raw.items():
        types = as_strings(names, base, expected)
        if any(name.lower() not in CHECK_TYPES for name in types):
            raise ValueError(f"{expected} ({', '.join(CHECK_TYPES)})")
        found.append((glob, tuple(sorted({name.lower() for name in types}))))
    return tuple(found)


def ignored_types(config: Config, doc_path: str) -> frozenset[str]:
    """The check types `per_file_ignores` silences in this document; its globs match the path
    relative to the config file's folder, as include/exclude globs do."""
    if not config.per_file_ignores or config.source is None or doc_path == "-":
        return frozenset()
    try:
        relative = Path(doc_path).absolute().relative_to(config.source.absolute().parent).as_posix()
    except ValueError:
        return frozenset()
    return frozenset(name for glob, names in config.per_file_ignores if matches_any(relative, [glob]) for name in names)


def as_date(raw: Any, base: Path) -> str:
    """A TOML date (`date = 2015-02-22`) or the string "2015-02-22"."""
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw.isoformat()
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    raise ValueError('a date "YYYY-MM-DD"')


PARSERS: dict[str, Callable[[Any, Path], Any]] = {
    "rules": as_paths,
    "facts": as_path,
    "fail_on": as_fail_on,
    "tolerance": as_number,
    "include": as_strings,
    "exclude": as_strings,
    "date": as_date,
    "lock": as_path,
    "format": as_format,
    "approx_threshold": as_number,
    "select": as_names,
    "ignore": as_names,
    "min_level": as_min_level,
    "per_file_ignores": as_per_file_ignores,
}


def merge(config: Config, **cli_options: Any) -> Config:
    """`config` with every command-line option that is not None in its place (lists as tuples)."""
    chosen = {name: tuple(value) if isinstance(value, list) else value
              for name, value in cli_options.items() if value is not None}
    return dataclasses.replace(config, **chosen)


@dataclass(frozen=True, slots=True)
class Selection:
    """The files to read, and a one-line reason for each folder that could not be walked."""

    files: list[Path]
    unreadable: list[tuple[str, str]]  # (folder, reason)


def select_files(paths: Iterable[Path], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Selection:
    """Files named in `paths` as given; directories walked for text-like files.

    Walked files are sorted, hidden ones skipped, and filtered by globs matched against
    the path relative to the walked directory: a glob without "/" matches any one name
    along the path ("*.srt", "drafts"), one with "/" the path from the top ("docs/**/*.md").
    A folder that cannot be read is named in `unreadable`, never skipped in silence.
    """
    selected: list[Path] = []
    unreadable: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if is_kind(path, Path.is_dir):
            selected.extend(walk(path, include, exclude, unreadable))
        elif path.exists():
            selected.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return Selection(list(dict.fromkeys(selected)), unreadable)


def walk(root: Path, include: Sequence[str], exclude: Sequence[str], unreadable: list[tuple[str, str]]) -> list[Path]:
    """The text-like files under `root`, sorted; folders it cannot list are added to `unreadable`."""
    def note(error: OSError) -> None:
        unreadable.append((Path(str(error.filename)).as_posix(), f"cannot read this folder: {error.strerror or error}"))

    found = []
    for folder, folders, names in os.walk(root, onerror=note):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or not is_kind(path, Path.is_file):
                continue
            if matches_any(relative, exclude) or (include and not matches_any(relative, include)):
                continue
            if is_text_like(path):
                found.append((relative, path))
    return [path for _, path in sorted(found)]


def matches_any(relative: str, globs: Sequence[str]) -> bool:
    parts = relative.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    for glob in globs:
        pattern = glob_regex(glob.strip("/"))
        candidates = prefixes if "/" in glob.strip("/") else parts
        if any(pattern.fullmatch(candidate) for candidate in candidates):
            return True
    return False


def glob_regex(glob: str) -> re.Pattern[str]:
    """`**/` any number of directories, `**` anything, `*` and `?` within one name, `[...]` a class."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2:]:
            close = glob.index("]", i + 2)
            body = glob[i + 1:close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))


def is_text_like(path: Path) -> bool:
    """A known text suffix, or no suffix and a head that is UTF-8 without NUL bytes."""
    if path.suffix:
        return path.suffix.lower() in TEXT_SUFFIXES
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return len(head) == SNIFF_BYTES and exc.reason == "unexpected end of data"  # a character cut by the sniff
    return True
