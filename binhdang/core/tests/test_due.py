"""'What is due next' counts days in Vietnam (Asia/Ho_Chi_Minh, UTC+7), not on the server's
clock: from midnight in Hải Phòng, yesterday's deadline is gone even though it is still
yesterday in UTC."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse

from binhdang.core import due

# 00:30 on 28/05/2026 in Hải Phòng is still 17:30 on 27/05 in UTC.
HALF_PAST_MIDNIGHT_IN_VIETNAM = dt.datetime(2026, 5, 27, 17, 30, tzinfo=dt.UTC)


def _deadlines(user) -> list[due.DueItem]:
    return [
        due.DueItem("Báo cáo sơ kết (hạn hôm qua)", dt.date(2026, 5, 27), "/reports/"),
        due.DueItem("Báo cáo sơ kết 6 tháng", dt.date(2026, 5, 28), "/reports/"),
    ]


@pytest.fixture
def only_these_deadlines(monkeypatch):
    monkeypatch.setattr(due, "_providers", [_deadlines])


def test_yesterdays_deadline_is_gone_from_midnight_vietnam_time(only_these_deadlines):
    with mock.patch("django.utils.timezone.now", return_value=HALF_PAST_MIDNIGHT_IN_VIETNAM):
        items = due.upcoming(None)
    assert [item.due for item in items] == [dt.date(2026, 5, 28)]


def test_the_home_page_lists_what_is_due_from_today_in_vietnam(
    client, people, only_these_deadlines
):
    client.force_login(people.officer_a)
    with mock.patch("django.utils.timezone.now", return_value=HALF_PAST_MIDNIGHT_IN_VIETNAM):
        page = client.get(reverse("home")).content.decode()
    assert "Báo cáo sơ kết 6 tháng</a> — 28/05/2026" in page
    assert "hạn hôm qua" not in page
