"""Helpers for tests of the running app."""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"


def index_settled(app, timeout: float = 60.0) -> None:
    """Wait until the app's background indexer has written every commit the app made (a
    generous deadline: CI machines are shared; the speed is measured in bench/, not here). A
    backend with no indexer (postgres) has written them in the commit."""
    indexer = getattr(app.registry["search"], "indexer", None)
    assert indexer is None or indexer.wait_idle(timeout), "the search indexer did not finish in time"


def content_copy(scratch, folder: Path, parts=("centers",)) -> Path:
    """The sample catalogue imported into `scratch`, and a copy of `parts` of content/ in
    `folder` (with an empty guides/), for tests that change content files and load them."""
    import shutil

    from guide.catalogue.importer import import_catalogue

    with scratch.transaction() as s:
        import_catalogue(s, CONTENT / "catalogue")
    for part in parts:
        shutil.copytree(CONTENT / part, folder / part)
    (folder / "guides").mkdir()
    return folder


SERVER = """
import json, sys
from waitress import serve
from guide import main
settings = json.loads(sys.argv[1])
serve(main({}, **settings), host="127.0.0.1", port=int(sys.argv[2]), threads=2, _quiet=True)
"""


@contextmanager
def app_in_another_process(settings: dict, deadline: float = 120.0):
    """The app served by waitress in a process of its own: its base URL, while the block runs."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-c", SERVER, json.dumps(settings), str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        poll(lambda: get(f"{base}/healthz")[0] == 200, deadline, "the other process did not start")
        yield base
    finally:
        process.terminate()
        process.wait(30)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        with e:  # it holds the connection
            return e.code, ""
    except OSError:
        return 0, ""


def poll(check, deadline: float, message: str):
    """Ask `check` until it answers truly, for at most `deadline` seconds: for another process,
    whose progress this one cannot wait on otherwise."""
    give_up = time.monotonic() + deadline
    while True:
        answer = check()
        if answer:
            return answer
        assert time.monotonic() < give_up, message
        time.sleep(0.05)
