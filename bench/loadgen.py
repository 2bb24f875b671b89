"""Measuring tools for bench/run.py: wrk when installed, else plain Python; Redis counters.

Both load generators return a LoadResult; both only ever talk to 127.0.0.1 and stop on time.
"""

import http.client
import re
import subprocess
import threading
import time
from dataclasses import dataclass

import redis


@dataclass
class LoadResult:
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int
    # Completed responses: the Redis hit counter is compared with it.
    requests: int


@dataclass
class Reply:
    status: int
    headers: list
    body: bytes


def http_get(port, path, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return Reply(response.status, response.getheaders(), response.read())
    finally:
        conn.close()


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS_MS[unit]


def parse_wrk(output):
    """Requests/s, p50, p99, non-2xx (wrk: 'Non-2xx or 3xx') and socket errors from `wrk --latency`."""
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"^\s+(\d+) requests in ", output, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return LoadResult(
        rps=rps,
        p50_ms=p50,
        p99_ms=p99,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        requests=requests,
    )


def wrk_load(url, *, connections, duration):
    seconds = max(1, round(duration))
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    return parse_wrk(result.stdout)


def _percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def _connection_loop(host, port, path, deadline, latencies, statuses, errors, lock):
    """One keep-alive connection sending GETs back to back until the deadline."""
    conn = http.client.HTTPConnection(host, port, timeout=5)
    mine, codes, failed = [], [], 0
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            failed += 1
            continue
        mine.append((time.perf_counter() - start) * 1000)
        codes.append(response.status)
    conn.close()
    with lock:
        latencies.extend(mine)
        statuses.extend(codes)
        errors.append(failed)


def python_load(host, port, path, *, connections, duration):
    """Fallback when wrk is missing: one thread per connection in this process. It spends
    more CPU per request than wrk, so its ceiling is lower: compare its rows with each other,
    not with numbers measured by wrk."""
    latencies, statuses, errors = [], [], []
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + duration
    threads = [
        threading.Thread(
            target=_connection_loop,
            args=(host, port, path, deadline, latencies, statuses, errors, lock),
        )
        for _ in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # A request in flight at the deadline ends within the socket timeout.
        thread.join(timeout=duration + 10)
    elapsed = max(time.monotonic() - started, 1e-9)
    latencies.sort()
    return LoadResult(
        rps=len(latencies) / elapsed,
        p50_ms=_percentile(latencies, 0.50),
        p99_ms=_percentile(latencies, 0.99),
        non_2xx=sum(1 for s in statuses if not 200 <= s < 300),
        errors=sum(errors),
        requests=len(latencies),
    )


def redis_client(url, timeout=5):
    """The bench's Redis database, through redis-py as the app itself talks to Redis."""
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)


def redis_database(client):
    return client.connection_pool.connection_kwargs.get("db", 0)


def keyspace_hits(client):
    # Server-wide: INFO does not count hits per database.
    return int(client.info("stats")["keyspace_hits"])
