"""Access matrix of the accounts pages (see binhdang/core/testing/matrix.py).

Records belong to school A (Ngô Quyền) of the Hải Phòng department.
- Units: the list needs VIEW_AGGREGATE (the Ministry viewer sees it); a unit out of reach
  answers 404; creating, editing and importing units need ORGANISE (administrator anywhere,
  department secretariat within the department), 403 for everyone else.
- Committees: reading needs VIEW on the unit (the viewer gets 404: no names for them);
  changing needs EDIT (leader, committee member and case officer see but get 403).
- People: ORGANISE (administrator, secretariat), 403 for everyone else.
"""

import datetime as dt
import itertools

from binhdang.accounts import services
from binhdang.accounts.choices import CommitteePosition, Role, Sex
from binhdang.accounts.models import RoleGrant
from binhdang.core.testing import MatrixCase, expect

ORGANISERS = {"admin": 200, "secretariat": 200}
OUT_OF_REACH_A = {"officer_b": 404, "viewer": 404, "outsider": 404}
READ_ONLY_A = {"leader": 403, "member": 403, "case_officer": 403}
_numbers = itertools.count(1)


def with_committee(world) -> None:
    committee = services.committee_ensure(unit=world.tree.school_a)
    decision = services.committee_decision_record(
        committee=committee, number="12/QĐ-THPTNQ", date=dt.date(2024, 9, 5), signer="Carol"
    )
    world.member = services.member_add(
        committee=committee,
        full_name="Trần Thị Bích",
        position=CommitteePosition.MEMBER,
        sex=Sex.FEMALE,
        start_date=dt.date(2024, 9, 5),
        decision=decision,
    )


def with_grant(world) -> None:
    world.grant = services.role_grant(
        user=world.people.officer_a, unit=world.tree.school_a, role=Role.UNIT_HEAD
    )


def restore_grant(world) -> dict:
    # Each persona in turn tries to revoke the same grant: put it back before each try.
    RoleGrant.objects.get_or_create(
        pk=world.grant.pk,
        defaults={"user": world.people.officer_a, "unit": world.tree.school_a, "role": "unit_head"},
    )
    return {}


def school_a(world) -> list:
    return [world.tree.school_a.pk]


def department(world) -> list:
    return [world.tree.department.pk]


def member_pk(world) -> list:
    return [world.member.pk]


def officer_a(world) -> list:
    return [world.people.officer_a.pk]


def decision_data(world) -> dict:
    return {
        "kind": "reform",
        "number": f"{next(_numbers)}/QĐ-THPTNQ",
        "date": "01/10/2025",
        "signer": "Carol Hiệu Trưởng",
    }


CASES = [
    MatrixCase("home", expect(200)),
    # Units
    MatrixCase("units:list", expect(200, outsider=403)),
    MatrixCase(
        "units:tree",
        expect(200, head_a=404, officer_a=404, officer_b=404, outsider=404),
        args=department,
    ),
    MatrixCase("units:detail", expect(200, officer_b=404, outsider=404), args=school_a),
    MatrixCase("units:create", expect(403, **ORGANISERS)),
    MatrixCase("units:edit", expect(403, **ORGANISERS, officer_b=404, outsider=404), args=school_a),
    MatrixCase("units:import", expect(403, **ORGANISERS)),
    MatrixCase(
        "units:import_confirm",
        expect(403, admin=302, secretariat=302),
        method="post",
        note="no preview: back to the upload page",
    ),
    MatrixCase("units:import_template", expect(403, **ORGANISERS)),
    # Committees
    MatrixCase("units:committees", expect(200, viewer=403, outsider=403)),
    MatrixCase("units:committee", expect(200, **OUT_OF_REACH_A), args=school_a),
    MatrixCase(
        "units:decision_create", expect(200, **OUT_OF_REACH_A, **READ_ONLY_A), args=school_a
    ),
    MatrixCase(
        "units:decision_create",
        expect(302, **OUT_OF_REACH_A, **READ_ONLY_A),
        args=school_a,
        method="post",
        data=decision_data,
    ),
    MatrixCase("units:member_add", expect(200, **OUT_OF_REACH_A, **READ_ONLY_A), args=school_a),
    MatrixCase(
        "units:member_edit",
        expect(200, **OUT_OF_REACH_A, **READ_ONLY_A),
        args=member_pk,
        setup=with_committee,
    ),
    MatrixCase(
        "units:member_replace",
        expect(200, **OUT_OF_REACH_A, **READ_ONLY_A),
        args=member_pk,
        setup=with_committee,
    ),
    MatrixCase(
        "units:member_end",
        expect(200, **OUT_OF_REACH_A, **READ_ONLY_A),
        args=member_pk,
        setup=with_committee,
    ),
    # People
    MatrixCase("units:people", expect(403, **ORGANISERS)),
    MatrixCase("units:person_create", expect(403, **ORGANISERS)),
    MatrixCase("units:person_edit", expect(403, **ORGANISERS), args=officer_a),
    MatrixCase(
        "units:person_grant",
        expect(403, admin=302, secretariat=302),
        args=officer_a,
        method="post",
        data=lambda world: {"unit": world.tree.school_a.code, "role": Role.UNIT_OFFICER},
    ),
    MatrixCase(
        "units:grant_revoke",
        expect(403, admin=302, secretariat=302),
        args=lambda world: [world.grant.pk],
        setup=with_grant,
        method="post",
        data=restore_grant,
    ),
    MatrixCase(
        "units:person_reset",
        expect(403, admin=302, secretariat=302),
        args=officer_a,
        method="post",
    ),
]
