"""A generation's checksum manifest: Whoosh keeps no checksums of its own, so a flipped byte or a
truncated segment would otherwise be read as if it were data (wrong results, or a 500 from deep
inside a posting reader).

MANIFEST in a generation folder maps each of its files to its size and SHA-256. It is written
when the generation is built and after each commit to it (under Whoosh's writer lock, so no other
writer is half-way through a file), and checked when a process opens the index and before a new
generation is swapped in.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh.index import LockError

MANIFEST = "MANIFEST"
#: Whoosh's lock files come and go; they hold no index data
LOCK_SUFFIX = "LOCK"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.name != MANIFEST and not p.name.endswith(LOCK_SUFFIX)
                  and not p.name.endswith(".tmp"))


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_manifest(folder: Path) -> None:
    entries = {p.name: [p.stat().st_size, _digest(p)] for p in _files(folder)}
    tmp = folder / f"{MANIFEST}.tmp"
    tmp.write_text(json.dumps(entries, sort_keys=True), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def damage(folder: Path) -> str | None:
    """What is wrong with the generation's files, or None when each is as its manifest says."""
    try:
        entries = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "it has no checksum manifest"
    except (OSError, ValueError) as e:
        return f"its manifest cannot be read ({e})"
    for name, (size, digest) in entries.items():
        path = folder / name
        try:
            if path.stat().st_size != size:
                return f"{name} is {path.stat().st_size} bytes, not {size}"
            if _digest(path) != digest:
                return f"{name} does not match its checksum"
        except FileNotFoundError:
            return f"{name} is missing"
    return None


@contextmanager
def writer_lock(ix, timeout: float):
    """Whoosh's own writer lock on an index, for work that must not overlap a commit (taken the
    way Whoosh's writer takes it: polled until the timeout)."""
    lock = ix.storage.lock(ix.indexname + "_WRITELOCK")
    deadline = time.monotonic() + timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise LockError("the search index's writer lock is held")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()
