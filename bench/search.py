"""Search benchmark: full rebuild time, in-process query and suggestion latency, and queries per
second through waitress against a raw WSGI app serving the same bytes in the same run.

    python bench/search.py [--backend whoosh|postgres] [--database-url URL] [--seconds 20]
                           [--clients 8] [--threads N] [--rounds 2]

Without --database-url it builds a temporary SQLite database with the sample catalogue and
content (the whoosh backend only). The postgres backend needs a PostgreSQL URL; an empty database
there is migrated and loaded with the sample content first. Prints its figures; record them in
docs/benchmarks.md with the machine and its load.
"""
from __future__ import annotations

import os
import sys

# bench/http.py is this file's neighbour: with this folder first on the path (a script's), the
# standard library's `http` package would be shadowed by it.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import configparser  # noqa: E402
import contextlib  # noqa: E402
import csv  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guide.models import Item, get_engine, get_session_factory  # noqa: E402
from guide.scripts.cli import prepare_demo  # noqa: E402
from guide.search import make_search_service  # noqa: E402
from guide.search.results import SearchRequest  # noqa: E402

LANGS = {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}


def sample_database(folder: Path) -> str:
    """The demo's database (`guide demo`), built in folder; its progress goes to stderr."""
    with contextlib.redirect_stdout(sys.stderr):
        settings = prepare_demo(folder)
    if settings is None:
        raise SystemExit("bench: the sample data did not load")
    return settings["sqlalchemy.url"]


def loaded_postgres(url: str) -> str:
    """The PostgreSQL database at url, migrated and holding the sample content."""
    from guide import migrations
    from guide.catalogue.importer import import_catalogue
    from guide.content import load_content
    from guide.models import transaction_scope

    engine = get_engine({"sqlalchemy.url": url})
    migrations.upgrade(engine)
    factory = get_session_factory(engine)
    with factory() as dbsession:
        empty = dbsession.query(Item).first() is None
    if empty:
        with transaction_scope(factory) as dbsession:
            import_catalogue(dbsession, ROOT / "content" / "catalogue")
        with transaction_scope(factory) as dbsession:
            load_content(dbsession, ROOT / "content")
    engine.dispose()
    return url


def queries(session_factory, count: int) -> list[tuple[str, str]]:
    """The relevance cases plus `count` queries drawn from item names (whole names and parts)."""
    cases = []
    for path in (ROOT.parent / "shared" / "queries" / "search-relevance.tsv",
                 ROOT / "tests" / "fixtures" / "search-relevance-extra.tsv"):
        if path.exists():
            with path.open(encoding="utf-8") as f:
                cases += [(r[0], LANGS[r[1]]) for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    with session_factory() as s:
        names = [(i.name_zh, i.name_en) for i in s.query(Item).order_by(Item.code)]
    rng = random.Random(1087)
    for _ in range(count):
        zh, en = rng.choice(names)
        kind = rng.random()
        if kind < 0.4:
            cases.append((zh, "zh-Hans"))
        elif kind < 0.7:
            start = rng.randrange(max(1, len(zh) - 3))
            cases.append((zh[start:start + rng.randint(2, 4)], "zh-Hans"))
        else:
            words = en.split()
            start = rng.randrange(len(words))
            cases.append((" ".join(words[start:start + rng.randint(1, 3)]), "en"))
    return cases


def latency(service, cases) -> dict:
    for text, lang in cases[:50]:
        service.search(SearchRequest(text=text, lang=lang))
    timings = []
    for text, lang in cases:
        start = time.perf_counter()
        service.search(SearchRequest(text=text, lang=lang))
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"queries": len(timings), "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1), "max_ms": round(timings[-1], 1)}


def suggest_latency(service, cases) -> dict:
    """The search box's completions, for every prefix of each query (what typing sends)."""
    prefixes = [(text[:n], lang) for text, lang in cases for n in range(1, min(len(text), 8) + 1)]
    service.suggest(prefixes[0][0], prefixes[0][1])  # the completion table is made on first use
    timings = []
    for prefix, lang in prefixes:
        start = time.perf_counter()
        service.suggest(prefix, lang)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"prefixes": len(timings), "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2), "max_ms": round(timings[-1], 2)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER = """
import sys
from waitress import serve
from guide import main
port, url, index_dir, threads, backend, kept = sys.argv[1:]
settings = {"sqlalchemy.url": url, "guide.search.index_dir": index_dir, "guide.search.backend": backend,
            "pyramid.default_locale_name": "zh_Hans"}
if kept != "default":
    settings["guide.search_cache_bytes"] = kept  # 0: every answer worked out afresh
app = main({}, **settings)
serve(app, host="127.0.0.1", port=int(port), threads=int(threads), _quiet=True)
"""
#: The upper bound: a WSGI app answering every request with the same bytes, through waitress.
RAW_SERVER = """
import sys
from waitress import serve
port, path, threads = sys.argv[1:]
body = open(path, "rb").read()
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
serve(app, host="127.0.0.1", port=int(port), threads=int(threads), _quiet=True)
"""


def wait_for(port: int) -> None:
    """Until the server on this port answers (a minute at most)."""
    for _ in range(600):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("bench: the server did not start")


def production_threads() -> int:
    """The waitress thread count production.ini sets, so the benchmark serves as production does."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "production.ini", encoding="utf-8")
    return config.getint("server:main", "threads", fallback=4)


async def _client(port: int, paths: list[str], first: int, step: int, stop: float, tally: dict) -> None:
    """One keep-alive connection asking its share of the queries in turn, checking each answer."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = first
    try:
        while time.monotonic() < stop:
            writer.write(f"GET {paths[i % len(paths)]} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            ok = status.split()[1:2] == [b"200"] and "total" in json.loads(body)
            tally["requests"] += 1
            tally["errors"] += not ok
            i += step
    finally:
        writer.close()


def load(port: int, paths: list[str], seconds: float, clients: int) -> dict:
    """Queries per second: `clients` connections, each sending its next query as soon as the
    last is answered. The clients run on one asyncio loop: threads in this process would queue
    for its interpreter lock and slow the load more than the server."""
    tally = {"requests": 0, "errors": 0}

    async def run():
        stop = time.monotonic() + seconds
        await asyncio.gather(*(_client(port, paths, n, clients, stop, tally) for n in range(clients)))

    started = time.monotonic()
    asyncio.run(run())
    elapsed = time.monotonic() - started
    return {"seconds": round(elapsed, 1), **tally, "queries_per_second": round(tally["requests"] / elapsed, 1)}


@contextlib.contextmanager
def serving(script: str, *args: str):
    """A waitress server (the script) started on a free port with these arguments; its port."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", script, str(port), *args], cwd=ROOT)
    try:
        wait_for(port)
        yield port
    finally:
        server.terminate()
        server.wait()


def throughput(url: str, index_dir: str, backend: str, cases, seconds: float, clients: int, threads: int,
               rounds: int, folder: Path) -> list[dict]:
    """In each round, the raw WSGI app serving one search answer's bytes, then the app answering
    every query in turn, both through waitress with the same threads and clients: once as
    deployed (answers kept by query: after the first pass the rotation is served from the search
    answers' store) and once with no answer kept (every query worked out afresh)."""
    paths = [f"/api/v1/search?{urlencode({'q': t, 'lang': lang})}" for t, lang in cases]
    out = []
    for _ in range(rounds):
        with serving(SERVER, url, index_dir, str(threads), backend, "default") as port:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", paths[0])
            body = folder / "answer.json"
            body.write_bytes(connection.getresponse().read())
            connection.close()
        with serving(RAW_SERVER, str(body), str(threads)) as port:
            raw = load(port, paths, seconds, clients)
        served = {}
        for name, kept in (("search", "default"), ("search_nothing_kept", "0")):
            with serving(SERVER, url, index_dir, str(threads), backend, kept) as port:
                load(port, paths[:200], min(seconds, 3), clients)  # warm: the first snapshot, templates
                served[name] = load(port, paths, seconds, clients)
        ratios = {f"ratio_to_raw{name[6:]}": round(v["queries_per_second"] / raw["queries_per_second"], 3)
                  for name, v in served.items()}
        out.append({"clients": clients, "server_threads": threads, "raw_wsgi": raw, **served, **ratios})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=("whoosh", "postgres"), default="whoosh")
    parser.add_argument("--database-url")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=production_threads(), help="waitress threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.backend == "postgres":
            if not (args.database_url or "").startswith("postgresql"):
                raise SystemExit("bench: the postgres backend needs --database-url postgresql+psycopg://...")
            url = loaded_postgres(args.database_url)
        else:
            url = args.database_url or sample_database(tmp)
        session_factory = get_session_factory(get_engine({"sqlalchemy.url": url}))
        index_dir = tmp / "index"
        service = make_search_service({"guide.search.backend": args.backend,
                                       "guide.search.index_dir": str(index_dir)}, session_factory)
        rebuilds = []
        for _ in range(3):
            start = time.perf_counter()
            count = service.rebuild()
            rebuilds.append(round(time.perf_counter() - start, 2))
        print(json.dumps({"rebuild": {"items": count, "seconds": rebuilds}}, ensure_ascii=False))
        cases = queries(session_factory, args.queries)
        print(json.dumps({"latency_in_process": latency(service, cases)}))
        print(json.dumps({"suggest_in_process": suggest_latency(service, cases)}))
        load_before = os.getloadavg()[0]
        for served in throughput(url, str(index_dir), args.backend, cases, args.seconds, args.clients, args.threads,
                                 args.rounds, tmp):
            print(json.dumps({"waitress": served}))
        print(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "backend": args.backend,
                                      "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}}))


if __name__ == "__main__":
    main()
