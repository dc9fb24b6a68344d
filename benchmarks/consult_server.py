"""The consultation benchmark's site: production settings in a throw-away folder, `manage.py`
as a subprocess, and gunicorn on 127.0.0.1 started, waited for and stopped in order.

    write_settings(folder)
    env = server_env(folder, email_port)
    manage(env, "migrate", "--noinput")
    server = start_gunicorn(env, port, workers=3, threads=2, log=log)
    wait_ready(server, port, log, "/consult/ask/")
    ...
    stop_gunicorn(server)
"""

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from build import ROOT  # also puts the project on the path
from loopback import HOST, request

RATE_LIMIT = "100000/3600"
SETTINGS = "consult_bench_settings"  # written into the temporary folder, see write_settings()
READY_TIMEOUT = 60.0


def write_settings(folder: Path) -> None:
    """The production settings with one change: static files without the hashed manifest.

    The hashed manifest needs `collectstatic` first; the clients here load no static files, so
    plain storage saves that step and changes nothing they measure. The module lives in the
    throw-away folder, not in site/.
    """
    (folder / f"{SETTINGS}.py").write_text(
        "from config.settings.production import *  # noqa: F403\n"
        "from config.settings.production import STORAGES\n\n"
        "STORAGES = {\n"
        "    **STORAGES,\n"
        '    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n'
        "}\n"
    )


def server_env(folder: Path, email_port: int) -> dict[str, str]:
    """Everything the subprocesses (and this process's ORM) read: nothing of the developer's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CONSULTATION_", "EMAIL_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "TRUSTED_PROXIES"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        # Plain http on loopback: no redirect to https, no HSTS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{folder / 'consult_bench.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private_media"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_HOST=HOST,
        EMAIL_PORT=str(email_port),
        CONSULTATION_RATE_LIMIT=RATE_LIMIT,
        CONSULTATION_MIN_SECONDS="0",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"manage.py {' '.join(args)} failed ({result.returncode})")


def start_gunicorn(
    env: dict[str, str], port: int, *, workers: int, threads: int, log: Path
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--error-logfile",
        "-",
        "--no-control-socket",  # gunicorn 27 would otherwise share ~/.gunicorn/gunicorn.ctl
    ]
    with log.open("wb") as out:
        # A session of its own: Ctrl-C reaches the script, which then stops gunicorn in order.
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_ready(process: subprocess.Popen, port: int, log: Path, path: str) -> float:
    """Seconds until GET `path` answers 200; exits with the log's tail if gunicorn does not."""
    start = time.perf_counter()
    while time.perf_counter() - start < READY_TIMEOUT:
        if process.poll() is not None:
            sys.stderr.write(log.read_text(errors="replace")[-4000:])
            raise SystemExit(f"gunicorn exited ({process.returncode}) before answering")
        try:
            status, _headers, _body = request(port, "GET", path, {}, timeout=5)
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return time.perf_counter() - start
        sys.stderr.write(log.read_text(errors="replace")[-4000:])
        raise SystemExit(f"GET {path} answered {status} instead of 200")
    raise SystemExit(f"gunicorn did not answer within {READY_TIMEOUT:.0f} s")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
