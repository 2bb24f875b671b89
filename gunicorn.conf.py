"""gunicorn's settings for careerguide (docs/deployment.md).

`gunicorn careerguide.wsgi` reads this file from the directory it starts in (the checkout);
command-line flags override it, and each value below can be changed through the environment.
"""

import multiprocessing
import os

from careerguide.env import whole_number

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers, one request each: the database waits they make are bounded by the app
# (careerguide/database.py), so a worker is never held for long by a database in trouble.
workers = whole_number("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
# A worker silent this long is killed and replaced. Far above the database limits (a few seconds
# per wait), so it only ever ends a request stuck outside them.
timeout = whole_number("GUNICORN_TIMEOUT", 30)
# On a restart or SIGTERM, requests under way get this long to finish.
graceful_timeout = whole_number("GUNICORN_GRACEFUL_TIMEOUT", 20)
# Idle keep-alive connections from the proxy in front are closed after this.
keepalive = whole_number("GUNICORN_KEEPALIVE", 5)

# Only a proxy at these addresses is believed about the scheme (X-Forwarded-Proto, which Django
# reads too: SECURE_PROXY_SSL_HEADER); loopback unless told otherwise.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# No header from any client or proxy becomes SCRIPT_NAME or PATH_INFO (gunicorn's default trusts
# both from the addresses above): the site's path prefix is configuration, never a request's.
forwarder_headers = ""

# gunicorn always sends `Server: gunicorn` (no version) and has no setting to drop it; a proxy
# in front can remove it.
