"""The limits ``speechkit serve`` holds, kept apart so that ``--help`` states them without importing the web server."""

from __future__ import annotations

#: Event streams (live pages) served at once unless the caller says otherwise (``serve --max-clients``).
MAX_EVENT_CLIENTS = 64
#: Seconds one event may take to reach a client; a client that does not read is dropped.
SEND_SECONDS = 10.0
#: Seconds a connection has to send its request's headers (and an idle keep-alive connection to send the next).
HEADER_SECONDS = 10.0
