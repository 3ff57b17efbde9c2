"""Issue 6 in the browser: the periodic report cycle of one school (Trường THPT Lê Quý Đôn,
HP-THPT-004) in the demo's open year-end period. The officer fills in the pre-filled report
(an override with its reason, a refused figure, the narrative), the head approves and
submits; the secretariat returns it with comments, the school corrects and resubmits, the
secretariat reads what changed, accepts and downloads the report; the report is then locked
for the school and the period shows on the dashboard.

The demo leaves this school's open report in draft (binhdang/reports/demo.py) and no other
browser test touches it; school A (HP-THPT-002) is left alone, the tour logs its activities.
"""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from .helpers import login, logout, screenshot

pytestmark = pytest.mark.e2e

SCHOOL = "Trường THPT Lê Quý Đôn"
OFFICER, HEAD, SECRETARIAT = "canbo.lequydon", "hieutruong.lequydon", "thuky.so"
STAFF = "Cán bộ, giáo viên, nhân viên"
PARTY = "Đảng viên"
COMMENDATIONS = "Tập thể, cá nhân được khen thưởng về công tác vì sự tiến bộ của phụ nữ"
PARTY_REASON = "Kết nạp thêm 01 đảng viên trong quý IV, sau khi cập nhật số liệu cán bộ."
LIMITATIONS = "Một số hoạt động tuyên truyền còn hình thức, chưa thu hút học sinh tham gia."
LIMITATIONS_FIXED = (
    "Một số hoạt động tuyên truyền còn hình thức, chưa thu hút học sinh tham gia; nguyên nhân: "
    "giáo viên phụ trách kiêm nhiệm, thời lượng sinh hoạt dưới cờ ít."
)
DIFFICULTIES = "Kinh phí cho hoạt động của Ban còn hạn chế."
RECOMMENDATIONS = "Đề nghị Sở tổ chức tập huấn về lồng ghép giới cho giáo viên chủ nhiệm."
GENERAL_COMMENT = "Đề nghị làm rõ nguyên nhân của các hạn chế."
FIELD_COMMENT = "Chưa nhập số tập thể, cá nhân được khen thưởng trong năm."
CODES = {STAFF: "STAFF", PARTY: "PARTY", COMMENDATIONS: "COMMENDATIONS"}


@pytest.fixture(scope="module", autouse=True)
def _school_people_log_in_with_the_demo_password(live_app, django_db_blocker):
    """test_passwords.py changes these two people's passwords; on PostgreSQL the server
    commits that for the rest of the package. Give them the demo password back (committed,
    outside any test's transaction) so that this module does not depend on the order."""
    from binhdang.accounts.demo import DEMO_PASSWORD
    from binhdang.accounts.models import User

    with django_db_blocker.unblock():
        for user in User.objects.filter(username__in=[OFFICER, HEAD]):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])


def _row(page, name: str):
    """The row of an indicator in the figures table (name, messages, inputs, reason)."""
    return page.locator(f"tr#v-{CODES[name]}")


def _number(locator) -> int:
    return int(locator.input_value())


def _shown_number(locator) -> int:
    """A figure as the page prints it (1.480 is one thousand four hundred and eighty)."""
    return int(locator.inner_text().strip().replace(".", "") or 0)


def _accepted_count(page) -> int:
    card = page.locator(".grid .card", has_text="Đã tiếp nhận")
    return _shown_number(card.locator("strong"))


def _dashboard_commendations(page, period: str) -> int:
    """The department's total of commendations in the period, from accepted reports."""
    page.goto("/dashboard/")
    totals = page.locator("section.card", has_text="Chỉ tiêu tổng hợp")
    expect(totals.get_by_role("heading")).to_have_text(f"Chỉ tiêu tổng hợp — {period}")
    return _shown_number(totals.locator("tr", has_text=COMMENDATIONS).locator("td").nth(1))


def test_a_school_report_from_draft_to_accepted_with_a_return(page, demo_password, tmp_path):
    # The officer finds the school's open report from the home page: pre-filled figures.
    # The demo keeps the current year's year-end period open (due 01/12).
    year = timezone.localdate().year
    period, due_date = f"Báo cáo cuối năm {year}", f"01/12/{year}"
    login(page, OFFICER, demo_password)
    due = page.locator("#due-next").get_by_role("link", name=f"{period} — {SCHOOL}", exact=True)
    expect(due).to_be_visible()
    due.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SCHOOL)
    report_url = page.url
    assert re.search(r"/reports/\d+/$", report_url)
    expect(page.locator("main")).to_contain_text("Đang soạn")
    expect(page.locator("main")).to_contain_text(f"Hạn nộp: {due_date}")
    staff_total = _row(page, STAFF).get_by_label(f"{STAFF} — tổng số")
    staff_female = _row(page, STAFF).get_by_label(f"{STAFF} — nữ")
    party_total = _row(page, PARTY).get_by_label(f"{PARTY} — tổng số")
    total, female, party = _number(staff_total), _number(staff_female), _number(party_total)
    assert 0 < female <= total and 0 < party <= total
    # The "pre-filled" column shows what the app knew: the staff figures of the year.
    expect(_row(page, STAFF).locator("td").nth(4)).to_have_text(f"{total} / {female}")
    screenshot(page, "reports-officer-prefilled")

    # More women than staff in total: refused, in Vietnamese, next to the figure.
    staff_female.fill(str(total + 1))
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(_row(page, STAFF)).to_contain_text(
        f"Số nữ ({total + 1}) không được lớn hơn tổng số ({total}) của “{STAFF}”."
    )
    expect(_row(page, STAFF)).to_contain_text(
        f"Hãy ghi lý do khi sửa số liệu tự điền của “{STAFF}”."
    )
    # What was typed stays; blank reasons stay blank (not "None").
    expect(_row(page, STAFF).get_by_label(f"{STAFF} — nữ")).to_have_value(str(total + 1))
    expect(page.locator("main table")).not_to_contain_text("None")
    screenshot(page, "reports-officer-women-over-total")

    # Back to the true figure; one pre-filled figure overridden, with the reason; narrative.
    _row(page, STAFF).get_by_label(f"{STAFF} — nữ").fill(str(female))
    _row(page, PARTY).get_by_label(f"{PARTY} — tổng số").fill(str(party + 1))
    _row(page, PARTY).get_by_label("Lý do sửa").fill(PARTY_REASON)
    expect(page.get_by_label("Kết quả đạt được")).not_to_be_empty()  # the demo's draft text
    page.get_by_label("Hạn chế và nguyên nhân").fill(LIMITATIONS)
    page.get_by_label("Khó khăn, vướng mắc").fill(DIFFICULTIES)
    page.get_by_label("Đề xuất, kiến nghị").fill(RECOMMENDATIONS)
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã lưu báo cáo")
    expect(_row(page, PARTY).get_by_label(f"{PARTY} — tổng số")).to_have_value(str(party + 1))
    expect(_row(page, PARTY).get_by_label("Lý do sửa")).to_have_value(PARTY_REASON)
    expect(page.get_by_label("Hạn chế và nguyên nhân")).to_have_value(LIMITATIONS)
    # An officer prepares; only the head submits.
    expect(page.get_by_role("button", name="Thủ trưởng duyệt và gửi Sở")).to_have_count(0)
    screenshot(page, "reports-officer-draft-saved")
    logout(page)

    # The head approves and submits.
    login(page, HEAD, demo_password)
    page.goto(report_url)
    page.get_by_role("button", name="Thủ trưởng duyệt và gửi Sở").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã duyệt và gửi báo cáo cho Sở")
    expect(page.locator("main")).to_contain_text("Đã gửi")
    expect(page.get_by_role("button", name="Lưu bản nháp")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Lần 1")
    screenshot(page, "reports-head-submitted")
    logout(page)

    # The secretariat: the period's status board shows the school as submitted.
    login(page, SECRETARIAT, demo_password)
    commendations_before = _dashboard_commendations(page, period)
    page.goto("/reports/")
    page.locator("section.card", has_text="Các kỳ báo cáo").get_by_role(
        "link", name=period, exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(period)
    expect(page.locator("main")).to_contain_text(f"Hạn nộp: {due_date}")
    school = page.locator("tr").filter(has=page.get_by_role("link", name=SCHOOL, exact=True))
    expect(school).to_contain_text("Đã gửi")
    expect(school).to_contain_text("Đúng hạn")
    board_url = page.url
    accepted_before = _accepted_count(page)
    screenshot(page, "reports-board-submitted")

    # Returned with a comment on the report and one on a single figure.
    school.get_by_role("link", name=SCHOOL, exact=True).click()
    expect(page).to_have_url(report_url)
    review = page.locator("section.card", has_text="Xem xét báo cáo")
    review.get_by_label("Nhận xét chung").fill(GENERAL_COMMENT)
    review.get_by_text("Nhận xét theo từng mục").click()
    review.get_by_label(COMMENDATIONS).fill(FIELD_COMMENT)
    screenshot(page, "reports-secretariat-return-form")
    review.get_by_role("button", name="Trả lại để sửa").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã trả lại báo cáo để đơn vị sửa")
    expect(page.locator("main")).to_contain_text("Trả lại để sửa")
    logout(page)

    # The school reads both comments and corrects the report.
    login(page, OFFICER, demo_password)
    page.goto(report_url)
    expect(page.locator("section.card", has_text="Nhận xét của Sở")).to_contain_text(
        GENERAL_COMMENT
    )
    commendations = _row(page, COMMENDATIONS)
    expect(commendations).to_contain_text(FIELD_COMMENT)
    screenshot(page, "reports-officer-returned")
    commendations.get_by_label(f"{COMMENDATIONS} — tổng số").fill("3")
    commendations.get_by_label(f"{COMMENDATIONS} — nữ").fill("2")
    page.get_by_label("Hạn chế và nguyên nhân").fill(LIMITATIONS_FIXED)
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã lưu báo cáo")
    logout(page)

    # The head submits it again.
    login(page, HEAD, demo_password)
    page.goto(report_url)
    page.get_by_role("button", name="Thủ trưởng duyệt và gửi Sở").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã duyệt và gửi báo cáo cho Sở")
    expect(page.locator("main")).to_contain_text("Lần 2")
    logout(page)

    # The secretariat sees what changed since the returned version, then accepts.
    login(page, SECRETARIAT, demo_password)
    page.goto(report_url)
    changes = page.locator("section.card", has_text="Thay đổi so với lần gửi trước")
    expect(changes.locator("tr.diff-row")).to_have_count(2)
    expect(changes.locator("tr.diff-row", has_text=COMMENDATIONS)).to_contain_text("3 / nữ 2")
    limitation_change = changes.locator("tr.diff-row", has_text="hạn chế và nguyên nhân")
    expect(limitation_change.locator("td").nth(1)).to_have_text(LIMITATIONS)
    expect(limitation_change.locator("td").nth(2)).to_have_text(LIMITATIONS_FIXED)
    screenshot(page, "reports-secretariat-diff")
    page.locator("section.card", has_text="Xem xét báo cáo").get_by_role(
        "button", name="Tiếp nhận"
    ).click()
    expect(page.locator(".msg-success")).to_contain_text("Đã tiếp nhận báo cáo")
    expect(page.locator("main")).to_contain_text("Đã tiếp nhận")

    # The report's .docx downloads and holds the accepted text.
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải .docx").click()
    download = info.value
    assert download.suggested_filename == f"bao-cao-HP-THPT-004-{year}-year_end.docx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert SCHOOL.upper() in text
    assert LIMITATIONS_FIXED in text
    assert "Ngô Văn Sơn" in text  # the head who approved signs it

    # The board counts one more accepted report; the dashboard lists the period and adds
    # the school's accepted figures to the department's totals.
    page.goto(board_url)
    expect(school).to_contain_text("Đã tiếp nhận")
    assert _accepted_count(page) == accepted_before + 1
    screenshot(page, "reports-board-accepted")
    assert _dashboard_commendations(page, period) == commendations_before + 3
    rates = page.locator("section.card", has_text="Tính đầy đủ và kịp thời của báo cáo")
    expect(rates.locator("tr", has_text=period)).to_be_visible()
    screenshot(page, "reports-dashboard")
    logout(page)

    # Locked for the school: nothing to edit, nothing to submit.
    login(page, OFFICER, demo_password)
    page.goto(report_url)
    expect(page.locator("main")).to_contain_text("Đã tiếp nhận")
    expect(page.get_by_role("button", name="Lưu bản nháp")).to_have_count(0)
    expect(page.locator("main input[type=number], main textarea")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(LIMITATIONS_FIXED)
    screenshot(page, "reports-officer-locked")
