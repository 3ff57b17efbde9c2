"""Issue 5 in the browser: school A builds its 2026 plan from the department plan in its
inbox, assigns a person to an item, the head approves and sends it; a school logs three
Action Month activities with photos; the secretariat sees the campaign coverage and returns
the plan with a comment; the school reads the comment."""

from __future__ import annotations

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

COMMENT = "Đề nghị bổ sung thời gian thực hiện cho các nội dung của Tháng hành động."
ACTIVITIES = (
    ("Lễ phát động Tháng hành động vì bình đẳng giới năm 2026", "launch", "09/11/2026"),
    ("Tọa đàm “Bình đẳng giới trong nhà trường”", "talk", "16/11/2026"),
    ("Hội thi tìm hiểu pháp luật về phòng, chống bạo lực giới", "contest", "23/11/2026"),
)


def _photo(tmp_path, index: int):
    path = tmp_path / f"anh-hoat-dong-{index}.png"
    colours = ((200, 60, 90), (40, 120, 200), (60, 170, 90))
    Image.new("RGB", (160, 120), colours[index % 3]).save(path)
    return path


def test_a_school_plan_from_the_inbox_to_the_secretariats_return(page, demo_password, tmp_path):
    # The school officer opens the department plan from the inbox and builds the school's plan.
    login(page, "canbo.ngoquyen", demo_password)
    page.goto("/plans/inbox/")
    row = page.locator("tr", has_text="12/KH-SGDĐT")
    expect(row.get_by_role("button", name="Xây dựng kế hoạch của đơn vị")).to_be_visible()
    row.get_by_role("link").first.click()
    parent_pk = int(re.search(r"/plans/(\d+)/$", page.url).group(1))
    expect(page.locator("#unit-plans-panel")).to_contain_text("15/02/2026")
    page.get_by_role("button", name="Xây dựng kế hoạch của Trường THPT Ngô Quyền").click()
    expect(page.locator(".msg-success")).to_contain_text("Kế hoạch của Trường THPT Ngô Quyền")
    plan_pk = int(re.search(r"/plans/(\d+)/edit/$", page.url).group(1))
    expect(page.locator("#editor")).to_contain_text("Căn cứ Kế hoạch số 12/KH-SGDĐT")
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
    form.get_by_label("Thời gian thực hiện").fill("Tháng 11/2026")
    form.get_by_label("Sản phẩm dự kiến").fill("Báo cáo kết quả, ảnh hoạt động")
    form.get_by_role("button", name="Lưu").click()
    expect(page.locator(f"#{item_id}")).to_contain_text(f"Phụ trách: {member}")
    page.goto(f"/plans/{plan_pk}/")
    expect(page.locator("#unit-assignments")).to_contain_text(member)
    expect(page.locator("#unit-plan-workflow")).to_contain_text("Thủ trưởng đơn vị")
    screenshot(page, "unit-plan-draft")
    logout(page)

    # The head approves and sends it; the deadline (15/02/2026) has passed: marked late.
    login(page, "hieutruong.ngoquyen", demo_password)
    page.goto(f"/plans/{plan_pk}/")
    page.get_by_role("button", name="Duyệt và gửi Sở").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã duyệt và gửi kế hoạch lên Sở")
    expect(page.locator("#unit-plan-workflow")).to_contain_text("Nộp muộn")
    screenshot(page, "unit-plan-submitted")
    logout(page)

    # Three Action Month activities with a photo each, by the same school officer (the demo
    # leaves school A's open year-end report in draft, so its 2026 activities are editable).
    login(page, "canbo.ngoquyen", demo_password)
    for index, (title, kind, day) in enumerate(ACTIVITIES):
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
    page.goto("/activities/campaign/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "unit-plan-campaign-coverage")
    page.goto(f"/plans/{parent_pk}/")
    page.get_by_role("link", name="Theo dõi kế hoạch của các đơn vị").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kế hoạch của các đơn vị")
    school = page.locator("tr[data-unit='HP-THPT-002']")
    expect(school).to_contain_text("Đã nộp")
    expect(school).to_contain_text("Nộp muộn")
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
