"""A file as it was at a git revision, asked of the git executable without letting the revision
steer git: it must be a non-empty revision name, never an option, and it is passed after
`--end-of-options`; what git prints is read within the document size limit."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from factcheck.errors import InputError
from factcheck.reading import MAX_DOCUMENT_BYTES, read_stream
from factcheck.terminal import one_line


def check_revision(rev: str) -> None:
    """Refuse what cannot be a revision name: empty ("" meant the index), an option, control characters."""
    if not rev.strip():
        raise InputError("diff --rev: the revision is empty")
    if rev.startswith("-"):
        raise InputError(f"diff --rev: {one_line(rev)!r} is an option, not a revision")
    if not rev.isprintable():
        raise InputError(f"diff --rev: {one_line(rev)!r} holds characters no revision name has")


def git_show(rev: str, path: str) -> bytes:
    """The bytes of `path` at revision `rev`; InputError with git's own reason when it has none."""
    check_revision(rev)
    target = Path(path).resolve()
    top = run_git(["rev-parse", "--show-toplevel"], target.parent, path, rev).decode("utf-8", "replace").strip()
    try:
        relative = target.relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        raise InputError(f"{path}: not inside the git work tree {top}") from None
    return run_git(["show", "--end-of-options", f"{rev}:{relative}"], target.parent, path, rev)


def run_git(args: list[str], cwd: Path, path: str, rev: str) -> bytes:
    """What git prints, within the document size limit; its last error line as an InputError."""
    with tempfile.TemporaryFile() as errors:
        try:
            git = subprocess.Popen(["git", *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=errors)
        except FileNotFoundError:
            raise InputError("diff --rev needs the git executable on PATH") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot run git: {exc.strerror or exc}") from None
        assert git.stdout is not None
        try:
            output = read_stream(git.stdout, MAX_DOCUMENT_BYTES, f"{path} at {rev}", "document")
        except InputError:
            git.kill()
            git.wait()
            raise
        finally:
            git.stdout.close()
        if git.wait() != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            raise InputError(f"{path}: cannot read it at {one_line(rev)}: {one_line(' '.join(detail)) or 'git failed'}")
    return output


def git_files(rev: str, directory: str) -> list[str]:
    """The files under `directory` at revision `rev`, as paths relative to it, sorted."""
    check_revision(rev)
    folder = Path(directory).resolve()
    listing = run_git(["ls-tree", "-r", "-z", "--name-only", "--end-of-options", rev, "--", "."], folder, directory, rev)
    return sorted(name for name in listing.decode("utf-8", "surrogateescape").split("\0") if name)
