"""The accounts part of the demo data: logins, the committee problems the department must
see, idempotence, and no invented committees for real units."""

import io

import pytest
from django.core.management import call_command

from binhdang.accounts import demo
from binhdang.accounts import demo_data as data
from binhdang.accounts.choices import CommitteePosition, UnitType
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


def test_every_demo_unit_has_its_ward_or_commune(loaded):
    units = OrgUnit.objects.filter(is_demo=True)
    assert not units.filter(commune="").exists()
    school_a = units.get(code=demo.SCHOOL_A_CODE)
    assert school_a.commune in data.COMMUNES["Ngô Quyền"]
    assert school_a.commune in school_a.address
    # A school named after its ward is placed in it.
    assert units.get(name="Trường THPT Nam Triệu").commune == "phường Nam Triệu"
    assert units.get(name="Trường THPT Cát Bà").commune == "đặc khu Cát Hải"


def test_a_rerun_fills_an_empty_commune_and_keeps_a_typed_one(loaded):
    OrgUnit.objects.filter(code=demo.SCHOOL_A_CODE).update(commune="")
    OrgUnit.objects.filter(code=demo.SCHOOL_B_CODE).update(commune="phường Đã Sửa")
    demo.load()
    assert OrgUnit.objects.get(code=demo.SCHOOL_A_CODE).commune in data.COMMUNES["Ngô Quyền"]
    assert OrgUnit.objects.get(code=demo.SCHOOL_B_CODE).commune == "phường Đã Sửa"
    assert OrgUnit.objects.get(code="REAL-1").commune == ""


def test_committee_decisions_are_signed_by_the_head_of_the_unit(loaded):
    school_a = Committee.objects.get(unit__code=demo.SCHOOL_A_CODE)
    principal = User.objects.get(username="hieutruong.ngoquyen")
    assert {d.signer for d in school_a.decisions.all()} == {principal.full_name}
    head = school_a.current_members().get(position=CommitteePosition.HEAD)
    assert (head.user, head.job_title) == (principal, "Hiệu trưởng")

    for committee in Committee.objects.filter(unit__is_demo=True).exclude(
        unit__unit_type=UnitType.DEPARTMENT
    ):
        head = committee.members.get(position=CommitteePosition.HEAD)
        assert head.job_title in {"Hiệu trưởng", "Giám đốc"}
        assert {d.signer for d in committee.decisions.all()} == {head.full_name}
    centre = Committee.objects.get(unit__code="HP-GDTX-001")
    assert centre.members.get(position=CommitteePosition.HEAD).job_title == "Giám đốc"
    department = Committee.objects.get(unit__code=demo.DEPARTMENT_CODE)
    signer = department.decisions.get().signer
    assert signer != "Giám đốc Sở" and len(signer.split()) >= 3  # a person, not a title
