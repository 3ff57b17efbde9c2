"""The accounts part of the demo data: logins, the committee problems the department must
see, idempotence, and no invented committees for real units."""

import io

import pytest
from django.core.management import call_command

from binhdang.accounts import demo
from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import Committee, OrgUnit, User
from binhdang.accounts.selectors.committees import committee_overview


@pytest.fixture
def loaded(db):
    real = OrgUnit.objects.create(
        code="REAL-1", name="Trường THPT Thật", unit_type=UnitType.UPPER_SECONDARY
    )
    demo.load()
    return real


def test_demo_has_a_hundred_units_and_one_login_per_role(loaded):
    assert OrgUnit.objects.filter(is_demo=True).count() >= 100
    for role, username, password in demo.DEMO_LOGINS:
        user = User.objects.get(username=username)
        assert user.check_password(password) and user.grants.filter(role=role).exists()


def test_demo_committees_show_vacancies_and_missing_reforms(loaded):
    secretariat = User.objects.get(username="thuky.so")
    overview = list(committee_overview(secretariat))
    assert len(overview) >= 95
    assert any(not c.has_secretary for c in overview)
    assert any(c.not_reformed for c in overview)
    assert any(c.latest_kind == "reform" for c in overview)


def test_demo_is_idempotent_and_leaves_real_units_alone(loaded):
    counts = (OrgUnit.objects.count(), Committee.objects.count(), User.objects.count())
    demo.load()
    assert (OrgUnit.objects.count(), Committee.objects.count(), User.objects.count()) == counts
    assert not Committee.objects.filter(unit=loaded).exists()


def test_load_demo_prints_one_login_line_per_role(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO())
    lines = [line.split() for line in out.getvalue().splitlines() if len(line.split()) == 3]
    assert [line for line in lines if line[0] in {r for r, _u, _p in demo.DEMO_LOGINS}] == [
        list(login) for login in demo.DEMO_LOGINS
    ]
