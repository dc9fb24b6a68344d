"""Built databases kept between runs of serve_bench.py, in the temporary folder, one per
set of parameters and per state of what builds them (builder code, migration files, lock
file); a new build of the same parameters replaces the older ones.

    folder = built_database(points=10_000, notices=2_000, offerings=10)
    copy = working_copy(folder, run_folder)     # every server gets a fresh copy

The cached copy is never served: gunicorn writes to its database (the search query log), so
each run works on a copy and a re-run starts from the same data.
"""

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build import ROOT
from serve_django import DB_NAME, META_NAME

HERE = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "ipsn-serve-bench"
BUILDER_FILES = ["build.py", "sample_data.py", "notice_data.py"]


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in BUILDER_FILES:
        digest.update((HERE / name).read_bytes())
    digest.update((ROOT / "uv.lock").read_bytes())
    migrations = sorted(
        str(p.relative_to(ROOT))
        for pattern in ("*/migrations/0*.py", "*/*/migrations/0*.py")
        for p in ROOT.glob(pattern)
        if ".venv" not in p.parts
    )
    digest.update("\n".join(migrations).encode())
    return digest.hexdigest()[:12]


def built_database(points: int, notices: int, offerings: int, *, rebuild: bool = False) -> Path:
    """The folder holding bench.sqlite3 and meta.json for these parameters; built if missing."""
    folder = CACHE / f"p{points}-n{notices}-o{offerings}-{_fingerprint()}"
    if (folder / META_NAME).exists() and not rebuild:
        print(f"… reusing the database in {folder}", file=sys.stderr, flush=True)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    print(f"… building {points:,} points and {notices:,} notices", file=sys.stderr, flush=True)
    start = time.perf_counter()
    command = [
        sys.executable,
        str(HERE / "serve_django.py"),
        "build",
        str(building),
        f"--points={points}",
        f"--notices={notices}",
        f"--offerings={offerings}",
    ]
    if subprocess.run(command, cwd=ROOT, check=False).returncode:
        raise SystemExit("building the database failed")
    building.rename(folder)  # only a finished build is ever reused
    # Builds of the same parameters for older code or migrations are never read again.
    for stale in CACHE.glob(f"p{points}-n{notices}-o{offerings}-*"):
        if stale != folder and not stale.name.endswith(".building"):
            shutil.rmtree(stale, ignore_errors=True)
    print(f"… built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return folder


def meta(folder: Path) -> dict:
    return json.loads((folder / META_NAME).read_text())


def working_copy(folder: Path, into: Path) -> Path:
    """A fresh copy of the built database (and its meta.json) in `into`; returns `into`."""
    into.mkdir(parents=True, exist_ok=True)
    for name in (DB_NAME, META_NAME):
        shutil.copyfile(folder / name, into / name)
    for suffix in ("-wal", "-shm"):
        (into / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    return into
