"""Write a file so that readers see either the old content or the new, never a torn half, and
so that writers of one file take turns and never lose each other's changes.

Every write holds an exclusive lock on a sidecar file beside the target (`.NAME.lock`, taken
with fcntl.flock and removed when the write is done), writes a temp file beside the target
(`.NAME.PID.RANDOM.tmp`), fsyncs it and renames it over the target. While the lock is held no other writer can be writing a temp file
of that target, so any found then was left by a writer that was killed (`kill -9` skips every
cleanup) and is removed. `rewrite_atomic` computes the new content under the same hold of the
lock, so two `lock --update` runs each merge their documents into what the other wrote.

Windows has no fcntl: there writes are still atomic, but writers do not take turns, so two
concurrent updates of one file can lose one of them (run them one after the other).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from factcheck.errors import InputError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 60.0  # seconds to wait for another writer of the same file


def write_atomic(path: Path, data: str) -> None:
    """Replace `path` with `data` (UTF-8); see `rewrite_atomic`."""
    rewrite_atomic(path, lambda: data)


def rewrite_atomic(path: Path, make: Callable[[], str]) -> None:
    """Replace `path` with what `make()` returns, computed while this process alone writes `path`.

    `make` may read `path`. On any failure the temp file is removed and `path` keeps its old
    content; an OSError becomes a one-line InputError.
    """
    path = Path(path)
    with writing(path):
        remove_stale_temps(path)
        replace(path, make())


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Hold the exclusive write lock of `path` for the block (no lock where fcntl is missing)."""
    if fcntl is None:
        yield
        return
    sidecar = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + LOCK_WAIT
    fd = lock_sidecar(path, sidecar, deadline)
    while not is_same_file(fd, sidecar):  # its holder removed it while we waited: lock the new one
        os.close(fd)
        fd = lock_sidecar(path, sidecar, deadline)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(sidecar)
        os.close(fd)  # and with it the lock


def lock_sidecar(path: Path, sidecar: Path, deadline: float) -> int:
    """An open descriptor of the sidecar, locked; InputError past the deadline."""
    try:
        fd = os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise InputError(f"{path}: another process has been writing it for {LOCK_WAIT:g} s; not written") from None
            time.sleep(0.02)
        except OSError as exc:
            os.close(fd)
            raise InputError(f"{path}: cannot lock it for writing: {exc.strerror or exc}") from None


def is_same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def remove_stale_temps(path: Path) -> None:
    """Temp files of `path` left by killed writers (call only while holding its lock)."""
    with contextlib.suppress(OSError):
        for stale in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                os.unlink(stale)


def glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def replace(path: Path, data: str) -> None:
    """Temp file beside `path`, fsync, then `os.replace`; the temp file goes on any failure."""
    if not is_regular_or_missing(path):
        raise InputError(f"{path}: not a regular file; not replaced")
    temp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
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


def is_regular_or_missing(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


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
