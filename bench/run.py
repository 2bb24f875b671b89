"""`make bench`: throughput of the main pages under production settings.

Builds a throwaway SQLite database (the article's data plus 1,000 synthetic
roles), collects static files, serves the prod settings with gunicorn (2 sync
workers) on 127.0.0.1 and drives load from a second process: wrk when it is
installed, otherwise a small Python load generator. Each page is compared with
a static file of the same size served by the same server (whitenoise): the
physical limit of this stack on this machine. Nothing is cached.

Environment knobs: BENCH_DURATION (seconds per page, default 10),
BENCH_CONNECTIONS (default 16), BENCH_ROLES (synthetic roles, default 1000),
BENCH_LOADGEN=python to force the Python load generator.
Exit status 1 when a target is missed.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadgen import LoadResult, http_get, python_load, wrk_load  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SYNTHETIC_ROLES = int(os.environ.get("BENCH_ROLES", "1000"))
WORKERS = 2
STATIC_NAME = "bench-static.html"
# A skill every synthetic role draws from (they link 1-4 of all skills at random).
FILTER_SKILL = "python"

PAGES = [
    ("static file, same size", f"/static/{STATIC_NAME}"),
    ("role list", "/careers/"),
    ("role list, filtered", f"/careers/?pay_min=100000&skill={FILTER_SKILL}&sort=-pay"),
    ("role page", "/careers/machine-learning-engineer/"),
    ("FAQ", "/faq/"),
    # No target: the whole middleware stack, a trivial view and one query. It bounds what
    # any uncached page can reach on this machine.
    ("Django floor (/healthz)", "/healthz"),
]
# Lowest acceptable share of the static file's requests/s.
TARGETS = {"role list": 1 / 15, "role list, filtered": 1 / 15, "role page": 1 / 3}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prod_env(tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="careerguide.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain http on loopback: nothing to redirect to.
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env, *args, timeout=300):
    log("manage.py " + " ".join(args))
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )


def start_server(env, port, log_path):
    log(f"gunicorn, {WORKERS} workers, on 127.0.0.1:{port}")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "careerguide.wsgi",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{port}",
            f"--error-logfile={log_path}",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Own process group, so the master and its workers are stopped together.
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited early; see {log_path}")
        try:
            if http_get(port, "/healthz").status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 30 s")


def stop_server(server):
    if server is None or server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def worker_peaks(server):
    """Peak resident memory (VmHWM, kB) of each gunicorn worker, by pid."""
    peaks = {}
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks[int(pid)] = int(line.split()[1])
    return peaks


def write_static_twin(port, static_root):
    """Copy the rendered role list into STATIC_ROOT: a static file of the same size."""
    reply = http_get(port, "/careers/")
    if reply.status != 200:
        raise RuntimeError(f"/careers/ answered {reply.status} while preparing the static twin")
    (static_root / STATIC_NAME).write_bytes(reply.body)
    return len(reply.body)


def check_pages(port):
    """Every page must answer 200 before it is measured (wrk counts 3xx as success)."""
    sizes = {}
    for name, path in PAGES:
        reply = http_get(port, path)
        if reply.status != 200:
            raise RuntimeError(f"{name} ({path}) answered {reply.status}, not 200")
        sizes[name] = len(reply.body)
    return sizes


def measure(port, path, duration=DURATION):
    url = f"http://127.0.0.1:{port}{path}"
    use_wrk = shutil.which("wrk") and os.environ.get("BENCH_LOADGEN") != "python"
    if use_wrk:
        return wrk_load(url, connections=CONNECTIONS, duration=duration)
    return python_load("127.0.0.1", port, path, connections=CONNECTIONS, duration=duration)


def ratio(result: LoadResult, static: LoadResult):
    if not result.rps:
        return "n/a"
    return f"1/{static.rps / result.rps:.1f}"


def print_report(results, sizes, peaks, loadgen):
    static = results[PAGES[0][0]]
    header = (
        f"{'page':<24}{'bytes':>8}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'errors':>8}{'vs static':>11}"
    )
    print(f"careerguide bench: prod settings, gunicorn {WORKERS} sync workers, SQLite,")
    print(
        f"{SYNTHETIC_ROLES} synthetic roles, {loadgen}, {CONNECTIONS} connections, {DURATION:g} s per page"
    )
    print(header)
    print("-" * len(header))
    for name, _ in PAGES:
        r = results[name]
        print(
            f"{name:<24}{sizes[name]:>8}{r.rps:>10.1f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}"
            f"{r.non_2xx:>9}{r.errors:>8}{ratio(r, static):>11}"
        )
    ok = True
    print()
    for name, target in TARGETS.items():
        share = results[name].rps / static.rps if static.rps else 0
        passed = share >= target
        ok &= passed
        print(
            f"{'PASS' if passed else 'FAIL'}  {name}: 1/{1 / share if share else float('inf'):.1f}"
            f" of static (target at least 1/{1 / target:.0f})"
        )
    clean = all(r.non_2xx + r.errors == 0 for r in results.values())
    ok &= clean
    print(f"{'PASS' if clean else 'FAIL'}  zero non-2xx responses and socket errors")
    print()
    for pid, kb in sorted(peaks.items()):
        print(f"gunicorn worker {pid}: peak resident memory (VmHWM) {kb / 1024:.1f} MiB")
    return ok


def main():
    tmp = Path(tempfile.mkdtemp(prefix="careerguide-bench-"))
    server = None
    try:
        env = prod_env(tmp)
        manage(env, "migrate", "--no-input")
        manage(env, "load_initial_data")
        manage(env, "generate_synthetic_roles", str(SYNTHETIC_ROLES))
        manage(env, "collectstatic", "--no-input")
        port = free_port()
        # First server renders the list page for the static twin; whitenoise only
        # indexes STATIC_ROOT at start-up, so the measured server starts afterwards.
        server = start_server(env, port, tmp / "gunicorn-prepare.log")
        write_static_twin(port, tmp / "static")
        stop_server(server)
        port = free_port()
        server = start_server(env, port, tmp / "gunicorn.log")
        sizes = check_pages(port)

        loadgen = (
            "wrk"
            if shutil.which("wrk") and os.environ.get("BENCH_LOADGEN") != "python"
            else "Python load generator"
        )
        results = {}
        for name, path in PAGES:
            measure(
                port, path, duration=2
            )  # warm-up: templates compiled, connections opened, caches filled
            log(f"measuring {name}: {path}")
            results[name] = measure(port, path)
        peaks = worker_peaks(server)
        stop_server(server)
        server = None
        return 0 if print_report(results, sizes, peaks, loadgen) else 1
    finally:
        stop_server(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
