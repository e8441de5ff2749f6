"""``speechkit serve``: a live page of a facts file as A4 sheets, with the findings of ``check`` beside it."""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import FactsError, Location, SpeechkitError

#: Interfaces that only this machine can reach; any other ``--host`` opens the page to the network.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
DEFAULT_PORT = 8765
#: Event streams (live pages) served at once by default.
MAX_EVENT_CLIENTS = 64
SERVE_EXTRA = "speechkit serve needs the serve extra: pip install 'speechkit[serve]'"


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand (its web stack is imported only when it runs)."""
    p = subparsers.add_parser(
        "serve",
        help="preview a facts file as pages in the browser, updated on every save",
        description="Serve a live preview of FACTS on http://127.0.0.1:PORT/: the document as A4 pages and "
        "the findings of `speechkit check`; saving the file updates the page. Needs speechkit[serve].",
    )
    p.add_argument("facts", help="facts YAML file to follow")
    p.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)"
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface to listen on (default 127.0.0.1, this machine only; another opens it to the network)",
    )
    p.add_argument("--templates", action="append", metavar="DIR", help="folder of HTML templates that win")
    p.add_argument(
        "--max-clients",
        type=_positive,
        default=MAX_EVENT_CLIENTS,
        metavar="N",
        help=f"live pages served at once; one more is told why it gets no updates (default {MAX_EVENT_CLIENTS})",
    )
    # Knobs for tests and benchmarks: seconds an event may take to reach a client, and a request's headers to arrive.
    p.add_argument("--send-seconds", type=float, default=10.0, help=argparse.SUPPRESS)
    p.add_argument("--header-seconds", type=float, default=10.0, help=argparse.SUPPRESS)
    p.set_defaults(func=run_serve)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is between 0 and 65535")
    return port


@dataclass(frozen=True)
class Snapshot:
    """What the page shows: the document (HTML fragment), its findings, and the error of the last save."""

    server: str
    version: int
    title: str
    document: str
    findings: tuple[Any, ...]
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON form, findings as ``speechkit check --format json`` gives them."""
        return {
            "server": self.server,
            "version": self.version,
            "title": self.title,
            "document": self.document,
            "findings": [f.as_dict() for f in self.findings],
            "error": self.error,
        }


class Preview:
    """The facts file being followed and the latest snapshot built from it."""

    def __init__(self, path: Path, templates: tuple[str, ...] = ()) -> None:
        self.path = path
        self.templates = templates
        self.snapshot = Snapshot(secrets.token_hex(8), 0, path.name, "", ())
        self.stamp: tuple[int, int, int] | None = None
        self._lock = threading.Lock()
        self.refresh()

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def changed(self) -> bool:
        """Tell whether the file differs from the one the snapshot was built from."""
        return self._stat() != self.stamp

    def refresh(self) -> Snapshot:
        """Build the file again; on failure keep the last good document and show the one-line error."""
        with self._lock:  # the watcher and the start-up catch-up may both rebuild
            return self._rebuild()

    def _rebuild(self) -> Snapshot:
        from .api import load
        from .checks import check_path
        from .render.html import render_fragment

        version = self.snapshot.version + 1
        self.stamp = self._stat()
        try:
            speech = load(self.path)
            document = render_fragment(speech, templates=self.templates)
            findings = tuple(check_path(self.path))
        except SpeechkitError as exc:
            self.snapshot = replace(self.snapshot, version=version, error=str(exc))
        except (OSError, UnicodeError) as exc:
            self.snapshot = replace(self.snapshot, version=version, error=f"{self.path}: {exc}")
        except Exception as exc:  # a bug in speechkit must not stop the preview: show it, keep serving
            message = f"{self.path}: internal error, please report it: {type(exc).__name__}: {exc}"
            self.snapshot = replace(self.snapshot, version=version, error=message.replace("\n", " "))
        else:
            self.snapshot = Snapshot(self.snapshot.server, version, speech.meta.title, document, findings)
        return self.snapshot


def run_serve(args: argparse.Namespace) -> int:
    """Run ``speechkit serve`` until interrupted."""
    try:
        from .serve_app import serve
    except ImportError as exc:
        raise SpeechkitError(f"{SERVE_EXTRA} ({exc})") from None
    path = Path(args.facts)
    if not path.is_file():
        raise FactsError("no such file" if not path.exists() else "not a file", Location(str(path)))
    from .render.templating import template_dirs

    preview = Preview(path, template_dirs(args.templates))
    announce = lambda url: print(url, flush=True, file=sys.stdout)  # noqa: E731
    return serve(
        preview,
        args.host,
        args.port,
        announce=announce,
        max_clients=args.max_clients,
        send_seconds=args.send_seconds,
        header_seconds=args.header_seconds,
    )
