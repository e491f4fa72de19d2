"""What `diff` compares: two files, a file and its version at a git revision, or two directories
(or a directory and its version at a revision), paired file by file by their relative path.

A file on one side only is compared with nothing: all its figures are added (or removed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from factcheck.config import TEXT_SUFFIXES, Config, matches_any, select_files
from factcheck.errors import InputError
from factcheck.gitrev import git_files, git_show
from factcheck.pipeline import read_input


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison: its label (a path, or REV:PATH) and its bytes (None: absent)."""

    label: str
    data: bytes | None


def version_pairs(paths: list[str], rev: str | None, config: Config) -> list[tuple[Version, Version]]:
    """The (old, new) pairs to compare, in the order of their relative paths."""
    if rev is not None:
        if len(paths) != 1:
            raise InputError("diff --rev REV takes exactly one PATH")
        return revision_pairs(rev, paths[0], config)
    if len(paths) != 2:
        raise InputError("diff takes two files or two directories, OLD and NEW (or --rev REV PATH)")
    old, new = paths
    if Path(old).is_dir() != Path(new).is_dir():
        raise InputError(f"diff compares two files or two directories: {old} and {new} are one of each")
    if not Path(old).is_dir():
        return [(Version(old, read_input(old)), Version(new, read_input(new)))]
    return paired(old, walked(old, config), lambda rel: read_input(joined(old, rel)),
                  new, walked(new, config), lambda rel: read_input(joined(new, rel)))


def revision_pairs(rev: str, path: str, config: Config) -> list[tuple[Version, Version]]:
    if not Path(path).is_dir():
        return [(Version(f"{rev}:{path}", git_show(rev, path)), Version(path, read_input(path)))]
    then = [rel for rel in git_files(rev, path) if selected(rel, config)]
    return paired(f"{rev}:{path}", then, lambda rel: git_show(rev, joined(path, rel)),
                  path, walked(path, config), lambda rel: read_input(joined(path, rel)))


def paired(old_root: str, old_files: list[str], read_old, new_root: str, new_files: list[str],
           read_new) -> list[tuple[Version, Version]]:
    """Every relative path of either side, with the bytes of each side that has it."""
    if not old_files and not new_files:
        raise InputError(f"no document to compare in {old_root} or {new_root}")
    olds, news = set(old_files), set(new_files)
    return [(Version(joined(old_root, rel), read_old(rel) if rel in olds else None),
             Version(joined(new_root, rel), read_new(rel) if rel in news else None))
            for rel in sorted(olds | news)]


def walked(directory: str, config: Config) -> list[str]:
    """The text-like files under `directory` (include/exclude applied), relative to it."""
    selection = select_files([Path(directory)], config.include, config.exclude)
    if selection.unreadable:
        folder, reason = selection.unreadable[0]
        raise InputError(f"{folder}: {reason}")
    return [file.relative_to(directory).as_posix() for file in selection.files]


def selected(relative: str, config: Config) -> bool:
    """Whether a file at a revision would be walked today: a text suffix, include and exclude."""
    if PurePosixPath(relative).suffix.lower() not in TEXT_SUFFIXES:
        return False
    if any(part.startswith(".") for part in relative.split("/")):
        return False
    return not matches_any(relative, config.exclude) and (not config.include or matches_any(relative, config.include))


def joined(root: str, relative: str) -> str:
    return (PurePosixPath(root) / relative).as_posix()
