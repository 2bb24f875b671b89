"""`make bench`: throughput of the main pages under production settings, cache hits and misses.

For each database (PostgreSQL, the production one, then SQLite) a throwaway database gets the
article's data, the official BLS data (import_oews, the pinned package's release) and synthetic
roles (1,000, then 9,000 more for 10,000). For each of those,
gunicorn (2 sync workers, prod settings, 127.0.0.1) is started twice: once with the page cache
in Redis (REDIS_URL, cache hits) and once with it off (DJANGO_PAGE_CACHE_SECONDS=0, misses).
Each server run measures a static file of the same size as the role list (whitenoise) next to
the pages, so every ratio compares two numbers taken on the same server minutes apart. Load
comes from a second process: wrk when installed, otherwise a small Python load generator.
Beside requests/s it reports the server's CPU time per request (gunicorn and its PostgreSQL
backends) and how many CPUs other processes kept busy: on a shared machine requests/s falls
with other people's work, CPU time per request much less.

Environment knobs: BENCH_DURATION (seconds per page, default 5), BENCH_WARMUP (seconds of
load before each page's measurement, default 1), BENCH_CONNECTIONS (default 16),
BENCH_DATABASES (default postgres,sqlite), BENCH_ROLES (default 1000,10000),
BENCH_POSTGRES (server URL, default postgres://postgres@127.0.0.1:5432),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/9; flushed, so never database 0),
BENCH_LOADGEN=python to force the Python load generator.
Exit status 1 when a target is missed.
"""

import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadgen import (  # noqa: E402
    LoadResult,
    http_get,
    keyspace_hits,
    python_load,
    redis_client,
    redis_database,
    wrk_load,
)

REPO = Path(__file__).resolve().parent.parent
DURATION = float(os.environ.get("BENCH_DURATION", "5"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "1"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
DATABASES = [
    d.strip() for d in os.environ.get("BENCH_DATABASES", "postgres,sqlite").split(",") if d.strip()
]
ROLE_COUNTS = sorted(
    {int(n) for n in os.environ.get("BENCH_ROLES", "1000,10000").split(",") if n.strip()}
)
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
USE_WRK = bool(shutil.which("wrk")) and os.environ.get("BENCH_LOADGEN") != "python"
WORKERS = 2
STATIC_NAME = "bench-static.html"
DB_NAMES = {"postgres": "PostgreSQL", "sqlite": "SQLite"}

# A skill every synthetic role draws from (they link 1-4 of all skills at random).
FILTER_SKILL = "python"
# In one article role (Computational Linguist) and in none of the synthetic roles' words.
SEARCH_WORD = "linguist"

PAGES = [
    ("static file, same size", f"/static/{STATIC_NAME}"),
    ("role list", "/careers/"),
    ("role list, filtered", f"/careers/?pay_min=100000&skill={FILTER_SKILL}&sort=-pay"),
    ("role page", "/careers/machine-learning-engineer/"),
    ("text search", f"/careers/?q={SEARCH_WORD}"),
    ("FAQ", "/faq/"),
    # The role with the most official data: 54 states and territories, 528 metro areas.
    ("pay by location", "/careers/data-scientist/pay/"),
    # Visitor tools: skills every synthetic role draws from, and two of the article's roles.
    ("skill match", f"/match/?have={FILTER_SKILL}&have=deep-learning"),
    ("compare", "/compare/?role=data-scientist&role=machine-learning-engineer"),
    # The whole middleware stack, a trivial view and one query; never cached. It bounds
    # what any uncached page can reach on this machine.
    ("Django floor (/healthz)", "/healthz"),
]
STATIC = PAGES[0][0]
# Lowest acceptable share of the static file's requests/s, per cache mode.
TARGETS = {
    "hit": {
        "role list": 1 / 1.5,
        "role list, filtered": 1 / 1.5,
        "role page": 1 / 1.5,
        "pay by location": 1 / 1.5,
    },
    "miss": {"role list": 1 / 30, "role page": 1 / 20, "pay by location": 1 / 20},
}
# On PostgreSQL, misses at the most roles may take at most this many times the time per
# request (1 / req/s) they take at the fewest.
SCALING_LIMIT = 1.5
# Above this many CPUs kept busy by other processes, the report says the machine was shared.
BUSY_CPUS = 0.25
SCALING_PAGES = ["role list", "role list, filtered", "role page", "text search", "pay by location"]
# Served from the page cache when it works: each request must show up in Redis's hit counter.
CACHED_PAGES = list(TARGETS["hit"])
MODES = {
    "hit": "cache hit (REDIS_URL set)",
    "miss": "cache miss (DJANGO_PAGE_CACHE_SECONDS=0)",
}


@dataclass
class Run:
    """One server run: a database, a number of synthetic roles and a cache mode."""

    db: str
    roles: int
    mode: str
    results: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)
    # Growth of Redis's keyspace_hits during each page's measurement.
    redis_hits: dict = field(default_factory=dict)
    # Most keys seen in the bench's Redis database after a page's measurement.
    redis_keys: int = 0
    cache_headers: str = ""
    peaks: dict = field(default_factory=dict)
    # CPU seconds during each page's measurement: gunicorn plus its PostgreSQL backends, and
    # the rest of the machine (less the load generator), which slows the server down.
    server_cpu: dict = field(default_factory=dict)
    other_cpu: dict = field(default_factory=dict)
    steal_cpu: dict = field(default_factory=dict)
    elapsed: dict = field(default_factory=dict)


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prod_env(tmp, database_url):
    # Nothing from the caller's shell may change what is measured.
    dropped = ("DJANGO_", "REDIS_URL", "DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env.update(
        DJANGO_SETTINGS_MODULE="careerguide.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain http on loopback: nothing to redirect to.
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def mode_env(env, mode):
    # Redis in both modes, so the page cache is the only difference between them.
    env = {**env, "REDIS_URL": REDIS_URL}
    if mode == "miss":
        env["DJANGO_PAGE_CACHE_SECONDS"] = "0"
    return env


def manage(env, *args, timeout=600):
    log("manage.py " + " ".join(args))
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def postgres_admin(sql):
    import psycopg2  # only a PostgreSQL run needs it

    conn = psycopg2.connect(f"{POSTGRES}/postgres")
    try:
        conn.autocommit = True  # CREATE/DROP DATABASE refuse to run in a transaction
        with conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone() if cursor.description else None
    finally:
        conn.close()


@contextmanager
def database(db, tmp):
    """A throwaway database's URL, dropped afterwards."""
    if db == "sqlite":
        yield f"sqlite:///{tmp / 'bench.sqlite3'}"
        (tmp / "bench.sqlite3").unlink(missing_ok=True)
        return
    name = f"bench_{secrets.token_hex(4)}"
    postgres_admin(f"CREATE DATABASE {name}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        # FORCE: a server killed mid-run may leave a connection behind.
        postgres_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def analyze(db, url):
    """PostgreSQL: statistics for the freshly bulk-loaded tables now, as autovacuum would
    within a minute, so no plan changes and no ANALYZE runs in the middle of a measurement."""
    if db != "postgres":
        return
    import psycopg2

    conn = psycopg2.connect(url)
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("ANALYZE")
    finally:
        conn.close()


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
            raise RuntimeError(f"gunicorn exited early: {Path(log_path).read_text()[-2000:]}")
        try:
            if http_get(port, "/healthz").status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
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


TICK = 1 / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User plus system CPU time of one process; 0 once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces
    return (int(fields[11]) + int(fields[12])) * TICK


def machine_cpu():
    """(busy, steal) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values
    return (user + nice + system + irq + softirq) * TICK, steal * TICK


def own_cpu():
    """This process and its finished children (wrk): the load generator's CPU seconds."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


class CpuMeter:
    """CPU seconds the server spent, and what else ran on the machine, between two snapshots.

    Requests/s falls when other work shares the CPUs; CPU time per request does not, so it
    tells a slower page from a busier machine."""

    def __init__(self, server, database_url):
        self.server = server
        self.database_url = database_url if database_url.startswith("postgres") else None

    def pids(self):
        path = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children")
        pids = [self.server.pid, *map(int, path.read_text().split())]
        if self.database_url:
            import psycopg2

            conn = psycopg2.connect(self.database_url)
            try:
                with conn.cursor() as cursor:
                    cursor.execute(
                        "SELECT pid FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                    pids += [row[0] for row in cursor.fetchall()]
            finally:
                conn.close()
        return pids

    def snapshot(self):
        return {
            "time": time.monotonic(),
            "pids": {pid: cpu_seconds(pid) for pid in self.pids()},
            "machine": machine_cpu(),
            "own": own_cpu(),
        }

    @staticmethod
    def between(start, end):
        """(server, others, steal, elapsed) seconds. A PostgreSQL backend opened in between
        counts from zero; one closed in between is lost, which only ever undercounts."""
        server = sum(cpu - start["pids"].get(pid, 0.0) for pid, cpu in end["pids"].items())
        busy = end["machine"][0] - start["machine"][0]
        steal = end["machine"][1] - start["machine"][1]
        others = max(0.0, busy - server - (end["own"] - start["own"]))
        return server, others, steal, end["time"] - start["time"]


def write_static_twin(env, tmp, label):
    """Copy the rendered role list into STATIC_ROOT: a static file of the same size.

    A server of its own renders it, because whitenoise indexes STATIC_ROOT only at start-up."""
    port = free_port()
    server = start_server(mode_env(env, "miss"), port, tmp / f"gunicorn-{label}.log")
    try:
        reply = http_get(port, "/careers/")
    finally:
        stop_server(server)
    if reply.status != 200:
        raise RuntimeError(f"/careers/ answered {reply.status} while preparing the static twin")
    (tmp / "static" / STATIC_NAME).write_bytes(reply.body)


def check_pages(port):
    """Every page must answer 200 before it is measured (wrk counts 3xx/4xx as completed).

    In a hit run this is also the warm-up: one request fills each page's cache entry."""
    sizes = {}
    for name, path in PAGES:
        reply = http_get(port, path)
        if reply.status != 200:
            raise RuntimeError(f"{name} ({path}) answered {reply.status}, not 200")
        sizes[name] = len(reply.body)
        if name == "text search":
            check_search(reply.body.decode())
    return sizes


def check_search(html):
    """The search word must find at least one article role and no synthetic one, so the page
    measures a selective search, not the role list again."""
    count = re.search(r'class="results-count" role="status">(\d+) role', html)
    slugs = re.findall(r'class="role-row__title" id="role-([\w-]+)"', html)
    if not count:
        raise RuntimeError(f"search for {SEARCH_WORD!r}: no results count in the page")
    if int(count.group(1)) != len(slugs):
        raise RuntimeError(f"search for {SEARCH_WORD!r}: not every match is on the first page")
    synthetic = [s for s in slugs if s.startswith("synthetic-")]
    if not slugs or synthetic:
        raise RuntimeError(
            f"search for {SEARCH_WORD!r} found {len(slugs) - len(synthetic)} article roles and "
            f"{len(synthetic)} synthetic ones; it must find some of the first and none of the second"
        )


def cache_headers(port):
    """Response headers of the role list that speak of caching, as the app sends them."""
    headers = http_get(port, "/careers/").headers
    shown = [f"{k}: {v}" for k, v in headers if "cache" in k.lower() or k.lower() == "age"]
    return "; ".join(shown) or "none"


def measure(port, path, duration):
    if USE_WRK:
        return wrk_load(
            f"http://127.0.0.1:{port}{path}", connections=CONNECTIONS, duration=duration
        )
    return python_load("127.0.0.1", port, path, connections=CONNECTIONS, duration=duration)


def bench_server(env, database_url, tmp, run):
    redis = redis_client(REDIS_URL)
    redis.flushdb()
    port = free_port()
    label = f"{run.db}-{run.roles}-{run.mode}"
    server = start_server(mode_env(env, run.mode), port, tmp / f"gunicorn-{label}.log")
    try:
        run.sizes = check_pages(port)
        meter = CpuMeter(server, database_url)
        for name, path in PAGES:
            if WARMUP:
                # Templates compiled, connections opened, every worker's caches filled.
                measure(port, path, WARMUP)
            log(f"{label}: measuring {name}: {path}")
            before, start = keyspace_hits(redis), meter.snapshot()
            run.results[name] = measure(port, path, DURATION)
            end, run.redis_hits[name] = meter.snapshot(), keyspace_hits(redis) - before
            # Read after each page, not once at the end, in case entries expire meanwhile.
            run.redis_keys = max(run.redis_keys, redis.dbsize())
            (
                run.server_cpu[name],
                run.other_cpu[name],
                run.steal_cpu[name],
                run.elapsed[name],
            ) = CpuMeter.between(start, end)
        run.cache_headers = cache_headers(port)
        run.peaks = worker_peaks(server)
    finally:
        stop_server(server)
        redis.flushdb()


# ---- report ----


def ratio(result: LoadResult, static: LoadResult):
    if not result.rps or not static.rps:
        return "n/a"
    return f"1/{static.rps / result.rps:.1f}"


def share(run, name):
    static = run.results[STATIC].rps
    return run.results[name].rps / static if static else 0.0


def hits_per_request(run, name):
    requests = run.results[name].requests
    return run.redis_hits[name] / requests if requests else 0.0


def mib(kb):
    return f"{kb / 1024:.0f}"


def peaks_text(run):
    return "/".join(mib(kb) for _, kb in sorted(run.peaks.items()))


def machine_facts(setup, load_before):
    import django

    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    loadgen = "Python load generator"
    if USE_WRK:
        version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
        loadgen = " ".join(version.split()[:2]) or "wrk"
    facts = [
        f"machine: {os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}; "
        # Other work on the machine skews the ratios: say how busy it was.
        f"load average before the bench {load_before:.2f} (1 min)",
        f"load: {loadgen}, {CONNECTIONS} connections, {DURATION:g} s per page after "
        f"{WARMUP:g} s warm-up; gunicorn {WORKERS} sync workers, prod settings",
        f"software: Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}, Redis {redis_client(REDIS_URL).info('server')['redis_version']}",
    ]
    if "postgres" in DATABASES:
        facts[-1] += f", PostgreSQL {postgres_admin('SHOW server_version')[0].split()[0]}"
    facts.append(f"setup: {'; '.join(setup)}")
    return facts


def cpu_ms(run, name):
    """Server CPU milliseconds per request (gunicorn and its PostgreSQL backends)."""
    requests = run.results[name].requests
    return 1000 * run.server_cpu[name] / requests if requests else 0.0


def others_text(run):
    """CPUs the rest of the machine kept busy, on average, while this run measured."""
    elapsed = sum(run.elapsed.values()) or 1.0
    return f"{sum(run.other_cpu.values()) / elapsed:.2f} (steal {sum(run.steal_cpu.values()) / elapsed:.2f})"


def print_tables(runs):
    group = (
        f"{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'n2xx/err':>9}{'vs static':>10}"
        f"{'cpu ms':>7}{'rh/req':>7}"
    )
    width = len(group)
    for db in DATABASES:
        for roles in ROLE_COUNTS:
            hit, miss = runs[db, roles, "hit"], runs[db, roles, "miss"]
            print()
            print(
                f"{DB_NAMES[db]}, {roles:,} synthetic roles; worker peak memory (VmHWM, MiB): "
                f"hit {peaks_text(hit)}, miss {peaks_text(miss)}; other processes' CPUs: "
                f"hit {others_text(hit)}, miss {others_text(miss)}"
            )
            print(f"{'':<31}| {'cache hit':^{width}} | {'cache miss':^{width}}")
            print(f"{'page':<24}{'bytes':>7}| {group} | {group}")
            print("-" * (33 + 2 * width + 3))
            for name, _ in PAGES:
                cells = []
                for run in (hit, miss):
                    r = run.results[name]
                    cells.append(
                        f"{r.rps:>8.1f}{r.p50_ms:>8.1f}{r.p99_ms:>8.1f}"
                        f"{f'{r.non_2xx}/{r.errors}':>9}{ratio(r, run.results[STATIC]):>10}"
                        f"{cpu_ms(run, name):>7.1f}{hits_per_request(run, name):>7.1f}"
                    )
                print(f"{name:<24}{miss.sizes[name]:>7}| {cells[0]} | {cells[1]}")
            print(
                f"cache headers on /careers/: hit: {hit.cache_headers}; miss: {miss.cache_headers}"
            )
            print(
                f"keys in the bench's Redis database (most seen): hit {hit.redis_keys}, "
                f"miss {miss.redis_keys}"
            )


def print_markdown(runs):
    columns = ["database", "roles", "page", "bytes"]
    for mode in MODES:
        columns += [f"{mode} {c}" for c in ("req/s", "p50 ms", "p99 ms", "vs static", "cpu ms")]
    columns.append("non-2xx / errors")
    print("| " + " | ".join(columns) + " |")
    print("| --- | ---: | --- |" + " ---: |" * (len(columns) - 3))
    for db in DATABASES:
        for roles in ROLE_COUNTS:
            hit, miss = runs[db, roles, "hit"], runs[db, roles, "miss"]
            for name, _ in PAGES:
                cells = [DB_NAMES[db], f"{roles:,}", name, str(miss.sizes[name])]
                for run in (hit, miss):
                    r = run.results[name]
                    cells += [
                        f"{r.rps:.1f}",
                        f"{r.p50_ms:.1f}",
                        f"{r.p99_ms:.1f}",
                        ratio(r, run.results[STATIC]),
                        f"{cpu_ms(run, name):.1f}",
                    ]
                h, m = hit.results[name], miss.results[name]
                cells.append(f"{h.non_2xx + m.non_2xx} / {h.errors + m.errors}")
                print("| " + " | ".join(cells) + " |")
    print()
    print("| database | roles | cache | worker peak MiB (VmHWM) | other processes' CPUs |")
    print("| --- | ---: | --- | ---: | ---: |")
    for (db, roles, mode), run in runs.items():
        print(f"| {DB_NAMES[db]} | {roles:,} | {mode} | {peaks_text(run)} | {others_text(run)} |")


def scaling_rows(runs):
    """Misses at the fewest and the most roles: (db, page, (req/s, cpu ms) at each, factor)."""
    fewest, most = ROLE_COUNTS[0], ROLE_COUNTS[-1]
    rows = []
    for db in DATABASES:
        for name in SCALING_PAGES:
            low, high = runs[db, fewest, "miss"], runs[db, most, "miss"]
            low_rps, high_rps = low.results[name].rps, high.results[name].rps
            rows.append(
                (
                    db,
                    name,
                    (low_rps, cpu_ms(low, name)),
                    (high_rps, cpu_ms(high, name)),
                    low_rps / high_rps if high_rps else float("inf"),
                )
            )
    return rows


def check_targets(runs):
    """PASS/FAIL lines; True when every target is met."""
    ok = True

    def verdict(passed, text):
        nonlocal ok
        ok &= passed
        print(f"{'PASS' if passed else 'FAIL'}  {text}")

    for (db, roles, mode), run in runs.items():
        where = f"{DB_NAMES[db]}, {roles:,} roles, {mode}:"
        for name, target in TARGETS[mode].items():
            got = share(run, name)
            verdict(
                got >= target,
                f"{where} {name} {ratio(run.results[name], run.results[STATIC])} of static "
                f"(target at least 1/{1 / target:g})",
            )
        if mode == "hit":
            # Each cache hit reads at least one Redis key; fewer hits than requests means
            # some requests were rendered again. keyspace_hits counts every database, so
            # other users of this Redis can inflate it (the static file's rh/req shows how
            # much): the entries must also be in the bench's own database.
            hits = min(hits_per_request(run, name) for name in CACHED_PAGES)
            verdict(
                hits >= 1 and run.redis_keys > 0,
                f"{where} cache hits: {run.redis_keys} keys in {REDIS_URL}, Redis keyspace "
                f"hits per request at least 1 on {', '.join(CACHED_PAGES)} (lowest {hits:.2f})",
            )
        if mode == "miss" and run.redis_keys:
            # Not a failure by itself (something other than the page cache may use Redis),
            # but misses measured against stored pages would be hits.
            print(f"note  {where} {run.redis_keys} keys in {REDIS_URL} with the page cache off")
    if len(ROLE_COUNTS) == 1:
        print("info  one number of roles (BENCH_ROLES): no scaling target checked")
    else:
        fewest, most = ROLE_COUNTS[0], ROLE_COUNTS[-1]
        for db, name, low, high, factor in scaling_rows(runs):
            cpu = high[1] / low[1] if low[1] else float("inf")
            text = (
                f"{DB_NAMES[db]}, misses: {name} at {most:,} roles takes {factor:.2f}x the time "
                f"per request (1 / req/s) at {fewest:,} ({low[0]:.1f} -> {high[0]:.1f} req/s); "
                f"server CPU per request {cpu:.2f}x ({low[1]:.1f} -> {high[1]:.1f} ms)"
            )
            if db == "postgres":
                verdict(factor <= SCALING_LIMIT, f"{text}; target at most {SCALING_LIMIT}x")
            else:
                print(f"info  {text}; no target off PostgreSQL")
    clean = all(r.non_2xx + r.errors == 0 for run in runs.values() for r in run.results.values())
    verdict(clean, "zero non-2xx responses and zero socket errors in every run")
    busiest = max(runs.values(), key=lambda run: sum(run.other_cpu.values()))
    others = sum(busiest.other_cpu.values()) / (sum(busiest.elapsed.values()) or 1.0)
    if others > BUSY_CPUS:
        print(
            f"note  other processes kept up to {others:.2f} of {os.cpu_count()} CPUs busy "
            f"({DB_NAMES[busiest.db]}, {busiest.roles:,} roles, {busiest.mode}): every figure is "
            "lower, and the ratios noisier, than on an idle machine; cpu ms moves least"
        )
    return ok


def print_report(runs, setup, load_before):
    print("careerguide bench: each page's req/s against a static file of the same size")
    print("served by the same gunicorn in the same run (whitenoise)")
    for fact in machine_facts(setup, load_before):
        print(f"  {fact}")
    print(
        "  hit: REDIS_URL set, DJANGO_PAGE_CACHE_SECONDS unset (the app's default); "
        "miss: REDIS_URL set, DJANGO_PAGE_CACHE_SECONDS=0"
    )
    print(
        "  n2xx/err: non-2xx responses / socket errors; cpu ms: CPU time of gunicorn and its "
        "PostgreSQL backends per request; rh/req: growth of Redis's keyspace_hits "
        "(server-wide: the static file, which never reads Redis, shows other users' share) "
        "per request; other processes' CPUs: the rest of the machine, busy beside the server "
        "and the load generator"
    )
    print_tables(runs)
    print()
    print("Markdown:")
    print()
    print_markdown(runs)
    print()
    return check_targets(runs)


def main():
    for db in DATABASES:
        if db not in DB_NAMES:
            raise SystemExit(f"bench: BENCH_DATABASES takes postgres and sqlite, not {db!r}")
    if not ROLE_COUNTS or ROLE_COUNTS[0] < 1:
        raise SystemExit("bench: BENCH_ROLES takes positive numbers of roles, e.g. 1000,10000")
    if redis_database(redis_client(REDIS_URL)) == 0:
        raise SystemExit("bench: BENCH_REDIS_URL must name a Redis database other than 0")
    # Fail in a second, not after minutes of setup, when a server is missing.
    try:
        redis_client(REDIS_URL).ping()
        if "postgres" in DATABASES:
            postgres_admin("SELECT 1")
    except Exception as error:
        raise SystemExit(
            f"bench: Redis ({REDIS_URL}) or PostgreSQL ({POSTGRES}): {error}"
        ) from None

    started, load_before = time.monotonic(), os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="careerguide-bench-"))
    runs, setup = {}, []
    try:
        static_env = prod_env(tmp, f"sqlite:///{tmp / 'unused.sqlite3'}")
        manage(static_env, "collectstatic", "--no-input")
        for db in DATABASES:
            with database(db, tmp) as url:
                env = prod_env(tmp, url)
                took = manage(env, "migrate", "--no-input") + manage(env, "load_initial_data")
                setup.append(f"{DB_NAMES[db]} migrate + article data {took:.1f} s")
                took = manage(env, "import_oews")
                setup.append(f"official data (import_oews) {took:.1f} s")
                have = 0
                for roles in ROLE_COUNTS:
                    took = manage(
                        env, "generate_synthetic_roles", str(roles - have), "--allow-production"
                    )
                    setup.append(f"+{roles - have:,} synthetic roles {took:.1f} s")
                    have = roles
                    analyze(db, url)
                    write_static_twin(env, tmp, f"prepare-{db}-{roles}")
                    for mode in MODES:
                        run = runs[db, roles, mode] = Run(db, roles, mode)
                        bench_server(env, url, tmp, run)
        setup.append(f"whole bench {time.monotonic() - started:.0f} s")
        return 0 if print_report(runs, setup, load_before) else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
