"""The home page fits each role: scope (linked), committee (linked), what is due next, and
for the department the committees with problems; the viewer gets totals only."""

import datetime as dt

from django.urls import reverse

from binhdang.accounts import services
from binhdang.accounts.choices import Sex
from binhdang.core import due


def home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def committee(unit, posts=("head", "deputy", "secretary")):
    c = services.committee_ensure(unit=unit)
    services.committee_decision_record(
        committee=c, number="3/QĐ", date=dt.date(2024, 1, 5), signer="Hiệu trưởng"
    )
    for position in posts:
        services.member_add(
            committee=c,
            full_name=f"Thành viên {position} {unit.code}",
            position=position,
            sex=Sex.FEMALE if position != "deputy" else Sex.MALE,
            start_date=dt.date(2024, 1, 5),
        )
    return c


def test_the_school_officer_sees_her_school_and_its_committee_linked(client, people, tree):
    committee(tree.school_a)
    page = home(client, people.officer_a)
    assert f'href="{reverse("units:detail", args=[tree.school_a.pk])}"' in page
    assert f'href="{reverse("units:committee", args=[tree.school_a.pk])}"' in page
    assert "Sở Giáo dục và Đào tạo Hải Phòng" not in page.split("<main")[1]
    assert "Ban VSTBPN cần xử lý" not in page


def test_the_secretariat_sees_the_committees_with_problems(client, people, tree):
    committee(tree.school_a)
    committee(tree.school_b, posts=("head", "deputy"))
    page = home(client, people.secretariat)
    panel = page.split('id="committee-problems"')[1].split("</section>")[0]
    assert "1/2 Ban khuyết chức danh hoặc chưa kiện toàn." in panel
    assert "Trường THPT Lê Quý Đôn" in panel and "Ngô Quyền" not in panel
    assert f"{reverse('units:committees')}?problems=1" in panel


def test_the_viewer_gets_totals_but_no_names(client, people, tree):
    committee(tree.school_a)
    page = home(client, people.viewer)
    main = page.split("<main")[1]
    assert "Số liệu tổng hợp" in main
    assert "1</span> Ban VSTBPN đã thành lập" in main
    assert "3</span> thành viên Ban đương nhiệm, 67% là nữ" in main
    assert "Thành viên head" not in main and "Ban Vì sự tiến bộ của phụ nữ</h2>" not in main


def test_what_is_due_next_comes_from_the_registered_providers(client, people, tree, monkeypatch):
    soon = dt.date.today() + dt.timedelta(days=5)

    def provider(user):
        if user.pk != people.officer_a.pk:
            return []
        return [due.DueItem("Báo cáo sơ kết 6 tháng", soon, "/reports/")]

    monkeypatch.setattr(due, "_providers", [provider])
    page = home(client, people.officer_a)
    assert "Báo cáo sơ kết 6 tháng" in page and soon.strftime("%d/%m/%Y") in page
    assert "Báo cáo sơ kết 6 tháng" not in home(client, people.officer_b)


def test_someone_without_a_grant_is_told_to_ask_the_administrator(client, people):
    page = home(client, people.outsider)
    assert "chưa được phân quyền trên đơn vị nào" in page
