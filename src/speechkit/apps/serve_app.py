"""The web side of ``speechkit serve``: a Starlette app, a file watcher, and server-sent events."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import logging
import os
import resource
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import uvicorn
import watchfiles
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .. import __version__
from ..writers.html import asset, assets, environment
from ..writers.page_words import page_words
from .serve_limits import HEADER_SECONDS, MAX_EVENT_CLIENTS, SEND_SECONDS

if TYPE_CHECKING:
    from .serve import Preview, Snapshot

#: Interfaces that only this machine can reach; any other ``--host`` opens the page to the network.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

#: Seconds between the comments that keep an idle event stream open through proxies.
KEEPALIVE = 15.0
#: What a refused event stream is answered.
BUSY = "too many live previews are open (the limit is {limit}); close some and reload this page\n"


class Hub:
    """The open event streams, woken on each new snapshot; the event is encoded once and shared by all of them."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.clients: set[asyncio.Event] = set()
        self.closed = False
        self._encoded: tuple[tuple[str, int], bytes] | None = None

    def subscribe(self) -> asyncio.Event:
        """Open a stream: the returned event is set when there is something new."""
        woken = asyncio.Event()
        self.clients.add(woken)
        return woken

    def unsubscribe(self, woken: asyncio.Event) -> None:
        """Forget a closed stream."""
        self.clients.discard(woken)

    def encoded(self, snapshot: Snapshot) -> tuple[tuple[str, int], bytes]:
        """Return the snapshot's key and its event as bytes (made once per snapshot)."""
        key = (snapshot.server, snapshot.version)
        if self._encoded is None or self._encoded[0] != key:
            self._encoded = (key, self.page.event(snapshot).encode("utf-8"))
        return self._encoded

    def publish(self, snapshot: Snapshot | None) -> None:
        """Wake every stream for a new snapshot; ``None`` ends them."""
        if snapshot is None:
            self.closed = True
        for woken in self.clients:
            woken.set()


class _Dropped(Exception):
    """The client did not take an event in time."""


class Events:
    """``/events``: server-sent events of the latest snapshot, to at most ``limit`` clients that keep reading."""

    def __init__(
        self, preview: Preview, hub: Hub, limit: int, drop: Callable[[Any], None] | None, send_seconds: float
    ) -> None:
        self.preview = preview
        self.hub = hub
        self.limit = limit
        self.drop = drop
        self.send_seconds = send_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Stream events until the client leaves, stops reading, or the server stops."""
        if len(self.hub.clients) >= self.limit:
            busy = PlainTextResponse(
                BUSY.format(limit=self.limit), 503, headers={"Retry-After": "30", "Cache-Control": "no-store"}
            )
            await busy(scope, receive, send)
            return
        woken = self.hub.subscribe()
        gone = asyncio.Event()

        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()
            woken.set()

        watcher = asyncio.ensure_future(watch())

        async def push(body: bytes) -> None:
            message = {"type": "http.response.body", "body": body, "more_body": True}
            try:
                await asyncio.wait_for(send(message), self.send_seconds)
            except asyncio.TimeoutError:
                if self.drop is not None:
                    self.drop(scope.get("client"))
                raise _Dropped from None

        try:
            headers = [
                (b"content-type", b"text/event-stream; charset=utf-8"),
                (b"cache-control", b"no-store"),
                (b"x-accel-buffering", b"no"),
            ]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await push(b"retry: 1000\n\n")
            sent: tuple[str, int] | None = None
            while not gone.is_set() and not self.hub.closed:
                woken.clear()
                key, body = self.hub.encoded(self.preview.snapshot)
                if key != sent:
                    await push(body)
                    sent = key
                    continue
                try:
                    await asyncio.wait_for(woken.wait(), KEEPALIVE)
                except asyncio.TimeoutError:
                    await push(b": keep-alive\n\n")
            if not gone.is_set():
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        except _Dropped:
            pass
        finally:
            self.hub.unsubscribe(woken)
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher


class Page:
    """Renders the preview page and the parts that events carry."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.env = environment(preview.templates)
        self.assets = assets(preview.templates)
        self.serve_css = asset("serve.css", preview.templates)
        self.live = asset("live.js", preview.templates)

    def panel(self, snapshot: Snapshot) -> str:
        """Return the findings panel as HTML."""
        module = self.env.get_template("serve_blocks.html.j2").make_module({"words": page_words(snapshot.lang)})
        return str(getattr(module, "panel")(snapshot.findings)).strip() + "\n"  # noqa: B009

    def html(self, snapshot: Snapshot) -> str:
        """Return the whole page, the current snapshot in it (so it is right without the script)."""
        return self.env.get_template("serve.html.j2").render(
            snapshot=snapshot,
            document=Markup(snapshot.document),
            path=str(self.preview.path),
            server=snapshot.server,
            version=__version__,
            css=self.assets.css,
            script=self.assets.script,
            serve_css=self.serve_css,
            live=self.live,
            words=page_words(snapshot.lang),
        )

    def event(self, snapshot: Snapshot) -> str:
        """Return one server-sent event holding the snapshot as JSON (JSON has no raw line breaks)."""
        data = {
            "server": snapshot.server,
            "version": snapshot.version,
            "title": snapshot.title,
            "document": snapshot.document,
            "panel": self.panel(snapshot),
            "error": snapshot.error,
            "lang": snapshot.lang,
        }
        return f"event: state\nid: {snapshot.version}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def make_app(
    preview: Preview,
    host: str = "127.0.0.1",
    on_ready: Callable[[], None] | None = None,
    *,
    max_clients: int = MAX_EVENT_CLIENTS,
    drop: Callable[[Any], None] | None = None,
    send_seconds: float = SEND_SECONDS,
) -> Starlette:
    """Return the app: ``/`` the page, ``/events`` the event stream, ``/state.json`` the snapshot.

    ``on_ready`` is called once the facts file is being watched; ``drop`` closes the connection of a
    client (its ASGI ``client`` address) that stopped reading its events.
    """
    page = Page(preview)
    hub = Hub(page)

    async def index(request: Request) -> Response:
        return HTMLResponse(page.html(preview.snapshot), headers={"Cache-Control": "no-store"})

    async def state(request: Request) -> Response:
        return JSONResponse(preview.snapshot.as_dict(), headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(follow(preview, hub, stop))
        # The task's first step sets the watch up (awatch builds its watcher before it first waits);
        # a save made before that is caught by comparing the file with what was built.
        await asyncio.sleep(0)
        if preview.changed():
            hub.publish(await asyncio.to_thread(preview.refresh))
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            stop.set()
            hub.publish(None)
            with contextlib.suppress(asyncio.CancelledError):
                await task

    hosts = ["127.0.0.1", "localhost", "[::1]"] if host in LOOPBACK_HOSTS else ["*"]
    events = Events(preview, hub, max_clients, drop, send_seconds)
    return Starlette(
        routes=[Route("/", index), Route("/events", events, methods=["GET"]), Route("/state.json", state)],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
        lifespan=lifespan,
    )


async def follow(preview: Preview, hub: Hub, stop: asyncio.Event) -> None:
    """Rebuild on every change of the facts file (watching its folder: editors save by renaming)."""
    target = preview.path.resolve()

    def is_target(change: watchfiles.Change, path: str) -> bool:
        return Path(path).resolve() == target

    async for _ in watchfiles.awatch(
        target.parent, watch_filter=is_target, stop_event=stop, recursive=False, debounce=400, step=50
    ):
        snapshot = await asyncio.to_thread(preview.refresh)
        hub.publish(snapshot)


class Connections:
    """The server's connections: at most ``limit`` open, each given HEADER_SECONDS for its headers, droppable."""

    def __init__(self, limit: int, header_seconds: float = HEADER_SECONDS) -> None:
        self.limit = limit
        self.header_seconds = header_seconds
        #: Connections waiting for a request's headers, oldest first.
        self.waiting: dict[H11Protocol, None] = {}
        self.by_peer: dict[Any, H11Protocol] = {}

    def drop(self, peer: Any) -> None:
        """Close a client's connection at once, its unsent data discarded."""
        protocol = self.by_peer.get(tuple(peer) if peer else None)
        if protocol is not None:
            protocol.transport.abort()

    def protocol(self) -> type[H11Protocol]:
        """Return uvicorn's HTTP/1.1 protocol held to these limits."""
        connections = self

        class Guarded(H11Protocol):
            """uvicorn's h11 protocol with a header deadline and a cap on connections."""

            deadline: asyncio.TimerHandle | None = None

            def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
                super().connection_made(transport)
                if len(self.connections) > connections.limit:
                    if not connections.waiting:  # every connection is being answered: refuse this one
                        transport.abort()
                        return
                    oldest = next(iter(connections.waiting))  # make room: the oldest still sends no request
                    connections.waiting.pop(oldest)
                    oldest.transport.abort()
                if self.client:
                    connections.by_peer[tuple(self.client)] = self
                self._wait()

            def _wait(self) -> None:
                connections.waiting[self] = None
                if self.deadline is not None:
                    self.deadline.cancel()
                self.deadline = self.loop.call_later(connections.header_seconds, self._expire)

            def _expire(self) -> None:
                if self in connections.waiting and not self.transport.is_closing():
                    connections.waiting.pop(self, None)
                    self.transport.abort()

            def data_received(self, data: bytes) -> None:
                super().data_received(data)
                if self.cycle is not None and not self.cycle.response_complete:
                    connections.waiting.pop(self, None)

            def on_response_complete(self) -> None:
                super().on_response_complete()
                if not self.transport.is_closing():
                    self._wait()

            def connection_lost(self, exc: Exception | None) -> None:
                connections.waiting.pop(self, None)
                if self.client and connections.by_peer.get(tuple(self.client)) is self:
                    del connections.by_peer[tuple(self.client)]
                if self.deadline is not None:
                    self.deadline.cancel()
                super().connection_lost(exc)

        return Guarded


def connection_limit() -> int:
    """Return how many connections to keep open: the open-file limit (raised to its hard limit) less a reserve."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = 65536 if hard == resource.RLIM_INFINITY else hard
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    return max(16, min(soft, 65536) - 128)


class _Quiet(logging.Filter):
    """Keep uvicorn's line about a stream that was cut off (a client dropped on purpose) out of standard error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


#: glibc's ``mallopt`` parameter for the size from which a block is mapped on its own (``M_MMAP_THRESHOLD``).
_M_MMAP_THRESHOLD = -3
#: Blocks from this size up are mapped on their own, so an event's buffers go back to the system once sent.
MMAP_THRESHOLD = 128 * 1024


def return_large_blocks() -> bool:
    """Keep glibc's threshold for mapped blocks fixed, so memory held for slow clients is returned when they leave.

    glibc raises the threshold each time a mapped block is freed; after that, the copies of a 1 MB event that
    asyncio keeps for each client who does not read come from the heap and stay with the process after the
    clients are gone. Returns whether the threshold was set (False off glibc).
    """
    try:
        glibc = (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (AttributeError, ValueError, OSError):  # no confstr, or not glibc
        glibc = False
    if not glibc:
        return False
    libc = ctypes.CDLL(None)  # the C library the interpreter runs on
    return bool(libc.mallopt(ctypes.c_int(_M_MMAP_THRESHOLD), ctypes.c_int(MMAP_THRESHOLD)))


def serve(
    preview: Preview,
    host: str,
    port: int,
    announce: Callable[[str], None],
    max_clients: int = MAX_EVENT_CLIENTS,
    *,
    send_seconds: float = SEND_SECONDS,
    header_seconds: float = HEADER_SECONDS,
) -> int:
    """Listen on ``host:port`` (0 picks a free port), announce the address once watching, serve until interrupted."""
    return_large_blocks()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=256)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    connections = Connections(connection_limit(), header_seconds)
    app = make_app(
        preview,
        host,
        on_ready=lambda: announce(f"http://{shown}:{bound}/"),
        max_clients=max_clients,
        drop=connections.drop,
        send_seconds=send_seconds,
    )
    config = uvicorn.Config(
        app,
        http=connections.protocol(),
        log_level="warning",
        timeout_graceful_shutdown=1,
        timeout_keep_alive=5,
        lifespan="on",
        access_log=False,
    )
    server = uvicorn.Server(config)
    logging.getLogger("uvicorn.error").addFilter(_Quiet())
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
