"""Access matrix of the reports app (see core/testing/matrix.py).

The period belongs to the Hải Phòng department; the report is school A's. Department work
(open, close, remind, review, the consolidated report) needs MANAGE: the secretariat and the
leader; others who can see the period get 403, the outsider 404. A unit report is read with
VIEW on its unit (officer_b and the Ministry viewer get 404), saved with EDIT, submitted with
APPROVE (the head; the leader's APPROVE reaches the whole department).
"""

import datetime as dt

from binhdang.core.testing import MatrixCase, expect
from binhdang.reports.choices import ReportStatus
from binhdang.reports.models import UnitReport

from .factories import open_period

YEAR = dt.date.today().year


def with_period(world) -> None:
    world.period = open_period(world.tree.department, due=dt.date.today() + dt.timedelta(days=10))
    world.report = UnitReport.objects.get(period=world.period, unit=world.tree.school_a)
    UnitReport.objects.filter(pk=world.report.pk).update(results="Kết quả")


def period_pk(world) -> list:
    return [world.period.pk]


def report_pk(world) -> list:
    return [world.report.pk]


def _reset(world, status: str) -> dict:
    """Personas run in sequence: put the report back in `status` before each request."""
    UnitReport.objects.filter(pk=world.report.pk).update(status=status)
    return {"version": UnitReport.objects.get(pk=world.report.pk).version}


MANAGE = {
    "secretariat": 302,
    "leader": 302,
    "outsider": 404,
}
SEE_PERIOD_ONLY = 403
REPORT_HIDDEN = {"officer_b": 404, "viewer": 404, "outsider": 404}

CASES = [
    MatrixCase("reports:periods", expect(200, outsider=403)),
    MatrixCase(
        "reports:period_create",
        expect(403, secretariat=302, leader=302),
        method="post",
        data=lambda w: {"department": w.tree.department.code, "year": YEAR, "kind": "year_end"},
    ),
    MatrixCase("reports:board", expect(200, outsider=404), args=period_pk, setup=with_period),
    MatrixCase(
        "reports:period_open",
        expect(SEE_PERIOD_ONLY, **MANAGE),
        args=period_pk,
        setup=with_period,
        method="post",
    ),
    MatrixCase(
        "reports:period_close",
        expect(SEE_PERIOD_ONLY, **MANAGE),
        args=period_pk,
        setup=with_period,
        method="post",
    ),
    MatrixCase(
        "reports:remind",
        expect(SEE_PERIOD_ONLY, **MANAGE),
        args=period_pk,
        setup=with_period,
        method="post",
    ),
    MatrixCase(
        "reports:department_docx",
        expect(SEE_PERIOD_ONLY, secretariat=200, leader=200, outsider=404),
        args=period_pk,
        setup=with_period,
    ),
    MatrixCase(
        "reports:department_xlsx",
        expect(SEE_PERIOD_ONLY, secretariat=200, leader=200, outsider=404),
        args=period_pk,
        setup=with_period,
    ),
    MatrixCase("reports:report", expect(200, **REPORT_HIDDEN), args=report_pk, setup=with_period),
    MatrixCase(
        "reports:report",
        expect(403, admin=302, secretariat=302, head_a=302, officer_a=302, **REPORT_HIDDEN),
        args=report_pk,
        setup=with_period,
        method="post",
        data=lambda w: {**_reset(w, ReportStatus.DRAFT), "results": "Kết quả đã sửa"},
        note="save",
    ),
    MatrixCase(
        "reports:report_submit",
        expect(403, leader=302, head_a=302, **REPORT_HIDDEN),
        args=report_pk,
        setup=with_period,
        method="post",
        data=lambda w: _reset(w, ReportStatus.DRAFT),
    ),
    MatrixCase(
        "reports:report_review",
        expect(403, secretariat=302, leader=302, **REPORT_HIDDEN),
        args=report_pk,
        setup=with_period,
        method="post",
        data=lambda w: {**_reset(w, ReportStatus.SUBMITTED), "decision": "accept"},
    ),
    MatrixCase(
        "reports:report_docx", expect(200, **REPORT_HIDDEN), args=report_pk, setup=with_period
    ),
    MatrixCase(
        "reports:report_pdf", expect(200, **REPORT_HIDDEN), args=report_pk, setup=with_period
    ),
    MatrixCase(
        "reports:staff",
        expect(403, admin=200, secretariat=200, head_a=200, officer_a=200, officer_b=200),
    ),
    MatrixCase(
        "reports:staff_template",
        expect(403, admin=200, secretariat=200, head_a=200, officer_a=200, officer_b=200),
    ),
    MatrixCase("reports:targets", expect(200, outsider=403)),
    MatrixCase(
        "reports:targets",
        expect(403, secretariat=302, leader=302, outsider=403),
        method="post",
        data=lambda w: {
            "code": "KH383_TEST",
            "target_year": 2030,
            "value": "50",
            "name": "Mục tiêu do Thường trực nhập",
            "source_reference": "Quyết định số 383/QĐ-BGDĐT",
            "scope": "ministry",
            "metric": "women_managers_pct",
        },
        note="enter",
    ),
    MatrixCase("reports:notifications", expect(200)),
    MatrixCase("reports:unread", expect(200)),
]

CASES += [
    MatrixCase(
        "reports:staff_edit",
        expect(
            200, leader=403, member=403, case_officer=403, officer_b=404, viewer=404, outsider=404
        ),
        args=lambda w: [w.tree.school_a.pk, YEAR],
    ),
    MatrixCase(
        "reports:staff_edit",
        expect(
            422, leader=403, member=403, case_officer=403, officer_b=404, viewer=404, outsider=404
        ),
        args=lambda w: [w.tree.school_a.pk, YEAR],
        method="post",
        data=lambda w: {
            "staff_total": 10,
            "staff_female": 20,
            "managers_total": 1,
            "managers_female": 0,
        },
        note="invalid",
    ),
]
