"""Write a file so that readers see either the old content or the new, never a torn half."""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from pathlib import Path

from factcheck.errors import InputError


def write_atomic(path: Path, data: str) -> None:
    """Replace `path` with `data` (UTF-8): temp file beside it, fsync, then `os.replace`.

    On any failure the temp file is removed and `path` keeps its old content; an OSError
    becomes a one-line InputError.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        write_temp(temp, data, mode_of(path))
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    sync_directory(path.parent)


def write_temp(temp: Path, data: str, mode: int) -> None:
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temp, mode)  # os.open's mode passes through the umask; an existing file's mode must not


def mode_of(path: Path) -> int:
    """The permission bits to give the new file: the old file's, or the umask's default."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows opening a directory."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
