"""Issue 3 in the browser: each demo role logs in, sees a home page that fits the role, the
unit tree, their unit and a committee, and logs out; a failed login; the language switch."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from binhdang.accounts.demo import DEMO_USERS
from binhdang.accounts.models import Committee, CommitteeMember, OrgUnit

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

# username -> (full name, code of the unit their role is granted on)
PEOPLE = {
    username: (full_name, unit_code) for _role, username, full_name, unit_code, *_ in DEMO_USERS
}
WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng. Xin nhập lại."


# username -> code of the unit whose committee they open (the viewer opens none: no names)
COMMITTEE_OF = {
    "quantri": "SGDDT-HP",
    "thuky.so": "SGDDT-HP",
    "lanhdao.so": "SGDDT-HP",
    "thanhvien.so": "SGDDT-HP",
    "xuly.so": "SGDDT-HP",
    "hieutruong.ngoquyen": "HP-THPT-002",
    "canbo.ngoquyen": "HP-THPT-002",
    "xem.bo": None,
}
OTHER_SCHOOL = "Trường THPT Lê Quý Đôn"


def _member_names() -> list[str]:
    return list(CommitteeMember.objects.values_list("full_name", flat=True))


@pytest.mark.parametrize("username", list(PEOPLE))
def test_each_role_sees_home_tree_and_committee_as_fits_the_role(page, demo_password, username):
    full_name, unit_code = PEOPLE[username]
    unit = OrgUnit.objects.get(code=unit_code)

    login(page, username, demo_password)

    # Home: greeting, their scope, what is due next.
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Xin chào, {full_name}")
    scope = page.locator("section.card", has=page.get_by_role("heading", name="Phạm vi của bạn"))
    expect(scope).to_contain_text(unit.name)
    expect(page.get_by_role("heading", name="Việc sắp đến hạn")).to_be_visible()
    expect(page.locator("header .who")).to_have_text(full_name)
    screenshot(page, f"{username}-home")

    # The unit tree, reached from the main navigation.
    page.locator("nav.mainnav").get_by_role("link", name="Đơn vị", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cơ cấu tổ chức")
    tree = page.locator("section.tree")
    expect(tree.get_by_role("heading", name="Cây đơn vị")).to_be_visible()
    expect(tree).to_contain_text(unit.name)
    if unit.unit_type != "ministry":
        expect(tree).not_to_contain_text("Trường THPT Hòn Gai")  # another province
    if unit.code == "HP-THPT-002":
        expect(page.locator("main")).not_to_contain_text(OTHER_SCHOOL)
    screenshot(page, f"{username}-units")

    # Their unit's page, then its committee.
    page.goto(reverse("units:detail", args=[unit.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(unit.name)
    screenshot(page, f"{username}-unit-detail")
    committee_code = COMMITTEE_OF[username]
    if committee_code is None:
        main_text = page.locator("main").inner_text()
        assert not [name for name in _member_names() if name in main_text]
        expect(page.locator("main").get_by_role("link", name="Ban VSTBPN")).to_have_count(0)
        hp = OrgUnit.objects.get(code="SGDDT-HP")
        response = page.request.get(reverse("units:committee", args=[hp.pk]))
        assert response.status == 404
    else:
        committee_unit = OrgUnit.objects.get(code=committee_code)
        committee = Committee.objects.get(unit=committee_unit)
        if committee_unit != unit:
            page.goto(reverse("units:detail", args=[committee_unit.pk]))
        page.locator("main .toolbar").get_by_role("link", name="Ban VSTBPN").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(committee.name)
        current = page.locator("section#current")
        expect(current.get_by_role("heading", name="Thành viên đương nhiệm")).to_be_visible()
        for member in committee.current_members():
            expect(current).to_contain_text(member.full_name)
        screenshot(page, f"{username}-committee")

    logout(page)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))


def test_the_higher_level_viewer_sees_totals_but_no_committee_or_names(page, demo_password):
    login(page, "xem.bo", demo_password)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")
    expect(page.get_by_role("heading", name="Ban Vì sự tiến bộ của phụ nữ")).to_have_count(0)
    expect(page.locator("nav.mainnav").get_by_role("link", name="Ban VSTBPN")).to_have_count(0)
    body = page.locator("main").inner_text()
    assert not [name for name in _member_names() if name in body]

    page.locator("nav.mainnav").get_by_role("link", name="Đơn vị", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cơ cấu tổ chức")
    body = page.locator("main").inner_text()
    assert not [name for name in _member_names() if name in body]


def test_the_secretariat_finds_any_school_committee_without_typing_diacritics(page, demo_password):
    login(page, "thuky.so", demo_password)

    page.locator("nav.mainnav").get_by_role("link", name="Ban VSTBPN").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Các Ban Vì sự tiến bộ của phụ nữ")
    screenshot(page, "thuky.so-committees")
    page.get_by_label("Tìm đơn vị").press_sequentially("le quy don")  # htmx filters as she types

    results = page.locator("#results")
    expect(results).to_contain_text(OTHER_SCHOOL)
    expect(results).not_to_contain_text("Trường THPT Ngô Quyền")
    expect(results).to_have_count(1)  # the swap replaces the results, never nests them
    results.get_by_role("link", name=OTHER_SCHOOL, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(OTHER_SCHOOL)


def test_a_school_officer_sees_only_her_own_school(page, demo_password):
    login(page, "canbo.ngoquyen", demo_password)

    main = page.locator("main")
    expect(main).to_contain_text("Trường THPT Ngô Quyền")
    expect(main).not_to_contain_text("Trường THPT Lê Quý Đôn")
    expect(main).not_to_contain_text("Sở Giáo dục và Đào tạo Hải Phòng")


def test_a_wrong_password_shows_the_vietnamese_error_and_logs_nobody_in(page):
    login(page, "thuky.so", "not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("main .error")).to_have_text(WRONG_LOGIN)
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("thuky.so")
    expect(page.locator("header .who")).to_have_count(0)
    screenshot(page, "login-failed")


def test_the_language_switch_turns_the_interface_to_english_and_back(page, demo_password):
    page.goto("/accounts/login/")
    screenshot(page, "login")

    page.get_by_label("Ngôn ngữ").select_option("en")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    login_button = page.locator("main form button[type=submit]")
    expect(login_button).to_have_text("Log in")
    screenshot(page, "login-en")

    page.get_by_label("Username").fill("lanhdao.so")
    page.get_by_label("Password").fill(demo_password)
    login_button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hello, {PEOPLE['lanhdao.so'][0]}")
    expect(page.get_by_role("heading", name="Your scope")).to_be_visible()
    screenshot(page, "lanhdao.so-home-en")
    page.locator("nav.mainnav").get_by_role("link", name="Units", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisation")
    expect(page.get_by_role("heading", name="Unit tree")).to_be_visible()
    screenshot(page, "lanhdao.so-units-en")

    page.get_by_label("Language").select_option("vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cơ cấu tổ chức")
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", name="Phạm vi của bạn")).to_be_visible()


def test_the_home_page_fits_a_phone_screen(page, demo_password):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "canbo.ngoquyen", demo_password)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot(page, "canbo.ngoquyen-home-phone")
    assert overflow <= 0, f"the page is {overflow}px wider than a 390px phone screen"
