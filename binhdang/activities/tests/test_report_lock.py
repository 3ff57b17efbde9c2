"""Once the department has accepted a unit's periodic report, the activities of that unit
dated in the period's window are frozen: a real mid-year report goes through the reports
services (open, fill, submit, accept), then editing and deleting are refused with the
Vietnamese message, through the services and on the pages, and nothing changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binhdang.activities import services
from binhdang.activities.locks import PeriodLocked
from binhdang.activities.models import Activity
from binhdang.reports import services as report_services
from binhdang.reports.choices import PeriodKind, ReportStatus
from binhdang.reports.models import UnitReport
from binhdang.reports.tests.factories import fill, open_period, submit

from .test_services import fields
from .test_views import activity_post

pytestmark = pytest.mark.django_db

YEAR = 2026
IN_WINDOW = dt.date(YEAR, 3, 8)  # the mid-year window runs 01/01 – 28/05
AFTER_WINDOW = dt.date(YEAR, 6, 10)


@pytest.fixture
def accepted(tree, people):
    """School A's activities of 8 March and 10 June, then its mid-year report of 2026
    submitted by the head and accepted by the secretariat."""
    march = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(title="Tuyên truyền ngày Quốc tế Phụ nữ 8/3", start_date=IN_WINDOW),
    )
    june = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(title="Ngoại khóa đầu hè", start_date=AFTER_WINDOW),
    )
    period = open_period(tree.department, year=YEAR, kind=PeriodKind.MID_YEAR)
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    report = submit(report, people.head_a)
    report_services.report_accept(
        report=report, user=people.secretariat, expected_version=report.version
    )
    assert UnitReport.objects.get(pk=report.pk).status == ReportStatus.ACCEPTED
    return {"march": march, "june": june, "period": period}


def expected_message(period) -> str:
    return (
        f"Ngày 08/03/{YEAR} thuộc {str(period).lower()} đã được Sở tiếp nhận; "
        "không thể thay đổi hoạt động này."
    )


def unchanged(activity: Activity) -> None:
    fresh = Activity.objects.get(pk=activity.pk)
    assert (fresh.title, fresh.start_date, fresh.version) == (
        activity.title,
        activity.start_date,
        1,
    )
    assert fresh.history.count() == 1


def test_the_service_refuses_to_edit_or_delete_an_activity_of_an_accepted_period(people, accepted):
    march = accepted["march"]
    with pytest.raises(PeriodLocked) as caught:
        services.activity_update(
            activity=Activity.objects.get(pk=march.pk),
            user=people.officer_a,
            expected_version=1,
            title="Sửa sau khi Sở đã tiếp nhận",
        )
    assert caught.value.messages == [expected_message(accepted["period"])]
    with pytest.raises(PeriodLocked):
        services.activity_delete(activity=Activity.objects.get(pk=march.pk), user=people.head_a)
    unchanged(march)


def test_an_activity_cannot_be_moved_into_an_accepted_period(people, accepted):
    june = accepted["june"]
    with pytest.raises(ValidationError):
        services.activity_update(
            activity=Activity.objects.get(pk=june.pk),
            user=people.officer_a,
            expected_version=1,
            start_date=dt.date(YEAR, 5, 20),
            end_date=dt.date(YEAR, 5, 20),
        )
    unchanged(june)
    # Outside the window the school still edits freely.
    services.activity_update(
        activity=Activity.objects.get(pk=june.pk),
        user=people.officer_a,
        expected_version=1,
        place="Sân trường",
    )
    assert Activity.objects.get(pk=june.pk).place == "Sân trường"


def test_the_pages_explain_the_lock_and_change_nothing(client, people, accepted):
    march = accepted["march"]
    message = expected_message(accepted["period"])
    client.force_login(people.officer_a)
    detail = client.get(reverse("activities:detail", args=[march.pk])).content.decode()
    assert message in detail

    response = client.post(
        reverse("activities:edit", args=[march.pk]),
        activity_post(title="Sửa sau khi Sở đã tiếp nhận", start_date="08/03/2026", version=1),
    )
    assert response.status_code == 200
    assert message in response.content.decode()

    response = client.post(reverse("activities:delete", args=[march.pk]))
    assert response.status_code == 200
    assert message in response.content.decode()
    unchanged(march)


def test_another_schools_activities_in_the_same_period_stay_editable(tree, people, accepted):
    day = dt.date(YEAR, 3, 9)
    activity = services.activity_create(
        unit=tree.school_b, user=people.officer_b, **fields(start_date=day)
    )
    services.activity_delete(activity=activity, user=people.officer_b)
    assert not Activity.objects.filter(pk=activity.pk).exists()
