"""The unit report workflow: save, submit, return, accept, and the notifications they send.

Periods are opened and closed in `periods`; targets are entered in `targets`."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.choices import Role
from binhdang.accounts.models import OrgUnit, RoleGrant, User
from binhdang.core.concurrency import save_versioned

from .choices import PeriodStatus, ReportStatus
from .models import (
    Notification,
    ReportComment,
    ReportValue,
    ReportVersion,
    UnitReport,
)
from .prefill import prefill_units
from .validation import check_values

NARRATIVE_FIELDS = ("results", "limitations", "difficulties", "recommendations")
EDITABLE = frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED})


def report_refill(*, report: UnitReport, user: User | None) -> None:
    """Pre-fill again (after new activities): only values the unit did not override move."""
    if user is not None:
        policy.require(user, policy.Action.EDIT, report.unit)
    _ensure_editable(report)
    period = report.period
    figures = prefill_units(
        [report.unit_id], year=period.year, start=period.window_start, end=period.window_end
    ).get(report.unit_id, {})
    with transaction.atomic():
        for value in report.values.select_related("indicator"):
            total, female = figures.get(value.indicator.source_key, (None, None))
            if not value.indicator.has_female:
                female = None
            if not value.is_overridden:
                value.total, value.female = total, female
            value.prefilled_total, value.prefilled_female = total, female
            value.save()


def _ensure_editable(report: UnitReport) -> None:
    if report.status not in EDITABLE:
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(status)s”, không thể sửa.")
            % {"status": report.get_status_display()},
            code="locked",
        )
    if report.period.status != PeriodStatus.OPEN:
        raise ValidationError(_("Kỳ báo cáo chưa mở hoặc đã đóng."), code="closed")


ValueInput = Mapping[str, tuple[int | None, int | None, str]]  # code -> (total, female, reason)


@transaction.atomic
def report_save(
    *,
    report: UnitReport,
    user: User,
    expected_version: int,
    narrative: Mapping[str, str],
    values: ValueInput,
) -> UnitReport:
    """Save the draft. An override of a pre-filled figure needs a reason; the rules must
    hold; a stale version (someone saved meanwhile) is refused."""
    policy.require(user, policy.Action.EDIT, report.unit)
    _ensure_editable(report)
    rows = {v.indicator.code: v for v in report.values.select_related("indicator")}
    errors: dict[str, list[str]] = {}
    merged = {code: (v.total, v.female) for code, v in rows.items()}
    for code, (total, female, _reason) in values.items():
        if code in rows:
            merged[code] = (total, female if rows[code].indicator.has_female else None)
    errors.update(check_values([v.indicator for v in rows.values()], merged))
    for code, (total, _female, reason) in values.items():
        value = rows.get(code)
        if value is None:
            continue
        prefilled = value.indicator.source != "entered"
        changed = (total, merged[code][1]) != (value.prefilled_total, value.prefilled_female)
        if prefilled and changed and not (reason or "").strip():
            errors.setdefault(code, []).append(
                _("Hãy ghi lý do khi sửa số liệu tự điền của “%(name)s”.")
                % {"name": value.indicator.name}
            )
    if errors:
        raise ValidationError({code: messages for code, messages in errors.items()})
    for name in NARRATIVE_FIELDS:
        setattr(report, name, (narrative.get(name) or "").strip())
    save_versioned(
        report, expected_version=expected_version, fields=list(NARRATIVE_FIELDS), user=user
    )
    for code, (_total, _female, reason) in values.items():
        value = rows.get(code)
        if value is None:
            continue
        value.total, value.female = merged[code]
        value.override_reason = (reason or "").strip() if value.is_overridden else ""
        value.save(update_fields=["total", "female", "override_reason"])
    return report


def snapshot(report: UnitReport, rows: list[ReportValue] | None = None) -> dict:
    if rows is None:
        rows = list(report.values.select_related("indicator").order_by("indicator__order"))
    values = {
        v.indicator.code: {
            "name": v.indicator.name,
            "total": v.total,
            "female": v.female,
            "reason": v.override_reason,
        }
        for v in rows
    }
    return {
        "narrative": {name: getattr(report, name) for name in NARRATIVE_FIELDS},
        "values": values,
    }


# What a submission reads of the report, its unit and its period (report_for_submit).
_SUBMIT_FIELDS = (
    *NARRATIVE_FIELDS,
    *("version", "status", "approved_by", "approved_at", "submitted_at", "is_late"),
    *("unit__path", "unit__name", "period__department", "period__status"),
    *("period__due_date", "period__year", "period__kind"),
)
# Submission reads what validation and the snapshot use, nothing else.
_SUBMIT_VALUE_FIELDS = (
    *("total", "female", "override_reason", "report", "indicator__code", "indicator__name"),
    *("indicator__disaggregation", "indicator__rules", "indicator__order"),
)


def report_for_submit(user: User, pk: int) -> UnitReport:
    """The report in the user's reach (404 otherwise), with only the columns of the report,
    its unit and its period that `report_submit` reads."""
    queryset = UnitReport.objects.select_related("unit", "period").only(*_SUBMIT_FIELDS)
    return policy.get_object_for_user(queryset, user, pk=pk)


@transaction.atomic
def report_submit(*, report: UnitReport, user: User, expected_version: int) -> ReportVersion:
    """The unit head approves and submits: the version is frozen, lateness recorded."""
    policy.require(user, policy.Action.APPROVE, report.unit)
    _ensure_editable(report)
    # The figures, and in the same statement how many versions were submitted before: read
    # while the row still has `expected_version` (versions only grow), so the count is
    # exact whenever the compare-and-set below succeeds.
    versions = ReportVersion.objects.filter(report=report.pk).order_by().values("report")
    previous = Subquery(versions.annotate(n=Count("pk")).values("n"))
    rows = list(
        report.values.select_related("indicator")
        .only(*_SUBMIT_VALUE_FIELDS)
        .annotate(previous=Coalesce(previous, 0))
        .order_by("indicator__order")
    )
    values = {v.indicator.code: (v.total, v.female) for v in rows}
    errors = check_values([v.indicator for v in rows], values)
    if errors:
        raise ValidationError(errors)
    if not report.results.strip():
        raise ValidationError(
            {"results": [_("Hãy viết phần kết quả đạt được trước khi gửi báo cáo.")]}
        )
    number = (rows[0].previous if rows else report.versions.count()) + 1
    now = timezone.now()
    report.status = ReportStatus.SUBMITTED
    report.approved_by = user
    report.approved_at = now
    report.submitted_at = now
    report.is_late = timezone.localdate(now) > report.period.due_date
    save_versioned(
        report,
        expected_version=expected_version,
        fields=["status", "approved_by", "approved_at", "submitted_at", "is_late"],
        user=user,
    )
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        snapshot=snapshot(report, rows),
        submitted_at=now,
        submitted_by=user,
    )
    _notify_department(report, _("%(unit)s đã gửi %(period)s.") % _names(report))
    return version


def _names(report: UnitReport) -> dict:
    return {"unit": report.unit.name, "period": str(report.period).lower()}


def _review_guard(report: UnitReport, user: User) -> None:
    policy.require(user, policy.Action.MANAGE, report.unit)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ xem xét được báo cáo đã gửi."), code="state")


@transaction.atomic
def report_return(
    *,
    report: UnitReport,
    user: User,
    expected_version: int,
    comment: str,
    field_comments: Mapping[str, str] | None = None,
) -> None:
    _review_guard(report, user)
    field_comments = {k: v.strip() for k, v in (field_comments or {}).items() if v and v.strip()}
    if not comment.strip() and not field_comments:
        raise ValidationError(_("Hãy ghi nhận xét khi trả lại báo cáo."), code="comment")
    report.status = ReportStatus.RETURNED
    report.reviewed_by = user
    save_versioned(
        report, expected_version=expected_version, fields=["status", "reviewed_by"], user=user
    )
    number = report.versions.count()
    if comment.strip():
        ReportComment.objects.create(
            report=report, text=comment.strip(), author=user, version_number=number
        )
    for field, text in field_comments.items():
        ReportComment.objects.create(
            report=report, field=field, text=text, author=user, version_number=number
        )
    _notify_unit(report, _("%(period)s của %(unit)s bị trả lại để sửa.") % _names(report))


@transaction.atomic
def report_accept(*, report: UnitReport, user: User, expected_version: int) -> None:
    _review_guard(report, user)
    report.status = ReportStatus.ACCEPTED
    report.reviewed_by = user
    report.accepted_at = timezone.now()
    save_versioned(
        report,
        expected_version=expected_version,
        fields=["status", "reviewed_by", "accepted_at"],
        user=user,
    )
    _notify_unit(report, _("%(period)s của %(unit)s đã được tiếp nhận.") % _names(report))


def report_url(report: UnitReport) -> str:
    from django.urls import reverse

    return reverse("reports:report", args=[report.pk])


def unit_users(unit: OrgUnit) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            grants__unit=unit,
            grants__role__in=[Role.UNIT_HEAD, Role.UNIT_OFFICER],
        ).distinct()
    )


def _notify_unit(report: UnitReport, text: str) -> None:
    Notification.objects.bulk_create(
        [Notification(user=u, text=text, url=report_url(report)) for u in unit_users(report.unit)]
    )


def _notify_department(report: UnitReport, text: str) -> None:
    """Every active secretary of the report's department gets `text` in the app: one
    INSERT … SELECT, so the recipients never travel to Python and back."""
    recipients = User.objects.filter(
        is_active=True,
        pk__in=RoleGrant.objects.filter(
            unit_id=report.period.department_id, role=Role.SECRETARIAT
        ).values("user_id"),
    ).values("id")
    select, params = recipients.query.sql_with_params()
    table = connection.ops.quote_name(Notification._meta.db_table)
    created = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, text, url, created_at) "
            f"SELECT recipient.id, %s, %s, %s FROM ({select}) recipient",
            [text, report_url(report), created, *params],
        )


def require_edit(user: User, report: UnitReport) -> None:
    if not policy.can(user, policy.Action.EDIT, report.unit):
        raise PermissionDenied
