"""Access matrix of the activity log and the Action Month (see core/testing/matrix.py).

The records belong to school A (Ngô Quyền). Reading needs VIEW on the unit (officer_b and
the Ministry viewer get 404: the record is out of their reach); changing needs EDIT (the
leader, committee member and case officer see it but get 403). The Action Month page is
aggregate-only and open to every role with VIEW_AGGREGATE, the viewer included.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.activities.models import Activity, Campaign, Evidence
from binhdang.activities.tests.factories import ActivityFactory, png_bytes
from binhdang.core.testing import MatrixCase, expect

YEAR = dt.date.today().year
VIEWERS = {"officer_b": 404, "viewer": 404, "outsider": 404}
READ_ONLY = {"leader": 403, "member": 403, "case_officer": 403}


def with_activity(world) -> None:
    world.activity = ActivityFactory(unit=world.tree.school_a, start_date=dt.date(YEAR, 3, 8))


def with_evidence(world) -> None:
    with_activity(world)
    world.evidence = Evidence.objects.create(
        activity=world.activity,
        file=SimpleUploadedFile("anh.png", png_bytes()),
        thumbnail=SimpleUploadedFile("thumb.jpg", png_bytes()),
        original_name="anh.png",
        content_type="image/png",
        size=100,
    )


def activity_pk(world) -> list:
    return [world.activity.pk]


def evidence_pk(world) -> list:
    return [world.evidence.pk]


def activity_form(world) -> dict:
    current = Activity.objects.filter(pk=getattr(world, "activity", None) and world.activity.pk)
    return {
        "unit": world.tree.school_a.code,
        "title": "Tọa đàm về bình đẳng giới",
        "activity_type": "talk",
        "start_date": f"10/03/{YEAR}",
        "end_date": f"10/03/{YEAR}",
        "audiences": ["students"],
        "staff_total": 0,
        "staff_female": 0,
        "students_total": 120,
        "students_female": 64,
        "others_total": 0,
        "others_female": 0,
        "version": current.values_list("version", flat=True).first() or "",
    }


def campaign_form(world) -> dict:
    current = Campaign.objects.filter(department=world.tree.department, year=YEAR).first()
    return {
        "title": "Tháng hành động vì bình đẳng giới",
        "theme": "Chấm dứt bạo lực trên cơ sở giới",
        "start_date": f"02/11/{YEAR}",
        "end_date": f"16/11/{YEAR}",
        "counted_types": ["launch", "talk"],
        "version": current.version if current else "",
    }


def upload(world) -> dict:
    return {"file": SimpleUploadedFile("hoat-dong.png", png_bytes(), content_type="image/png")}


LIST = expect(200, outsider=403, viewer=403)
ENTRY = expect(200, outsider=403, viewer=403, leader=403, member=403, case_officer=403)
AGGREGATE = expect(200, outsider=403)
MANAGE = expect(403, secretariat=200, leader=200)

CASES = [
    MatrixCase("activities:list", LIST),
    MatrixCase("activities:calendar", LIST),
    MatrixCase("activities:export_xlsx", LIST),
    MatrixCase("activities:export_csv", LIST),
    MatrixCase("activities:create", ENTRY),
    MatrixCase(
        "activities:create",
        # officer_b may record activities, but not for school A: the form refuses the unit.
        {**ENTRY, "admin": 302, "secretariat": 302, "head_a": 302, "officer_a": 302},
        method="post",
        data=activity_form,
        note="school-a",
    ),
    MatrixCase("activities:detail", expect(200, **VIEWERS), args=activity_pk, setup=with_activity),
    MatrixCase(
        "activities:edit",
        expect(200, **VIEWERS, **READ_ONLY),
        args=activity_pk,
        setup=with_activity,
    ),
    MatrixCase(
        "activities:edit",
        expect(302, **VIEWERS, **READ_ONLY),
        args=activity_pk,
        setup=with_activity,
        method="post",
        data=activity_form,
    ),
    MatrixCase(
        "activities:delete",
        expect(200, **VIEWERS, **READ_ONLY),
        args=activity_pk,
        setup=with_activity,
    ),
    MatrixCase(
        "activities:delete",
        # The administrator deletes first; for everyone after, the record no longer exists.
        expect(404, admin=302),
        args=activity_pk,
        setup=with_activity,
        method="post",
        note="sequence",
    ),
    MatrixCase(
        "activities:evidence_upload",
        expect(302, **VIEWERS, **READ_ONLY),
        args=activity_pk,
        setup=with_activity,
        method="post",
        data=upload,
    ),
    MatrixCase(
        "activities:evidence_download",
        expect(200, **VIEWERS),
        args=evidence_pk,
        setup=with_evidence,
    ),
    MatrixCase(
        "activities:evidence_thumbnail",
        expect(200, **VIEWERS),
        args=evidence_pk,
        setup=with_evidence,
    ),
    MatrixCase(
        "activities:evidence_delete",
        expect(404, admin=302),
        args=evidence_pk,
        setup=with_evidence,
        method="post",
        note="sequence",
    ),
    MatrixCase("activities:campaign", AGGREGATE),
    MatrixCase("activities:campaign_export", AGGREGATE, args=lambda world: [YEAR]),
    MatrixCase("activities:campaign_chart", AGGREGATE, args=lambda world: [YEAR, "types"]),
    MatrixCase(
        "activities:campaign_chart",
        AGGREGATE,
        args=lambda world: [YEAR, "unit-types"],
        note="unit-types",
    ),
    MatrixCase("activities:campaign_edit", MANAGE, args=lambda world: [YEAR]),
    MatrixCase(
        "activities:campaign_edit",
        expect(403, secretariat=302, leader=302),
        args=lambda world: [YEAR],
        method="post",
        data=campaign_form,
    ),
]
