"""Compiled rule patterns kept on disk, so a run does not parse the same regex again.

`regex.compile` spends nearly all its time in Python, parsing and optimising the pattern into
a list of opcodes that its C part then turns into a pattern object in a few microseconds.
A compiled pattern pickles as its source (and compiles again), so this store keeps the C
part's arguments instead: a pattern is compiled when a run first uses it (a `Deferred`: a run
pays only for the rules and frames its documents reach), its arguments are recorded then, and
later runs rebuild the pattern object from them.

The store is one file per rule set (`open_store(key)`), named by a hash of this module's format,
the versions of factcheck, `regex` and Python, and the platform (its family), then a hash of the
rule files' text. A new store borrows from the newest other store of its family what the two
share, so an edit of one rule file costs the next run only the patterns the edit changed: a
compiled pattern and its gate are keyed by the pattern itself, and a reading kept by a short
source text holds the digest of the pattern it was read from.
It also keeps what is read from each rule pattern (its gate, see `gates`, and the other readings
callers `derive`), the anchors' `re` patterns (recorded the same way) and the parsed rule files.
A run writes it at its end (`save`, with what another process wrote meanwhile, under a lock: see
`saving`) to a temp file beside it, renamed over it. Its head (the index and the small data) holds a
SHA-256 of itself and is ignored with the whole file (which is rebuilt) when it cannot be read,
fails its checksum or holds anything unexpected. The compile arguments follow the head, each
with a digest of its own that is checked when a run uses it (most runs use a third of them: a
start does not hash and unpack 15 MB it will not read, and on POSIX the file is mapped, not read, so
neither are its pages); one that fails is compiled afresh. It
lives in `FACTCHECK_CACHE_DIR`, else the user's cache directory; `disable()` (the command
line's `--no-cache`) turns it off for the process.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import hashlib
import marshal
import mmap
import os
import platform
import re
import re._compiler as re_compiler
import sys
import threading
import time
import uuid
import weakref
from pathlib import Path
from typing import Any, Callable, Iterator

import regex
import regex._main as regex_main

from factcheck import __version__
from factcheck.extract import regexparse  # noqa: F401 - its import gives regex's parser plain int flags
from factcheck.extract.firstchars import charset_hint
from factcheck.extract.gates import Gate, required_all

FORMAT = "factcheck-patterns/13"  # 13: rule patterns hold their long fragments once, called (see calls)
MAGIC = FORMAT.encode() + b"\n"
KEEP_FILES = 4  # stores of other rule sets (older versions, other user folders) kept beside the one in use
ENV_DIR = "FACTCHECK_CACHE_DIR"

_lock = threading.Lock()


class Store:
    """The recorded compile arguments of one rule set's patterns, by (pattern, flags).

    Each pattern's arguments are kept marshalled on their own (`entries`: its group names, the
    bytes and their digest), so a run checks and unpacks only those of the patterns it uses. The store also keeps the
    `re` patterns of the prefilter's anchors (`fast`) and any plain data a caller derives from
    the rule files alone (`kept`, `keep`: the parsed rule files).
    """

    def __init__(self, path: Path | None, entries: dict[tuple[str, int], Entry],
                 gates: dict[tuple[str, int, bool], Gate | None] | None = None,
                 fast: dict[str, bytes] | None = None, data: dict[str, Any] | None = None) -> None:
        self.path, self.entries, self.added = path, entries, False
        self.gates = gates if gates is not None else {}
        self.fast = fast if fast is not None else {}
        self.data = data if data is not None else {}
        self.compiled: dict[tuple[str, int], Any] = {}
        self.new: list[tuple[int, Any]] = []  # (part, key) of what this run added (see `lessons`)
        self.donor: Contents = ({}, {}, {}, {})  # another rule set's store, for what the two share (see `open_store`)

    def borrowed(self, part: int, key: Any) -> bool:
        """Whether the donor holds `key` in `part`, now copied into this store (and noted as learnt): the
        patterns and readings of the rules an edit left as they were."""
        if key not in self.donor[part]:
            return False
        (self.entries, self.gates, self.fast, self.data)[part][key] = self.donor[part][key]
        self.learnt(part, key)
        return True

    def has(self, pattern: str, flags: int) -> bool:
        key = (pattern, int(flags))
        return key in self.compiled or self.stored(key)

    def stored(self, key: tuple[str, int]) -> bool:
        """Whether the store holds the compile arguments of a pattern, its own or borrowed now."""
        return key in self.entries or self.borrowed(ENTRIES, key)

    def compile(self, pattern: str, flags: int) -> Any:
        """The compiled pattern, as a `Deferred`: one the store holds is rebuilt the first time it is
        used, any other compiled then and recorded (a caller that must know the pattern compiles, a
        user's, compiles it first: see `ruletrust`)."""
        key = (pattern, int(flags))
        if key not in self.compiled:
            self.compiled[key] = Deferred(self, key)
        return self.compiled[key]

    def keep_fast(self, pattern: str) -> None:
        """Record `pattern`'s `re` form now, where the store does not hold it, so that a pattern a run
        compiles only on first use (a finder of starts) is saved with the rules and rebuilt in later runs."""
        if pattern not in self.fast:
            self.compile_fast(pattern)

    def compile_fast(self, pattern: str) -> re.Pattern[str]:
        """`re.compile(pattern)`, rebuilt from the store when it holds the pattern (raises re.error)."""
        if pattern not in self.fast:
            self.borrowed(FAST, pattern)
        blob = self.fast.get(pattern)
        if blob is not None:
            try:
                return _sre.compile(*marshal.loads(blob))
            except Exception:  # not what this build of re takes after all: compile afresh
                del self.fast[pattern]
        compiled, recorded = compile_recording_re(pattern)
        if recorded is not None:
            self.fast[pattern] = marshal.dumps(recorded)
            self.learnt(FAST, pattern)
        return compiled

    def gate(self, pattern: str, flags: int, bounds: bool = False) -> Gate | None:
        """The sets of literals every match holds one of each of (see `gates`; with `bounds`, and the word
        boundaries next to them), or None. Finding them means parsing the pattern again, which pays only
        when the store keeps them: without one, None."""
        key = (pattern, int(flags), bounds)
        if key not in self.gates and not self.borrowed(GATES, key):
            if self.path is None:
                return None
            self.gates[key] = required_all(pattern, flags, bounds)
            self.learnt(GATES, key)
        return self.gates[key]

    def derive(self, name: str, pattern: str, find: Callable[[str], Any], source: str | None = None) -> Any:
        """`find(pattern)` (plain data), kept under `name` and the pattern's hash: finding it costs a parse
        of the pattern, which pays only when the store keeps it, so without one it is None. `source`, a
        short text that fixes the pattern in this store's rule files (the rule-file pattern it was
        expanded from), may stand for the pattern in the key: hashing long patterns costs a start 15 ms. The
        pattern's digest is kept beside such a reading, and a donor's is taken only when it matches."""
        if self.path is None:
            return None
        if source is None:
            key = f"{name}:{text_digest(pattern)}"
            if key not in self.data and not self.borrowed(DATA, key):
                self.keep(key, find(pattern))
            return self.kept(key)
        key = f"{name}:{text_digest(source + chr(0) + 'source')}"
        if key not in self.data:  # kept with the pattern's digest, which a donor's must match
            digest, theirs = text_digest(pattern), self.donor[DATA].get(key)
            mine = theirs if isinstance(theirs, list) and len(theirs) == 2 and theirs[0] == digest else None
            self.keep(key, mine if mine is not None else [digest, find(pattern)])
        kept = self.kept(key)
        return kept[1] if isinstance(kept, list) and len(kept) == 2 else None

    def kept(self, name: str) -> Any:
        """What `keep(name, value)` stored, or None."""
        return self.data.get(name)

    def keep(self, name: str, value: Any) -> None:
        """Keep plain data (strings, numbers, booleans, lists, dicts) under a name; other data is not kept."""
        try:
            value = plain(value)
        except TypeError:
            return
        if self.data.get(name) != value:
            self.data[name] = value
            self.learnt(DATA, name)

    def group_index(self, key: tuple[str, int]) -> dict[str, int] | None:
        entry = self.entries.get(key) if self.stored(key) else None
        return dict(entry[0]) if entry is not None else None

    def rebuild(self, key: tuple[str, int]) -> Any:
        entry = self.entries.get(key) if self.stored(key) else None
        if entry is None:
            return None
        try:
            if blob_digest(entry[1]) != entry[2]:
                raise ValueError("damaged")
            return regex_main._regex.compile(key[0], *marshal.loads(entry[1]))
        except Exception:  # damaged, or not what this build of regex takes after all: compile afresh
            del self.entries[key]
            return None

    def record(self, key: tuple[str, int]) -> Any:
        compiled, recorded = compile_recording(*key)
        if recorded is not None:
            blob = marshal.dumps(recorded[1:])  # all but the pattern, which is the key's
            self.entries[key] = (recorded[3], blob, blob_digest(blob))
            self.learnt(ENTRIES, key)
        return compiled

    def save(self) -> None:
        """Write the store if this run compiled or read anything new, with what another process wrote to
        it meanwhile (a worker of the same scan); a failure only costs the next run time."""
        if self.path is None or not self.added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with saving(self.path):
                self.absorb(read_store(self.path), note=False)
                write_whole(self.path, self.contents())
            prune(self.path)
        except OSError:
            return
        self.added = False

    def learnt(self, part: int, key: Any) -> None:
        """Note a new item of one of the four parts (ENTRIES, GATES, FAST, DATA): the file must be written."""
        self.added = True
        self.new.append((part, key))

    def lessons(self) -> Contents:
        """What this store learnt since it was opened or last asked, for another process's store of the
        same file to `absorb` (a worker's, sent to the process that writes the file once)."""
        parts = (self.entries, self.gates, self.fast, self.data)
        found: Contents = ({}, {}, {}, {})
        for part, key in self.new:
            value = parts[part][key]
            found[part][key] = (value[0], bytes(value[1]), value[2]) if part == ENTRIES else value
        self.new.clear()
        return found

    def absorb(self, contents: Contents, note: bool = True) -> None:
        """Add what another store of the same file holds and this one does not (noted as learnt, unless
        it is what the file already holds)."""
        for part, (mine, theirs) in enumerate(zip((self.entries, self.gates, self.fast, self.data), contents)):
            for key, value in theirs.items():
                if key not in mine:
                    mine[key] = value
                    if note:
                        self.learnt(part, key)

    def contents(self) -> bytes:
        """The file: magic, the head's digest and length, the head, then every entry's arguments."""
        index, blobs, offset = {}, [], 0
        for key, (groups, blob, digest) in sorted(self.entries.items()):
            index[key] = (groups, offset, len(blob), digest)
            blobs.append(bytes(blob))
            offset += len(blob)
        head = marshal.dumps((index, *(dict(sorted(part.items())) for part in (self.gates, self.fast, self.data))))
        return MAGIC + hashlib.sha256(head).digest() + len(head).to_bytes(8, "little") + head + b"".join(blobs)


ENTRIES, GATES, FAST, DATA = range(4)  # the parts of a store, in the order of `Contents`
Entry = tuple[dict[str, int], "bytes | memoryview", bytes]  # a pattern's group names, its compile arguments but the
# pattern marshalled, and their digest


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def blob_digest(blob: bytes | memoryview) -> bytes:
    return hashlib.sha256(blob).digest()[:16]


class Deferred:
    """A pattern the store holds, rebuilt on its first match: a document that never reaches a rule
    never pays for it. Its source and group names are known before."""

    __slots__ = ("store", "key", "real")

    def __init__(self, store: Store, key: tuple[str, int]) -> None:
        self.store, self.key, self.real = store, key, None

    @property
    def pattern(self) -> str:
        return self.key[0]

    @property
    def groupindex(self) -> dict[str, int]:
        known = self.store.group_index(self.key) if self.real is None else None
        return known if known is not None else self.compiled().groupindex

    def compiled(self) -> Any:
        if self.real is None:
            self.real = self.store.rebuild(self.key) or self.store.record(self.key)
        return self.real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


@contextlib.contextmanager
def saving(path: Path) -> Iterator[None]:
    """Hold the store's save lock (POSIX: `flock` on a file beside it, let go when the process ends, however
    it ends): two processes saving at once, such as the workers of one scan, would each write what it read
    before the other wrote, and lose the other's patterns. Elsewhere, or past SAVE_WAIT seconds, save unlocked."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        waited = 0.0
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if waited >= SAVE_WAIT:
                    break
                time.sleep(0.05)
                waited += 0.05
        yield


SAVE_WAIT = 30.0  # seconds a save waits for another process's


def write_whole(path: Path, data: bytes) -> None:
    """A temp file beside `path`, renamed over it: a reader sees the old store or the new, whole."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def compile_recording(pattern: str, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    """`regex.compile`, and the arguments it passed to the C part (None where they cannot be had)."""
    return recorded(regex_main, "_regex", lambda: regex.compile(pattern, flags, cache_pattern=False), pattern)


def compile_recording_re(pattern: str) -> tuple[re.Pattern[str], tuple[Any, ...] | None]:
    """`re.compile(pattern)` (no flags) with `firstchars.charset_hint` in force, and the arguments `re`
    passed to its C part `_sre`."""
    def compile_it() -> re.Pattern[str]:
        with charset_hint():
            return re_compiler.compile(pattern, 0)
    return recorded(re_compiler, "_sre", compile_it, pattern)


def recorded(holder: Any, name: str, compile_it: Callable[[], Any], pattern: str) -> tuple[Any, tuple[Any, ...] | None]:
    """Compile with the C part `holder.name` standing behind a recorder: the compiled pattern, and the
    arguments the C part was given for `pattern` (None where they cannot be had)."""
    recorder = Recorder(getattr(holder, name))
    with _lock:
        setattr(holder, name, recorder)
        try:
            compiled = compile_it()
        finally:
            setattr(holder, name, recorder.real)
    if recorder.args is None or recorder.args[0] != pattern:
        return compiled, None
    try:
        return compiled, plain(recorder.args)
    except TypeError:
        return compiled, None


class Recorder:
    """Stands in for the C module of `regex` (or of `re`) while one pattern compiles, and keeps what `compile` got."""

    def __init__(self, real: Any) -> None:
        self.real, self.args = real, None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self.real.compile(*args)


PLAIN = (str, int, float, bool, bytes, type(None))


def plain(value: Any) -> Any:
    """The value as marshal writes and reads it back (an int flag as an int); TypeError for other data."""
    kind = type(value)
    if kind in PLAIN:
        return value
    if isinstance(value, int):
        return int(value)
    if kind in (list, tuple):
        return kind(plain(v) for v in value)
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    raise TypeError(f"cannot keep {kind.__name__}")


_disabled = False


def disable() -> None:
    """No store for the rest of the process: every pattern is compiled afresh (`--no-cache`)."""
    global _disabled
    _disabled = True


def enable() -> None:
    """Use the store again (a worker that served a `--no-cache` run serves the next one with it)."""
    global _disabled
    _disabled = False


def enabled() -> bool:
    return not _disabled


def cache_dir() -> Path | None:
    """FACTCHECK_CACHE_DIR, else the platform's cache directory for factcheck (None when unknown)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    home = Path.home() if "HOME" in os.environ or sys.platform == "win32" else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "factcheck" / "Cache" if base else None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "factcheck" if home else None
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "factcheck" if base else home / ".cache" / "factcheck" if home else None


def store_key(texts: list[str]) -> str:
    """A name for the store of the rule set whose files hold these texts, on this platform: the hash of
    this module's format and the versions and platform that compiled its patterns, then the hash of the texts."""
    def digest(parts: tuple[str, ...] | list[str], size: int) -> str:
        found = hashlib.sha256()
        for part in parts:
            found.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return found.hexdigest()[:size]
    family = (FORMAT, __version__, regex.__version__, sys.version, str(marshal.version), sys.platform, platform.machine())
    return f"{digest(family, 16)}-{digest(texts, 32)}"


def open_store(key: str) -> Store:
    """The store of this key, or an empty one (also when caching is off, or the file is unusable). A new
    store of a key with a family (`store_key`: the same format, versions and platform) borrows from the
    newest other store of that family (after a rule edit, the patterns and readings the edit left as they were)."""
    folder = None if _disabled else cache_dir()
    if folder is None:
        return Store(None, {})
    path = folder / f"patterns-{key}.bin"
    store = Store(path, *read_store(path))
    if not store.entries and "-" in key:
        store.donor = newest_donor(path, key.split("-")[0])
    if not _open:
        atexit.register(save_open)
    _open.add(store)
    return store


def newest_donor(path: Path, family: str) -> Contents:
    """What the most recently written other store of the family holds (nothing when there is none)."""
    try:
        others = sorted((p for p in path.parent.glob(f"patterns-{family}-*.bin") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return {}, {}, {}, {}
    return read_store(others[0]) if others else ({}, {}, {}, {})


_open: weakref.WeakSet[Store] = weakref.WeakSet()  # this process's stores, written at its exit (`save_open`)


def save_open() -> None:
    """At exit, what the stores still open learnt since they were last saved (a caller that scans with
    the rule book and never saves, such as a benchmark): one write per file."""
    first: dict[Path, Store] = {}
    for store in list(_open):
        if store.added and store.path is not None:
            kept = first.setdefault(store.path, store)
            if kept is not store:
                kept.absorb((store.entries, store.gates, store.fast, store.data))
    for store in first.values():
        store.save()


Contents = tuple[dict[tuple[str, int], Entry], dict[tuple[str, int], Gate | None], dict[str, bytes], dict[str, Any]]


def read_store(path: Path) -> Contents:
    """What a store file holds; nothing when it is missing or its head is damaged."""
    try:
        data = file_view(path)
    except (OSError, ValueError):
        return {}, {}, {}, {}
    start = len(MAGIC) + 40
    digest, size = bytes(data[len(MAGIC):len(MAGIC) + 32]), int.from_bytes(data[len(MAGIC) + 32:start], "little")
    head = data[start:start + size]
    if bytes(data[:len(MAGIC)]) != MAGIC or len(head) != size or hashlib.sha256(head).digest() != digest:
        return {}, {}, {}, {}
    try:
        parts = marshal.loads(head)
    except (ValueError, EOFError, TypeError):
        return {}, {}, {}, {}
    # what this module wrote, as its checksum says; read as it was written (checking each entry costs a start 10 ms)
    if not (isinstance(parts, tuple) and len(parts) == 4 and all(isinstance(part, dict) for part in parts)):
        return {}, {}, {}, {}
    index, *rest = parts
    blobs = data[start + size:]
    if sum(length for _, _, length, _ in index.values()) != len(blobs):  # torn, or grown: not what was written
        return {}, {}, {}, {}
    entries = {key: (groups, blobs[offset:offset + length], digest) for key, (groups, offset, length, digest) in index.items()}
    return (entries, *rest)


def file_view(path: Path) -> memoryview:
    """The file's bytes: mapped where a file in use may still be replaced (POSIX), so that a run reads only
    the pages of the entries it uses; else read whole."""
    if os.name != "posix":
        return memoryview(path.read_bytes())
    with open(path, "rb") as file:
        return memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))


def prune(current: Path) -> None:
    """Keep the KEEP_FILES most recently written stores beside the current one."""
    others = sorted((p for p in current.parent.glob("patterns-*.bin") if p != current),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_FILES:]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".lock").unlink(missing_ok=True)
