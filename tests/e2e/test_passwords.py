"""Issue 3 in the browser: change one's password, and reset a forgotten one by e-mail.

Each test uses a demo person no other browser test logs in as, since on PostgreSQL what the
server writes is committed for the rest of the e2e package."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "Hoa-Phuong-Do-2026"
WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng. Xin nhập lại."


def test_a_person_changes_her_password_and_only_the_new_one_works(page, demo_password):
    login(page, "canbo.lequydon", demo_password)
    page.get_by_role("link", name="Đổi mật khẩu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đổi mật khẩu")
    page.locator("#id_old_password").fill(demo_password)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    screenshot(page, "canbo.lequydon-password-change")
    page.locator("main form button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Đã đổi mật khẩu")
    logout(page)
    login(page, "canbo.lequydon", demo_password)
    expect(page.locator("main .error")).to_have_text(WRONG_LOGIN)
    login(page, "canbo.lequydon", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Xin chào, Đặng Thị Mai")


def test_a_too_short_new_password_is_refused_in_vietnamese(page, demo_password):
    login(page, "hieutruong.lequydon", demo_password)
    page.goto("/accounts/password_change/")
    page.locator("#id_old_password").fill(demo_password)
    page.locator("#id_new_password1").fill("abc123")
    page.locator("#id_new_password2").fill("abc123")
    page.locator("main form button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Đổi mật khẩu")
    main = page.locator("main")
    expect(main).to_contain_text("Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự.")
    expect(main).not_to_contain_text("This password")
    screenshot(page, "hieutruong.lequydon-password-too-short")


def test_a_forgotten_password_is_reset_through_the_link_sent_by_email(page):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quên mật khẩu")
    page.get_by_label("Thư điện tử").fill("hieutruong.lequydon@demo.binhdang.local")
    screenshot(page, "password-reset-form")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã gửi hướng dẫn")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hieutruong.lequydon@demo.binhdang.local"]
    assert "Đặt lại mật khẩu BinhDang" in message.subject
    link = re.search(r"https?://\S+/accounts/reset/\S+/", message.body)
    assert link, message.body

    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Đặt mật khẩu mới")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã đặt mật khẩu mới")
    screenshot(page, "password-reset-complete")

    page.goto(link.group(0))  # a used link no longer works
    expect(page.locator("main .error")).to_contain_text("không hợp lệ hoặc đã được dùng")
    login(page, "hieutruong.lequydon", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Xin chào, Ngô Văn Sơn")
