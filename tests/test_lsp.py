"""``factcheck lsp`` driven as an editor drives it: JSON-RPC with Content-Length framing, over
the pipes of a ``factcheck lsp`` process. Every wait is on a message from the server; the
timeouts only keep a hung server from hanging the suite."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import BUNDLED_PACK, factcheck_command, run, run_json

TIMEOUT = 30.0  # seconds: a hang guard, never a measure
URL = "https://www.anthropic.com/news/detecting-and-preventing-distillation-attacks"
INTRO = "Anthropic said DeepSeek, Moonshot AI and MiniMax ran distillation campaigns against Claude."
FIGURE = "The labs \N{ROBOT FACE} used about 34,000 fraudulent accounts, Anthropic said."  # the figure is wrong
MISSPELT = "Deepseek was one of the labs named."
CRLF = "\r\n"
DRAFT = CRLF.join(["---", "title: Distillation campaigns", "date: 2026-02-24", "---", "", INTRO, "", FIGURE, MISSPELT, ""])


class Client:
    """An editor's side of the protocol, as little of it as the tests need."""

    def __init__(self, root: Path, capabilities: dict | None = None) -> None:
        self.root = root
        self.proc = subprocess.Popen(
            [*factcheck_command(), "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.incoming: queue.Queue[dict | None] = queue.Queue()
        self.received: list[dict] = []  # every message from the server, in order
        self.unread: list[dict] = []
        self.last_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.capabilities = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or {},
        })["capabilities"]
        self.notify("initialized", {})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while (line := out.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                self.incoming.put(None)
                return
            self.incoming.put(json.loads(out.read(length)))

    def send(self, *messages: dict) -> None:
        """Messages written at once, as one write, so the server reads them back to back."""
        data = b""
        for message in messages:
            body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
            data += b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None) -> Any:
        self.last_id += 1
        number = self.last_id
        self.send({"id": number, "method": method, "params": params})
        answer = self.wait(lambda m: m.get("id") == number and "method" not in m)
        assert "error" not in answer, answer
        return answer["result"]

    def wait(self, match: Callable[[dict], bool]) -> dict:
        """The first message not yet taken that ``match`` accepts, waiting for it if need be."""
        while True:
            for i, message in enumerate(self.unread):
                if match(message):
                    return self.unread.pop(i)
            try:
                message = self.incoming.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no such message from the server; it sent {self.unread}") from None
            if message is None:
                raise AssertionError(f"the server ended: {self.stop_reading()}")
            if "method" in message and "id" in message:  # a request of the server's (registerCapability)
                self.send({"id": message["id"], "result": None})
            self.received.append(message)
            self.unread.append(message)

    def stop_reading(self) -> str:
        self.proc.kill()
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode("utf-8", "replace")

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        """The next diagnostics published for ``uri`` (for that version of it, when given)."""
        published = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            and (version is None or m["params"].get("version") == version)
        )
        return published["params"]["diagnostics"]

    def open(self, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}
        })
        return uri

    def change(self, uri: str, version: int, text: str) -> dict:
        return {"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]
        }}

    def actions(self, uri: str, diagnostic: dict) -> list[dict]:
        return self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]},
        })

    def stop(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=TIMEOUT)


@pytest.fixture
def editor(tmp_path: Path):
    """Start a server whose workspace is ``tmp_path`` (or a folder given); each is stopped after the test."""
    started: list[Client] = []

    def start(root: Path = tmp_path, capabilities: dict | None = None) -> Client:
        started.append(Client(root, capabilities))
        return started[-1]

    yield start
    for client in started:
        if client.proc.poll() is None:
            client.proc.kill()
        client.proc.wait(timeout=TIMEOUT)
        for stream in (client.proc.stdin, client.proc.stdout, client.proc.stderr):
            assert stream is not None
            stream.close()


def edited(text: str, edit: dict) -> str:
    """``text`` with a TextEdit applied (a test of the edit's UTF-16 positions too)."""
    lines = text.splitlines(keepends=True)

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units = line.encode("utf-16-le")[: 2 * position["character"]]
        return sum(map(len, lines[: position["line"]])) + len(units.decode("utf-16-le"))

    start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:start] + edit["newText"] + text[end:]


def by_fact(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diagnostics}


def test_draft_edited_in_the_editor(editor, tmp_path: Path) -> None:
    """The issue's case: open, change to a draft with a wrong figure after an emoji on CRLF lines, then
    act on what is found, as an editor does, with the file on disk never holding those words."""
    path = tmp_path / "draft.md"
    path.write_text("Nothing here yet.\n", encoding="utf-8")
    client = editor()
    clean = DRAFT.replace("34,000", "24,000").replace("Deepseek", "DeepSeek")
    uri = client.open(path, clean)
    assert client.diagnostics(uri, 1) == []
    client.send(client.change(uri, 2, DRAFT))
    found = by_fact(client.diagnostics(uri, 2))
    assert sorted(found) == ["fraudulent-accounts", "spelling-deepseek"]

    figure = found["fraudulent-accounts"]
    line = FIGURE
    start = line.index("about 34,000")
    units = len(line[:start].encode("utf-16-le")) // 2  # the emoji is two UTF-16 code units
    assert units == start + 1
    assert figure["range"] == {
        "start": {"line": 7, "character": units}, "end": {"line": 7, "character": units + len("about 34,000")}
    }
    assert figure["severity"] == 1
    assert figure["source"] == "factcheck"
    assert figure["codeDescription"] == {"href": URL}
    assert "34,000" in figure["message"]

    misspelt = found["spelling-deepseek"]
    assert misspelt["range"] == {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 8}}
    fix, suppression = client.actions(uri, misspelt)
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["diagnostics"] == [misspelt]
    (edit,) = fix["edit"]["changes"][uri]
    assert edited(DRAFT, edit) == DRAFT.replace("Deepseek", "DeepSeek")

    assert suppression["kind"] == "quickfix" and not suppression.get("isPreferred")
    (edit,) = suppression["edit"]["changes"][uri]
    assert edit["newText"] == "<!-- factcheck-ignore-next-line spelling-deepseek -- REASON -->\r\n"
    assert edit["range"]["start"] == edit["range"]["end"] == {"line": 8, "character": 0}

    (only,) = client.actions(uri, figure)  # a wrong figure has no one right replacement
    assert only["kind"] == "quickfix" and not only.get("isPreferred")
    assert "factcheck-ignore-next-line fraudulent-accounts" in only["edit"]["changes"][uri][0]["newText"]

    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 7, "character": units + 8},
    })
    assert hover["contents"]["value"] == run("explain", "fraudulent-accounts").stdout.rstrip("\n")
    assert hover["range"] == figure["range"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 3}}) is None

    suppressed = edited(DRAFT, edit).replace("REASON", "the lab's own spelling, quoted")
    client.send(client.change(uri, 3, suppressed))
    assert sorted(by_fact(client.diagnostics(uri, 3))) == ["fraudulent-accounts"]
    assert path.read_text(encoding="utf-8") == "Nothing here yet.\n"

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.stop() == 0


def test_positions_in_the_units_the_editor_prefers(editor, tmp_path: Path) -> None:
    client = editor(capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    assert client.capabilities["positionEncoding"] == "utf-8"
    uri = client.open(tmp_path / "draft.md", DRAFT)
    start = len(FIGURE[: FIGURE.index("about")].encode("utf-8"))  # the emoji is four bytes
    assert by_fact(client.diagnostics(uri, 1))["fraudulent-accounts"]["range"]["start"] == {"line": 7, "character": start}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 7, "character": start + 1}})
    assert hover["contents"]["value"].startswith("fraudulent-accounts")


def test_no_suppression_comment_inside_front_matter(editor, tmp_path: Path) -> None:
    """A comment there would break the front matter: only the replacement is offered."""
    client = editor()
    text = DRAFT.replace("title: Distillation", "title: Deepseek distillation").replace("Deepseek was", "DeepSeek was")
    uri = client.open(tmp_path / "draft.md", text)
    misspelt = by_fact(client.diagnostics(uri, 1))["spelling-deepseek"]
    assert misspelt["range"]["start"] == {"line": 1, "character": 7}
    (fix,) = client.actions(uri, misspelt)
    assert edited(text, fix["edit"]["changes"][uri][0]) == text.replace("Deepseek", "DeepSeek")


def test_changes_in_quick_succession_are_checked_once(editor, tmp_path: Path) -> None:
    client = editor()
    uri = client.open(tmp_path / "draft.md", DRAFT)
    assert client.diagnostics(uri, 1)
    client.send(*(client.change(uri, v, DRAFT.replace("34,000", f"3{v},000")) for v in (2, 3, 4)))
    assert "34,000" in by_fact(client.diagnostics(uri, 4))["fraudulent-accounts"]["message"]
    published = [m["params"].get("version") for m in client.received if m.get("method") == "textDocument/publishDiagnostics"]
    assert published == [1, 4]


def test_save_checks_the_document_again(editor, tmp_path: Path) -> None:
    client = editor()
    uri = client.open(tmp_path / "draft.md", DRAFT)
    first = client.diagnostics(uri, 1)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri, 1) == first


def write_pack(root: Path, change: Callable[[str], str] = lambda text: text) -> Path:
    pack = root / "rules" / "pack.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text(change(BUNDLED_PACK.read_text(encoding="utf-8")), encoding="utf-8")
    return pack


def as_warning(text: str) -> str:
    """The bundled pack with the fact on account numbers made a warning."""
    fact = "  - id: fraudulent-accounts\n    kind: quantity\n"
    assert fact in text
    return text.replace(fact, fact + "    severity: warning\n")


def test_reload_when_the_editor_says_a_pack_changed(editor, tmp_path: Path) -> None:
    write_pack(tmp_path)
    client = editor(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    registered = client.wait(lambda m: m.get("method") == "client/registerCapability")
    (registration,) = registered["params"]["registrations"]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    uri = client.open(tmp_path / "draft.md", DRAFT)
    assert by_fact(client.diagnostics(uri, 1))["fraudulent-accounts"]["severity"] == 1
    pack = write_pack(tmp_path, as_warning)
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": pack.as_uri(), "type": 2}]})
    assert by_fact(client.diagnostics(uri, 1))["fraudulent-accounts"]["severity"] == 2  # no edit to the draft


def test_reload_when_packs_or_settings_changed_on_disk(editor, tmp_path: Path) -> None:
    """No word from the editor: the next check sees the files changed."""
    write_pack(tmp_path)
    client = editor()
    uri = client.open(tmp_path / "draft.md", DRAFT)
    assert by_fact(client.diagnostics(uri, 1))["fraudulent-accounts"]["severity"] == 1
    write_pack(tmp_path, as_warning)
    client.send(client.change(uri, 2, DRAFT + "More.\r\n"))
    assert by_fact(client.diagnostics(uri, 2))["fraudulent-accounts"]["severity"] == 2
    (tmp_path / ".factcheck.yaml").write_text("disable: [fraudulent-accounts]\n", encoding="utf-8")
    client.send(client.change(uri, 3, DRAFT))
    assert sorted(by_fact(client.diagnostics(uri, 3))) == ["spelling-deepseek"]


def test_documents_out_of_scope_get_no_diagnostics(editor, tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    client = editor()
    other_story = DRAFT.replace("Anthropic", "The firm")  # the pack's scope needs the name
    (tmp_path / "other.md").write_text(other_story, encoding="utf-8")
    assert run_json("other.md", cwd=tmp_path)[1]["files_out_of_scope"] == 1  # as on the command line
    outside = client.open(tmp_path / "other.md", other_story)
    assert client.diagnostics(outside, 1) == []
    excluded = client.open(tmp_path / "archive" / "old.md", DRAFT)
    assert client.diagnostics(excluded, 1) == []
    code = client.open(tmp_path / "notes.py", DRAFT, "python")  # not a draft
    assert client.diagnostics(code, 1) == []
    checked = client.open(tmp_path / "draft.md", DRAFT)
    assert sorted(by_fact(client.diagnostics(checked, 1))) == ["fraudulent-accounts", "spelling-deepseek"]


@pytest.mark.parametrize("name, language, text, comment", [
    ("page.html", "html",
     f"<html><body>\r\n<p>{INTRO}</p>\r\n<p>{FIGURE}\r\n{MISSPELT}</p>\r\n</body></html>\r\n",
     "<!-- factcheck-ignore-next-line spelling-deepseek -- REASON -->\r\n"),
    ("note.txt", "plaintext", f"{INTRO}\n\n{FIGURE}\n{MISSPELT}\n", "# factcheck-ignore-next-line spelling-deepseek -- REASON\n"),
])
def test_html_and_plain_text(editor, tmp_path: Path, name: str, language: str, text: str, comment: str) -> None:
    client = editor()
    uri = client.open(tmp_path / name, text, language)
    found = by_fact(client.diagnostics(uri, 1))
    assert sorted(found) == ["fraudulent-accounts", "spelling-deepseek"]
    misspelt = found["spelling-deepseek"]
    line = misspelt["range"]["start"]["line"]
    assert text.splitlines()[line].startswith("Deepseek")
    assert misspelt["range"]["start"]["character"] == 0 and misspelt["range"]["end"] == {"line": line, "character": 8}
    figure = found["fraudulent-accounts"]["range"]["start"]
    assert figure == {"line": line - 1, "character": text.splitlines()[line - 1].index("about") + 1}  # + the emoji
    fix, suppression = client.actions(uri, misspelt)
    assert edited(text, fix["edit"]["changes"][uri][0]) == text.replace("Deepseek", "DeepSeek")
    assert suppression["edit"]["changes"][uri][0]["newText"] == comment


def test_broken_pack_is_said_and_the_server_keeps_running(editor, tmp_path: Path) -> None:
    pack = write_pack(tmp_path, lambda text: text.replace("facts:\n", "facts: [\n", 1))
    client = editor()
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")["params"]
    assert shown["type"] == 1 and "rules/pack.yaml" in shown["message"]
    assert "\n" not in shown["message"]
    uri = client.open(tmp_path / "draft.md", DRAFT)
    assert client.diagnostics(uri, 1) == []
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 20}}) is None
    write_pack(tmp_path)
    assert pack.read_text(encoding="utf-8") == BUNDLED_PACK.read_text(encoding="utf-8")
    client.send(client.change(uri, 2, DRAFT))
    assert sorted(by_fact(client.diagnostics(uri, 2))) == ["fraudulent-accounts", "spelling-deepseek"]
    assert sum(m.get("method") == "window/showMessage" for m in client.received) == 1  # said once
    assert client.stop() == 0


def test_broken_settings_are_said(editor, tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("fail_level: warning\nseverity: {no-such-fact: warning}\n", encoding="utf-8")
    client = editor()
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")["params"]
    assert shown["type"] == 1 and ".factcheck.yaml:2:" in shown["message"] and "no-such-fact" in shown["message"]
    uri = client.open(tmp_path / "draft.md", DRAFT)
    assert client.diagnostics(uri, 1) == []
    assert client.stop() == 0


def test_without_pygls_says_how_to_install_it(tmp_path: Path) -> None:
    hide = "import sys; sys.modules['pygls'] = None; sys.argv[1:] = ['lsp']; from checker.cli import run; run()"
    proc = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True, cwd=tmp_path, timeout=TIMEOUT)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "pip install 'factcheck[lsp]'" in proc.stderr
