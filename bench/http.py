"""Page speed through waitress, against the raw upper bound, in one interleaved run.

    python bench/http.py [--seconds 5] [--rounds 2] [--connections 8] [--mixed-seconds 60]

Builds the demo's SQLite database and index in a temporary folder (as `guide demo`), then:
- cold start: a new app process on that existing folder, until its first guide page answers 200;
- for each round, in turn: a raw WSGI app serving the guide page's exact bytes (the upper
  bound), then the app's guide page, home, department, center and search pages, an API item and
  a static file, each with `wrk` (Debian's package) at N connections from one thread;
- the app process's RSS after the load;
- propagation: a change committed by another process (this one, as `guide` commands do) while
  readers keep asking, timed until the app's guide page shows it, ten times;
- memory: a mixed load rotating over many URLs (guide pages of 300 items in three languages,
  searches of item names and their parts, API items; as browsers ask, gzip accepted) for
  --mixed-seconds, the RSS, then the same again, the RSS: it should not grow.
Prints one JSON line per figure; record them in docs/benchmarks.md with the machine's load.
"""
from __future__ import annotations

import os
import sys

# This file is bench/http.py: with its folder first on the path, `import http` (urllib does) would
# find it instead of the standard library's package.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_search", os.path.join(HERE, "search.py"))
_search = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_search)
ROOT, free_port, production_threads = _search.ROOT, _search.free_port, _search.production_threads
sample_database, wait_for, search_cases, LANGS = _search.sample_database, _search.wait_for, _search.queries, _search.LANGS

GUIDE = "/zh-hans/items/GAJ-0001"
TARGETS = {
    "guide page": GUIDE,
    "home page": "/zh-hans/",
    "department page": "/zh-hans/departments/gaj",
    "center page": "/zh-hans/centers/municipal",
    "search page": "/zh-hans/search?q=%E6%8A%A4%E7%85%A7",
    "api item": "/api/v1/items/GAJ-0001",
    "static file": None,  # the stylesheet the guide page links
}
APP = """
import sys
from waitress import serve
from guide import main
app = main({}, **{"sqlalchemy.url": sys.argv[1], "guide.search.index_dir": sys.argv[2],
                  "guide.template_cache": sys.argv[2] + "-templates",
                  "pyramid.default_locale_name": "zh_Hans", "guide.secret": "a benchmark secret long enough to sign"})
serve(app, host="127.0.0.1", port=int(sys.argv[3]), threads=int(sys.argv[4]), _quiet=True)
"""
RAW = """
import sys
from waitress import serve
page = open(sys.argv[1], "rb").read()
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(page)))])
    return [page]
serve(app, host="127.0.0.1", port=int(sys.argv[2]), threads=int(sys.argv[3]), _quiet=True)
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    # wrk's latency distribution: the 50th, 75th, 90th and 99th percentiles (it prints no 95th).
    latency = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": latency.get("50"), "p90_ms": latency.get("90"), "p99_ms": latency.get("99"),
            "non_2xx": int(non_2xx.group(1)) if non_2xx else 0, "socket_errors": errors.group(1) if errors else None}


MIXED = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def mixed_paths(url: str) -> list[str]:
    """Many URLs, as a site's readers spread over it: 60% guide pages (300 items, three
    languages), 20% searches (item names and parts of them, each in its language), 20% API items."""
    import random
    from urllib.parse import quote

    from sqlalchemy import create_engine, select

    from guide.models import Item
    from guide.models import get_session_factory

    engine = create_engine(url)
    with engine.connect() as connection:
        codes = list(connection.scalars(select(Item.code).order_by(Item.code)))
    rng = random.Random(11)
    sample = rng.sample(codes, 300)
    searches = search_cases(get_session_factory(engine), 200)
    url_lang = {tag: prefix for prefix, tag in LANGS.items()}
    paths = [f"/{lang}/items/{code}" for code in sample for lang in LANGS]
    paths += [f"/{url_lang[tag]}/search?q={quote(text)}" for text, tag in searches][:300]
    paths += [f"/api/v1/items/{code}" for code in rng.sample(codes, 300)]
    rng.shuffle(paths)
    engine.dispose()
    return paths


def mixed_load(port: int, paths: list[str], seconds: int, connections: int, folder: Path) -> dict:
    script = folder / "mixed.lua"
    script.write_text(MIXED % ", ".join(json.dumps(p) for p in paths), encoding="utf-8")
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(script),
                          f"http://127.0.0.1:{port}/"], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "non_2xx": int(non_2xx.group(1)) if non_2xx else 0, "socket_errors": errors.group(1) if errors else None}


def propagation(url: str, port: int, times: int = 10) -> list[float]:
    """Seconds from a commit in this process to the app's guide page showing it."""
    from sqlalchemy import select

    from guide.models import Item, get_engine, get_session_factory, transaction_scope

    engine = get_engine({"sqlalchemy.url": url})
    factory = get_session_factory(engine)
    code = GUIDE.rsplit("/", 1)[1]
    seconds = []
    try:
        rng = random.Random(5)
        for n in range(times):
            marker = f"（第{n + 1}次修改）"
            # Readers keep asking, so the app holds a fresh copy of the version; the change
            # comes at any moment of the half second that copy is trusted.
            until = time.monotonic() + 0.5 + rng.random()
            while time.monotonic() < until:
                get(f"http://127.0.0.1:{port}{GUIDE}")
                time.sleep(0.02)
            with transaction_scope(factory) as s:
                item = s.scalar(select(Item).where(Item.code == code))
                original = item.name_zh
                item.name_zh = original + marker
            committed = time.monotonic()
            while marker.encode() not in get(f"http://127.0.0.1:{port}{GUIDE}"):
                if time.monotonic() - committed > 30:
                    raise SystemExit("bench: the change never reached the page")
                time.sleep(0.02)
            seconds.append(round(time.monotonic() - committed, 3))
            with transaction_scope(factory) as s:
                s.scalar(select(Item).where(Item.code == code)).name_zh = original
    finally:
        engine.dispose()
    return seconds


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return round(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024, 1)


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--mixed-seconds", type=int, default=60)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("bench: wrk is missing (apt-get install wrk)")
    threads = production_threads()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = sample_database(folder)
        index_dir = str(folder / "index")
        # A first start builds the search index and compiles the templates of a guide page; the
        # measured one finds the folder ready, as a restarted deployment does.
        port = free_port()
        first = subprocess.Popen([sys.executable, "-c", APP, url, index_dir, str(port), str(threads)], cwd=ROOT)
        wait_for(port)
        get(f"http://127.0.0.1:{port}{GUIDE}")
        first.terminate()
        first.wait()
        started = time.monotonic()
        app = subprocess.Popen([sys.executable, "-c", APP, url, index_dir, str(port), str(threads)], cwd=ROOT)
        try:
            wait_for(port)
            get(f"http://127.0.0.1:{port}{GUIDE}")
            print(json.dumps({"cold_start_to_first_guide_page_s": round(time.monotonic() - started, 2)}))
            page = get(f"http://127.0.0.1:{port}{GUIDE}")
            (folder / "page.html").write_bytes(page)
            stylesheet = re.search(rb'href="(/static/css/site\.css[^"]*)"', page).group(1).decode()
            raw_port = free_port()
            raw = subprocess.Popen([sys.executable, "-c", RAW, str(folder / "page.html"), str(raw_port), str(threads)])
            try:
                wait_for_raw(raw_port)
                results: dict[str, list[dict]] = {}
                for _ in range(args.rounds):
                    results.setdefault("raw wsgi, same bytes", []).append(
                        wrk(f"http://127.0.0.1:{raw_port}/", args.seconds, args.connections))
                    for name, path in TARGETS.items():
                        results.setdefault(name, []).append(
                            wrk(f"http://127.0.0.1:{port}{path or stylesheet}", args.seconds, args.connections))
            finally:
                raw.terminate()
                raw.wait()
            raw_rps = sum(r["requests_per_second"] for r in results["raw wsgi, same bytes"]) / args.rounds
            for name, runs in results.items():
                rps = sum(r["requests_per_second"] for r in runs) / len(runs)
                print(json.dumps({"target": name, "rounds": runs, "mean_requests_per_second": round(rps, 1),
                                  "ratio_to_raw": round(rps / raw_rps, 3)}, ensure_ascii=False))
            print(json.dumps({"app_rss_mb_after_load": rss_mb(app.pid), "waitress_threads": threads,
                              "connections": args.connections, "cpus": os.cpu_count(),
                              "load_average": os.getloadavg()}))
            print(json.dumps({"change_in_another_process_to_page_s": propagation(url, port)}))
            if args.mixed_seconds:
                paths = mixed_paths(url)
                for phase in ("first", "second"):
                    load = mixed_load(port, paths, args.mixed_seconds, args.connections, folder)
                    print(json.dumps({"mixed_load": phase, "seconds": args.mixed_seconds, "urls": len(paths), **load,
                                      "app_rss_mb": rss_mb(app.pid), "load_average": os.getloadavg()}))
        finally:
            app.terminate()
            app.wait()


def wait_for_raw(port: int) -> None:
    for _ in range(100):
        try:
            get(f"http://127.0.0.1:{port}/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("bench: the raw app did not start")


if __name__ == "__main__":
    main()
