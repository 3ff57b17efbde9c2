"""Writes of the activity log and the Action Month. Views and commands call these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit, User
from binhdang.core.concurrency import STALE_MESSAGE, StaleEdit, save_versioned
from binhdang.plans.choices import PlanKind

from .evidence_files import check_evidence
from .locks import ensure_unlocked
from .models import Activity, Campaign, Evidence, campaign_for, default_campaign

# The fields a person enters; everything else on Activity is derived or bookkeeping.
ACTIVITY_FIELDS: tuple[str, ...] = (
    "title",
    "activity_type",
    "plan_task",
    "start_date",
    "end_date",
    "place",
    "audiences",
    "staff_female",
    "staff_male",
    "students_female",
    "students_male",
    "others_female",
    "others_male",
    "partners",
    "description",
)
_DERIVED_FIELDS = ["year", "search_text", "is_action_month", "updated_at"]
MAX_EVIDENCE_PER_ACTIVITY = 30


def _check_names(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {sorted(unknown)}")


def _require_edit(user: User, unit: OrgUnit) -> None:
    if not policy.can(user, policy.Action.EDIT, unit):
        raise PermissionDenied


def action_month_flag(activity: Activity, campaign: Campaign | None = None) -> bool:
    campaign = campaign or campaign_for(activity.unit, activity.start_date.year)
    return campaign.counts(activity.activity_type, activity.start_date, activity.end_date)


def _prepare(activity: Activity, campaign: Campaign | None = None) -> None:
    activity.derive()
    activity.full_clean(exclude=["year", "search_text", "is_action_month", "created_by"])
    activity.is_action_month = action_month_flag(activity, campaign)


@transaction.atomic
def activity_create(*, unit: OrgUnit, user: User, is_demo: bool = False, **fields: Any) -> Activity:
    """Record an activity of `unit`. Raises ValidationError (Vietnamese) on bad input,
    PeriodLocked when its dates fall in an accepted report period."""
    _check_names(fields)
    _require_edit(user, unit)
    activity = Activity(unit=unit, created_by=user, is_demo=is_demo, **fields)
    _prepare(activity)
    ensure_unlocked(unit, [activity.start_date, activity.end_date])
    activity.save()
    return activity


@transaction.atomic
def activity_update(
    *, activity: Activity, user: User, expected_version: int, **fields: Any
) -> Activity:
    """Change an activity unless someone saved it since `expected_version` was loaded."""
    _check_names(fields)
    _require_edit(user, activity.unit)
    old_dates = [activity.start_date, activity.end_date]
    # Locked before the change as well as after: an activity can neither leave nor enter
    # a period whose report has been accepted.
    ensure_unlocked(activity.unit, old_dates)
    for name, value in fields.items():
        setattr(activity, name, value)
    _prepare(activity)
    ensure_unlocked(activity.unit, [activity.start_date, activity.end_date])
    activity.updated_at = timezone.now()
    save_versioned(
        activity,
        expected_version=expected_version,
        fields=[_column(name) for name in fields] + _DERIVED_FIELDS,
        user=user,
    )
    return activity


def _column(name: str) -> str:
    return "plan_task_id" if name == "plan_task" else name


@transaction.atomic
def activity_delete(*, activity: Activity, user: User, expected_version: int | None = None) -> None:
    _require_edit(user, activity.unit)
    ensure_unlocked(activity.unit, [activity.start_date, activity.end_date])
    if expected_version is not None:
        current = Activity.objects.filter(pk=activity.pk).values_list("version", flat=True)
        if list(current) != [expected_version]:
            raise StaleEdit(_(STALE_MESSAGE), code="stale")
    files = [(e.file.name, e.thumbnail.name) for e in activity.evidence.all()]
    storage = Evidence._meta.get_field("file").storage
    activity.delete()
    transaction.on_commit(lambda: _delete_files(storage, files))


def _delete_files(storage, pairs: list[tuple[str, str]]) -> None:
    for pair in pairs:
        for name in pair:
            if name:
                storage.delete(name)


@transaction.atomic
def evidence_add(*, activity: Activity, user: User, upload: UploadedFile) -> Evidence:
    """Attach a checked file (image, PDF or DOCX) to an activity."""
    _require_edit(user, activity.unit)
    ensure_unlocked(activity.unit, [activity.start_date, activity.end_date])
    if activity.evidence.count() >= MAX_EVIDENCE_PER_ACTIVITY:
        raise ValidationError(
            _("Mỗi hoạt động có tối đa %(n)s minh chứng.") % {"n": MAX_EVIDENCE_PER_ACTIVITY},
            code="too_many",
        )
    checked = check_evidence(upload)
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    evidence = Evidence(
        activity=activity,
        original_name=original,
        content_type=checked.content_type,
        size=upload.size,
        uploaded_by=user,
    )
    evidence.file.save(f"upload.{checked.extension}", upload, save=False)
    try:
        if checked.thumbnail is not None:
            evidence.thumbnail.save("thumb.jpg", checked.thumbnail, save=False)
        evidence.save()
    except Exception:
        _delete_files(evidence.file.storage, [(evidence.file.name, evidence.thumbnail.name)])
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, user: User) -> None:
    activity = evidence.activity
    _require_edit(user, activity.unit)
    ensure_unlocked(activity.unit, [activity.start_date, activity.end_date])
    files = [(evidence.file.name, evidence.thumbnail.name)]
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: _delete_files(storage, files))


@transaction.atomic
def campaign_set(
    *,
    department: OrgUnit,
    year: int,
    user: User,
    title: str,
    start_date: dt.date,
    end_date: dt.date,
    counted_types: list[str],
    theme: str = "",
    expected_version: int | None = None,
    is_demo: bool = False,
) -> Campaign:
    """Create or change the department's Action Month for `year`, then re-derive which of its
    units' activities count towards it."""
    if department.unit_type != UnitType.DEPARTMENT:
        raise ValueError("A campaign belongs to a department.")
    if not policy.can(user, policy.Action.MANAGE, department):
        raise PermissionDenied
    campaign = Campaign.objects.filter(department=department, year=year).first()
    values = {
        "title": title.strip(),
        "theme": theme.strip(),
        "start_date": start_date,
        "end_date": end_date,
        "counted_types": list(dict.fromkeys(counted_types)),
    }
    if campaign is None:
        campaign = Campaign(department=department, year=year, is_demo=is_demo, **values)
        campaign.full_clean()
        campaign.save()
    else:
        for name, value in values.items():
            setattr(campaign, name, value)
        campaign.full_clean()
        campaign.updated_at = timezone.now()
        save_versioned(
            campaign,
            expected_version=campaign.version if expected_version is None else expected_version,
            fields=[*values, "updated_at"],
            user=user,
        )
    refresh_action_month(department=department, campaign=campaign)
    return campaign


def refresh_action_month(*, department: OrgUnit, campaign: Campaign) -> int:
    """Re-derive `is_action_month` for the department's activities of the campaign's year;
    returns how many count."""
    in_year = Activity.objects.filter(unit__path__startswith=department.path, year=campaign.year)
    counted = in_year.filter(
        activity_type__in=campaign.counted_types,
        start_date__lte=campaign.end_date,
        end_date__gte=campaign.start_date,
    )
    in_year.filter(is_action_month=True).exclude(pk__in=counted.values("pk")).update(
        is_action_month=False
    )
    counted.filter(is_action_month=False).update(is_action_month=True)
    return counted.count()


def action_month_refresh_for_plan(*, plan) -> int | None:
    """After a department issues its plan: while the department has set no campaign of its
    own, the Action Month's dates come from that plan (models.default_campaign), so the flags
    of the year's activities in its subtree are re-derived. Returns how many count, or None
    when the plan does not date the Action Month (not a department's, or a campaign set)."""
    department = plan.unit
    if plan.kind != PlanKind.DEPARTMENT or department.unit_type != UnitType.DEPARTMENT:
        return None
    if Campaign.objects.filter(department=department, year=plan.year).exists():
        return None
    return refresh_action_month(
        department=department, campaign=default_campaign(department, plan.year)
    )
