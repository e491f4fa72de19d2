"""Reading within size limits, whatever kind of file: regular, FIFO, device, standard input."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.reading import MAX_DOCUMENT_BYTES, read_limited, read_stream, read_text


def test_a_regular_file_within_the_limit_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"12345")
    assert read_limited(path, 5) == b"12345"


def test_a_regular_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError) as caught:
        read_limited(path, 10, "document")
    assert str(caught.value) == f"{path}: more than 0 MiB (10 bytes), the limit for a document; not read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_read_up_to_the_limit_and_refused():
    """/dev/zero as input was read until memory ran out."""
    with pytest.raises(InputError, match=r"^/dev/zero: more than 64 MiB \(67108864 bytes\), the limit for a document"):
        read_limited("/dev/zero", MAX_DOCUMENT_BYTES, "document")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_read_to_its_end_and_one_without_a_writer_is_empty(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert read_limited(fifo, 100) == b""  # opening it did not wait for a writer

    done = threading.Event()

    def write() -> None:
        """Write once a reader has it open, and again a second later until one has read it: the
        reader may open it before the writer does, or finish (having read nothing) before the
        writer writes, which lost the text and left the reader looping for ever on a busy machine."""
        while not done.is_set():
            try:
                handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while no reader has it open
            except OSError:
                continue
            try:
                os.write(handle, b"It cost $5.")
            except BrokenPipeError:
                continue
            finally:
                os.close(handle)
            done.wait(1.0)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        data = b""
        while not data:
            data = read_limited(fifo, 100)
    finally:
        done.set()
        writer.join()
    assert data == b"It cost $5."


def test_a_directory_is_no_file(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_limited(tmp_path, 100)


def test_a_stream_is_read_up_to_the_limit():
    assert read_stream(io.BytesIO(b"abc"), 3, "-") == b"abc"
    with pytest.raises(InputError, match=r"^standard input: more than 0 MiB \(3 bytes\)"):
        read_stream(io.BytesIO(b"abcd"), 3, "standard input")


def test_text_accepts_a_bom_and_names_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "a.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    assert read_text(path) == "a = 1\n"
    path.write_bytes(b"a = '\xff'\n")
    with pytest.raises(InputError, match=r"a\.toml: cannot read: not UTF-8 \(byte 5\)$"):
        read_text(path)
