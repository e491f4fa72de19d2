"""`factcheck scan --dask ADDRESS`: the documents scanned on a Dask cluster, the report as on one machine.

The paths become a Dask bag; the same per-document scan (`Scanner.scan`) is mapped over it; the
outcomes come back partition by partition, in the order of the paths, and go to the same sink
as a local scan's, so every format writes the same bytes as a serial run. A worker loads the
rules once, on the first document it gets in a run, and keeps them for the rest of that run (in
`_loaded`). Workers read the files themselves, by absolute path: they must see the same file
system (a LocalCluster does; a real cluster needs a shared one). Dask (`dask[distributed]`) is
imported only here, and only with --dask: it is the optional extra `factcheck[dask]`.
"""

from __future__ import annotations

import logging
import math
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.extract.patterncache import disable as disable_cache, enable as enable_cache, enabled as cache_enabled
from factcheck.isolation import one_line
from factcheck.model import DocumentError
from factcheck.session import Outcome, Runner, Scanner

if TYPE_CHECKING:
    from distributed import Client

CONNECT_SECONDS = 10  # how long to try to reach the scheduler
SCHEMES = ("tcp", "ws", "wss")  # tls needs a security setup factcheck does not pass; inproc is not across processes
PARTITIONS_PER_WORKER = 4  # several per worker thread, so that a fast worker takes more of them
KEEP_RUNS = 2  # scanners a worker keeps, for runs that overlap on one cluster

Setup = tuple[Any, Any, Any, bool]  # settings, lock, baseline, whether the pattern cache is used
_loaded: dict[str, Scanner] = {}  # in a worker: the scanner of each recent run, by run token
loads = 0  # in a worker: how many times it loaded the rules (read by the tests)
_loading = threading.Lock()  # a worker may run tasks in several threads


def connect(address: str) -> Client:
    """A client of the scheduler at `address`, or one line saying why there is none."""
    try:
        from distributed import Client
        from distributed.comm.addressing import resolve_address
    except ImportError:
        raise InputError("--dask needs Dask, which is not installed: pip install 'factcheck[dask]'") from None
    scheme = address.split("://", 1)[0] if "://" in address else "tcp"
    if scheme not in SCHEMES:
        raise InputError(f"--dask {address}: factcheck reaches a scheduler by {', '.join(f'{s}://' for s in SCHEMES)} only")
    try:
        resolve_address(address)  # before a Client: one made of a malformed address fails again when collected
    except (ValueError, OSError) as exc:
        raise InputError(f"--dask {address}: not a scheduler address such as tcp://host:8786 ({one_line(str(exc))})") from None
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its own log lines of the failed attempts would be a second message
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address, ...
        reason = one_line(str(exc)) or type(exc).__name__
        raise InputError(f"--dask {address}: cannot reach the Dask scheduler ({reason})") from None
    finally:
        quiet.setLevel(level)


def runner(client: Client) -> Runner:
    """The `run` argument of `session.scan` that scans on the cluster of `client`."""
    return lambda paths, scanner, jobs: outcomes(client, paths, scanner)


def outcomes(client: Client, paths: list[str], scanner: Scanner) -> Iterator[Outcome]:
    """Each document's outcome in the order of `paths`, scanned on the cluster's workers."""
    import dask.bag

    if "-" in paths:
        raise InputError("--dask: standard input ('-') cannot be sent to the workers; name files")
    items = [(path, str(Path(path).resolve())) for path in paths]
    workers = max(1, sum(client.nthreads().values()))  # the threads that can scan at once
    size = max(1, math.ceil(len(items) / (workers * PARTITIONS_PER_WORKER)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    setup: Setup = (scanner.settings, scanner.lock, scanner.baseline, cache_enabled())
    bag = dask.bag.from_sequence(items, partition_size=size).map(scan_item, uuid.uuid4().hex, setup)
    futures = client.compute(bag.to_delayed())
    try:
        for chunk, future in zip(chunks, futures, strict=True):
            yield from partition_result(chunk, future)
    finally:
        client.cancel(futures)


def partition_result(chunk: list[tuple[str, str]], future: Any) -> list[Outcome]:
    """The outcomes of one partition; if the cluster lost it (a worker died too often, the
    scheduler went away), an error for each of its documents."""
    try:
        found = list(future.result())
    except Exception as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        return [DocumentError(path, f"the Dask cluster could not scan it ({reason})") for path, _ in chunk]
    if len(found) != len(chunk):
        return [DocumentError(path, "the Dask cluster returned no outcome for it") for path, _ in chunk]
    return found


def scan_item(item: tuple[str, str], token: str, setup: Setup) -> Outcome:
    """On a worker: the outcome of one document, with the rules this worker loaded for the run."""
    path, source = item
    return scanner_for(token, setup).scan(path, source)


def scanner_for(token: str, setup: Setup) -> Scanner:
    with _loading:
        return loaded(token, setup)


def loaded(token: str, setup: Setup) -> Scanner:
    global loads
    if token not in _loaded:
        settings, lock, baseline, cache = setup
        enable_cache() if cache else disable_cache()
        while len(_loaded) >= KEEP_RUNS:
            del _loaded[next(iter(_loaded))]
        _loaded[token] = Scanner.load(settings, lock, baseline)
        loads += 1
    return _loaded[token]
