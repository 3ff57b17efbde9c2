"""Issue 4 in the browser: import the 2026 seed, fix a basis (checked as you type), render,
carry forward to 2027, compare with 2026, approve and issue to all units, open as a school."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

SEED_2026 = Path(__file__).resolve().parents[2] / "binhdang/plans/demo_seeds/plan_2026.md"
WRONG_BASIS = (
    "Căn cứ Quyết định số 283/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo về việc "
    "ban hành Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới giai đoạn "
    "2021-2030 của Bộ Giáo dục và Đào tạo;"
)


def test_a_plan_from_import_to_a_schools_inbox(page, demo_password):
    login(page, "thuky.so", demo_password)

    # Import the 2026 seed: preview first, then save as a draft.
    page.goto("/plans/import/")
    page.get_by_label("Tệp kế hoạch").set_input_files(str(SEED_2026))
    page.get_by_role("button", name="Đọc tệp").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kết quả đọc tệp")
    expect(page.locator("article.plan-document")).to_contain_text("Phí Thị Thùy Vân")
    screenshot(page, "plans-import-preview")
    page.get_by_role("button", name=re.compile("Lưu thành dự thảo")).click()
    expect(page.locator(".msg-success")).to_contain_text("Đã lưu dự thảo")
    # Read the new plan's address from the page: a query from the test thread would hold
    # a lock on the in-memory SQLite database the server writes to.
    plan_pk = int(re.search(r"/plans/(\d+)/$", page.url).group(1))
    plan_title = page.locator("article.plan-document .plan-title").inner_text()

    # Fix a basis: type a wrong number, see the engine flag it as you type, correct it.
    page.get_by_role("link", name="Sửa", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sửa kế hoạch năm 2026")
    first_basis = page.locator("#bases .editor-row").first
    row_id = first_basis.get_attribute("id")
    first_basis.get_by_role("link", name="Sửa").click()
    edit_form = page.locator(f"form#{row_id}")
    box = edit_form.locator("textarea[name=text]")
    box.fill("")
    box.press_sequentially(WRONG_BASIS[:-40], delay=0)
    box.type(WRONG_BASIS[-40:])
    check = edit_form.locator(".citation-check-slot")
    expect(check).to_contain_text("383", timeout=15_000)  # suggests the registry's number
    screenshot(page, "plans-basis-check-as-you-type")
    box.fill(WRONG_BASIS.replace("283/", "383/"))
    edit_form.get_by_role("button", name="Lưu").click()
    expect(page.locator("#bases .editor-row").first).to_contain_text("383/QĐ-BGDĐT")

    # Add a task under II through the editor.
    section_two = page.locator(".editor-section", has_text="CÁC NHIỆM VỤ CHỦ YẾU").first
    section_two.locator("summary", has_text="Thêm nhiệm vụ").last.click()
    form = section_two.locator("details[open] form").last
    form.get_by_label("Tên mục/nhiệm vụ").fill("Tổng kết 5 năm thực hiện Kế hoạch")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("#outline")).to_contain_text("6. Tổng kết 5 năm thực hiện Kế hoạch")
    screenshot(page, "plans-editor")

    # Render: the preview shows the PDF pages.
    page.goto(f"/plans/{plan_pk}/preview/")
    expect(page.locator("img.preview-page").first).to_be_visible(timeout=60_000)
    screenshot(page, "plans-preview")

    # Carry forward to 2027 and review.
    page.goto(f"/plans/{plan_pk}/")
    page.get_by_role("link", name="Chuyển tiếp sang năm mới").click()
    page.get_by_label("Chuyển sang năm").fill("2027")
    page.get_by_role("button", name="Tạo dự thảo").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026 → 2027")
    expect(page.locator("#review")).to_contain_text("Thay đổi tự động")
    screenshot(page, "plans-carry-review")

    # Compare the 2027 draft with the 2026 plan.
    page.get_by_role("link", name="So sánh với kế hoạch gốc").click()
    expect(
        page.get_by_role("heading", name=re.compile("Từ năm 2026 sang năm 2027"))
    ).to_be_visible()
    expect(page.locator("ins.redline").first).to_be_visible()
    screenshot(page, "plans-compare")
    logout(page)

    # The leader approves the 2026 draft; the secretariat issues it to every unit.
    login(page, "lanhdao.so", demo_password)
    page.goto(f"/plans/{plan_pk}/")
    page.get_by_role("button", name="Duyệt kế hoạch").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã duyệt")
    logout(page)
    login(page, "thuky.so", demo_password)
    page.goto(f"/plans/{plan_pk}/")
    page.get_by_role("link", name="Ban hành và gửi đơn vị").click()
    page.get_by_role("button", name="Cấp số, ban hành và gửi").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã ban hành kế hoạch số")
    expect(page.get_by_role("heading", level=1)).to_contain_text("đơn vị đã đọc")
    screenshot(page, "plans-receipts")
    logout(page)

    # A school opens it from its inbox; the secretariat sees the receipt.
    login(page, "canbo.ngoquyen", demo_password)
    page.goto("/plans/inbox/")
    page.get_by_role("link", name=re.compile(plan_title[:30])).first.click()
    expect(page.locator("article.plan-document")).to_contain_text("CÁC NHIỆM VỤ CHỦ YẾU")
    expect(page.get_by_role("link", name="Sửa", exact=True)).to_have_count(0)
    screenshot(page, "plans-school-reads")
    logout(page)
    login(page, "thuky.so", demo_password)
    page.goto(f"/plans/{plan_pk}/receipts/")
    row = page.locator("tr", has_text="Trường THPT Ngô Quyền")
    expect(row).to_contain_text("Đã mở")
    expect(row).to_contain_text("Vũ Thị Lan")
