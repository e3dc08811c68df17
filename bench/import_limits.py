"""Catalogue import limits: how fast and with how little memory a "zip bomb" workbook is refused.

    python bench/import_limits.py [--inflated-mb 528]

Builds a workbook of about 2 MB whose one sheet would inflate to --inflated-mb (the issue's case:
1.9 MB to 528 MB), then, each in a fresh process, refuses it as `guide import-catalogue` reads it
(sources.read_source) and as the browser's upload does (uploads.pack, then the same reader),
printing the seconds taken and the process's peak memory above what it held before. Record the
figures in docs/benchmarks.md with the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/http.py would shadow the standard library's `http` (a script's folder comes first).
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != str(ROOT / "bench")]
sys.path.insert(0, str(ROOT))

from guide.catalogue.sources import _inflated_size  # noqa: E402

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from guide.catalogue.sources import SourceError, read_source
from guide.catalogue.uploads import as_source, pack
path, how = sys.argv[2], sys.argv[3]
data = open(path, "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    if how == "command":
        read_source(path)
    else:
        name, kept = pack([("catalogue.xlsx", data)])
        with as_source(name, kept) as source:
            read_source(source)
    refused = None
except SourceError as e:
    refused = str(e)
elapsed = time.perf_counter() - started
extra_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"path": how, "seconds": round(elapsed, 3), "peak_extra_mb": round(extra_kb / 1024, 1),
                  "refused": refused}, ensure_ascii=False))
"""


def build(path: Path, inflated_mb: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"<c><v>0</v></c>" * 65536
            for _ in range(inflated_mb * 1024 * 1024 // len(chunk)):
                member.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inflated-mb", type=int, default=528)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.xlsx"
        build(bomb, args.inflated_mb)
        declared = _inflated_size(bomb)  # what the reader judges it by
        print(json.dumps({"workbook": {"mb": round(bomb.stat().st_size / 1024 / 1024, 2),
                                       "inflates_to_mb": round(declared / 1024 / 1024)}}))
        for how in ("command", "browser"):
            done = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), str(bomb), how],
                                  capture_output=True, text=True, check=True)
            print(done.stdout.strip())
    print(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                  "load": round(os.getloadavg()[0], 2)}}))


if __name__ == "__main__":
    main()
