"""`scan --dask`: on a LocalCluster of two worker processes, the same bytes as a serial scan, the
rules loaded once per worker; a missing Dask or an unreachable scheduler is one line and status 2."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import cluster
from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
needs_dask = pytest.mark.skipif(find_spec("distributed") is None,
                                reason="dask[distributed] is not installed (pip install '.[dask]')")


def factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """More documents than workers, in folders, with one that cannot be scanned (its comment names no check)."""
    folder = tmp_path / "docs"
    (folder / "b").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    for source in sorted((ROOT / "tests" / "data" / "formats").iterdir()):
        shutil.copy(source, folder / "b" / source.name)
    for n in range(6):
        (folder / f"note{n}.txt").write_text(
            f"Sales rose {10 + n}% to ${110 + n} million from $100 million in 201{n}. Of these, 40 were new.\n",
            encoding="utf-8")
    (folder / "broken.txt").write_text("<!-- factcheck: ignore nosuchcheck -->\nIt cost $5.\n", encoding="utf-8")
    return folder


def worker_loads(address: str) -> dict[str, int]:
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        return client.run(lambda: sys.modules["factcheck.cluster"].loads if "factcheck.cluster" in sys.modules else 0)


@needs_dask
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_a_cluster_scan_writes_the_bytes_of_a_serial_scan(scheduler, corpus, fmt):
    serial = factcheck("scan", "--format", fmt, "--jobs", "1", "docs", "docs/seed.txt", cwd=corpus.parent)
    before = worker_loads(scheduler)
    distributed = factcheck("scan", "--format", fmt, "--dask", scheduler, "docs", "docs/seed.txt", cwd=corpus.parent)
    after = worker_loads(scheduler)
    assert serial.stdout.count(b'"path"') >= 10 and b"broken.txt" in serial.stderr
    assert (distributed.returncode, distributed.stdout, distributed.stderr) == \
        (serial.returncode, serial.stdout, serial.stderr)
    assert len(after) == 2 and all(after[w] - before.get(w, 0) <= 1 for w in after)  # per worker, not per document


@needs_dask
def test_jsonl_is_the_default_on_a_cluster(scheduler, corpus):
    serial = factcheck("scan", "--format", "jsonl", "--jobs", "1", "docs/seed.txt", cwd=corpus.parent)
    distributed = factcheck("scan", "--dask", scheduler, "docs/seed.txt", cwd=corpus.parent)
    assert distributed.stdout == serial.stdout and distributed.stdout.startswith(b'{"')


@needs_dask
def test_standard_input_cannot_go_to_a_cluster(scheduler):
    result = CliRunner().invoke(app, ["scan", "--dask", scheduler, "-"], input="It cost $5.")
    assert result.exit_code == 2 and "standard input" in result.output and "Traceback" not in result.output


@needs_dask
@pytest.mark.parametrize("address, says", [("nonsense", "not a scheduler address"),
                                           ("tcp://127.0.0.1:{port}", "cannot reach the Dask scheduler"),
                                           ("inproc://x", "by tcp://, ws://, wss:// only"),
                                           ("tls://127.0.0.1:{port}", "by tcp://, ws://, wss:// only")])
def test_an_unreachable_scheduler_is_one_line(monkeypatch, address, says):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    result = CliRunner().invoke(app, ["scan", "--dask", address.format(port=port), str(SEED)])
    assert result.exit_code == 2 and says in result.output and len(result.output.strip().splitlines()) == 1


def test_without_dask_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # an import of it fails, as when not installed
    result = CliRunner().invoke(app, ["scan", "--dask", "tcp://127.0.0.1:8786", str(SEED)])
    assert result.exit_code == 2 and result.output.strip().splitlines() == [
        "factcheck: --dask needs Dask, which is not installed: pip install 'factcheck[dask]'"]


def test_dask_and_jobs_do_not_go_together():
    result = CliRunner().invoke(app, ["scan", "--dask", "tcp://127.0.0.1:8786", "--jobs", "2", str(SEED)])
    assert result.exit_code == 2 and "choose one" in result.output
