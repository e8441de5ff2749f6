"""The web side of ``speechkit serve``: a Starlette app, a file watcher, and server-sent events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn
import watchfiles
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from .. import __version__
from ..writers.html import asset, assets, environment
from ..writers.page_words import page_words

if TYPE_CHECKING:
    from .serve import Preview, Snapshot

#: Interfaces that only this machine can reach; any other ``--host`` opens the page to the network.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

#: Seconds between the comments that keep an idle event stream open through proxies.
KEEPALIVE = 15.0


class Hub:
    """The open event streams; each gets every new snapshot through its own queue."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[Snapshot | None]] = set()

    def subscribe(self) -> asyncio.Queue[Snapshot | None]:
        """Open a stream's queue."""
        queue: asyncio.Queue[Snapshot | None] = asyncio.Queue()
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Snapshot | None]) -> None:
        """Forget a closed stream."""
        self.queues.discard(queue)

    def publish(self, snapshot: Snapshot | None) -> None:
        """Send a snapshot to every stream; ``None`` ends them."""
        for queue in self.queues:
            queue.put_nowait(snapshot)


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


def make_app(preview: Preview, host: str = "127.0.0.1", on_ready: Callable[[], None] | None = None) -> Starlette:
    """Return the app: ``/`` the page, ``/events`` the event stream, ``/state.json`` the snapshot.

    ``on_ready`` is called once the facts file is being watched.
    """
    hub = Hub()
    page = Page(preview)

    async def index(request: Request) -> Response:
        return HTMLResponse(page.html(preview.snapshot), headers={"Cache-Control": "no-store"})

    async def state(request: Request) -> Response:
        return JSONResponse(preview.snapshot.as_dict(), headers={"Cache-Control": "no-store"})

    async def events(request: Request) -> Response:
        queue = hub.subscribe()

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 1000\n\n" + page.event(preview.snapshot)
                while True:
                    try:
                        snapshot = await asyncio.wait_for(queue.get(), KEEPALIVE)
                    except asyncio.TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    if snapshot is None:
                        return
                    yield page.event(snapshot)
            finally:
                hub.unsubscribe(queue)

        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

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

    hosts = ["127.0.0.1", "localhost"] if host in LOOPBACK_HOSTS else ["*"]
    return Starlette(
        routes=[Route("/", index), Route("/events", events), Route("/state.json", state)],
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


def serve(preview: Preview, host: str, port: int, announce: Callable[[str], None]) -> int:
    """Listen on ``host:port`` (0 picks a free port), announce the address once watching, serve until interrupted."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = make_app(preview, host, on_ready=lambda: announce(f"http://{shown}:{bound}/"))
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=1, lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
