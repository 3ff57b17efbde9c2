"""What a browser test does as a person would: log in through the real form, log out, and
keep a screenshot of what was seen (var/test-output/screenshots/<name>.png)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "test-output" / "screenshots"


def login(page, username: str, password: str) -> None:
    """Fill and send the login form at /accounts/login/ (the page's base URL is the app)."""
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def logout(page) -> None:
    """Press the "Đăng xuất" button of the top bar (a POST form, as Django requires)."""
    page.locator("form[action$='/logout/'] button[type=submit]").click()
    page.wait_for_load_state()


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of the page under var/test-output/screenshots/<name>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
