"""``factcheck lsp``: the checker as a language server, for editors, over stdin and stdout.

An editor starts ``factcheck lsp`` and speaks the Language Server Protocol to it. The server
works as ``factcheck`` run in the editor's workspace folder (the first one, when there are
several): the same settings file is found upward from there, the same packs are loaded
(its ``rules``, else ``./rules/``, else the bundled packs) from the same cache, and a document
is checked exactly as a file of that path would be, scope and ``include``/``exclude`` included,
but from the text in the editor, saved or not. Markdown, HTML and plain text documents are
checked (by the file's suffix, else the editor's language); others are left alone.

- Diagnostics: when a document is opened or saved, and :data:`DEBOUNCE` seconds after the last
  change while typing. Each says the fact's id as its code and links to the fact's source when
  the source has a URL. A document outside every pack's scope gets none, as on the command line.
- Quick fixes: the one right replacement of a finding that has one (what ``--fix`` applies),
  and, on every finding, an ``ignore-next-line`` comment above its line with ``REASON`` to
  replace by the reason. That one is never marked preferred, so no "fix all" inserts it.
- Hover on a finding: its fact in plain words, as ``factcheck explain`` says it.
- The packs and the settings are loaded again when the editor reports that such a file changed,
  and when a check finds that one of them, or the folder holding them, has changed on disk. A
  pack or a settings file that cannot be used is said in a message (every problem in the log),
  and documents get no diagnostics until it is fixed: the server keeps running.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from bisect import bisect_right
from pathlib import Path, PurePath
from typing import Any, NamedTuple, Sequence

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__, loader, rx, suppress
from checker.compiled import CompiledPack, FactInfo
from checker.config import NAMES, Config, ConfigError
from checker.document import FORMATS, line_starts
from checker.engine import Engine
from checker.findings import Located
from checker.output import printable

DEBOUNCE = 0.3  # seconds without a change before a document being edited is checked
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text"}  # editors' language ids
REASON = "REASON"  # what the suppression action leaves for the editor to replace
SEVERITIES = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning}
WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml")  # packs and settings files


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="factcheck lsp",
        description="Check drafts as they are edited: a language server on stdin and stdout, for editors.",
    )
    parser.add_argument("--stdio", action="store_true", help="accepted, since some editors pass it; stdio is the only transport")
    parser.parse_args(argv)
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries the protocol: anything else printed goes to the editor's log
    Server().start_io(sys.stdin.buffer, out)
    return 0


class Setup(NamedTuple):
    """The packs and settings documents are checked with, and how their files stood when read."""

    config: Config | None = None
    packs: tuple[CompiledPack, ...] = ()
    facts: dict[str, FactInfo] = {}
    engine: Engine | None = None  # None: the packs or settings cannot be used (said in a message)
    watched: tuple[Path, ...] = ()  # the files and folders whose change means loading again
    stamps: tuple[Any, ...] | None = None  # how they stood when read; None: load again at the next check


class Checked(NamedTuple):
    """A document's findings, for the text and setup they were found with."""

    text: str
    setup: Setup
    fmt: str
    findings: list[Located]


class Server(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factcheck", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.setup = Setup()
        self.shown: tuple[str, ...] = ()  # the problems last shown, so a broken pack is said once
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        _features(self)

    def start(self, params: lsp.InitializeParams) -> None:
        """Work in the workspace folder, as ``factcheck`` run there."""
        folders = [to_fs_path(f.uri) for f in params.workspace_folders or []]
        root = next(iter(folders), None) or (to_fs_path(params.root_uri) if params.root_uri else params.root_path)
        if root and os.path.isdir(root):
            os.chdir(root)

    def watch(self) -> None:
        """Ask the editor to report changes to packs and settings files, when it can."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched and watched.dynamic_registration:
            options = lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            )
            self.client_register_capability(lsp.RegistrationParams(registrations=[
                lsp.Registration(id="factcheck-packs", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
            ]))

    def reload(self) -> None:
        """Load the packs and settings again (the editor says one changed)."""
        self.setup = self.setup._replace(stamps=None)
        self.current()

    def current(self) -> Setup:
        """The setup, loaded again first when it could not be used or one of its files changed.

        When it is loaded again, every open document is checked again with it (except while
        it stays unusable: documents without diagnostics stay so).
        """
        old = self.setup
        if old.stamps is None or old.stamps != _stamps(old.watched):
            self.setup = self._load()
            if self.checked and (old.engine is not None or self.setup.engine is not None):
                asyncio.get_running_loop().call_soon(self.recheck)
        return self.setup

    def recheck(self) -> None:
        for uri in list(self.checked):
            self.publish(uri)

    def _load(self) -> Setup:
        from checker.cli import UsageError, _check_fact_ids, load_config, rule_paths

        try:
            config = load_config(None)
            paths = rule_paths(config.rule_paths() or None, quiet=True)
            watched = _watched(config, paths)
            stamps = _stamps(watched)  # before reading: a change while loading is seen next time
            loaded = loader.load(paths)
            _check_fact_ids(config, loaded.packs)
            if loaded.failures:
                raise loader.PackError([
                    *loaded.failures,
                    "the packs' own examples above fail, so their facts cannot be trusted; fix them (factcheck rules test)",
                ])
        except (loader.PackError, ConfigError) as exc:
            return self._broken(tuple(exc.problems))
        except UsageError as exc:
            return self._broken((f"factcheck: error: {exc}",))
        self.shown = ()
        facts = {k: v for p in loaded.packs for k, v in p.facts.items()}
        return Setup(config, tuple(loaded.packs), facts, Engine(loaded.packs), watched, stamps)

    def _broken(self, problems: tuple[str, ...]) -> Setup:
        if problems != self.shown:
            self.shown = problems
            for problem in problems:
                self.log(problem, lsp.MessageType.Error)
            more = f" (and {len(problems) - 1} more problems: see the log)" if len(problems) > 1 else ""
            message = f"factcheck cannot check: {printable(problems[0])}{more}"
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))
        return Setup()

    def log(self, line: str, level: lsp.MessageType = lsp.MessageType.Warning) -> None:
        self.window_log_message(lsp.LogMessageParams(type=level, message=printable(line)))

    def later(self, uri: str) -> None:
        """Check the document once it has not changed for :data:`DEBOUNCE` seconds."""
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.publish, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def publish(self, uri: str) -> None:
        """Check the document now and send its diagnostics."""
        self.pending.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        checked = self.check(uri)
        positions = Positions(checked.text, self.encoding)
        diagnostics = [_diagnostic(f, checked, positions) for f in checked.findings]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics)
        )

    def forget(self, uri: str) -> None:
        self.cancel(uri)
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @property
    def encoding(self) -> str:
        """How positions count characters, as agreed with the editor: utf-16 unless both said otherwise."""
        encoding = self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
        return str(getattr(encoding, "value", encoding))

    def check(self, uri: str) -> Checked:
        """The document's findings for its current text (found again only when something changed)."""
        document = self.workspace.get_text_document(uri)
        text = document.source
        setup = self.current()
        known = self.checked.get(uri)
        if known is not None and known.text == text and known.setup is setup:
            return known
        path = to_fs_path(uri)
        display = _display(path) if path else uri
        fmt = FORMATS.get(PurePath(display).suffix.lower()) or LANGUAGES.get(document.language_id or "")
        findings: list[Located] = []
        if setup.engine is not None and setup.config is not None and fmt is not None:
            try:
                findings = self._findings(setup, display, text, fmt)
            except Exception as exc:  # a bug: said, and the server goes on
                from checker.batch import internal_error

                self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=printable(internal_error(exc, display))))
        checked = self.checked[uri] = Checked(text, setup, fmt or "text", findings)
        return checked

    def _findings(self, setup: Setup, display: str, text: str, fmt: str) -> list[Located]:
        from checker.cli import _adjusted, _selected
        from checker.document import read

        assert setup.engine is not None and setup.config is not None
        problems: list[str] = []
        selected = _selected([(display, Path(display))], setup.config, problems)
        for problem in problems:
            self.log(problem)
        if not selected:
            return []
        result = setup.engine.skipped(display, text) or setup.engine.check(read(display, text, fmt))
        for error in result.errors:
            self.log(error)
        settings = setup.config.settings
        return _adjusted(result.findings, settings.severity, settings.disable)

    def actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        if only and not {lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Empty} & set(only):
            return []
        uri = params.text_document.uri
        checked = self.check(uri)
        positions = Positions(checked.text, self.encoding)
        start, end = positions.offset(params.range.start), positions.offset(params.range.end)
        actions = []
        for f in checked.findings:
            if not (f.offsets[0] <= end and start <= f.offsets[1]):
                continue
            diagnostic = _diagnostic(f, checked, positions)
            if f.finding.suggestion is not None:
                edit = lsp.TextEdit(range=diagnostic.range, new_text=f.finding.suggestion)
                actions.append(lsp.CodeAction(
                    title=printable(f"Write {f.finding.suggestion!r}"), kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], is_preferred=True, edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                ))
            edit = _suppression(checked, f, positions)
            if edit is not None:
                actions.append(lsp.CodeAction(
                    title=f"Suppress {f.finding.fact} on this line (say why in place of {REASON})",
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                ))
        return actions

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        from checker.authoring import explanation

        checked = self.check(params.text_document.uri)
        positions = Positions(checked.text, self.encoding)
        at = positions.offset(params.position)
        here = [f for f in checked.findings if f.offsets[0] <= at <= f.offsets[1]]
        said: list[str] = []
        for fact in dict.fromkeys(f.finding.fact for f in here):
            lines = explanation(list(checked.setup.packs), fact)
            if lines is not None:
                said.append("\n".join(printable(line) for line in lines))
        if not said:
            return None
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.PlainText, value="\n\n".join(said)),
            range=positions.range(*here[0].offsets),
        )


def _features(server: Server) -> None:
    """The protocol's messages this server answers."""

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: Server, params: lsp.InitializeParams) -> None:
        ls.start(params)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: Server, params: lsp.InitializedParams) -> None:
        ls.watch()
        ls.current()  # a broken pack is said at once, not at the first document

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def opened(ls: Server, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def changed(ls: Server, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.later(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def saved(ls: Server, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.cancel(params.text_document.uri)
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def closed(ls: Server, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: Server, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.reload()

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_actions(ls: Server, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: Server, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)


class Positions:
    """Offsets in a document's text as the protocol's positions: lines end at CR, LF or CRLF, and
    characters are counted in the code units the editor and the server agreed on (UTF-16 unless
    both said otherwise), so an emoji is two."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.starts = line_starts(text)
        self.codec = {"utf-8": "utf-8", "utf-32": "utf-32-le"}.get(encoding, "utf-16-le")
        self.unit = {"utf-8": 1, "utf-32": 4}.get(encoding, 2)

    def units(self, chars: str) -> int:
        return len(chars.encode(self.codec, "surrogatepass")) // self.unit

    def position(self, offset: int) -> lsp.Position:
        line = bisect_right(self.starts, offset) - 1
        return lsp.Position(line=line, character=self.units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: lsp.Position) -> int:
        """The offset of a position; one past the end of its line is the end of the line."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        count = 0
        for offset in range(start, end):
            if count >= position.character or self.text[offset] in "\r\n":
                return offset
            count += self.units(self.text[offset])
        return end


def _display(path: str) -> str:
    """The path as ``factcheck`` run in the workspace folder would name it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive
        return path
    return path if relative.startswith(os.pardir) else Path(relative).as_posix()


def _watched(config: Config, paths: list[Path]) -> tuple[Path, ...]:
    """The settings files that would be found here or were found, the packs and their folders."""
    here = [Path("."), *map(Path, NAMES), Path("pyproject.toml"), *([config.path] if config.path else [])]
    folders = [Path(root) for path in paths if path.is_dir() for root, _, _ in os.walk(path)]
    return tuple(dict.fromkeys([*here, *paths, *folders, *loader.pack_files(paths, [])]))


def _stamps(paths: tuple[Path, ...]) -> tuple[Any, ...]:
    """When and how each was last changed (None: absent)."""
    stamps: list[Any] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamps.append(None)
            continue
        stamps.append((info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(stamps)


def _diagnostic(f: Located, checked: Checked, positions: Positions) -> lsp.Diagnostic:
    info = checked.setup.facts.get(f.finding.fact)
    href = info.source_url if info is not None else None
    return lsp.Diagnostic(
        range=positions.range(*f.offsets),
        message=printable(f.finding.message),
        severity=SEVERITIES[f.finding.severity],
        code=f.finding.fact,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source="factcheck",
    )


def _suppression(checked: Checked, f: Located, positions: Positions) -> lsp.TextEdit | None:
    """An ``ignore-next-line`` comment for the finding, on a line of its own above the finding's.

    None for a finding a comment cannot silence: a suppression's own problem, or one in a
    Markdown document's front matter, where a comment has no place.
    """
    from checker import markup
    from checker.document import Edits

    text = checked.text
    if f.finding.fact == suppress.FACT:
        return None
    if checked.fmt == "markdown" and f.offsets[0] < markup.front_matter(text, Edits(), ()):
        return None
    line = f.line - 1
    start = positions.starts[line]
    indent = rx.match(r"[ \t]*", text, pos=start).group()
    starts = positions.starts
    end = starts[line + 1] if line + 1 < len(starts) else starts[1] if len(starts) > 1 else 0
    eol = "\r\n" if text[end - 2 : end] == "\r\n" else text[end - 1] if end else "\n"  # the line's own, else the first
    directive = f"factcheck-ignore-next-line {f.finding.fact} -- {REASON}"
    comment = f"# {directive}" if checked.fmt == "text" else f"<!-- {directive} -->"
    return lsp.TextEdit(range=positions.range(start, start), new_text=indent + comment + eol)
