"""Soak: mixed traffic for a long while, a guide published every few seconds; the server must
not fail a request, lose one, or grow.

    python bench/soak.py [--seconds 600] [--connections 16] [--publish-every 10]
                         [--backend whoosh|postgres] [--database-url URL] [--max-rss-growth 0.10]
                         [--timeout 10] [--warm-up 60] [--malloc-arena-max N]

Without --database-url it builds the demo's SQLite database in a temporary folder (`guide demo`'s
set-up; the whoosh backend). The postgres backend needs a PostgreSQL URL; an empty database there
is migrated and loaded with the sample content first. Guides published here stay published in
that database.

The app runs under waitress in another process with production.ini's app and server settings
(8 threads) and logging; its log is kept in the temporary folder and printed when something
failed. The GUIDE_* variables are not passed on to it. The clients are --connections threads,
each on a keep-alive connection asking for a weighted mix: public pages in zh-hans, en and
zh-hant (home, the items list, items with and without a guide, departments, centers), search
pages and /api/v1/search (Chinese, English, pinyin and Traditional Chinese queries), /api/v1/items
and its items, and centers' live status, gzip accepted, a quarter of repeated URLs revalidated
with their ETag, as browsers do. Meanwhile a publisher signs in and, every --publish-every
seconds, publishes the next English guide through the guide form with a new word in its text,
then waits until the public page shows it.

Warm-up: every URL of the rotation once, then the mixed load and the publisher for --warm-up
seconds (the answers kept by the app fill up as publishes change the index). Then the server's
RSS is read, and the load and publisher run for --seconds while the RSS is sampled every two.

Exits 1 when any answer was a 5xx, any request took over --timeout seconds or lost its
connection, any publish failed or did not show, or the RSS at the end is more than
--max-rss-growth above the RSS after the warm-up. Prints a table and the raw figures to paste into
docs/benchmarks.md, with the machine's load. CI runs it for 60 seconds as a smoke test; the
600 s run is the benchmark.
"""
from __future__ import annotations

import os
import sys

# bench/http.py is this file's neighbour: with this folder first on the path (a script's), the
# standard library's `http` package would be shadowed by it.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != HERE]

import argparse  # noqa: E402
import collections  # noqa: E402
import datetime as dt  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import quote, urlencode  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypinyin import lazy_pinyin  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.publish import PASSWORD, SECRET, Client, field, percentile  # noqa: E402
from bench.search import (LANGS, free_port, loaded_postgres, production_threads, queries,  # noqa: E402
                          sample_database, wait_for)
from guide.accounts.service import Accounts  # noqa: E402
from guide.audit import Actor  # noqa: E402
from guide.i18n import to_traditional  # noqa: E402
from guide.models import Guide, Item, get_engine, get_session_factory, transaction_scope  # noqa: E402

PUBLISHER = "soak-publisher"
PRODUCTION_INI = ROOT / "production.ini"

#: The app as production.ini deploys it (app settings, waitress settings, logging), on this
#: database, index folder and port.
SERVER = """
import configparser, logging.config, sys
from waitress import serve
from guide import main
ini, port, url, folder, backend, secret = sys.argv[1:]
logging.config.fileConfig(ini, disable_existing_loggers=False)
config = configparser.ConfigParser(interpolation=None)
config.read(ini, encoding="utf-8")
settings = {k: v for k, v in config["app:main"].items() if k != "use"}
settings.update({"sqlalchemy.url": url, "guide.search.index_dir": folder + "/index",
                 "guide.template_cache": folder + "/templates", "guide.search.backend": backend,
                 "guide.secret": secret})
server = {k: v for k, v in config["server:main"].items() if k not in ("use", "listen")}
serve(main({}, **settings), host="127.0.0.1", port=int(port), _quiet=True, **server)
"""

#: The share of requests of each kind (they add up to 100).
WEIGHTS = {
    "home": 5, "items_list": 6, "item_with_guide": 20, "item_without_guide": 10, "departments": 6,
    "centers": 6, "search_page": 12, "api_search": 12, "api_items": 13, "center_status": 10,
}
#: Of the requests for a URL this connection has an ETag for, the share sent with If-None-Match.
REVALIDATE = 0.25


# -- what to ask for ----------------------------------------------------------------------------

def get_json(connection: http.client.HTTPConnection, path: str) -> dict:
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"soak: {path} answered {response.status}")
    return json.loads(body)


def catalogue(port: int) -> tuple[list[str], list[str], list[str]]:
    """Item, department and center codes, as the API lists them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    codes, departments, page = [], {}, 1
    while True:
        answer = get_json(connection, f"/api/v1/items?per_page=100&page={page}")
        for item in answer["items"]:
            codes.append(item["code"])
            departments[item["department"]["code"]] = True
        if page * answer["per_page"] >= answer["total"]:
            break
        page += 1
    centers = [c["code"] for c in get_json(connection, "/api/v1/centers")["centers"]]
    connection.close()
    return codes, list(departments), centers


def search_cases(session_factory, rng: random.Random) -> list[tuple[str, str]]:
    """(query, URL language): the relevance cases and item names (bench/search.py's), some in
    pinyin, some asked in Traditional Chinese on the zh-hant pages."""
    url_lang = {tag: prefix for prefix, tag in LANGS.items()}
    cases = []
    for text, tag in queries(session_factory, 150):
        cases.append((text, url_lang[tag]))
        if tag == "zh-Hans":
            roll = rng.random()
            if roll < 0.3:
                cases.append(("".join(lazy_pinyin(text)), "zh-hans"))
            elif roll < 0.6:
                cases.append((to_traditional(text), "zh-hant"))
    return cases


def rotation(port: int, session_factory, rng: random.Random) -> tuple[dict[str, list[str]], list[str]]:
    """The URLs of each kind, and the codes of the English guides the publisher edits."""
    codes, departments, centers = catalogue(port)
    with session_factory() as s:
        published = s.execute(select(Item.code, Guide.locale).join(Guide, Guide.item_id == Item.id)
                              .where(Guide.published_revision_id.is_not(None))).all()
    guided = sorted({code for code, _ in published})
    english = sorted(code for code, locale in published if locale == "en")
    unguided = sorted(set(codes) - set(guided))
    langs = list(LANGS)
    with_guide = sorted(set(rng.sample(guided, min(80, len(guided)))) | set(english))
    without_guide = rng.sample(unguided, min(80, len(unguided)))
    cases = search_cases(session_factory, rng)
    times = [f"2026-12-{day:02d}T{hour:02d}:{minute:02d}+08:00"
             for day in range(1, 8) for hour in (7, 9, 12, 15, 18) for minute in (0, 30)]
    urls = {
        "home": [f"/{lang}/" for lang in langs],
        "items_list": [f"/{lang}/items?page={page}" for lang in langs for page in range(1, 6)]
        + [f"/{lang}/items?department={d}" for lang in langs for d in departments],
        "item_with_guide": [f"/{lang}/items/{code}" for code in with_guide for lang in langs],
        "item_without_guide": [f"/{lang}/items/{code}" for code in without_guide for lang in langs],
        "departments": [f"/{lang}/departments" for lang in langs]
        + [f"/{lang}/departments/{d}" for lang in langs for d in departments],
        "centers": [f"/{lang}/centers" for lang in langs] + [f"/{lang}/centers/{c}" for lang in langs for c in centers],
        "search_page": [f"/{lang}/search?q={quote(text)}" for text, lang in cases],
        "api_search": [f"/api/v1/search?{urlencode({'q': text, 'lang': LANGS[lang]})}" for text, lang in cases],
        "api_items": [f"/api/v1/items?page={page}" for page in range(1, len(codes) // 20 + 2)]
        + [f"/api/v1/items/{code}?lang={LANGS[rng.choice(langs)]}" for code in rng.sample(codes, min(200, len(codes)))],
        "center_status": [f"/api/v1/centers/{c}/status" for c in centers]
        + [f"/api/v1/centers/{c}/status?{urlencode({'at': rng.choice(times), 'lang': 'en'})}" for c in centers * 3],
    }
    return urls, english


# -- readers ------------------------------------------------------------------------------------

class Reader(threading.Thread):
    """One browser on one keep-alive connection: the weighted mix until `until` (time.monotonic),
    or the given URLs once. Counts and times every answer."""

    def __init__(self, n: int, port: int, urls: dict[str, list[str]], timeout: float, stop: threading.Event,
                 until: float = 0.0, once: list[tuple[str, str]] | None = None):
        super().__init__(name=f"reader-{n}", daemon=True)
        self.port, self.urls, self.timeout, self.stop, self.until, self.once = port, urls, timeout, stop, until, once
        self.rng = random.Random(n)
        self.kinds, self.weights = list(WEIGHTS), list(WEIGHTS.values())
        self.connection: http.client.HTTPConnection | None = None
        self.etags: dict[str, str] = {}
        self.latency: dict[str, list[float]] = collections.defaultdict(list)
        self.statuses: collections.Counter = collections.Counter()
        self.timeouts = self.slow = self.connection_errors = 0  # no answer in time; answered late; lost
        self.problems: list[dict] = []  # 5xx, timeouts, lost connections (and 4xx, reported apart)

    def run(self) -> None:
        if self.once is not None:
            for kind, path in self.once:
                if self.stop.is_set():
                    return
                self.get(kind, path)
            return
        while not self.stop.is_set() and time.monotonic() < self.until:
            kind = self.rng.choices(self.kinds, self.weights)[0]
            self.get(kind, self.rng.choice(self.urls[kind]))

    def get(self, kind: str, path: str) -> None:
        headers = {"Accept-Encoding": "gzip",
                   "Accept": "application/json" if path.startswith("/api/") else "text/html,*/*;q=0.8"}
        if path in self.etags and self.rng.random() < REVALIDATE:
            headers["If-None-Match"] = self.etags[path]
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers=headers)
            response = self.connection.getresponse()
            response.read()
        except TimeoutError:
            self.timeouts += 1
            self.lost(kind, path, started, f"no answer within {self.timeout} s")
            return
        except (OSError, http.client.HTTPException) as exc:
            self.connection_errors += 1
            self.lost(kind, path, started, repr(exc))
            return
        elapsed = time.perf_counter() - started
        if elapsed > self.timeout:  # every read was in time, the whole was not
            self.slow += 1
            self.problems.append({"at": clock(), "kind": kind, "path": path, "what": f"took {elapsed:.1f} s"})
        self.latency[kind].append(elapsed * 1000)
        self.statuses[response.status] += 1
        if response.status >= 400:
            self.problems.append({"at": clock(), "kind": kind, "path": path, "status": response.status,
                                  "ms": round(elapsed * 1000, 1)})
        etag = response.getheader("ETag")
        if etag:
            self.etags[path] = etag

    def lost(self, kind: str, path: str, started: float, what: str) -> None:
        self.problems.append({"at": clock(), "kind": kind, "path": path, "what": what,
                              "after_s": round(time.perf_counter() - started, 2)})
        self.connection.close()
        self.connection = None


def clock() -> str:
    return dt.datetime.now().strftime("%H:%M:%S.%f")[:-3]


# -- the publisher ------------------------------------------------------------------------------

class Publisher(threading.Thread):
    """An editor who publishes the next English guide every `every` seconds, each time with a new
    word in its text (the last one's replaced), and waits for the public page to show it."""

    def __init__(self, port: int, codes: list[str], every: float, timeout: float, stop: threading.Event,
                 until: float = 0.0, first: int = 0):
        super().__init__(name="publisher", daemon=True)
        self.port, self.codes, self.every, self.timeout, self.stop = port, codes, every, timeout, stop
        self.until, self.first = until, first
        self.editor: Client | None = None
        self.count = 0
        self.publish_ms: list[float] = []  # the POST, its 303 and the form page it leads to
        self.shown_ms: list[float] = []  # from sending until the public page shows the word
        self.failures: list[dict] = []

    def run(self) -> None:
        next_at = time.monotonic()
        while not self.stop.wait(max(0.0, next_at - time.monotonic())) and next_at < self.until:
            self.publish_one()
            next_at = max(next_at + self.every, time.monotonic())

    def client(self) -> Client:
        client = Client(self.port)
        client.connection.timeout = self.timeout
        return client

    def sign_in(self) -> Client:
        editor = self.client()
        _, page, _ = editor.request("GET", "/editor/login?lang=en")
        status, _, _ = editor.request("POST", "/editor/login?lang=en", {
            "csrf_token": field(page, "csrf_token"), "username": PUBLISHER, "password": PASSWORD})
        if status != 303:
            raise RuntimeError(f"sign-in answered {status}")
        return editor

    def publish_one(self) -> None:
        n = self.first + self.count
        self.count += 1
        code = self.codes[n % len(self.codes)]
        token = "zqxsoak" + "".join("abcdefghij"[int(d)] for d in f"{n:04d}")
        path = f"/editor/items/{code}/en"
        try:
            if self.editor is None:
                self.editor = self.sign_in()
            status, page, _ = self.editor.request("GET", path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            body = re.sub(r"\n*Soak zqxsoak[a-j]+\.\s*$", "", field(page, "body"))
            form = {"csrf_token": field(page, "csrf_token"), "base_revision": field(page, "base_revision"),
                    "summary": field(page, "summary"), "body": f"{body}\n\nSoak {token}.",
                    "note": f"soak {n}", "action": "publish"}
            started = time.perf_counter()
            status, answer, headers = self.editor.request("POST", path, form)
            if status != 303:
                errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)<', answer)
                raise RuntimeError(f"POST {path} answered {status} {errors[:3]}")
            location = headers["Location"].replace(f"http://127.0.0.1:{self.port}", "")
            status, _, _ = self.editor.request("GET", location)
            if status != 200:
                raise RuntimeError(f"GET {location} after the publish answered {status}")
            self.publish_ms.append((time.perf_counter() - started) * 1000)
            reader, public = self.client(), f"/en/items/{code}"
            while True:
                status, text, _ = reader.request("GET", public)
                if status == 200 and token in text:
                    break
                if time.perf_counter() - started > self.timeout:
                    raise RuntimeError(f"{public} did not show {token} within {self.timeout} s (last {status})")
                time.sleep(0.05)
            self.shown_ms.append((time.perf_counter() - started) * 1000)
            reader.connection.close()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            self.failures.append({"at": clock(), "code": code, "n": n, "what": repr(exc)})
            if self.editor is not None:
                self.editor.connection.close()
            self.editor = None  # sign in again next time


# -- the server and its memory ------------------------------------------------------------------

def memory_kb(pid: int) -> dict[str, int]:
    """The process's resident memory: all of it (VmRSS), and its anonymous (heap) and file-backed
    (mapped files: the search index, libraries) parts."""
    status = Path(f"/proc/{pid}/status").read_text()
    return {name: int(re.search(rf"{name}:\s+(\d+) kB", status).group(1)) for name in ("VmRSS", "RssAnon", "RssFile")}


def rss_kb(pid: int) -> int:
    return memory_kb(pid)["VmRSS"]


class Sampler(threading.Thread):
    """The server's memory and open files every `every` seconds."""

    def __init__(self, pid: int, every: float, stop: threading.Event):
        super().__init__(name="sampler", daemon=True)
        self.pid, self.every, self.stop = pid, every, stop
        self.samples: list[dict] = []  # seconds, VmRSS, RssAnon, RssFile (kB), open files
        self.started = time.monotonic()

    def sample(self) -> None:
        self.samples.append({"seconds": time.monotonic() - self.started, **memory_kb(self.pid),
                             "open_files": len(os.listdir(f"/proc/{self.pid}/fd"))})

    def run(self) -> None:
        while not self.stop.wait(self.every):
            try:
                self.sample()
            except OSError:  # the server has gone: the main thread notices
                return


def start_server(port: int, url: str, folder: Path, backend: str, log,
                 malloc_arena_max: int | None) -> subprocess.Popen:
    def die_with_parent():  # the server must not outlive a killed soak
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass

    return subprocess.Popen([sys.executable, "-c", SERVER, str(PRODUCTION_INI), str(port), url, str(folder), backend,
                             SECRET], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent,
                            env=server_environment(malloc_arena_max))


def server_environment(malloc_arena_max: int | None) -> dict[str, str]:
    """This process's environment less the GUIDE_* variables (they win over settings: the server
    must serve the database and index built here), with MALLOC_ARENA_MAX when asked for (glibc's
    malloc: how many arenas the server's threads allocate from; by default eight per core)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("GUIDE_")}
    if malloc_arena_max is not None:
        env["MALLOC_ARENA_MAX"] = str(malloc_arena_max)
    return env


def wait_for_server(server: subprocess.Popen, port: int, seconds: float = 300) -> None:
    """Until the server answers (bench/search.py's wait_for, again while the server is alive: a
    first start builds the search index, which takes longer than a minute on a busy machine)."""
    answered = []

    def wait():
        deadline = time.monotonic() + seconds
        while server.poll() is None and time.monotonic() < deadline:
            try:
                wait_for(port)
            except SystemExit:
                continue
            answered.append(True)
            return

    watcher = threading.Thread(target=wait, daemon=True)
    watcher.start()
    while watcher.is_alive():
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode} before answering")
        watcher.join(0.2)
    if server.poll() is not None:
        raise RuntimeError(f"the server exited with {server.returncode} before answering")
    if not answered:
        raise RuntimeError(f"the server did not answer within {seconds:g} s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def log_excerpt(path: Path, lines: int = 80) -> list[str]:
    """The last lines of the server's log, less waitress's queue depth warnings (one a request)."""
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    kept = [line for line in text if "Task queue depth" not in line]
    return kept[-lines:]


def log_counts(path: Path) -> dict:
    text = path.read_text(encoding="utf-8", errors="replace")
    return {"errors": len(re.findall(r"^\S+ \S+ ERROR", text, re.M)),
            "warnings": len(re.findall(r"^\S+ \S+ WARN", text, re.M)),
            "queue_depth_warnings": text.count("Task queue depth")}


# -- the run ------------------------------------------------------------------------------------

def summary(readers: list[Reader]) -> dict:
    latency: dict[str, list[float]] = collections.defaultdict(list)
    statuses: collections.Counter = collections.Counter()
    for reader in readers:
        statuses.update(reader.statuses)
        for kind, values in reader.latency.items():
            latency[kind] += values
    every = [v for values in latency.values() for v in values]
    classes = collections.Counter(f"{status // 100}xx" for status in statuses.elements())
    problems = [p for reader in readers for p in reader.problems]
    return {
        "requests": sum(statuses.values()) + sum(r.timeouts + r.connection_errors for r in readers),
        "answered": sum(statuses.values()),
        "by_class": dict(sorted(classes.items())),
        "5xx": sum(n for status, n in statuses.items() if status >= 500),
        "timeouts": sum(r.timeouts + r.slow for r in readers),  # no answer within the timeout, or one after it
        "connection_errors": sum(r.connection_errors for r in readers),
        "p50_ms": percentile(every, 0.5) if every else None,
        "p95_ms": percentile(every, 0.95) if every else None,
        "p99_ms": percentile(every, 0.99) if every else None,
        "max_ms": round(max(every), 1) if every else None,
        "by_kind": {kind: {"requests": len(values), "p50_ms": percentile(values, 0.5),
                           "p95_ms": percentile(values, 0.95), "p99_ms": percentile(values, 0.99)}
                    for kind, values in sorted(latency.items())},
        "problems": sorted(problems, key=lambda p: p["at"]),
    }


def run_readers(readers: list[Reader], server: subprocess.Popen, threads: list[threading.Thread]) -> None:
    """Start the readers and wait until they are done, watching the server."""
    for reader in readers:
        threads.append(reader)
        reader.start()
    while any(r.is_alive() for r in readers):
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        time.sleep(0.2)


def run_phase(args, port: int, urls: dict[str, list[str]], english: list[str], server: subprocess.Popen,
              stop: threading.Event, threads: list[threading.Thread], seconds: float, seed: int,
              first_publish: int) -> tuple[list[Reader], Publisher, float]:
    """The mixed load and the publisher for `seconds`: the readers, the publisher, the seconds taken."""
    started = time.monotonic()
    until = started + seconds
    readers = [Reader(seed + n, port, urls, args.timeout, stop, until) for n in range(args.connections)]
    publisher = Publisher(port, english, args.publish_every, args.timeout, stop, until, first_publish)
    threads.append(publisher)
    publisher.start()
    run_readers(readers, server, threads)
    elapsed = time.monotonic() - started
    publisher.join(args.timeout * 3)  # a publish in hand is finished
    return readers, publisher, elapsed


def soak(args, folder: Path) -> int:
    loads, commit = {"before": os.getloadavg()}, git_commit()  # the code the server runs
    if args.backend == "postgres":
        if not (args.database_url or "").startswith("postgresql"):
            raise SystemExit("soak: the postgres backend needs --database-url postgresql+psycopg://...")
        url = loaded_postgres(args.database_url)
    else:
        url = args.database_url or sample_database(folder / "data")
    engine = get_engine({"sqlalchemy.url": url})
    session_factory = get_session_factory(engine)
    with transaction_scope(session_factory) as s:
        accounts = Accounts(s, dt.datetime.now(dt.timezone.utc), Actor.system("soak"))
        if accounts.get(PUBLISHER) is None:
            accounts.add(PUBLISHER, "publisher", PASSWORD)
        else:
            accounts.reset_password(PUBLISHER, PASSWORD)
    port = free_port()
    log_path = folder / "server.log"
    stop = threading.Event()  # set only to stop everything at once (a failure, Ctrl-C)
    threads: list[threading.Thread] = []
    with log_path.open("wb") as log:
        server = start_server(port, url, folder, args.backend, log, args.malloc_arena_max)
    try:
        wait_for_server(server, port)
        before_warm_up_kb = rss_kb(server.pid)
        urls, english = rotation(port, session_factory, random.Random(15))
        engine.dispose()
        if not english:
            raise SystemExit("soak: no English guide to publish")
        # Warm-up: every URL once, spread over the connections, then the mixed load and the
        # publisher for --warm-up seconds (the answers kept fill up as the index changes).
        warm_started = time.monotonic()
        everything = [(kind, path) for kind, paths in urls.items() for path in paths]
        random.Random(6).shuffle(everything)
        first_pass = [Reader(n, port, urls, args.timeout, stop, once=everything[n::args.connections])
                      for n in range(args.connections)]
        run_readers(first_pass, server, threads)
        warm, warm_publisher, _ = run_phase(args, port, urls, english, server, stop, threads, args.warm_up, 100, 0)
        warm_seconds = time.monotonic() - warm_started
        time.sleep(2)
        loads["at_the_start"] = os.getloadavg()
        sampler = Sampler(server.pid, args.sample_every, stop)
        sampler.sample()
        threads.append(sampler)
        sampler.start()
        readers, publisher, elapsed = run_phase(args, port, urls, english, server, stop, threads, args.seconds, 200,
                                                warm_publisher.count)
        sampler.sample()
        failed = report(args, urls, first_pass + warm, warm_seconds, warm_publisher, readers, publisher, sampler,
                        elapsed, loads, log_path, url, before_warm_up_kb, commit)
        if failed:
            print("soak: FAILED: " + "; ".join(failed), file=sys.stderr)
            print("soak: the server's log (queue depth warnings left out):", file=sys.stderr)
            for line in log_excerpt(log_path):
                print("  " + line, file=sys.stderr)
            return 1
        print("soak: passed", file=sys.stderr)
        return 0
    except BaseException:
        if log_path.exists() and log_path.stat().st_size:
            print("soak: stopped; the end of the server's log:", file=sys.stderr)
            for line in log_excerpt(log_path, 30):
                print("  " + line, file=sys.stderr)
        raise
    finally:
        stop.set()
        for thread in threads:
            if thread.is_alive():
                thread.join(args.timeout + 1)
        stop_server(server)


def publishing(publisher: Publisher) -> dict:
    def p(values, share):
        return percentile(values, share) if values else None

    return {"done": len(publisher.publish_ms), "failed": len(publisher.failures),
            "publish_p50_ms": p(publisher.publish_ms, 0.5), "publish_p95_ms": p(publisher.publish_ms, 0.95),
            "shown_p50_ms": p(publisher.shown_ms, 0.5), "shown_p95_ms": p(publisher.shown_ms, 0.95),
            "shown_max_ms": round(max(publisher.shown_ms), 1) if publisher.shown_ms else None,
            "failures": publisher.failures}


def memory(sampler: Sampler, before_warm_up_kb: int) -> dict:
    first, last = sampler.samples[0], sampler.samples[-1]
    top = max(s["VmRSS"] for s in sampler.samples)

    def mb(kb):
        return round(kb / 1024, 1)

    return {"before_warm_up_mb": mb(before_warm_up_kb), "start_mb": mb(first["VmRSS"]), "max_mb": mb(top),
            "end_mb": mb(last["VmRSS"]), "growth": round(last["VmRSS"] / first["VmRSS"] - 1, 4),
            "max_growth": round(top / first["VmRSS"] - 1, 4),
            "anon_start_mb": mb(first["RssAnon"]), "anon_end_mb": mb(last["RssAnon"]),
            "file_start_mb": mb(first["RssFile"]), "file_end_mb": mb(last["RssFile"]),
            "samples": len(sampler.samples), "open_files_start": first["open_files"],
            "open_files_end": last["open_files"], "open_files_max": max(s["open_files"] for s in sampler.samples),
            # at each tenth of the run, to see a trend
            "trend_mb": [mb(next(s["VmRSS"] for s in sampler.samples if s["seconds"] >= last["seconds"] * tenth / 10))
                         for tenth in range(11)]}


def report(args, urls, warm, warm_seconds, warm_publisher, readers, publisher, sampler, elapsed, loads,
           log_path, url, before_warm_up_kb, commit) -> list[str]:
    """Prints the figures (a table and the raw JSON lines for docs/benchmarks.md); what failed."""
    warm_up, load = summary(warm), summary(readers)
    rss = memory(sampler, before_warm_up_kb)
    publishes, warm_publishes = publishing(publisher), publishing(warm_publisher)
    failed = []
    for name, tally in (("warm-up", warm_up), ("soak", load)):
        if tally["5xx"]:
            failed.append(f"{tally['5xx']} answers 5xx ({name})")
        if tally["timeouts"] or tally["connection_errors"]:
            failed.append(f"{tally['timeouts']} timeouts and {tally['connection_errors']} lost connections ({name})")
    for name, tally in (("warm-up", warm_publishes), ("soak", publishes)):
        if tally["failed"]:
            failed.append(f"{tally['failed']} publishes failed ({name})")
    if not publishes["done"]:
        failed.append("nothing was published")
    if rss["growth"] > args.max_rss_growth:
        failed.append(f"RSS grew {rss['growth']:.1%}, over {args.max_rss_growth:.0%}")
    rps = load["requests"] / elapsed
    lost, warm_lost = (t["timeouts"] + t["connection_errors"] for t in (load, warm_up))
    command = "python bench/soak.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    print(f"Command: `{command.strip()}`\n")
    print("| measure | target | measured | met |")
    print("|---|---|---|---|")
    print(f"| answers 5xx | 0 | {load['5xx']} (warm-up {warm_up['5xx']}) | {yes(not load['5xx'] + warm_up['5xx'])} |")
    print(f"| requests over {args.timeout:g} s, lost connections | 0 | {load['timeouts']}, {load['connection_errors']}"
          f" (warm-up {warm_lost}) | {yes(not lost + warm_lost)} |")
    print(f"| publishes (one every {args.publish_every:g} s) failed or not shown on the page | 0 "
          f"| {publishes['failed']} of {publisher.count} (warm-up {warm_publishes['failed']} of {warm_publisher.count})"
          f" | {yes(not publishes['failed'] + warm_publishes['failed'] and publishes['done'])} |")
    print(f"| server RSS, end of the run against after the warm-up | < {args.max_rss_growth:.0%} growth "
          f"| {rss['start_mb']} → {rss['end_mb']} MB ({rss['growth']:+.1%}; max {rss['max_mb']} MB) "
          f"| {yes(rss['growth'] <= args.max_rss_growth)} |")
    print(f"| requests in {elapsed:.0f} s at {args.connections} connections | — | {load['requests']:,} ({rps:.0f}/s; "
          f"{', '.join(f'{k} {v:,}' for k, v in load['by_class'].items())}) | — |")
    print(f"| latency, every request | — | p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms, "
          f"p99 {load['p99_ms']} ms, max {load['max_ms']} ms | — |")
    print(f"| a publish (POST, 303, the form page), p95 / until the public page shows it, p95 | — "
          f"| {publishes['publish_p95_ms']} ms / {publishes['shown_p95_ms']} ms | — |")
    print()
    problems = warm_up.pop("problems") + load.pop("problems")
    figures = {
        "soak": {"seconds": round(elapsed, 1), "connections": args.connections, "timeout_s": args.timeout,
                 "requests_per_second": round(rps, 1), **load},
        "warm_up": {"seconds": round(warm_seconds, 1), "urls": sum(len(paths) for paths in urls.values()),
                    "publishes": warm_publishes["done"], **warm_up},
        "urls": {kind: len(paths) for kind, paths in urls.items()},
        "publishes": {"every_s": args.publish_every, **publishes},
        "rss": rss,
        "server_log": log_counts(log_path),
        "machine": {"nproc": os.cpu_count(), "python": sys.version.split()[0],
                    **{f"load_average_{name}": [round(v, 2) for v in values] for name, values in loads.items()},
                    "load_average_after": [round(v, 2) for v in os.getloadavg()],
                    "waitress_threads": production_threads(), "backend": args.backend,
                    "database": url.split(":", 1)[0],
                    "malloc_arena_max": server_environment(args.malloc_arena_max).get("MALLOC_ARENA_MAX"),
                    "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": commit},
    }
    print("```")
    for name, value in figures.items():
        print(json.dumps({name: value}, ensure_ascii=False))
    print("```")
    bad = [p for p in problems if p.get("status", 500) >= 500]
    fours = [p for p in problems if 400 <= p.get("status", 0) < 500]
    if fours:
        print(f"soak: {len(fours)} answers 4xx, the first: {json.dumps(fours[:10], ensure_ascii=False)}",
              file=sys.stderr)
    if bad:
        print(f"soak: {len(bad)} answers 5xx, slow answers or lost connections, the first: "
              f"{json.dumps(bad[:20], ensure_ascii=False)}", file=sys.stderr)
    return failed


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="how long the mixed load runs")
    parser.add_argument("--connections", type=int, default=16, help="client connections, each a thread")
    parser.add_argument("--publish-every", type=float, default=10, help="seconds between two publishes")
    parser.add_argument("--backend", choices=("whoosh", "postgres"), default="whoosh")
    parser.add_argument("--database-url", help="default: the demo's SQLite database, built in a temporary folder")
    parser.add_argument("--max-rss-growth", type=float, default=0.10,
                        help="the largest RSS growth allowed, end against after the warm-up (0.10: 10%%)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds a request may take")
    parser.add_argument("--warm-up", type=float, default=60,
                        help="seconds of mixed load and publishes after the first pass, before the RSS is read")
    parser.add_argument("--malloc-arena-max", type=int,
                        help="MALLOC_ARENA_MAX for the server (default: this environment's, as deployed)")
    parser.add_argument("--sample-every", type=float, default=2, help="seconds between two RSS samples")
    args = parser.parse_args()

    def terminated(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)  # CI's timeout: stop the server and clean up as for Ctrl-C
    try:
        with tempfile.TemporaryDirectory(prefix="guide-soak-") as tmp:
            code = soak(args, Path(tmp))
    except KeyboardInterrupt:
        print("soak: interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(code)


if __name__ == "__main__":
    main()
