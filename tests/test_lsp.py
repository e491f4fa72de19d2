"""`factcheck lsp` through the protocol itself: a client on the server's stdin and stdout sends
initialize, didOpen, didChange, hover, codeAction and executeCommand, and reads what comes back."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
EDITED = SEED.read_text(encoding="utf-8").replace("$10 billion of Pyongyang", "$12 billion of Pyongyang")


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's pipes."""

    def __init__(self, cwd: Path) -> None:
        self.server = subprocess.Popen([sys.executable, "-c", "from factcheck.cli import main; main()", "lsp"],
                                       cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 0
        self.pending: list[dict] = []

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.server.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.server.stdin.flush()

    def receive(self) -> dict:
        length = 0
        while (line := self.server.stdout.readline().decode("ascii").strip()):
            if line.lower().startswith("content-length:"):
                length = int(line.split(":")[1])
        return json.loads(self.server.stdout.read(length))

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message
            self.answer(message)

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def answer(self, message: dict) -> None:
        """Keep notifications; accept what the server asks of the client (applyEdit and the like)."""
        if "id" in message and "method" in message:
            self.send({"id": message["id"], "result": None})
        else:
            self.pending.append(message)

    def diagnostics(self, uri: str) -> list[dict]:
        """The next diagnostics published for `uri`."""
        while True:
            for message in self.pending:
                if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    self.pending.remove(message)
                    return message["params"]["diagnostics"]
            self.answer(self.receive())

    def close(self) -> None:
        self.request("shutdown", {})
        self.notify("exit", {})
        self.server.wait(timeout=10)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="module")
def client(workspace):
    """One server for the module: its start (loading the rules) is the slow part."""
    client = Client(workspace)
    client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    yield client
    client.close()


def open_document(client: Client, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                            "text": text}})
    return uri


def test_diagnostics_follow_the_text_as_the_user_types(client, workspace):
    uri = open_document(client, workspace / "interview.txt", EDITED)
    found = client.diagnostics(uri)
    error = next(d for d in found if d["code"] == "part_of_whole")
    assert error["severity"] == 1 and error["source"] == "factcheck"
    assert error["range"]["start"] == {"line": 55, "character": 43}
    assert "$12 billion of $11 billion: the part exceeds the whole" in error["message"]
    started = time.monotonic()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": SEED.read_text(encoding="utf-8")}]})
    assert not any(d["code"] == "part_of_whole" for d in client.diagnostics(uri))
    assert time.monotonic() - started < 5  # the rules stay compiled: a keystroke rescans the text only


def test_hover_shows_a_figures_normalized_value(client, workspace):
    uri = open_document(client, workspace / "note.md", "It cost $9 million in 2013.\n")
    client.diagnostics(uri)
    answer = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 10}})
    assert answer["result"]["contents"]["value"].startswith("**money** USD 9,000,000")


def test_code_actions_suppress_the_check_and_update_the_lock(client, workspace):
    (workspace / "factcheck.lock").write_text('{"schema": "factcheck-lock/1", "documents": {}}\n', encoding="utf-8")
    path = workspace / "locked.txt"
    path.write_text(EDITED, encoding="utf-8")
    uri = open_document(client, path, EDITED)
    found = client.diagnostics(uri)
    error = next(d for d in found if d["code"] == "part_of_whole")
    lock = next(d for d in found if d["code"] == "lock")
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": error["range"],
                                                         "context": {"diagnostics": [error, lock]}})["result"]
    suppress, update = actions
    assert suppress["title"] == "Suppress this part_of_whole check"
    assert suppress["edit"]["changes"][uri] == [{"range": {"start": {"line": 55, "character": 0},
                                                           "end": {"line": 55, "character": 0}},
                                                 "newText": "<!-- factcheck: ignore part_of_whole -->\n"}]
    client.request("workspace/executeCommand", update["command"])
    assert not any(d["code"] == "lock" for d in client.diagnostics(uri))
    assert list(json.loads((workspace / "factcheck.lock").read_text(encoding="utf-8"))["documents"]) == ["locked.txt"]
    (workspace / "factcheck.lock").unlink()


def test_an_unknown_check_type_in_a_comment_is_one_error_at_the_top(client, workspace):
    uri = open_document(client, workspace / "a.md", "<!-- factcheck: ignore multipler -->\nIt cost $9.\n")
    (problem,) = client.diagnostics(uri)
    assert problem["severity"] == 1 and "unknown check type 'multipler'" in problem["message"]
