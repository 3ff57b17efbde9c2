"""Issue 5 in the browser: school A builds this year's plan from the department plan in its
inbox, assigns a person to an item, the head approves and sends it; the school logs three
Action Month activities with photos; the secretariat sees them counted in the campaign
coverage and returns the plan with a comment; the school reads the comment.

The demo follows the calendar (this year's and last year's plans), and activities are logged
once they have happened: the numbers and dates are read from the pages, as a person would
(the test thread does not query the database, which the live server's threads write to).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

COMMENT = "Đề nghị bổ sung thời gian thực hiện cho các nội dung của Tháng hành động."
SCHOOL_A = "HP-THPT-002"
# Each activity: 40 staff (28 women) and 300 students (160 girls).
WOMEN, MEN = 28 + 160, 12 + 140
DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def _photo(tmp_path, index: int):
    path = tmp_path / f"anh-hoat-dong-{index}.png"
    colours = ((200, 60, 90), (40, 120, 200), (60, 170, 90))
    Image.new("RGB", (160, 120), colours[index % 3]).save(path)
    return path


def _date(text: str) -> dt.date:
    day, month, year = DATE.search(text).groups()
    return dt.date(int(year), int(month), int(day))


def _stat(page, label: str) -> str:
    return page.locator(".stat", has_text=label).locator("strong").inner_text()


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _coverage(page) -> dict:
    covered, total = (int(n) for n in _stat(page, "Đơn vị có hoạt động").split("/"))
    return {
        "covered": covered,
        "total": total,
        "activities": _number(_stat(page, "Số hoạt động")),
        "female": _number(_stat(page, "Người tham gia nữ")),
        "male": _number(_stat(page, "Người tham gia nam")),
    }


def _action_month(page) -> tuple[int, list[tuple[str, str, str]], dict]:
    """As the secretariat: the latest Action Month whose first three weeks have passed (its
    start read from the campaign page), three activities in it (title, type, date), and the
    coverage before they are logged."""
    today = timezone.localdate()
    for year in (today.year, today.year - 1):
        page.goto(f"/activities/campaign/?year={year}")
        period = page.locator("section.card", has_text="Thời gian").first.inner_text()
        start = _date(period.split("Thời gian", 1)[1])
        days = [start + dt.timedelta(days=7 * week) for week in range(3)]
        if days[-1] <= today:
            break
    titles = (
        (f"Lễ phát động Tháng hành động vì bình đẳng giới năm {year}", "launch"),
        ("Tọa đàm “Bình đẳng giới trong nhà trường”", "talk"),
        ("Hội thi tìm hiểu pháp luật về phòng, chống bạo lực giới", "contest"),
    )
    activities = [
        (title, kind, f"{day:%d/%m/%Y}") for (title, kind), day in zip(titles, days, strict=True)
    ]
    without = page.locator("section.card", has_text="Đơn vị chưa có hoạt động").inner_text()
    return year, activities, {**_coverage(page), "school_a_without": SCHOOL_A in without}


def test_a_school_plan_from_the_inbox_to_the_secretariats_return(page, demo_password, tmp_path):
    this_year = timezone.localdate().year
    # Before: the secretariat's coverage of the Action Month the school will log activities in.
    login(page, "thuky.so", demo_password)
    year, activities, before = _action_month(page)
    logout(page)

    # The school officer opens this year's department plan from the inbox and builds the
    # school's plan.
    login(page, "canbo.ngoquyen", demo_password)
    page.goto("/plans/inbox/")
    build = page.get_by_role("button", name="Xây dựng kế hoạch của đơn vị")
    # Other browser tests share this database and may have issued a plan of this year too
    # (test_plans issues its imported 2026 plan to every unit); the inbox lists the newest
    # first, so the demo's own plan, delivered in January, is the last of this year's rows.
    rows = page.locator("tr", has_text=f"năm {this_year}").filter(has=build)
    expect(rows.first).to_be_visible()
    row = rows.last
    reference = re.search(r"\d+/KH-[^\s:]+", row.get_by_role("link").first.inner_text()).group()
    row.get_by_role("link").first.click()
    parent_pk = int(re.search(r"/plans/(\d+)/$", page.url).group(1))
    panel = page.locator("#unit-plans-panel")
    expect(panel).to_contain_text("Hạn nộp kế hoạch của đơn vị")
    due = _date(panel.inner_text())
    page.get_by_role("button", name="Xây dựng kế hoạch của Trường THPT Ngô Quyền").click()
    expect(page.locator(".msg-success")).to_contain_text("Kế hoạch của Trường THPT Ngô Quyền")
    plan_pk = int(re.search(r"/plans/(\d+)/edit/$", page.url).group(1))
    expect(page.locator("#editor")).to_contain_text(f"Căn cứ Kế hoạch số {reference}")
    screenshot(page, "unit-plan-editor", full_page=False)

    # Assign the first task item of part II to a member of the school's committee.
    section = page.locator(".editor-section", has_text="CÁC NHIỆM VỤ CHỦ YẾU").first
    item = section.locator(".editor-row[id^='row-item-']").first
    item_id = item.get_attribute("id")
    item.get_by_role("link", name="Sửa").click()
    form = page.locator(f"form#{item_id}")
    responsible = form.get_by_label("Người phụ trách")
    member = responsible.locator("option").nth(1).inner_text().split(" (")[0]
    responsible.select_option(index=1)
    form.get_by_label("Thời gian thực hiện").fill(f"Tháng 11/{this_year}")
    form.get_by_label("Sản phẩm dự kiến").fill("Báo cáo kết quả, ảnh hoạt động")
    form.get_by_role("button", name="Lưu").click()
    expect(page.locator(f"#{item_id}")).to_contain_text(f"Phụ trách: {member}")
    page.goto(f"/plans/{plan_pk}/")
    expect(page.locator("#unit-assignments")).to_contain_text(member)
    expect(page.locator("#unit-plan-workflow")).to_contain_text("Thủ trưởng đơn vị")
    screenshot(page, "unit-plan-draft")
    logout(page)

    # The head approves and sends it; after the deadline it is marked late.
    login(page, "hieutruong.ngoquyen", demo_password)
    page.goto(f"/plans/{plan_pk}/")
    page.get_by_role("button", name="Duyệt và gửi Sở").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã duyệt và gửi kế hoạch lên Sở")
    late = timezone.localdate() > due
    expect(page.locator("#unit-plan-workflow")).to_contain_text("Nộp muộn" if late else "Đúng hạn")
    screenshot(page, "unit-plan-submitted")
    logout(page)

    # Three Action Month activities with a photo each, by the same school officer (the demo
    # never has school A's reports accepted, so its activities stay editable).
    login(page, "canbo.ngoquyen", demo_password)
    for index, (title, kind, day) in enumerate(activities):
        page.goto("/activities/new/")
        page.get_by_label("Tên hoạt động").fill(title)
        page.get_by_label("Loại hoạt động").select_option(kind)
        page.get_by_label("Ngày bắt đầu").fill(day)
        page.get_by_label("Địa điểm").fill("Hội trường Trường THPT Ngô Quyền")
        page.get_by_label("Cán bộ, giáo viên, nhân viên", exact=True).check()
        page.get_by_label("Học sinh", exact=True).check()
        page.get_by_label("Cán bộ, giáo viên, nhân viên: tổng số").fill("40")
        page.get_by_label("Cán bộ, giáo viên, nhân viên: trong đó nữ").fill("28")
        page.get_by_label("Học sinh: tổng số").fill("300")
        page.get_by_label("Học sinh: trong đó nữ").fill("160")
        page.get_by_role("button", name="Lưu").click()
        expect(page.locator(".msg-success")).to_contain_text("Đã ghi nhận hoạt động")
        page.get_by_label("Tệp minh chứng").set_input_files(str(_photo(tmp_path, index)))
        page.get_by_role("button", name="Tải lên").click()
        expect(page.locator("#evidence img").first).to_be_visible()
    screenshot(page, "unit-plan-activity-with-photo")
    logout(page)

    # The secretariat: campaign coverage, then the unit plans follow-up, return with a comment.
    login(page, "thuky.so", demo_password)
    page.goto(f"/activities/campaign/?year={year}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(str(year))
    # The school's three activities are counted: activities, participants, units covered.
    assert _coverage(page) == {
        "covered": before["covered"] + before["school_a_without"],
        "total": before["total"],
        "activities": before["activities"] + 3,
        "female": before["female"] + 3 * WOMEN,
        "male": before["male"] + 3 * MEN,
    }
    without = page.locator("section.card", has_text="Đơn vị chưa có hoạt động")
    expect(without).not_to_contain_text(SCHOOL_A)
    screenshot(page, "unit-plan-campaign-coverage")
    page.goto(f"/plans/{parent_pk}/")
    page.get_by_role("link", name="Theo dõi kế hoạch của các đơn vị").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kế hoạch của các đơn vị")
    school = page.locator("tr[data-unit='HP-THPT-002']")
    expect(school).to_contain_text("Đã nộp")
    expect(school).to_contain_text("Nộp muộn" if late else "Đúng hạn")
    screenshot(page, "unit-plan-follow-up")
    school.get_by_label("Ý kiến trả lại cho Trường THPT Ngô Quyền").fill(COMMENT)
    school.get_by_role("button", name="Trả lại").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã trả lại kế hoạch")
    expect(page.locator("tr[data-unit='HP-THPT-002']")).to_contain_text("Trả lại để sửa")
    logout(page)

    # The school reads the comment and may edit again.
    login(page, "canbo.ngoquyen", demo_password)
    page.goto(f"/plans/{plan_pk}/")
    expect(page.locator("#return-comment")).to_contain_text(COMMENT)
    expect(page.get_by_role("link", name="Sửa", exact=True)).to_be_visible()
    screenshot(page, "unit-plan-returned")
