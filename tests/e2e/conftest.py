"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

The demo data (`manage.py load_demo`) is loaded once for the whole e2e package into the test
database and committed, so that the server's threads see it on PostgreSQL too; when the
package is done the database is flushed and its post-migration contents restored, as Django's
serialized rollback does, so the tests that run afterwards start from what they expect.
Each test still runs inside the `db` fixture's transaction: what the test itself writes is
rolled back, and pytest-django creates the test database even when only e2e tests run.

Fixtures: `live_app` (the server, with `.url`), `browser`, `page` (a fresh context per test,
base URL set; JavaScript errors, server errors and missing static files fail the test),
`demo_password`. Helpers (tests/e2e/helpers.py, re-exported here): `login(page, username,
password)`, `logout(page)`, `screenshot(page, name)`.

Never downloads a browser: /usr/bin/chromium comes from Debian (`.ci/run` installs it).
Without it the tests are skipped locally and fail under CI (the `CI` variable is set).
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.test.utils import override_settings

from .helpers import SCREENSHOT_DIR, login, logout, screenshot

__all__ = ["SCREENSHOT_DIR", "login", "logout", "screenshot"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
# Playwright waits this long (ms) for an element before failing; the 2-core CI machine is slow.
TIMEOUT_MS = 15_000


@pytest.fixture(scope="package", autouse=True)
def _allow_sync_db_next_to_playwright() -> Iterator[None]:
    # Playwright's sync API keeps an asyncio loop in the main thread; Django would refuse
    # every database call made from it (SynchronousOnlyOperation). Only for this package.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _one_request_at_a_time(static_handler: Callable) -> Callable:
    """Wrap the live server's WSGI app so that its threads take turns.

    On in-memory SQLite every server thread shares the test thread's one connection: a page
    and the images it loads in parallel would begin transactions on it at once ("cannot start
    a transaction within a transaction", the session lost). The body is read inside the lock,
    so the response only goes out on the wire after it.
    """
    lock = threading.Lock()

    def build(app):
        inner = static_handler(app)

        def serialized(environ, start_response):
            with lock:
                response = inner(environ, start_response)
                try:
                    return list(response)
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return serialized

    return build


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium (never a downloaded browser)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {message}")
        pytest.skip(message)


@pytest.fixture(scope="package")
def live_app(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[object]:
    """The app on a live server (pytest-django's LiveServer), with the demo data loaded."""
    _require_chromium()
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    package_settings = override_settings(
        # The same fast, isolated settings as the root conftest's autouse fixture, for the
        # whole package (that fixture is per test; the demo users are created before it).
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("e2e-media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    )
    package_settings.enable()
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"), start=False)
    if server.thread.connections_override:
        server.thread.static_handler = _one_request_at_a_time(server.thread.static_handler)
    server.start()
    server._live_server_modified_settings.enable()
    try:
        yield server
    finally:
        server._live_server_modified_settings.disable()
        server.stop()
        with django_db_blocker.unblock():
            # As TransactionTestCase with serialized_rollback: no post_migrate signal, the
            # content types and permissions come back from the snapshot with their ids, and
            # the sequences are not reset, so that new rows never reuse a restored row's id.
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            connection.creation.deserialize_db_from_string(before)
        package_settings.disable()


@pytest.fixture(scope="package")
def browser(live_app, _allow_sync_db_next_to_playwright):
    # Depends on live_app so that Chromium, which keeps its connections alive across
    # contexts, is closed before the server stops: no request thread outlives the server.
    _require_chromium()
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright's loop is set, Django keeps this thread's connections in a
        # context variable, apart from the thread's own: close those before the loop goes,
        # or PostgreSQL refuses to drop the test database ("accessed by other users").
        connections.close_all()


@pytest.fixture
def page(browser, live_app, db):
    """A fresh browser context (no cookies) on the live app; JavaScript errors fail the test."""
    context = browser.new_context(
        base_url=live_app.url, viewport=VIEWPORT, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    # Pages the app answers with 4xx on purpose (a form with errors: 400/409/422). Chromium
    # also logs them as console errors; on_response alone judges a page's status.
    refused_pages: set[str] = set()

    def on_console(message) -> None:
        url = message.location.get("url") or ""
        if message.text.startswith("Failed to load resource") and url in refused_pages:
            return
        if message.type == "error" and "favicon" not in url:
            errors.append(f"console error: {message.text} ({url})")

    def on_response(response) -> None:
        if response.status >= 500 or ("/static/" in response.url and response.status >= 400):
            errors.append(f"HTTP {response.status} {response.url}")
        elif response.status >= 400 and response.request.resource_type == "document":
            refused_pages.add(response.url)

    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("console", on_console)
    page.on("response", on_response)
    yield page
    context.close()
    assert not errors, "the browser reported errors:\n" + "\n".join(errors)


@pytest.fixture
def demo_password() -> str:
    from binhdang.accounts.demo import DEMO_PASSWORD

    return DEMO_PASSWORD
