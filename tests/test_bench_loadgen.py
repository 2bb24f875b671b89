"""What the benchmark's figures rest on: wrk output parsing, the Python fallback load generator,
the Redis hit counter, the search page check and the CPU accounting."""

import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from loadgen import keyspace_hits, parse_wrk, python_load, redis_client, redis_database  # noqa: E402
from run import CpuMeter, check_search, cpu_seconds  # noqa: E402

# The bench's own default database (BENCH_REDIS_URL); this test touches only its own key.
REDIS_DB = 9

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:41234/careers/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    95.12ms   20.01ms 310.55ms   80.00%
    Req/Sec    84.10     12.30   110.00     70.00%
  Latency Distribution
     50%  890.00us
     75%  100.12ms
     90%  120.50ms
     99%    1.25s
  1680 requests in 10.01s, 70.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:    167.83
Transfer/sec:      7.00MB
"""


def test_parse_wrk_reads_rate_percentiles_and_failures():
    result = parse_wrk(WRK_OUTPUT)
    assert result.rps == pytest.approx(167.83)
    assert result.p50_ms == pytest.approx(0.89)
    assert result.p99_ms == pytest.approx(1250.0)
    assert result.non_2xx == 7
    assert result.errors == 3
    assert result.requests == 1680


def test_parse_wrk_without_failure_lines_counts_zero():
    clean = "\n".join(
        line for line in WRK_OUTPUT.splitlines() if "Non-2xx" not in line and "Socket" not in line
    )
    result = parse_wrk(clean)
    assert (result.non_2xx, result.errors) == (0, 0)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    answered = 0
    lock = threading.Lock()

    def do_GET(self):
        with self.lock:
            type(self).answered += 1
        status = 200 if self.path == "/ok" else 404
        body = b"x" * 100
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.answered = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_python_load_counts_requests_and_non_2xx(server):
    ok = python_load("127.0.0.1", server, "/ok", connections=2, duration=0.5)
    assert ok.rps > 0
    # Every request the server answered is counted, and nothing more.
    assert ok.requests == _Handler.answered > 0
    assert ok.non_2xx == 0 and ok.errors == 0
    assert 0 < ok.p50_ms <= ok.p99_ms

    missing = python_load("127.0.0.1", server, "/missing", connections=2, duration=0.5)
    assert missing.rps > 0
    assert missing.non_2xx > 0


def test_the_bench_never_takes_redis_database_0_for_its_own():
    # run.py refuses database 0: the bench flushes its database before and after each server.
    assert redis_database(redis_client("redis://127.0.0.1:6379/9")) == 9
    assert redis_database(redis_client("redis://127.0.0.1:6379")) == 0


@pytest.fixture
def bench_redis():
    client = redis_client(f"redis://127.0.0.1:6379/{REDIS_DB}", timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return client


def test_keyspace_hits_count_the_reads_that_found_a_key(bench_redis):
    """The hit ratio the bench prints is this counter's growth over the requests served."""
    key = f"bench-test-{os.getpid()}"
    bench_redis.set(key, "page", ex=60)
    try:
        before = keyspace_hits(bench_redis)
        for _ in range(3):
            bench_redis.get(key)
        # Server-wide, so other clients may add to it; these three reads are in it.
        assert keyspace_hits(bench_redis) >= before + 3
    finally:
        bench_redis.delete(key)


def _results(*slugs, count=None):
    rows = "".join(
        f'<h3 class="role-row__title" id="role-{slug}"><a href="/careers/{slug}/">x</a></h3>'
        for slug in slugs
    )
    shown = len(slugs) if count is None else count
    return f'<p class="results-count" role="status">{shown} roles</p>{rows}'


def test_check_search_accepts_article_roles_only():
    check_search(_results("computational-linguist"))


@pytest.mark.parametrize(
    "html",
    [
        _results(),
        _results("computational-linguist", "synthetic-data-platform-engineer-7"),
        # More matches than rows: the rest are on later pages, unseen.
        _results("computational-linguist", count=30),
        "<p>no results markup at all</p>",
    ],
    ids=["no match", "a synthetic match", "paginated", "unknown markup"],
)
def test_check_search_refuses_other_results(html):
    with pytest.raises(RuntimeError):
        check_search(html)


def test_cpu_seconds_reads_this_process_and_zero_for_a_gone_one():
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    assert cpu_seconds(os.getpid()) >= 0.04
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert cpu_seconds(gone.pid) == 0.0


def _snapshot(at, pids, busy, own, steal=0.0):
    return {"time": at, "pids": pids, "machine": (busy, steal), "own": own}


def test_cpu_meter_splits_the_machine_into_server_load_generator_and_others():
    start = _snapshot(10.0, {1: 5.0, 2: 3.0}, busy=100.0, own=1.0)
    # Worker 2 used 1 s and backend 3, opened in between, 0.5 s; the machine was busy
    # 4 s, of which the load generator took 1 s.
    end = _snapshot(15.0, {1: 5.0, 2: 4.0, 3: 0.5}, busy=104.0, own=2.0, steal=0.2)
    assert CpuMeter.between(start, end) == pytest.approx((1.5, 1.5, 0.2, 5.0))


def test_cpu_meter_never_reports_negative_others():
    # Tick rounding can make the server's count exceed the machine's busy time.
    start = _snapshot(0.0, {1: 0.0}, busy=10.0, own=0.0)
    end = _snapshot(1.0, {1: 1.02}, busy=11.0, own=0.0)
    assert CpuMeter.between(start, end)[1] == 0.0
