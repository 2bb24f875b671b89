"""Load generators for bench/run.py: wrk when installed, else plain Python.

Both return a LoadResult; both only ever talk to 127.0.0.1 and stop on time.
"""

import http.client
import multiprocessing
import re
import subprocess
import threading
import time
from dataclasses import dataclass

PROCESSES = 2  # like `wrk -t2`


@dataclass
class LoadResult:
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int


def http_get(port, path, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
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
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return LoadResult(
        rps=rps,
        p50_ms=p50,
        p99_ms=p99,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        errors=sum(int(n) for n in socket.groups()) if socket else 0,
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


def _python_process(args):
    """One load process: `threads` connections in a loop until the deadline."""
    host, port, path, threads, duration = args
    # The clock starts here, not in the parent: spawning a process takes a while.
    started = time.time()
    deadline = started + duration
    latencies, statuses, errors = [], [], [0]
    lock = threading.Lock()

    def connection_loop():
        conn = http.client.HTTPConnection(host, port, timeout=5)
        mine, codes = [], []
        while time.time() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                with lock:
                    errors[0] += 1
                continue
            mine.append((time.perf_counter() - start) * 1000)
            codes.append(response.status)
        conn.close()
        with lock:
            latencies.extend(mine)
            statuses.extend(codes)

    workers = [threading.Thread(target=connection_loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return latencies, statuses, errors[0], time.time() - started


def python_load(host, port, path, *, connections, duration):
    """Fallback when wrk is missing. Its own CPU use is higher than wrk's, so its
    ceiling is lower: compare rows with each other, not with wrk's numbers."""
    start = time.time()
    deadline = start + duration
    per_process = max(1, connections // PROCESSES)
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        parts = pool.map(_python_process, [(host, port, path, per_process, deadline)] * PROCESSES)
    elapsed = max(time.time() - start, 1e-9)
    latencies = sorted(v for part in parts for v in part[0])
    statuses = [s for part in parts for s in part[1]]
    return LoadResult(
        rps=len(latencies) / elapsed,
        p50_ms=_percentile(latencies, 0.50),
        p99_ms=_percentile(latencies, 0.99),
        non_2xx=sum(1 for s in statuses if not 200 <= s < 300),
        errors=sum(part[2] for part in parts),
    )
