"""Targets belong to the department that entered them: another department never sees,
compares or versions them; the sector's targets apply everywhere."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from binhdang.accounts.choices import Role
from binhdang.accounts.tests.factories import user_with_role
from binhdang.reports import aggregate
from binhdang.reports.models import Target
from binhdang.reports.targets import current_targets, target_enter

from .factories import open_period, staff_figures

pytestmark = pytest.mark.django_db
YEAR = 2025
URL = reverse("reports:targets")


def _entry(**overrides) -> dict:
    return {
        "code": "KH_TP_NU_CBQL",
        "target_year": YEAR,
        "value": "30",
        "scope": "city",
        "metric": "women_managers_pct",
        "name": "Tỷ lệ nữ cán bộ quản lý theo kế hoạch của thành phố",
        "source_reference": "Kế hoạch số 53/KH-UBND",
        **overrides,
    }


@pytest.fixture
def qn_secretariat(tree):
    return user_with_role(Role.SECRETARIAT, tree.other_department, username="quang")


def test_a_departments_target_is_shown_only_to_that_department(
    client, tree, people, qn_secretariat
):
    client.force_login(people.secretariat)
    assert client.post(URL, _entry()).status_code == 302
    target = Target.objects.get(code="KH_TP_NU_CBQL")
    assert (target.owner, target.version) == (tree.department, 1)

    page = client.get(URL).content.decode()
    assert "KH_TP_NU_CBQL" in page and "Mục tiêu riêng của Sở Giáo dục và Đào tạo Hải Phòng" in page
    assert "Mục tiêu chung của ngành" in page  # NQ 28, QĐ 1790

    client.force_login(qn_secretariat)
    page = client.get(URL).content.decode()
    assert "Quảng Ninh" in page
    assert "KH_TP_NU_CBQL" not in page
    assert "NQ28_WOMEN_LEADER" in page
    assert [t.code for t in current_targets(tree.other_department)] == [
        "NQ28_WOMEN_LEADER",
        "NQ28_WOMEN_LEADER",
        "QD1790_ACTION_MONTH",
    ]

    # The Ministry's viewer sees each department's own targets under that department.
    client.force_login(people.viewer)
    assert "KH_TP_NU_CBQL" in client.get(URL + "?department=SGDDT-HP").content.decode()
    assert "KH_TP_NU_CBQL" not in client.get(URL + "?department=SGDDT-QN").content.decode()


def test_another_departments_period_never_records_the_target(client, tree, people):
    target_enter(
        user=people.secretariat,
        department=tree.department,
        **_entry(metric="units_with_woman_leader_pct", value=Decimal(50)),
    )
    for unit in (tree.school_a, tree.school_c):
        staff_figures(unit, YEAR, managers_female=1)
    qn_period = open_period(tree.other_department, year=YEAR, kind="year_end")
    hp_period = open_period(tree.department, year=YEAR, kind="year_end")
    hp = {r.target_code: r for r in aggregate.target_results(hp_period, record=True)}
    assert (hp["KH_TP_NU_CBQL"].numerator, hp["KH_TP_NU_CBQL"].target_value) == (1, 50)
    qn = {r.target_code for r in aggregate.target_results(qn_period, record=True)}
    assert "KH_TP_NU_CBQL" not in qn and "NQ28_WOMEN_LEADER" in qn
    client.force_login(people.viewer)
    board = reverse("dashboards:department")
    assert (
        "KH_TP_NU_CBQL" in client.get(f"{board}?department=SGDDT-HP&year={YEAR}").content.decode()
    )
    assert (
        "KH_TP_NU_CBQL"
        not in client.get(f"{board}?department=SGDDT-QN&year={YEAR}").content.decode()
    )


def test_two_departments_version_the_same_code_independently(client, tree, people, qn_secretariat):
    client.force_login(people.secretariat)
    client.post(URL, _entry())
    client.post(URL, _entry(value="35"))
    client.force_login(qn_secretariat)
    assert client.post(URL, _entry(value="25")).status_code == 302
    versions = Target.objects.filter(code="KH_TP_NU_CBQL").order_by("owner__code", "version")
    assert [(t.owner.code, t.version, t.value) for t in versions] == [
        ("SGDDT-HP", 1, Decimal("30.00")),
        ("SGDDT-HP", 2, Decimal("35.00")),
        ("SGDDT-QN", 1, Decimal("25.00")),
    ]


def test_a_department_cannot_enter_for_another_or_take_a_sector_code(client, tree, people):
    client.force_login(people.secretariat)
    # Quảng Ninh is out of Hải Phòng's reach: the address does not exist for this user.
    response = client.post(URL + "?department=SGDDT-QN", _entry())
    assert response.status_code == 404
    response = client.post(
        URL, _entry(code="NQ28_WOMEN_LEADER", metric="units_with_woman_leader_pct")
    )
    assert response.status_code == 422
    assert "là mục tiêu chung của ngành hoặc của cấp trên" in response.content.decode()
    assert not Target.objects.filter(owner__isnull=False).exists()
    # A viewer from the Ministry looks but does not enter.
    client.force_login(people.viewer)
    assert client.post(URL + "?department=SGDDT-HP", _entry()).status_code == 403
    assert not Target.objects.filter(owner__isnull=False).exists()


def test_targets_entered_before_owners_go_to_the_enterers_department(tree, people):
    migration = importlib.import_module("binhdang.reports.migrations.0003_target_owner")
    entered = Target.objects.create(
        code="KH_CU",
        name="Mục tiêu nhập trước khi có đơn vị đặt",
        scope="city",
        source_reference="Kế hoạch số 53/KH-UBND",
        metric="women_managers_pct",
        target_year=YEAR,
        value=Decimal(30),
        entered_by=people.secretariat,
        valid_from=tree.department.created_at.date(),
    )
    migration.own_entered_targets(apps, None)
    entered.refresh_from_db()
    assert entered.owner == tree.department
    assert not Target.objects.filter(code="NQ28_WOMEN_LEADER", owner__isnull=False).exists()
