"""``speechkit mcp`` driven by the MCP SDK's own stdio client, as an assistant's host would drive it."""

from __future__ import annotations

import io
import json
import os
import re
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
