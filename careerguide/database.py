"""How long the site waits for PostgreSQL: every limit on one page (docs/deployment.md).

- Connecting: libpq's `connect_timeout`.
- A slow query: the server's own `statement_timeout`, sent with the connection's start-up
  parameters (no extra round trip); PostgreSQL cancels the query and the connection stays usable.
- A dead network: TCP keepalives, and `tcp_user_timeout` for data the peer never acknowledges.
- A server (or a proxy in front of it) that accepts bytes and answers nothing: none of the above
  ends that wait, so the app keeps its own deadline. psycopg2 lets a process replace its blocking
  waits with a callback (`set_wait_callback`, meant for coroutine libraries); ours waits on the
  socket with a timeout, and past the deadline raises an OperationalError, after which psycopg2
  closes the connection. Django reports it as a database that does not answer (the site's 503
  page, careerguide/cache.py) and opens a new connection for the next request.

The callback applies to every psycopg2 connection of the process, so it is installed only where
requests are served (settings.DATABASE_LIMITS; manage.py commands other than runserver run
without it and without the statement timeout).
"""

import select
import threading
import time
from contextlib import contextmanager

import psycopg2
from psycopg2 import extensions

# TCP: probe an idle connection after 10 s, every 5 s, and drop it after 3 probes unanswered;
# data unacknowledged for 10 s drops it too (a partition while a query is in flight).
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}

_EVENTS = {extensions.POLL_READ: select.POLLIN, extensions.POLL_WRITE: select.POLLOUT}
_state = threading.local()
# Seconds any one wait may take, and connecting; None waits as long as it takes.
_call_limit = None
_connect_limit = None


class DeadlineExceeded(psycopg2.OperationalError):
    """The database did not answer in time; psycopg2 closes the connection it was waiting on."""


def connection_options(*, connect_timeout, statement_timeout, limits=True):
    """libpq parameters for DATABASES["default"]["OPTIONS"] (timeouts in seconds; 0: none).

    JIT is off: it compiles a query for seconds when the planner's estimate is high, which a
    search of many words used to reach, and the guide's queries are short.
    """
    options = ["-c jit=off"]
    if limits and statement_timeout:
        options.append(f"-c statement_timeout={statement_timeout * 1000}")
    return {"connect_timeout": connect_timeout, **KEEPALIVES, "options": " ".join(options)}


def install(call_limit, connect_limit=None):
    """Bound every wait on a psycopg2 connection of this process to `call_limit` seconds, and
    connecting to `connect_limit` (libpq's connect_timeout does not apply to these waits)."""
    global _call_limit, _connect_limit
    _call_limit = call_limit or None
    _connect_limit = connect_limit or _call_limit
    extensions.set_wait_callback(wait_with_deadline)


@contextmanager
def deadline(seconds):
    """Every database wait inside the block ends by `seconds` from now, all of them together
    (the health check's own, shorter limit)."""
    previous = getattr(_state, "until", None)
    until = time.monotonic() + seconds
    _state.until = until if previous is None else min(previous, until)
    try:
        yield
    finally:
        _state.until = previous


def _until(connecting):
    """When the wait starting now must end (time.monotonic()), or None for no limit."""
    block = getattr(_state, "until", None)
    limit = _connect_limit if connecting else _call_limit
    if limit is None:
        return block
    call = time.monotonic() + limit
    return call if block is None else min(block, call)


def wait_with_deadline(conn, cursor=None):
    """psycopg2's wait callback: poll the connection until it is done or the deadline passes.

    psycopg2 calls it once to connect, and twice per query (sending it, reading the result).
    """
    until = _until(connecting=conn.status == extensions.STATUS_SETUP)
    while True:
        state = conn.poll()
        if state == extensions.POLL_OK:
            return
        if state not in _EVENTS:
            raise psycopg2.OperationalError(f"unexpected psycopg2 poll state: {state}")
        # Registered afresh each time: while connecting, libpq may move to a new socket.
        poller = select.poll()
        poller.register(conn.fileno(), _EVENTS[state])
        if until is None:
            poller.poll()
            continue
        left = until - time.monotonic()
        if left <= 0 or not poller.poll(left * 1000):
            raise DeadlineExceeded("the database did not answer in time")
