"""The log records what happened: an activity that has not started yet is refused, by the
service and on the page, with a Vietnamese message, and nothing is saved. "Today" is the
date in Vietnam, not on the server's clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from binhdang.activities import services
from binhdang.activities.models import Activity

from .test_services import fields
from .test_views import activity_post

pytestmark = pytest.mark.django_db

# 30/06/2026 18:00 UTC is already 01/07/2026 01:00 in Hà Nội (UTC+7).
EVENING_IN_UTC = dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def vietnam_morning(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EVENING_IN_UTC)
    return dt.date(2026, 7, 1)


def test_an_activity_starting_tomorrow_in_vietnam_is_refused(tree, people, vietnam_morning):
    tomorrow = vietnam_morning + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        services.activity_create(
            unit=tree.school_a,
            user=people.officer_a,
            **fields(start_date=tomorrow, end_date=tomorrow),
        )
    assert caught.value.message_dict["start_date"] == [
        "Hoạt động chưa diễn ra: ngày bắt đầu 02/07/2026 sau ngày hôm nay (01/07/2026). "
        "Chỉ ghi nhận hoạt động đã diễn ra."
    ]
    assert not Activity.objects.exists()


def test_an_activity_of_today_in_vietnam_is_accepted_while_utc_is_still_yesterday(
    tree, people, vietnam_morning
):
    activity = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(start_date=vietnam_morning, end_date=vietnam_morning),
    )
    assert activity.start_date == dt.date(2026, 7, 1)


def test_moving_a_logged_activity_into_the_future_is_refused_and_nothing_changes(
    tree, people, vietnam_morning
):
    day = dt.date(2026, 6, 20)
    activity = services.activity_create(
        unit=tree.school_a, user=people.officer_a, **fields(start_date=day, end_date=day)
    )
    with pytest.raises(ValidationError):
        services.activity_update(
            activity=Activity.objects.get(pk=activity.pk),
            user=people.officer_a,
            expected_version=activity.version,
            start_date=dt.date(2026, 9, 1),
            end_date=dt.date(2026, 9, 1),
        )
    activity.refresh_from_db()
    assert (activity.start_date, activity.version) == (day, 1)


def test_the_form_says_the_activity_has_not_happened_yet(client, tree, people):
    client.force_login(people.officer_a)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        reverse("activities:create"),
        activity_post(unit=tree.school_a.code, start_date=f"{tomorrow:%d/%m/%Y}"),
    )
    assert response.status_code == 200
    assert "Hoạt động chưa diễn ra: ngày bắt đầu " + f"{tomorrow:%d/%m/%Y}" in (
        response.content.decode()
    )
    assert not Activity.objects.exists()
