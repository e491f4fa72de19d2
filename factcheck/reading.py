"""Reading documents and data files within stated size limits, whatever kind of file they are.

A regular file over its limit is refused before it is read; anything else (standard input, a
FIFO, /dev/zero, a terminal) is read up to the limit and refused past it, so no input can
fill the memory. A FIFO is opened without waiting for a writer: with none, it reads as empty.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import InputError

MIB = 1 << 20
MAX_DOCUMENT_BYTES = 64 * MIB  # one document to scan
MAX_DATA_BYTES = 16 * MIB  # a config, rule or facts file
MAX_RECORD_BYTES = 64 * MIB  # a lock or baseline file
CHUNK = 1 << 16


def read_limited(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of `path`, or an InputError naming it when it cannot be read or is over `limit`."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(f"{path}: is a directory, not a {what}")
        if stat.S_ISREG(status.st_mode) and status.st_size > limit:
            raise InputError(too_large(path, limit, what))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # O_NONBLOCK only kept open() from waiting for a FIFO's writer
        with os.fdopen(os.dup(fd), "rb") as handle:
            return read_stream(handle, limit, str(path), what)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, limit: int, name: str, what: str = "file") -> bytes:
    """At most `limit` bytes of a stream; InputError when there are more."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(too_large(name, limit, what))


def read_text(path: str | Path, limit: int = MAX_DATA_BYTES, what: str = "file") -> str:
    """A UTF-8 data file (a BOM is accepted) within `limit`; InputError when it is not UTF-8."""
    data = read_limited(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot read: not UTF-8 (byte {exc.start})") from None


def too_large(name: str | Path, limit: int, what: str) -> str:
    return f"{name}: more than {limit // MIB} MiB ({limit} bytes), the limit for a {what}; not read"
