"""The serving benchmark's server side and load: gunicorn on 127.0.0.1 as deployed (or as it
was before the preload), Redis when asked, wrk runs, and the memory of each worker.

    server = Server(folder, variant="preload", page_cache=True, workers=2)
    server.start(); warm_up(server.port, urls, 300)
    memory(server.worker_pids())
    wrk(server.port, ["/"], seconds=2, connections=8)
    server.stop()
"""

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from build import ROOT
from consult_server import server_env, stop_gunicorn, wait_ready
from loopback import HOST, free_port, request
from serve_django import DB_NAME

HERE = Path(__file__).resolve().parent
CONFIG = ROOT / "site" / "gunicorn.conf.py"
TRIVIAL = "/bench/trivial/"

# How each variant starts gunicorn: the config file and the WSGI application.
#   before:  the old start. No preload and the plain Django application: each worker imports
#            the site when forked and builds jieba and the directory's tables on its first
#            keyword request.
#   workers: config/wsgi.py's warm-up, but no preload: each worker warms up on its own.
#   preload: site/gunicorn.conf.py as deployed: config/wsgi.py warms up once in the master and
#            the workers share it copy-on-write.
VARIANTS = {
    "before": (False, "django.core.wsgi:get_wsgi_application()"),
    "workers": (False, "config.wsgi:application"),
    "preload": (True, "config.wsgi:application"),
}


def encode(url: str) -> str:
    """A URL with its non-ASCII characters percent-encoded, as a browser sends it."""
    return quote(url, safe="/?=&%:+,;@")


class Server:
    """gunicorn (and Redis when asked) for one measurement, on a copy of the database."""

    def __init__(
        self,
        folder: Path,
        *,
        variant: str,
        page_cache: bool,
        workers: int,
        max_requests: int | None = None,
        redis: bool = False,
    ) -> None:
        self.folder = folder
        self.variant = variant
        self.page_cache = page_cache
        self.workers = workers
        self.max_requests = max_requests
        self.redis = redis
        self.port = free_port()
        self.log = folder / f"gunicorn-{variant}-{'cache' if page_cache else 'nocache'}.log"
        self.process: subprocess.Popen | None = None
        self.redis_process: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        env = server_env(self.folder, free_port())
        env.update(
            DJANGO_SETTINGS_MODULE="serve_settings",
            PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]),
            DATABASE_URL=f"sqlite:///{self.folder / DB_NAME}",
            PAGE_CACHE="1" if self.page_cache else "0",
            WEB_CONCURRENCY=str(self.workers),
            HOST=HOST,
            PORT=str(self.port),
        )
        env.pop("PAGE_CACHE_SECONDS", None)
        if self.redis:
            env["REDIS_URL"] = f"redis://{HOST}:{self.redis_port}/0"
        return env

    def config_file(self) -> Path:
        preload, _app = VARIANTS[self.variant]
        if preload:
            return CONFIG
        # The deployed settings with preload_app switched off, nothing else changed.
        path = self.folder / "gunicorn-no-preload.conf.py"
        path.write_text(
            f"exec(compile(open({str(CONFIG)!r}).read(), {str(CONFIG)!r}, 'exec'))\n"
            "preload_app = False\n"
        )
        return path

    def start(self) -> float:
        if self.redis:
            self.redis_port = free_port()
            self.redis_process = subprocess.Popen(
                [
                    shutil.which("redis-server") or "/usr/bin/redis-server",
                    "--bind",
                    HOST,
                    "--port",
                    str(self.redis_port),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(0.3)
        _preload, app = VARIANTS[self.variant]
        command = [sys.executable, "-m", "gunicorn", "-c", str(self.config_file())]
        if self.max_requests is not None:
            command += ["--max-requests", str(self.max_requests)]
        command.append(app)
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return wait_ready(self.process, self.port, self.log, TRIVIAL)

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        return children(self.process.pid)

    def boots(self) -> int:
        """Workers started so far (the first ones and every replacement after max_requests)."""
        return self.log.read_text(errors="replace").count("Booting worker")

    def stop(self) -> None:
        if self.process is not None:
            stop_gunicorn(self.process)
            self.process = None
        if self.redis_process is not None:
            self.redis_process.send_signal(signal.SIGTERM)
            self.redis_process.wait(timeout=10)
            self.redis_process = None


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        match = re.search(r"^PPid:\s+(\d+)", status, re.M)
        if match and int(match.group(1)) == pid:
            found.append(int(entry.name))
    return sorted(found)


@dataclass
class Memory:
    pid: int
    rss: float  # MiB
    pss: float
    uss: float  # Private_Clean + Private_Dirty


def memory(pid: int) -> Memory:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_unit = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    return Memory(
        pid=pid,
        rss=fields["Rss"],
        pss=fields["Pss"],
        uss=fields["Private_Clean"] + fields["Private_Dirty"],
    )


def get(port: int, url: str) -> tuple[int, str]:
    """Status and X-Wagtail-Cache header of one GET."""
    status, headers, _body = request(port, "GET", encode(url), {}, timeout=60)
    return status, headers.get("X-Wagtail-Cache", "")


def warm_up(port: int, urls: list[str], count: int, clients: int = 2) -> float:
    """`count` GETs of `urls` in turn from `clients` threads at once; exits on a non-200."""
    todo = itertools.islice(itertools.cycle(urls), count)
    lock = threading.Lock()
    failures: list[str] = []

    def client() -> None:
        while True:
            with lock:
                url = next(todo, None)
            if url is None or failures:
                return
            status, _cache = get(port, url)
            if status != 200:
                failures.append(f"GET {url} answered {status}")

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(failures[0])
    return time.perf_counter() - start


@dataclass
class WrkResult:
    requests: int
    seconds: float
    errors: int  # non-2xx/3xx answers and socket errors
    latency_ms: dict[int, float] = field(default_factory=dict)  # 50, 75, 90, 99

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def wrk(port: int, urls: list[str], *, seconds: float, connections: int, folder: Path) -> WrkResult:
    """One wrk run (1 thread: the load generator takes as little CPU as it can) over `urls`
    in turn; latency percentiles from wrk's --latency."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "--latency",
    ]
    if len(urls) > 1:
        script = folder / "paths.lua"
        script.write_text(LUA % ", ".join(f'"{encode(u)}"' for u in urls))
        command += ["-s", str(script)]
    command.append(f"http://{HOST}:{port}{encode(urls[0])}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    done = re.search(r"(\d+) requests in ([\d.]+)(m?s|m)\b", out)
    if not done:
        raise SystemExit(f"wrk said:\n{out}")
    took = float(done.group(2)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[done.group(3)]
    errors = 0
    if bad := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(bad.group(1))
    if sock := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        # A sync worker closes every connection after its answer; wrk counts some of those
        # closes as read errors although the answer arrived. Connect errors and timeouts are
        # real failures.
        errors += int(sock.group(1)) + int(sock.group(4))
    latency = {}
    for pct, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        latency[int(pct)] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return WrkResult(int(done.group(1)), took, errors, latency)
