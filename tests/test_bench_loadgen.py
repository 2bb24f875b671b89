"""The benchmark's measuring tools: wrk output parsing and the Python fallback load generator."""

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from loadgen import parse_wrk, python_load  # noqa: E402

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


def test_parse_wrk_without_failure_lines_counts_zero():
    clean = "\n".join(
        line for line in WRK_OUTPUT.splitlines() if "Non-2xx" not in line and "Socket" not in line
    )
    result = parse_wrk(clean)
    assert (result.non_2xx, result.errors) == (0, 0)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
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
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_python_load_counts_requests_and_non_2xx(server):
    ok = python_load("127.0.0.1", server, "/ok", connections=2, duration=0.5)
    assert ok.rps > 0
    assert ok.non_2xx == 0 and ok.errors == 0
    assert 0 < ok.p50_ms <= ok.p99_ms

    missing = python_load("127.0.0.1", server, "/missing", connections=2, duration=0.5)
    assert missing.rps > 0
    assert missing.non_2xx > 0
