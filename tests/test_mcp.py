"""``speechkit mcp`` driven by the MCP SDK's own stdio client, as an assistant's host would drive it."""

from __future__ import annotations

import io
import json
import os
import re
import select
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import mcp_types as types
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from conftest import EXAMPLES, ROOT
from speechkit import load, render

TOOLS = {"get_schema", "list_kinds", "list_section_types", "validate_facts", "build", "check_draft", "import_draft"}
#: Line 5 holds a section type nobody registered.
BAD_FACTS = """\
kind: critique_outline
title: 述职点评提纲
opening: 我们听取了述职。
sections:
  - type: no_such_type
    items: []
"""


def with_session(
    work: Callable[[ClientSession], Awaitable[None]],
    cwd: Path | None = None,
    roots: list[Path] = (),  # type: ignore[assignment]
    client_roots: list[Path] | None = None,
    errlog: Path | None = None,
) -> None:
    """Start ``python -m speechkit mcp`` (``--root`` each of ``roots``) through the SDK's stdio client; run ``work``.

    With ``client_roots`` the client offers roots (the list may be changed by ``work``; it then notifies).
    """

    async def list_roots(context: Any) -> types.ListRootsResult:
        assert client_roots is not None
        return types.ListRootsResult(roots=[types.Root(uri=folder.as_uri()) for folder in client_roots])

    async def main() -> None:
        params = StdioServerParameters(
            command=sys.executable,
            args=["-m", "speechkit", "mcp", *(arg for root in roots for arg in ("--root", str(root)))],
            env={"PYTHONIOENCODING": "utf-8", **{k: v for k, v in os.environ.items() if k.startswith("PYTHON")}},
            cwd=cwd,
        )
        callback = list_roots if client_roots is not None else None
        with open(errlog or os.devnull, "w") as log:
            async with (
                stdio_client(params, errlog=log) as (read, write),
                ClientSession(read, write, list_roots_callback=callback) as session,
            ):
                await session.initialize()
                with anyio.fail_after(120):  # a hang fails the test instead of stopping the suite
                    await work(session)

    anyio.run(main)


async def call(session: ClientSession, tool: str, /, **arguments: Any) -> tuple[bool, Any]:
    """Call a tool; return whether it failed and its structured result (or its text when it failed)."""
    result = await session.call_tool(tool, arguments)
    text = "".join(getattr(block, "text", "") for block in result.content)
    if result.is_error:
        return True, text
    structured = result.structured_content
    if structured is not None and set(structured) == {"result"}:
        return False, structured["result"]
    return False, structured if structured is not None else text


def test_tools_are_listed_with_descriptions_and_the_schema_is_served() -> None:
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        listed = await session.list_tools()
        seen["tools"] = {tool.name: tool for tool in listed.tools}
        seen["schema"] = await call(session, "get_schema")
        seen["kinds"] = await call(session, "list_kinds")
        seen["types"] = await call(session, "list_section_types")

    with_session(work)
    assert set(seen["tools"]) == TOOLS
    assert all(tool.description for tool in seen["tools"].values())
    assert "path" in seen["tools"]["validate_facts"].input_schema["properties"]
    failed, schema = seen["schema"]
    assert not failed
    assert json.loads(schema)["properties"]["kind"]
    failed, kinds = seen["kinds"]
    assert not failed and "critique_outline" in {k["name"] for k in kinds}
    failed, types = seen["types"]
    assert not failed and {"achievements", "requirements", "branch_issues"} <= {t["name"] for t in types}


def test_bad_facts_are_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_FACTS, encoding="utf-8")
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["path"] = await call(session, "validate_facts", path=str(bad))
        seen["text"] = await call(session, "validate_facts", text=BAD_FACTS, name="draft.yaml")
        seen["build"] = await call(session, "build", path=str(bad))
        seen["neither"] = await call(session, "validate_facts")

    with_session(work, roots=[tmp_path])
    failed, answer = seen["path"]
    assert not failed and answer["valid"] is False
    assert answer["error"].startswith(f"{bad}:5:") and "no_such_type" in answer["error"]
    failed, answer = seen["text"]
    assert not failed and answer["error"].startswith("draft.yaml:5:")
    failed, message = seen["build"]
    assert failed and f"{bad}:5:" in message
    failed, message = seen["neither"]
    assert failed and "either path or text" in message


def test_valid_facts_come_back_with_summary_and_findings(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    good = BAD_FACTS.replace("no_such_type", "achievements").replace("[]", "\n      - title: 党建有效")
    facts.write_text(good + "date: 2025年x月xx日\n", encoding="utf-8")
    seen: dict[str, Any] = {}

    skill = (ROOT / "docs" / "SKILL.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", skill, re.S)
    assert example

    async def work(session: ClientSession) -> None:
        seen["answer"] = await call(session, "validate_facts", path=str(facts))
        seen["skill"] = await call(session, "validate_facts", text=example.group(1))

    with_session(work, roots=[tmp_path])
    failed, answer = seen["skill"]
    assert not failed and answer["valid"] is True and answer["clean"] is True, "docs/SKILL.md's example is clean"
    failed, answer = seen["answer"]
    assert not failed and answer["valid"] is True
    assert answer["summary"] == {"kind": "critique_outline", "title": "述职点评提纲", "sections": 1, "items": 1}
    assert any(line.startswith(f"{facts}:8:") and "SK101" in line for line in answer["lines"])


def test_build_returns_markdown_or_writes_files(tmp_path: Path) -> None:
    example = EXAMPLES / "critique_outline.yaml"
    out = tmp_path / "out"
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["md"] = await call(session, "build", path=str(example))
        seen["text"] = await call(session, "build", text=example.read_text(encoding="utf-8"))
        seen["files"] = await call(session, "build", path=str(example), outdir=str(out), formats=["md", "html", "docx"])
        seen["html without outdir"] = await call(session, "build", path=str(example), formats=["html"])

    with_session(work, roots=[tmp_path, EXAMPLES])
    expected = str(render(load(example), "md"))
    failed, answer = seen["md"]
    assert not failed and answer["markdown"] == expected
    failed, answer = seen["text"]
    assert not failed and answer["markdown"] == expected
    failed, answer = seen["files"]
    assert not failed
    assert answer["files"] == [str(out / f"critique_outline.{ext}") for ext in ("md", "html", "docx")]
    assert (out / "critique_outline.md").read_text(encoding="utf-8") == expected
    assert (out / "critique_outline.docx").read_bytes()[:2] == b"PK"
    assert '<h1 class="sk-title">' in (out / "critique_outline.html").read_text(encoding="utf-8")
    failed, message = seen["html without outdir"]
    assert failed and "outdir" in message


def test_drafts_are_checked_from_text_or_path(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# 讲话\n\n今年xx月，我们开展了工作,取得成效。\n", encoding="utf-8")
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["path"] = await call(session, "check_draft", path=str(draft))
        seen["text"] = await call(session, "check_draft", text=draft.read_text(encoding="utf-8"), name="讲话.md")
        seen["clean"] = await call(session, "check_draft", text="同志们：\n\n今天的会议很重要。\n", format="txt")
        seen["missing"] = await call(session, "check_draft", path=str(tmp_path / "nope.md"))

    with_session(work, roots=[tmp_path])
    failed, answer = seen["path"]
    assert not failed and answer["clean"] is False
    codes = {(f["code"], f["line"]) for f in answer["findings"]}
    assert ("SK101", 3) in codes and ("SK201", 3) in codes
    assert all(line.startswith(f"{draft}:3:") for line in answer["lines"])
    failed, by_text = seen["text"]
    assert not failed
    assert [line.replace("讲话.md", str(draft)) for line in by_text["lines"]] == answer["lines"]
    failed, answer = seen["clean"]
    assert not failed and answer == {"clean": True, "lines": [], "findings": []}
    failed, message = seen["missing"]
    assert failed and "nope.md" in message and "no such file" in message


def test_drafts_are_imported_as_facts_that_rebuild_them(tmp_path: Path) -> None:
    draft = ROOT / "tests" / "data" / "corpus" / "002_adb10e59eea42815.txt"
    markdown = "# 关于做好工作的讲话\n\n同志们：\n\n## 一、主要成效\n\n一是责任落实。二是任务推进。\n"
    written = tmp_path / "facts.yaml"
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["path"] = await call(session, "import_draft", path=str(draft), output=str(written))
        seen["text"] = await call(session, "import_draft", text=markdown, format="md")
        seen["kind"] = await call(session, "import_draft", text=markdown, kind="no_such_kind")
        seen["validated"] = await call(session, "validate_facts", path=str(written))

    with_session(work, roots=[tmp_path, ROOT])
    failed, answer = seen["path"]
    assert not failed and answer["written"] == str(written)
    assert written.read_text(encoding="utf-8") == answer["facts"]
    assert any(note.startswith(f"{draft}:1: set aside: ") for note in answer["notes"])
    rebuilt = load(written)
    assert rebuilt.meta.title == "在书记抓党建工作调度会上的讲话" and len(rebuilt.sections) == answer["sections"]
    failed, validated = seen["validated"]
    assert not failed and validated["valid"] is True
    failed, answer = seen["text"]
    assert not failed
    markdown_out = str(render(load(io.StringIO(answer["facts"])), "md"))
    assert "# 关于做好工作的讲话" in markdown_out and "## 一、主要成效" in markdown_out
    assert "一是责任落实。" in markdown_out
    failed, message = seen["kind"]
    assert failed and "no_such_kind" in message


GOOD_FACTS = BAD_FACTS.replace("no_such_type", "achievements").replace("[]", "\n      - title: 党建有效")


def _attack_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Return a root holding facts, a draft and links out, and a folder outside it holding secrets."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.md").write_text("# 机密\n\n不得外传。\n", encoding="utf-8")
    (outside / "facts.yaml").write_text(GOOD_FACTS, encoding="utf-8")
    (root / "facts.yaml").write_text(GOOD_FACTS, encoding="utf-8")
    (root / "link.md").symlink_to(outside / "secret.md")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "sub").mkdir()
    (root / "inner.yaml").symlink_to(root / "facts.yaml")
    (root / "innerdir").symlink_to(root / "sub", target_is_directory=True)
    return root, outside


def _reads_and_writes(root: Path, outside: Path) -> dict[str, Any]:
    """The attacks, and the work that must still succeed, as (tool, arguments) by label."""
    secret = outside / "secret.md"
    return {
        "absolute": ("import_draft", {"path": "/etc/passwd", "format": "txt"}),
        "dotdot": ("import_draft", {"path": "../outside/secret.md"}),
        "outside file": ("check_draft", {"path": str(secret)}),
        "outside facts": ("validate_facts", {"path": str(outside / "facts.yaml")}),
        "outside build": ("build", {"path": str(outside / "facts.yaml")}),
        "file link": ("import_draft", {"path": str(root / "link.md")}),
        "folder link": ("check_draft", {"path": str(root / "linkdir" / "secret.md")}),
        "device link": ("import_draft", {"path": str(root / "zero.txt")}),
        "outdir outside": ("build", {"path": str(root / "facts.yaml"), "outdir": str(outside)}),
        "outdir link": ("build", {"path": str(root / "facts.yaml"), "outdir": str(root / "linkdir")}),
        "stem up": ("build", {"path": str(root / "facts.yaml"), "outdir": str(root), "stem": "../x"}),
        "stem absolute": ("build", {"path": str(root / "facts.yaml"), "outdir": str(root), "stem": str(outside / "x")}),
        "output outside": ("import_draft", {"text": "# 讲话\n\n同志们：\n", "output": str(outside / "new.yaml")}),
        "output link out": ("import_draft", {"text": "# 讲话\n\n同志们：\n", "output": str(root / "link.md")}),
        "output link": ("import_draft", {"text": "# 讲话\n\n同志们：\n", "output": str(root / "inner.yaml")}),
        "outdir inner link": ("build", {"path": str(root / "facts.yaml"), "outdir": str(root / "innerdir")}),
        "missing": ("import_draft", {"path": str(root / "missing.md"), "format": "md"}),
        "nul": ("validate_facts", {"path": f"{root}/facts\0.yaml"}),
    }


def test_paths_outside_the_client_roots_are_refused(tmp_path: Path) -> None:
    root, outside = _attack_folders(tmp_path)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    attacks = _reads_and_writes(root, outside)
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        for label, (tool, arguments) in attacks.items():
            seen[label] = await call(session, tool, **arguments)
        seen["inside"] = await call(session, "build", path="facts.yaml", outdir="out", formats=["md"])
        seen["again"] = await call(session, "build", path="facts.yaml", outdir="out", formats=["md"])
        seen["replace"] = await call(session, "build", path="facts.yaml", outdir="out", formats=["md"], overwrite=True)

    errlog = tmp_path / "stderr.txt"
    with_session(work, cwd=tmp_path, client_roots=[root], errlog=errlog)
    for label in attacks:
        failed, message = seen[label]
        assert failed, (label, message)
        assert message.count("\n") == 0 and "Traceback" not in message, (label, message)
        assert "speechkit-mcp-" not in message, (label, message)
    for label in ("absolute", "dotdot", "outside file", "outside facts", "file link", "folder link", "device link"):
        assert "outside the allowed roots" in seen[label][1] and str(root) in seen[label][1], label
    assert "/etc/passwd" in seen["absolute"][1]
    assert "plain file name" in seen["stem up"][1] and "plain file name" in seen["stem absolute"][1]
    assert "symbolic link" in seen["output link"][1] and "symbolic link" in seen["outdir inner link"][1]
    assert "outside the allowed roots" in seen["outdir link"][1] and "outside" in seen["output link out"][1]
    assert not list((root / "sub").iterdir()) and (root / "facts.yaml").read_text(encoding="utf-8") == GOOD_FACTS
    assert f"{root / 'missing.md'}: no such file" in seen["missing"][1]
    assert "NUL" in seen["nul"][1]
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before, "nothing outside was written"
    assert (root / "link.md").is_symlink()
    failed, answer = seen["inside"]
    assert not failed and answer["files"] == ["out/facts.md"]
    assert (root / "out" / "facts.md").read_text(encoding="utf-8").startswith("# 述职点评提纲")
    failed, message = seen["again"]
    assert failed and "out/facts.md: exists; pass overwrite: true" in message
    assert not seen["replace"][0]
    assert "Traceback" not in errlog.read_text(encoding="utf-8")


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    work_of_hours = "# 用户的工作\n" + "title: 很长的工作\n" * 1000
    facts.write_text(work_of_hours, encoding="utf-8")
    seen: dict[str, Any] = {}
    draft = "# 讲话\n\n同志们：\n\n今天开会。\n"

    async def work(session: ClientSession) -> None:
        seen["refused"] = await call(session, "import_draft", text=draft, output=str(facts))
        seen["kept"] = facts.read_text(encoding="utf-8")
        seen["replaced"] = await call(session, "import_draft", text=draft, output=str(facts), overwrite=True)

    with_session(work, roots=[tmp_path])
    failed, message = seen["refused"]
    assert failed and f"{facts}: exists; pass overwrite: true to replace it" in message
    assert seen["kept"] == work_of_hours
    failed, answer = seen["replaced"]
    assert not failed and facts.read_text(encoding="utf-8") == answer["facts"]
    assert [p.name for p in tmp_path.iterdir()] == ["facts.yaml"], "no temporary file is left"
    tools = {}

    async def listing(session: ClientSession) -> None:
        tools.update({tool.name: tool for tool in (await session.list_tools()).tools})

    with_session(listing, roots=[tmp_path])
    for name in ("build", "import_draft"):
        assert "overwrite" in tools[name].input_schema["properties"]
        assert "overwrite: true" in (tools[name].description or "")


def test_fifos_do_not_hang_the_server(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "pipe.yaml")
    seen: list[tuple[bool, Any]] = []

    async def work(session: ClientSession) -> None:
        for _ in range(25):  # more calls than the SDK has worker threads
            seen.append(await call(session, "import_draft", path=str(tmp_path / "pipe.md")))
            seen.append(await call(session, "validate_facts", path=str(tmp_path / "pipe.yaml")))
        await session.send_ping()

    with_session(work, roots=[tmp_path])
    assert len(seen) == 50
    assert all(failed and "not a regular file" in message for failed, message in seen)


def test_without_client_roots_the_working_directory_or_root_option_holds(tmp_path: Path) -> None:
    root, outside = _attack_folders(tmp_path)
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["inside"] = await call(session, "validate_facts", path=str(root / "facts.yaml"))
        seen["outside"] = await call(session, "validate_facts", path=str(outside / "facts.yaml"))

    with_session(work, cwd=root)
    assert not seen["inside"][0] and seen["inside"][1]["valid"] is True
    assert seen["outside"][0] and f"outside the allowed roots ({root})" in seen["outside"][1]
    with_session(work, cwd=tmp_path, roots=[root])
    assert not seen["inside"][0] and seen["outside"][0]
    with_session(work, cwd=root, roots=[outside])
    assert seen["inside"][0] and "outside the allowed roots" in seen["inside"][1]
    assert not seen["outside"][0]


def test_the_client_roots_are_asked_again_when_they_change(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "facts.yaml").write_text(GOOD_FACTS, encoding="utf-8")
    roots = [first]
    seen: dict[str, Any] = {}

    async def work(session: ClientSession) -> None:
        seen["first before"] = await call(session, "validate_facts", path=str(first / "facts.yaml"))
        seen["second before"] = await call(session, "validate_facts", path=str(second / "facts.yaml"))
        roots[:] = [second]
        await session.send_notification(types.RootsListChangedNotification())
        await session.send_ping()
        seen["first after"] = await call(session, "validate_facts", path=str(first / "facts.yaml"))
        seen["second after"] = await call(session, "validate_facts", path=str(second / "facts.yaml"))

    with_session(work, client_roots=roots)
    assert not seen["first before"][0] and seen["second before"][0]
    assert seen["first after"][0] and not seen["second after"][0]
    assert f"({second})" in seen["first after"][1]


def test_reads_are_bounded_by_the_bytes_read(tmp_path: Path) -> None:
    from speechkit.apps.mcp_access import Access, AccessError, Root

    access = Access((Root.of(tmp_path),))
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 101)
    assert access.read(str(big), limit=101) == b"x" * 101
    try:
        access.read(str(big), limit=100)
    except AccessError as exc:
        assert str(exc) == f"{big}: larger than 100 bytes; not read"
    else:
        raise AssertionError("a file over the bound was read")
    proc = Access((Root.of("/proc/self"),))
    try:
        proc.read("/proc/self/status", limit=10)
    except AccessError as exc:
        assert "larger than 10 bytes" in str(exc), "a file whose size says 0 is bounded by what is read"
    else:
        raise AssertionError("/proc/self/status was read past the bound")


def _raw_exchange(lines: list[bytes], tmp_path: Path, expected: int) -> tuple[list[dict[str, Any]], str]:
    """Write raw lines to ``speechkit mcp`` and return the replies and standard error."""
    import subprocess

    init = {
        "jsonrpc": "2.0",
        "id": 0,
        "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }
    head = [json.dumps(init).encode(), b'{"jsonrpc": "2.0", "method": "notifications/initialized"}']
    errors = tmp_path / "stderr.txt"
    with open(errors, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "speechkit", "mcp", "--root", str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            cwd=tmp_path,
        )
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(b"\n".join(head + lines) + b"\n")
            process.stdin.flush()
            replies: list[dict[str, Any]] = []
            while len(replies) < expected:  # stdin stays open: the server cancels what is in flight at its end
                ready, _, _ = select.select([process.stdout], [], [], 120)
                assert ready, f"no reply after {replies}"
                line = process.stdout.readline()
                assert line, f"the server stopped after {replies}"
                replies.append(json.loads(line))
        finally:
            process.stdin.close()
            process.wait(timeout=60)
            process.stdout.close()
    return replies, errors.read_text(encoding="utf-8", errors="replace")


def test_malformed_messages_get_json_rpc_errors(tmp_path: Path) -> None:
    call_with = {"jsonrpc": "2.0", "id": 9, "method": "tools/call"}
    surrogate = json.dumps({**call_with, "params": {"name": "check_draft", "arguments": {"text": "\ud800同志们"}}})
    lines = [
        b"this is not json",
        b'{"jsonrpc": "2.0", "id": 7}',
        b"[1, 2",
        b'{"jsonrpc": "2.0", "id": 8, "method": "ping"}',
        surrogate.encode(),
        b"\xff\xfe not utf-8",
        json.dumps(
            {**call_with, "id": 10, "params": {"name": "validate_facts", "arguments": {"path": "a\0b"}}}
        ).encode(),
    ]
    replies, stderr = _raw_exchange(lines, tmp_path, expected=8)
    by_id = {reply.get("id"): reply for reply in replies}
    nulls = [reply for reply in replies if reply.get("id") is None]
    assert [reply["error"]["code"] for reply in nulls] == [-32700, -32700, -32700]
    assert by_id[7]["error"]["code"] == -32600
    assert "result" in by_id[8]
    assert by_id[9]["result"]["isError"] is False, "a lone surrogate is answered"
    assert by_id[10]["result"]["isError"] is True and "NUL" in by_id[10]["result"]["content"][0]["text"]
    assert "Traceback" not in stderr
