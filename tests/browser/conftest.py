"""Real-Chromium journeys against a real server process loaded with the demo directory.

pytest-django's live_server is not used: it flushes the database between tests, which deletes
the reference data (regions, categories, the service catalogue) that data migrations create.
Instead one server per session runs on its own SQLite file, migrated and loaded like `make demo`.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

BROWSER_TIMEOUT_MS = 30_000
# Playwright's assertions (expect) wait 5 s by default; the same reasoning applies.
expect.set_options(timeout=BROWSER_TIMEOUT_MS)

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Debian's package, installed by `make chromium`; Playwright's own download is never used.
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google services, which floods
# a closed network with failing connections and slows every test down.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE_VIEWPORT = {"width": 390, "height": 844}
# Central Guangzhou (Yuexiu district).
GUANGZHOU = {"latitude": 23.129, "longitude": 113.264}

# axe impacts that fail a test; "minor" and "moderate" are left to manual review.
BLOCKING_IMPACTS = ("serious", "critical")

SERVER_START_TIMEOUT = 60
COMMAND_TIMEOUT = 300


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> str:
    """Run a management command in its own process; fail with its output if it fails.

    Returns what the command wrote to stdout.
    """
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"`manage.py {' '.join(args)}` took more than {COMMAND_TIMEOUT}s:\n{exc.stdout}\n{exc.stderr}"
        )
    if completed.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed (exit {completed.returncode}):\n"
            f"{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
        )
    return completed.stdout


def _wait_until_serving(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"The test server exited with {process.returncode}:\n{log_path.read_text()[-4000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own http server
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:
            pytest.fail(
                f"The test server answers {url} with {exc.code}:\n{log_path.read_text()[-4000:]}"
            )
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(
        f"The test server did not answer {url} within {SERVER_START_TIMEOUT}s:\n{log_path.read_text()[-4000:]}"
    )


@pytest.fixture(scope="session")
def server_workdir(tmp_path_factory) -> Path:
    """The test server's folder: its SQLite file, media and log."""
    return tmp_path_factory.mktemp("browser-server")


@pytest.fixture(scope="session")
def server_env(server_workdir) -> dict[str, str]:
    """The environment of every process of the test server (settings, database, base URL).

    `_manage(server_env, ...)` runs a management command against the database the browser sees;
    use it only after `server_url` has migrated and loaded that database.
    """
    workdir = server_workdir
    base_url = f"http://127.0.0.1:{_free_port()}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        # Private uploads (consultation attachments, application proofs) stay with the server.
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        "SITE_BASE_URL": base_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # An empty tile URL keeps Leaflet off the network: the list must stand on its own.
        "MAP_TILE_URL": "",
        # A developer's shell may point these at real services; the suite must not depend on them.
        "ELASTICSEARCH_URL": "",
        "REDIS_URL": "",
        # The consultation form refuses a post sooner than this many seconds after it was served
        # (a bot check). A script fills it in milliseconds; 0 keeps journeys fast without sleeps.
        "CONSULTATION_MIN_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture(scope="session")
def server_url(server_env, server_workdir) -> str:
    """Base URL (no trailing slash) of a server running the demo directory on a fresh database."""
    env = server_env
    workdir = server_workdir
    base_url = env["SITE_BASE_URL"]
    port = urlsplit(base_url).port
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo")

    log_path = workdir / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(f"{base_url}/", process, log_path)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="package")
def browser():
    # Package scope: Playwright's sync API keeps an event loop running while it is open, and
    # Django refuses database calls under a running loop, so it must be closed before the
    # same xdist worker runs other packages' tests.
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium package "
            "(run `make chromium`). Playwright's own browser download is deliberately not used."
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, server_url):
    """Factory for isolated browser contexts (zh-CN phone by default); closed after the test.

    Requests that leave the test server are aborted, so a template that starts calling a CDN or
    a tile server fails visibly here instead of hanging on the closed network.
    """
    contexts = []

    def make(**options):
        settings = {
            "base_url": server_url,
            "locale": "zh-CN",
            "timezone_id": "Asia/Shanghai",
            "viewport": PHONE_VIEWPORT,
            "is_mobile": True,
            "has_touch": True,
            **options,
        }
        context = browser.new_context(**settings)
        # Generous: CI runs on a busy 2-core machine, where a cold page with the other xdist
        # worker running took over 10 s once. A wait that is long only costs time on failure.
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        context.route(lambda url: not url.startswith(server_url), lambda route: route.abort())
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A phone in Guangzhou that has allowed the site to read its position."""
    context = new_context(geolocation=GUANGZHOU, permissions=["geolocation"])
    return context.new_page()


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def _assert_accessible(page) -> None:
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, _format_violations(page.url, blocking)


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)`: run axe-core (bundled, offline) and fail on serious/critical issues."""
    return _assert_accessible


@pytest.fixture(scope="session")
def manage(server_env, server_url):
    """`manage(*args)`: run a management command against the test server's database.

    Returns its stdout. For look-ups, `manage("shell", "--no-imports", "-v", "0", "-c", code)`
    with `code` printing one JSON line keeps the output easy to parse.
    """

    def run(*args: str) -> str:
        return _manage(server_env, *args)

    return run


@pytest.fixture(scope="session")
def point_staff(server_env, server_url):
    """`point_staff(point)` → (username, password) of a staff member of that point.

    `point` is the point's exact title or its page slug. The user is created once per session
    (by `manage.py add_point_staff`, the command operators use) with a random password.
    """
    accounts: dict[str, tuple[str, str]] = {}

    def get(point: str) -> tuple[str, str]:
        if point not in accounts:
            username = f"point-staff-{len(accounts) + 1}"
            password = secrets.token_urlsafe(18)
            _manage(
                {**server_env, "BROWSER_TEST_STAFF_PASSWORD": password},
                "add_point_staff",
                point,
                username,
                "--email",
                f"{username}@example.com",
                "--password-env",
                "BROWSER_TEST_STAFF_PASSWORD",
            )
            accounts[point] = (username, password)
        return accounts[point]

    return get


@pytest.hookimpl(tryfirst=True)  # before xdist turns the group into the node id
def pytest_collection_modifyitems(config, items):
    """Every journey runs on one xdist worker (`--dist loadgroup`), so the session's server is
    migrated and loaded once while the other worker runs the rest of the suite."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
