"""Demo organisation tree, people and committees (idempotent; everything marked is_demo)."""

from __future__ import annotations

import datetime as dt
import random
import re

from binhdang.core.text import fold

from . import demo_data as data
from . import services
from .choices import CommitteePosition, DecisionKind, Role, Sex, UnitType
from .models import Committee, OrgUnit, User

DEMO_PASSWORD = "BinhDang@2026"
MINISTRY_CODE = "BGDDT"
DEPARTMENT_CODE = "SGDDT-HP"
SCHOOL_A_CODE = "HP-THPT-002"  # Trường THPT Ngô Quyền
SCHOOL_B_CODE = "HP-THPT-004"  # Trường THPT Lê Quý Đôn

# (role, username, full name, unit code, job title, sex)
DEMO_USERS = [
    (Role.ADMIN, "quantri", "Quản trị hệ thống", MINISTRY_CODE, "Quản trị hệ thống", Sex.MALE),
    (
        Role.SECRETARIAT,
        "thuky.so",
        "Nguyễn Thị Minh Thu",
        DEPARTMENT_CODE,
        "Chuyên viên phòng Tổ chức – Cán bộ",
        Sex.FEMALE,
    ),
    (Role.LEADER, "lanhdao.so", "Phí Thị Thùy Vân", DEPARTMENT_CODE, "Phó Giám đốc Sở", Sex.FEMALE),
    (
        Role.COMMITTEE_MEMBER,
        "thanhvien.so",
        "Trần Văn Hải",
        DEPARTMENT_CODE,
        "Trưởng phòng Giáo dục Trung học",
        Sex.MALE,
    ),
    (
        Role.UNIT_HEAD,
        "hieutruong.ngoquyen",
        "Lê Thị Hồng Hạnh",
        SCHOOL_A_CODE,
        "Hiệu trưởng",
        Sex.FEMALE,
    ),
    (
        Role.UNIT_OFFICER,
        "canbo.ngoquyen",
        "Vũ Thị Lan",
        SCHOOL_A_CODE,
        "Giáo viên, Thư ký Ban VSTBPN",
        Sex.FEMALE,
    ),
    (
        Role.CASE_OFFICER,
        "xuly.so",
        "Đỗ Thị Hương",
        DEPARTMENT_CODE,
        "Chuyên viên phòng Tổ chức – Cán bộ",
        Sex.FEMALE,
    ),
    (Role.VIEWER, "xem.bo", "Bùi Văn Nam", MINISTRY_CODE, "Chuyên viên Bộ GDĐT", Sex.MALE),
]
# Extra people used by the tests and the tour (not printed: one login per role is printed).
EXTRA_USERS = [
    (
        Role.UNIT_OFFICER,
        "canbo.lequydon",
        "Đặng Thị Mai",
        SCHOOL_B_CODE,
        "Giáo viên, Thư ký Ban VSTBPN",
        Sex.FEMALE,
    ),
    (Role.UNIT_HEAD, "hieutruong.lequydon", "Ngô Văn Sơn", SCHOOL_B_CODE, "Hiệu trưởng", Sex.MALE),
]

DEMO_LOGINS = [(str(role), username, DEMO_PASSWORD) for role, username, *_ in DEMO_USERS]


def _person(rng: random.Random, sex: str) -> str:
    if sex == Sex.FEMALE:
        return f"{rng.choice(data.SURNAMES)} {rng.choice(data.MIDDLE_F)} {rng.choice(data.GIVEN_F)}"
    return f"{rng.choice(data.SURNAMES)} {rng.choice(data.MIDDLE_M)} {rng.choice(data.GIVEN_M)}"


# Fields added to the demo after its first release: a rerun fills them on demo rows where
# they are still empty, and never overwrites what someone has typed since.
FILLED_ON_RERUN = ("commune",)


def _unit(parent: OrgUnit | None, code: str, name: str, unit_type: str, **fields) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        return services.unit_create(
            parent=parent, code=code, name=name, unit_type=unit_type, is_demo=True, **fields
        )
    missing = {
        field: fields[field]
        for field in FILLED_ON_RERUN
        if fields.get(field) and not getattr(unit, field)
    }
    if unit.is_demo and missing:
        for field, value in missing.items():
            setattr(unit, field, value)
        unit.save()
    return unit


def _commune(name: str, district: str, taken: dict[str, int]) -> str:
    """The ward or commune a demo unit's name points to, else the next one of its former
    district in turn (deterministic: the unit lists are fixed)."""
    choices = data.COMMUNES[district]
    for commune in choices:
        if re.sub(r"^(phường|xã|đặc khu) ", "", commune) in name:
            return commune
    index = taken.get(district, 0)
    taken[district] = index + 1
    return choices[index % len(choices)]


def _contact(
    rng: random.Random, name: str, district: str, commune: str, city: str = "Hải Phòng"
) -> dict:
    slug = re.sub(r"[^a-z0-9]", "", fold(name).replace("truong thpt ", "thpt"))[:24]
    return {
        "district": district,
        "commune": commune,
        "address": f"Số {rng.randint(1, 300)}, đường {rng.choice(data.GIVEN_M)}, {commune}, {city}",
        "phone": f"0225.{rng.randint(3500000, 3999999)}",
        "email": f"{slug}@haiphong.edu.vn",
    }


def _head_title(unit: OrgUnit) -> str:
    if unit.is_department:
        return "Giám đốc Sở"
    return "Giám đốc" if unit.name.startswith("Trung tâm") else "Hiệu trưởng"


def load_units() -> dict[str, OrgUnit]:
    rng = random.Random(2026)
    ministry = _unit(
        None,
        MINISTRY_CODE,
        "Bộ Giáo dục và Đào tạo",
        UnitType.MINISTRY,
        short_name="Bộ GDĐT",
        commune="phường Hai Bà Trưng",
        address="35 Đại Cồ Việt, phường Hai Bà Trưng, Hà Nội",
    )
    department = _unit(
        ministry,
        DEPARTMENT_CODE,
        "Sở Giáo dục và Đào tạo Hải Phòng",
        UnitType.DEPARTMENT,
        short_name="Sở GDĐT Hải Phòng",
        district="Hồng Bàng",
        commune="phường Hồng Bàng",
        address="Số 9 Đinh Tiên Hoàng, phường Hồng Bàng, Hải Phòng",
        phone="0225.3842648",
        email="sogddt@haiphong.edu.vn",
        governing_body="UBND THÀNH PHỐ HẢI PHÒNG",
        document_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )
    groups = [
        ("HP-THPT", data.UPPER_SECONDARY, UnitType.UPPER_SECONDARY),
        ("HP-GDTX", data.CONTINUING_EDUCATION, UnitType.CONTINUING_EDUCATION),
        ("HP-CB", data.SPECIALISED, UnitType.SPECIALISED_SCHOOL),
        ("HP-TT", data.AFFILIATED, UnitType.AFFILIATED),
    ]
    taken: dict[str, int] = {}
    for prefix, rows, unit_type in groups:
        for index, (name, district) in enumerate(rows, start=1):
            _unit(
                department,
                f"{prefix}-{index:03d}",
                name,
                unit_type,
                **_contact(rng, name, district, _commune(name, district, taken)),
            )
    # A second, small department shows that departments never see each other's data.
    other = _unit(
        ministry,
        "SGDDT-QN",
        "Sở Giáo dục và Đào tạo Quảng Ninh",
        UnitType.DEPARTMENT,
        short_name="Sở GDĐT Quảng Ninh",
        district="Hạ Long",
        commune="phường Hồng Gai",
        governing_body="UBND TỈNH QUẢNG NINH",
        document_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )
    schools = [
        ("Trường THPT Hòn Gai", "phường Hồng Gai"),
        ("Trường THPT Bãi Cháy", "phường Bãi Cháy"),
    ]
    for index, (name, commune) in enumerate(schools, start=1):
        _unit(
            other,
            f"QN-THPT-{index:03d}",
            name,
            UnitType.UPPER_SECONDARY,
            **_contact(rng, name, "Hạ Long", commune, city="Quảng Ninh"),
        )
    return {unit.code: unit for unit in OrgUnit.objects.all()}


def load_users(units: dict[str, OrgUnit]) -> None:
    for role, username, full_name, unit_code, job_title, sex in DEMO_USERS + EXTRA_USERS:
        unit = units[unit_code]
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "job_title": job_title,
                "sex": sex,
                "home_unit": unit,
                "is_demo": True,
                "email": f"{username}@demo.binhdang.local",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.ADMIN:
                user.is_staff = True
                user.is_superuser = True
            user.save()
        services.role_grant(user=user, unit=unit, role=role)


def load_committees(units: dict[str, OrgUnit]) -> None:
    rng = random.Random(530)
    users_by_unit = {}
    for user in User.objects.filter(is_demo=True):
        users_by_unit.setdefault(user.home_unit_id, []).append(user)
    # Only demo units: load_demo on a database with real units must not invent their committees.
    targets = [u for u in units.values() if u.unit_type != UnitType.MINISTRY and u.is_demo]
    for index, unit in enumerate(sorted(targets, key=lambda u: u.code)):
        if Committee.objects.filter(unit=unit).exists():
            continue
        committee = services.committee_ensure(unit=unit)
        established = dt.date(2021 + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
        known = {u.job_title: u for u in users_by_unit.get(unit.pk, [])}
        # The unit's head signs its committee decisions and, in a school or centre, heads
        # the committee too; the department's committee is headed by a deputy director.
        head_title = _head_title(unit)
        head = known.get(head_title)
        head_sex = head.sex if head else (Sex.FEMALE if rng.random() < 0.55 else Sex.MALE)
        head_name = head.full_name if head else _person(rng, head_sex)
        decision = services.committee_decision_record(
            committee=committee,
            number=f"{rng.randint(10, 480)}/QĐ-{unit.symbol_code()}",
            date=established,
            signer=head_name,
            kind=DecisionKind.ESTABLISH,
        )
        posts = [
            (
                CommitteePosition.HEAD,
                "Phó Giám đốc Sở" if unit.is_department else head_title,
            ),
            (CommitteePosition.DEPUTY, "Chủ tịch Công đoàn"),
            (CommitteePosition.SECRETARY, "Giáo viên, Thư ký Ban VSTBPN"),
            (CommitteePosition.MEMBER, "Bí thư Đoàn trường"),
            (CommitteePosition.MEMBER, "Tổ trưởng chuyên môn"),
        ]
        # Every 9th unit lacks a secretary: a vacancy the department must see.
        if index % 9 == 4:
            posts = [p for p in posts if p[0] != CommitteePosition.SECRETARY]
        for position, job_title in posts:
            user = known.get(job_title)
            if job_title == head_title:
                sex, full_name = head_sex, head_name
            else:
                sex = user.sex if user else (Sex.FEMALE if rng.random() < 0.65 else Sex.MALE)
                full_name = user.full_name if user else _person(rng, sex)
            member = services.member_add(
                committee=committee,
                full_name=full_name,
                position=position,
                sex=sex,
                start_date=established,
                job_title=job_title,
                field=rng.choice(data.MEMBER_FIELDS),
                decision=decision,
                user=user,
            )
            # Every 7th unit had its deputy leave without a re-formation decision since.
            if index % 7 == 3 and position == CommitteePosition.DEPUTY:
                services.member_end(member=member, end_date=dt.date(2025, 9, 1))
        # Every 5th unit re-formed its committee on 15/10/2025 to replace one ordinary member:
        # the reform decision ends that member's term and starts a successor's.
        if index % 5 == 2:
            reform = services.committee_decision_record(
                committee=committee,
                number=f"{rng.randint(10, 480)}/QĐ-{unit.symbol_code()}",
                date=dt.date(2025, 10, 15),
                signer=head_name,
                kind=DecisionKind.REFORM,
                note="Kiện toàn do thay đổi nhân sự",
            )
            outgoing = committee.members.filter(
                position=CommitteePosition.MEMBER, end_date__isnull=True
            ).first()
            if outgoing is not None:
                services.member_replace(
                    member=outgoing,
                    end_date=reform.date,
                    full_name=_person(rng, Sex.FEMALE),
                    sex=Sex.FEMALE,
                    job_title="Giáo viên",
                    decision=reform,
                )


def load(stdout=None) -> None:
    units = load_units()
    load_users(units)
    load_committees(units)
    if stdout is not None:
        stdout.write(f"Đơn vị minh họa: {OrgUnit.objects.filter(is_demo=True).count()}")
