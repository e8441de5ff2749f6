"""The MCP SDK's side of ``speechkit mcp``: tools held to roots and a time bound, and stdio that answers bad input."""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections.abc import AsyncIterator, Callable
from io import TextIOWrapper
from typing import Any, cast

import anyio
import anyio.to_thread
import mcp_types as types
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools.base import Tool
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage
from pydantic import ValidationError

from .. import __version__
from ..i18n import _
from ..model.errors import SpeechkitError
from .mcp_access import Access, Root, roots_from_uris

#: Seconds the client has to answer ``roots/list``.
ROOTS_SECONDS = 30.0


class Roots:
    """The roots in force: the client's (asked once, asked again after it says they changed), else the fallback."""

    def __init__(self, fallback: tuple[Root, ...]) -> None:
        self.fallback = fallback
        self.client: tuple[Root, ...] | None = None
        self.lock = anyio.Lock()

    def forget(self) -> None:
        """Drop the client's roots (``notifications/roots/list_changed``): the next call asks again."""
        self.client = None

    async def access(self, ctx: Context[Any]) -> Access:
        """Return the access of this call: the client's roots when it offers them, else the fallback."""
        capabilities = ctx.client_capabilities
        if capabilities is None or capabilities.roots is None:
            return Access(self.fallback)
        async with self.lock:
            if self.client is None:
                try:
                    with anyio.fail_after(ROOTS_SECONDS):
                        result = await ctx.session.send_request(types.ListRootsRequest(), types.ListRootsResult)
                except Exception as exc:
                    raise ToolError(
                        _("the client offers roots but did not list them: {reason}").format(reason=exc)
                    ) from None
                self.client = roots_from_uris(str(root.uri) for root in result.roots)
            return Access(self.client)


def _guarded(fn: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    """Run a tool; every failure becomes a one-line tool error (no traceback is logged)."""
    try:
        return fn(**kwargs)
    except ToolError:
        raise
    except SpeechkitError as exc:
        raise ToolError(str(exc)) from None
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        raise ToolError(f"{name}{exc.strerror or exc}") from None
    except Exception as exc:
        message = f"internal error, please report it: {type(exc).__name__}: {exc}"
        raise ToolError(message.replace("\n", " ")) from None


def _tool(fn: Callable[..., Any], roots: Roots, timeout: float) -> Tool:
    """Return ``fn`` as a tool run on a worker thread within ``timeout``; an ``access`` parameter gets the roots."""
    needs_access = "access" in inspect.signature(fn).parameters
    tool = Tool.from_function(
        fn, name=fn.__name__, description=fn.__doc__, context_kwarg="access" if needs_access else None
    )

    async def call(_ctx: Context[Any], **kwargs: Any) -> Any:
        if needs_access:
            kwargs["access"] = await roots.access(_ctx)
        try:
            with anyio.fail_after(timeout):
                work = functools.partial(_guarded, fn, kwargs)
                return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except TimeoutError:
            raise ToolError(
                _("{tool}: no answer within {timeout:g} s; given up, the server answers on").format(
                    tool=fn.__name__, timeout=timeout
                )
            ) from None

    return tool.model_copy(update={"fn": call, "is_async": True, "context_kwarg": "_ctx"})


def make(
    tools: tuple[Callable[..., Any], ...], fallback: tuple[Root, ...], *, timeout: float, instructions: str
) -> MCPServer:
    """Return the server: ``tools`` held to the client's roots, else to ``fallback``."""
    roots = Roots(fallback)
    server: MCPServer = MCPServer(
        "speechkit",
        instructions=instructions,
        version=__version__,
        log_level="CRITICAL",
        tools=[_tool(fn, roots, timeout) for fn in tools],
    )

    async def roots_changed(ctx: Any, params: Any) -> None:
        roots.forget()

    server._lowlevel_server.add_notification_handler(
        "notifications/roots/list_changed", types.NotificationParams, roots_changed
    )
    return server


def _without_surrogates(value: Any) -> Any:
    """Return JSON data with every lone surrogate replaced by U+FFFD (it cannot be written back as UTF-8)."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(value) else value
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _error(request_id: Any, code: int, message: str) -> SessionMessage:
    if not isinstance(request_id, (str, int)) or isinstance(request_id, bool):
        request_id = None
    error = types.JSONRPCError(jsonrpc="2.0", id=request_id, error=types.ErrorData(code=code, message=message))
    return SessionMessage(error)


def screen(line: str) -> tuple[str | None, SessionMessage | None]:
    """Return a line fit for the SDK, or the JSON-RPC error that answers it (−32700 not JSON, −32600 not a message)."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None, _error(None, types.PARSE_ERROR, "Parse error: the line is not JSON")
    data = _without_surrogates(data)
    try:
        types.jsonrpc_message_adapter.validate_python(data, by_name=False)
    except (ValidationError, RecursionError):
        request_id = data.get("id") if isinstance(data, dict) else None
        return None, _error(request_id, types.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message")
    return json.dumps(data, ensure_ascii=False), None


class _Lines:
    """Standard input as the SDK reads it, each line screened first; a bad line is answered, not passed on."""

    def __init__(self) -> None:
        stream = TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        self.source = anyio.wrap_file(stream)
        self.write: Any = None
        self.ready = anyio.Event()

    def __aiter__(self) -> AsyncIterator[str]:
        return self._lines()

    async def _lines(self) -> AsyncIterator[str]:
        async for line in self.source:
            if not line.strip():
                continue
            good, answer = screen(line)
            if answer is not None:
                await self.ready.wait()
                await self.write.send(answer)
                continue
            assert good is not None
            yield good + "\n"


async def serve_stdio(server: MCPServer) -> None:
    """Serve ``server`` on standard input and output until the client closes its end."""
    lines = _Lines()
    async with stdio_server(stdin=cast(Any, lines)) as (read, write):
        lines.write = write
        lines.ready.set()
        low = server._lowlevel_server
        await low.run(read, write, low.create_initialization_options())
