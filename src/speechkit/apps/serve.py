"""``speechkit serve``: a live page of a facts file as A4 sheets, with the findings of ``check`` beside it."""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..i18n import N_, _
from ..model.errors import FactsError, Location, SpeechkitError
from .arguments import positive_int
from .serve_limits import HEADER_SECONDS, MAX_EVENT_CLIENTS, SEND_SECONDS

DEFAULT_PORT = 8765
SERVE_EXTRA = N_("speechkit serve needs the serve extra: pip install 'speechkit[serve]'")


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand (its web stack is imported only when it runs)."""
    p = subparsers.add_parser(
        "serve",
        help=_("preview a facts file as pages in the browser, updated on every save"),
        description=_(
            "Serve a live preview of FACTS on http://127.0.0.1:PORT/: the document as A4 pages and "
            "the findings of `speechkit check`; saving the file updates the page. Needs "
            "speechkit[serve]."
        ),
    )
    p.add_argument("facts", help=_("facts YAML file to follow"))
    p.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=_("port (default {default_port}; 0 picks a free one)").format(default_port=DEFAULT_PORT),
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("interface to listen on (default 127.0.0.1, this machine only; another opens it to the network)"),
    )
    p.add_argument("--templates", action="append", metavar="DIR", help=_("folder of HTML templates that win"))
    p.add_argument(
        "--max-clients",
        type=positive_int,
        default=MAX_EVENT_CLIENTS,
        metavar="N",
        help=_("live pages served at once; one more is told why it gets no updates (default {n})").format(
            n=MAX_EVENT_CLIENTS
        ),
    )
    # Knobs for tests and benchmarks: seconds an event may take to reach a client, and a request's headers to arrive.
    p.add_argument("--send-seconds", type=float, default=SEND_SECONDS, help=argparse.SUPPRESS)
    p.add_argument("--header-seconds", type=float, default=HEADER_SECONDS, help=argparse.SUPPRESS)
    p.set_defaults(func=run_serve)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a port number: {value!r}").format(value=value)) from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(_("a port is between 0 and 65535"))
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
    #: The document's language (``zh-CN``, ``zh-Hant``): the page's ``lang`` and the words of its panes.
    lang: str = "zh-CN"

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
        from ..api import load
        from ..checks import check_path
        from ..default import default_registry
        from ..writers.html import render_fragment
        from ..writers.page_words import page_language, speech_texts

        version = self.snapshot.version + 1
        self.stamp = self._stat()
        try:
            speech = load(self.path)
            document = render_fragment(speech, templates=self.templates, registry=default_registry())
            findings = tuple(check_path(self.path))
        except SpeechkitError as exc:
            self.snapshot = replace(self.snapshot, version=version, error=str(exc))
        except (OSError, UnicodeError) as exc:
            self.snapshot = replace(self.snapshot, version=version, error=f"{self.path}: {exc}")
        except Exception as exc:  # a bug in speechkit must not stop the preview: show it, keep serving
            message = _("{path}: internal error, please report it: {name}: {exc}").format(
                path=self.path, name=type(exc).__name__, exc=exc
            )
            self.snapshot = replace(self.snapshot, version=version, error=message.replace("\n", " "))
        else:
            lang = page_language(speech_texts(speech))
            self.snapshot = Snapshot(self.snapshot.server, version, speech.meta.title, document, findings, lang=lang)
        return self.snapshot


def run_serve(args: argparse.Namespace) -> int:
    """Run ``speechkit serve`` until interrupted."""
    try:
        from .serve_app import serve
    except ImportError as exc:
        raise SpeechkitError(f"{_(SERVE_EXTRA)} ({exc})") from None
    path = Path(args.facts)
    if not path.is_file():
        raise FactsError(_("no such file") if not path.exists() else _("not a file"), Location(str(path)))
    from ..writers.templating import template_dirs

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
