"""Publishing benchmark: how long a publish takes as the editor sees it, and how long until
search finds the published text.

    python bench/publish.py [--publishes 60] [--threads N]

It builds the demo's SQLite database in a temporary folder (`guide demo`'s set-up), adds a
publisher, and starts the app under waitress in another process (threads as production.ini).
For each publish it loads the guide form of an item's English guide, sends it with
action=publish and a word no guide has, follows the redirect back to the form (what the editor
waits for), then asks /api/v1/search for the word every 10 ms until the item is found.

In the same run, a raw WSGI app under waitress answers the same two requests with the same bytes
(a 303, then the form page): the upper bound this machine allows, printed beside the figures as
a ratio, since these machines are shared and noisy. Record the output in docs/benchmarks.md.
"""
from __future__ import annotations

import os
import sys

# bench/http.py is this file's neighbour: with this folder first on the path (a script's), the
# standard library's `http` package would be shadowed by it.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.search import free_port, production_threads, sample_database, wait_for  # noqa: E402
from guide.audit import Actor  # noqa: E402
from guide.accounts.service import Accounts  # noqa: E402
from guide.models import Guide, Item, get_engine, get_session_factory, transaction_scope  # noqa: E402

PASSWORD = "a password for the benchmark"
SECRET = "a benchmark secret that is long enough to sign sessions"

SERVER = """
import sys
from waitress import serve
from guide import main
app = main({}, **{"sqlalchemy.url": sys.argv[1], "guide.search.index_dir": sys.argv[2],
                  "pyramid.default_locale_name": "zh_Hans", "guide.secret": sys.argv[5]})
serve(app, host="127.0.0.1", port=int(sys.argv[3]), threads=int(sys.argv[4]), _quiet=True)
"""

RAW = """
import sys
from waitress import serve
page = open(sys.argv[1], "rb").read()
def app(environ, start_response):
    if environ["REQUEST_METHOD"] == "POST":
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        start_response("303 See Other", [("Location", "/form"), ("Content-Length", "0")])
        return [b""]
    start_response("200 OK", [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(page)))])
    return [page]
serve(app, host="127.0.0.1", port=int(sys.argv[2]), threads=int(sys.argv[3]), _quiet=True)
"""


class Client:
    """One browser: a keep-alive connection and the session cookie."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, dict]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8")
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text, dict(response.getheaders())


def field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*?value="([^"]*)"', page) or re.search(
        rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    if found is None:
        raise SystemExit(f"bench: no field {name} in the page")
    return found.group(1).replace("&#10;", "\n").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(len(ordered) * share + 0.5) - 1)], 1)


def word(n: int) -> str:
    """A word no guide has, that every analyser keeps whole: letters only."""
    letters = "abcdefghij"
    return "zqxbench" + "".join(letters[int(d)] for d in str(n))


def publish_all(port: int, codes: list[str]) -> tuple[list[float], list[float], list[float], str]:
    editor, reader = Client(port), Client(port)
    status, page, _ = editor.request("GET", "/editor/login?lang=en")
    status, _, headers = editor.request("POST", "/editor/login?lang=en", {
        "csrf_token": field(page, "csrf_token"), "username": "bench-publisher", "password": PASSWORD})
    if status != 303:
        raise SystemExit(f"bench: sign-in answered {status}")
    publish_ms, found_ms, found_after_ms = [], [], []
    form_page = ""
    for n, code in enumerate(codes):
        path = f"/editor/items/{code}/en"
        _, form_page, _ = editor.request("GET", path)
        token = word(n)
        form = {"csrf_token": field(form_page, "csrf_token"), "base_revision": field(form_page, "base_revision"),
                "summary": field(form_page, "summary"), "body": field(form_page, "body") + f"\n\nBench {token}.",
                "note": f"benchmark {n}", "action": "publish"}
        started = time.perf_counter()
        status, _, headers = editor.request("POST", path, form)
        if status != 303:
            raise SystemExit(f"bench: publishing {code} answered {status}")
        editor.request("GET", headers["Location"].replace(f"http://127.0.0.1:{port}", ""))
        published = time.perf_counter()
        publish_ms.append((published - started) * 1000)
        query = f"/api/v1/search?{urlencode({'q': token, 'lang': 'en'})}"
        while True:
            _, answer, _ = reader.request("GET", query)
            if any(hit["code"] == code for hit in json.loads(answer)["results"]):
                break
            if time.perf_counter() - published > 30:
                raise SystemExit(f"bench: search did not find {code}'s publish within 30 s")
            time.sleep(0.01)
        found = time.perf_counter()
        found_ms.append((found - started) * 1000)
        found_after_ms.append((found - published) * 1000)
    return publish_ms, found_ms, found_after_ms, form_page


def raw_baseline(port_threads: int, form_page: str, count: int, folder: Path) -> list[float]:
    page = folder / "form.html"
    page.write_text(form_page, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", RAW, str(page), str(port), str(port_threads)])
    try:
        wait_for(port)
        client, timings = Client(port), []
        body = {"csrf_token": "x", "summary": "s", "body": form_page[:3000], "action": "publish"}
        for _ in range(count):
            started = time.perf_counter()
            client.request("POST", "/form", body)
            client.request("GET", "/form")
            timings.append((time.perf_counter() - started) * 1000)
        return timings
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--publishes", type=int, default=60)
    parser.add_argument("--threads", type=int, default=production_threads(), help="waitress threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        url = sample_database(tmp)
        session_factory = get_session_factory(get_engine({"sqlalchemy.url": url}))
        with transaction_scope(session_factory) as s:
            Accounts(s, dt.datetime.now(dt.timezone.utc), Actor.system("bench")).add(
                "bench-publisher", "publisher", PASSWORD)
            codes = s.scalars(select(Item.code).join(Guide, Guide.item_id == Item.id)
                              .where(Guide.locale == "en").order_by(Item.code)).all()
        codes = (codes * (args.publishes // len(codes) + 1))[:args.publishes]
        index_dir = tmp / "index"
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, url, str(index_dir), str(port), str(args.threads),
                                   SECRET], cwd=ROOT)
        try:
            wait_for(port)
            publish_all(port, codes[:3])  # warm-up: templates, jieba, the first searcher
            publish_ms, found_ms, found_after_ms, form_page = publish_all(port, codes)
        finally:
            server.terminate()
            server.wait()
        raw_ms = raw_baseline(args.threads, form_page, len(codes), tmp)
    p95, raw_p95 = percentile(publish_ms, 0.95), percentile(raw_ms, 0.95)
    print(json.dumps({"publish_as_the_editor_sees_it": {
        "publishes": len(publish_ms), "p50_ms": percentile(publish_ms, 0.5), "p95_ms": p95,
        "max_ms": round(max(publish_ms), 1)}}))
    print(json.dumps({"raw_wsgi_same_requests": {"p50_ms": percentile(raw_ms, 0.5), "p95_ms": raw_p95,
                                                 "p95_ratio_app_to_raw": round(p95 / raw_p95, 1)}}))
    print(json.dumps({"search_finds_it": {
        "from_sending_p50_ms": percentile(found_ms, 0.5), "from_sending_p95_ms": percentile(found_ms, 0.95),
        "after_the_editor_has_the_page_p95_ms": percentile(found_after_ms, 0.95),
        "max_ms": round(max(found_ms), 1)}}))
    with contextlib.suppress(OSError):
        print(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                      "load_average": os.getloadavg(), "waitress_threads": args.threads}}))


if __name__ == "__main__":
    main()
