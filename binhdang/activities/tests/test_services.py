import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.activities import services
from binhdang.activities.choices import ActivityType, Audience
from binhdang.activities.locks import PeriodLocked
from binhdang.activities.models import Activity, Campaign
from binhdang.core.concurrency import StaleEdit

from .factories import ActivityFactory, CampaignFactory

pytestmark = pytest.mark.django_db


def fields(**overrides):
    values = {
        "title": "Nói chuyện chuyên đề về phòng, chống bạo lực học đường",
        "activity_type": ActivityType.TALK,
        "start_date": dt.date(2026, 11, 10),
        "end_date": dt.date(2026, 11, 10),
        "place": "Hội trường nhà trường",
        "audiences": [Audience.STAFF, Audience.STUDENTS],
        "staff_female": 12,
        "staff_male": 5,
        "students_female": 200,
        "students_male": 180,
        "partners": "Hội Liên hiệp Phụ nữ phường",
        "description": "Mời báo cáo viên Công an thành phố.",
    }
    values.update(overrides)
    return values


def test_an_officer_records_an_activity_of_her_school(tree, people):
    activity = services.activity_create(unit=tree.school_a, user=people.officer_a, **fields())

    activity.refresh_from_db()
    assert activity.unit == tree.school_a
    assert activity.created_by == people.officer_a
    assert activity.year == 2026
    assert activity.participants_female == 212
    assert activity.participants_male == 185
    # A talk in November falls in the default Action Month.
    assert activity.is_action_month is True
    assert "phong, chong bao luc hoc duong" in activity.search_text
    assert activity.history.count() == 1


def test_an_officer_cannot_record_for_another_school(tree, people):
    with pytest.raises(PermissionDenied):
        services.activity_create(unit=tree.school_b, user=people.officer_a, **fields())
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"start_date": dt.date(2026, 11, 10), "end_date": dt.date(2026, 11, 8)},
            "end_date",
            "Ngày kết thúc (08/11/2026) không được trước ngày bắt đầu (10/11/2026).",
        ),
        (
            {"start_date": dt.date(2025, 12, 30), "end_date": dt.date(2026, 1, 2)},
            "end_date",
            "Hoạt động phải bắt đầu và kết thúc trong cùng một năm (2025)",
        ),
        (
            {"start_date": dt.date(1999, 5, 1), "end_date": dt.date(1999, 5, 1)},
            "start_date",
            "Năm 1999 nằm ngoài khoảng cho phép",
        ),
        (
            {"staff_female": 0, "staff_male": 0, "students_female": 0, "students_male": 0},
            "__all__",
            "Hãy nhập số người tham gia (ít nhất một người).",
        ),
        (
            {"audiences": [Audience.STAFF]},
            "audiences",
            "Có 380 người tham gia thuộc nhóm “Học sinh” nhưng đối tượng này chưa được chọn.",
        ),
        ({"activity_type": "party"}, "activity_type", "party"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(
    tree, people, overrides, field, message
):
    with pytest.raises(ValidationError) as caught:
        services.activity_create(unit=tree.school_a, user=people.officer_a, **fields(**overrides))
    assert any(message in text for text in caught.value.message_dict[field])
    assert not Activity.objects.exists()


def test_an_edit_based_on_a_stale_version_is_refused(tree, people):
    activity = services.activity_create(unit=tree.school_a, user=people.officer_a, **fields())
    services.activity_update(
        activity=Activity.objects.get(pk=activity.pk),
        user=people.head_a,
        expected_version=1,
        title="Tọa đàm do Hiệu trưởng sửa",
    )
    with pytest.raises(StaleEdit):
        services.activity_update(
            activity=Activity.objects.get(pk=activity.pk),
            user=people.officer_a,
            expected_version=1,
            title="Bản sửa của cán bộ, mở từ trước",
        )
    activity.refresh_from_db()
    assert activity.title == "Tọa đàm do Hiệu trưởng sửa"
    assert activity.version == 2
    assert [h.history_type for h in activity.history.order_by("history_date")] == ["+", "~"]


def test_changing_the_type_re_derives_the_action_month_flag(tree, people):
    activity = services.activity_create(unit=tree.school_a, user=people.officer_a, **fields())
    services.activity_update(
        activity=activity,
        user=people.officer_a,
        expected_version=activity.version,
        activity_type=ActivityType.TRAINING,
    )
    activity.refresh_from_db()
    assert activity.is_action_month is False
    assert activity.search_text.startswith("noi chuyen")


def test_a_locked_period_refuses_create_edit_delete_and_evidence(tree, people, lock_registry):
    activity = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(start_date=dt.date(2026, 3, 8), end_date=dt.date(2026, 3, 8)),
    )

    def first_half_accepted(unit, date):
        if unit == tree.school_a and dt.date(2026, 1, 1) <= date <= dt.date(2026, 5, 28):
            return "Báo cáo sơ kết 6 tháng đầu năm 2026 của đơn vị đã được chấp nhận."
        return None

    lock_registry(first_half_accepted)
    message = "Báo cáo sơ kết 6 tháng đầu năm 2026 của đơn vị đã được chấp nhận."
    with pytest.raises(PeriodLocked, match=message):
        services.activity_update(
            activity=activity, user=people.officer_a, expected_version=1, title="Sửa"
        )
    with pytest.raises(PeriodLocked, match=message):
        services.activity_delete(activity=activity, user=people.officer_a)
    with pytest.raises(PeriodLocked, match=message):
        services.activity_create(
            unit=tree.school_a,
            user=people.officer_a,
            **fields(start_date=dt.date(2026, 4, 1), end_date=dt.date(2026, 4, 1)),
        )
    # Moving it out of the locked period is an edit of the locked period too.
    with pytest.raises(PeriodLocked):
        services.activity_update(
            activity=activity,
            user=people.officer_a,
            expected_version=1,
            start_date=dt.date(2026, 9, 1),
            end_date=dt.date(2026, 9, 1),
        )
    activity.refresh_from_db()
    assert activity.start_date == dt.date(2026, 3, 8)
    assert Activity.objects.count() == 1
    # Another school and another time of year are not affected.
    services.activity_create(unit=tree.school_b, user=people.officer_b, **fields())
    services.activity_create(unit=tree.school_a, user=people.officer_a, **fields())
    assert Activity.objects.count() == 3


def test_a_campaign_set_by_the_department_recomputes_the_flags(tree, people):
    in_week_one = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(start_date=dt.date(2026, 11, 3), end_date=dt.date(2026, 11, 3)),
    )
    late_month = services.activity_create(
        unit=tree.school_b,
        user=people.officer_b,
        **fields(start_date=dt.date(2026, 11, 28), end_date=dt.date(2026, 11, 28)),
    )
    training = services.activity_create(
        unit=tree.school_b,
        user=people.officer_b,
        **fields(
            activity_type=ActivityType.TRAINING,
            start_date=dt.date(2026, 11, 5),
            end_date=dt.date(2026, 11, 5),
        ),
    )
    assert [a.is_action_month for a in (in_week_one, late_month, training)] == [True, True, False]

    campaign = services.campaign_set(
        department=tree.department,
        year=2026,
        user=people.secretariat,
        title="Tháng hành động năm 2026",
        theme="Chung tay chấm dứt bạo lực trên cơ sở giới",
        start_date=dt.date(2026, 11, 1),
        end_date=dt.date(2026, 11, 14),
        counted_types=[ActivityType.TALK, ActivityType.TRAINING],
    )

    assert campaign.department == tree.department
    flags = dict(Activity.objects.values_list("pk", "is_action_month"))
    assert flags == {in_week_one.pk: True, late_month.pk: False, training.pk: True}
    # A school's later activity follows the department's campaign.
    after = services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(start_date=dt.date(2026, 11, 20), end_date=dt.date(2026, 11, 20)),
    )
    assert after.is_action_month is False


def test_only_the_department_sets_its_campaign(tree, people):
    arguments = {
        "department": tree.department,
        "year": 2026,
        "title": "Tháng hành động",
        "start_date": dt.date(2026, 11, 1),
        "end_date": dt.date(2026, 11, 30),
        "counted_types": [ActivityType.TALK],
    }
    for person in (people.officer_a, people.head_a, people.viewer, people.member):
        with pytest.raises(PermissionDenied):
            services.campaign_set(user=person, **arguments)
    assert not Campaign.objects.exists()


def test_campaign_dates_must_lie_in_its_year(tree, people):
    with pytest.raises(ValidationError) as caught:
        services.campaign_set(
            department=tree.department,
            year=2026,
            user=people.leader,
            title="Tháng hành động",
            start_date=dt.date(2026, 11, 20),
            end_date=dt.date(2026, 11, 2),
            counted_types=[],
        )
    assert "Ngày kết thúc không được trước ngày bắt đầu." in caught.value.message_dict["end_date"]
    assert "counted_types" in caught.value.message_dict


def test_a_stale_campaign_edit_is_refused(tree, people):
    campaign = CampaignFactory(department=tree.department)
    Campaign.objects.filter(pk=campaign.pk).update(version=2)
    with pytest.raises(StaleEdit):
        services.campaign_set(
            department=tree.department,
            year=2026,
            user=people.secretariat,
            title="Bản cũ",
            start_date=dt.date(2026, 11, 1),
            end_date=dt.date(2026, 11, 30),
            counted_types=[ActivityType.TALK],
            expected_version=1,
        )
    assert Campaign.objects.get().title == campaign.title


def test_deleting_an_activity_keeps_its_history(tree, people):
    activity = ActivityFactory(unit=tree.school_a)
    services.activity_delete(activity=activity, user=people.officer_a, expected_version=1)
    assert not Activity.objects.exists()
    assert Activity.history.filter(history_type="-").count() == 1
