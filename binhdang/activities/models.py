"""The activity log of each unit, its evidence files, and the yearly Action Month campaign."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from binhdang.accounts.models import OrgUnit
from binhdang.core.models import TimeStampedModel, VersionedModel
from binhdang.core.text import fold

from .choices import (
    DEFAULT_CAMPAIGN_THEME,
    DEFAULT_CAMPAIGN_TYPES,
    ActivityType,
    Audience,
    default_campaign_dates,
)

# Participant groups: (prefix, Vietnamese label). Each has a <prefix>_female and <prefix>_male.
PARTICIPANT_GROUPS: tuple[tuple[str, str], ...] = (
    ("staff", _("Cán bộ, giáo viên, nhân viên")),
    ("students", _("Học sinh")),
    ("others", _("Đối tượng khác (cha mẹ học sinh, cộng đồng)")),
)
EARLIEST_YEAR = 2000


class Activity(VersionedModel):
    """One activity a unit carried out: who took part, when, and for which plan task.

    `year`, `is_action_month` and `search_text` are derived by the services (never edited):
    they let the lists, the Action Month coverage and diacritic-free search filter on plain
    indexed columns.
    """

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField(_("tên hoạt động"), max_length=255)
    activity_type = models.CharField(
        _("loại hoạt động"), max_length=32, choices=ActivityType.choices
    )
    plan_task = models.ForeignKey(
        "plans.PlanSection",
        verbose_name=_("nhiệm vụ trong kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    year = models.PositiveSmallIntegerField(_("năm"), editable=False)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    audiences = models.JSONField(_("đối tượng"), default=list, blank=True)
    staff_female = models.PositiveIntegerField(_("cán bộ, giáo viên nữ"), default=0)
    staff_male = models.PositiveIntegerField(_("cán bộ, giáo viên nam"), default=0)
    students_female = models.PositiveIntegerField(_("học sinh nữ"), default=0)
    students_male = models.PositiveIntegerField(_("học sinh nam"), default=0)
    others_female = models.PositiveIntegerField(_("đối tượng khác nữ"), default=0)
    others_male = models.PositiveIntegerField(_("đối tượng khác nam"), default=0)
    partners = models.CharField(_("đơn vị phối hợp"), max_length=500, blank=True)
    description = models.TextField(_("mô tả ngắn"), blank=True)
    is_action_month = models.BooleanField(_("thuộc Tháng hành động"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_text = models.TextField(_("chuỗi tìm kiếm"), blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["unit", "start_date"], name="activity_unit_date_idx"),
            models.Index(
                fields=["year", "is_action_month", "unit"], name="activity_year_month_unit_idx"
            ),
            models.Index(fields=["start_date", "id"], name="activity_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="activity_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # Totals shown in lists and exports.
    @property
    def participants_female(self) -> int:
        return self.staff_female + self.students_female + self.others_female

    @property
    def participants_male(self) -> int:
        return self.staff_male + self.students_male + self.others_male

    @property
    def participants_total(self) -> int:
        return self.participants_female + self.participants_male

    def audience_labels(self) -> list[str]:
        return [str(Audience(a).label) for a in self.audiences if a in Audience.values]

    def derive(self) -> None:
        """Fill the derived columns from the entered ones (not the Action Month flag, which
        needs the campaign: see services.action_month_flag)."""
        if self.start_date:
            self.year = self.start_date.year
        self.search_text = fold(
            " ".join([self.title, self.place, self.partners, self.description or ""])
        )

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                errors.setdefault("end_date", []).append(
                    gettext("Ngày kết thúc (%(end)s) không được trước ngày bắt đầu (%(start)s).")
                    % {"end": f"{self.end_date:%d/%m/%Y}", "start": f"{self.start_date:%d/%m/%Y}"}
                )
            elif self.end_date.year != self.start_date.year:
                errors.setdefault("end_date", []).append(
                    gettext(
                        "Hoạt động phải bắt đầu và kết thúc trong cùng một năm (%(year)s); "
                        "hãy tách thành hai hoạt động."
                    )
                    % {"year": self.start_date.year}
                )
        if self.start_date:
            # The log records what happened: an activity still to come is planned work, which
            # belongs in the unit's plan. "Today" is Vietnam's (TIME_ZONE), not the server's.
            today = timezone.localdate()
            if self.start_date.year < EARLIEST_YEAR:
                errors.setdefault("start_date", []).append(
                    gettext("Năm %(year)s nằm ngoài khoảng cho phép (%(first)s–%(last)s).")
                    % {"year": self.start_date.year, "first": EARLIEST_YEAR, "last": today.year}
                )
            elif self.start_date > today:
                errors.setdefault("start_date", []).append(
                    gettext(
                        "Hoạt động chưa diễn ra: ngày bắt đầu %(date)s sau ngày hôm nay "
                        "(%(today)s). Chỉ ghi nhận hoạt động đã diễn ra."
                    )
                    % {"date": f"{self.start_date:%d/%m/%Y}", "today": f"{today:%d/%m/%Y}"}
                )
        unknown = [a for a in self.audiences or [] if a not in Audience.values]
        if unknown:
            errors.setdefault("audiences", []).append(
                gettext("Đối tượng không hợp lệ: %(values)s.") % {"values": ", ".join(unknown)}
            )
        if self.participants_total == 0:
            errors.setdefault("__all__", []).append(
                gettext("Hãy nhập số người tham gia (ít nhất một người).")
            )
        checks = (
            ("staff", self.staff_female + self.staff_male, {Audience.STAFF}),
            ("students", self.students_female + self.students_male, {Audience.STUDENTS}),
            (
                "others",
                self.others_female + self.others_male,
                {Audience.PARENTS, Audience.COMMUNITY},
            ),
        )
        labels = dict(PARTICIPANT_GROUPS)
        audiences = set(self.audiences or [])
        for prefix, count, needed in checks:
            if count and not audiences & {a.value for a in needed}:
                errors.setdefault("audiences", []).append(
                    gettext(
                        "Có %(count)s người tham gia thuộc nhóm “%(group)s” nhưng đối tượng "
                        "này chưa được chọn."
                    )
                    % {"count": count, "group": labels[prefix]}
                )
        errors.update(self._task_errors())
        if errors:
            raise ValidationError(errors)

    def _task_errors(self) -> dict[str, list[str]]:
        if not self.plan_task_id:
            return {}
        plan = self.plan_task.plan
        if self.unit_id and not self.unit.path.startswith(plan.unit.path):
            return {
                "plan_task": [
                    gettext(
                        "Nhiệm vụ đã chọn thuộc kế hoạch của %(unit)s, không áp dụng cho "
                        "đơn vị này."
                    )
                    % {"unit": plan.unit.name}
                ]
            }
        if self.start_date and plan.year != self.start_date.year:
            return {
                "plan_task": [
                    gettext(
                        "Nhiệm vụ đã chọn thuộc kế hoạch năm %(plan)s, nhưng hoạt động diễn ra "
                        "năm %(year)s."
                    )
                    % {"plan": plan.year, "year": self.start_date.year}
                ]
            }
        return {}


def evidence_upload_to(instance: Evidence, filename: str) -> str:
    # A random name: the file is only reachable through the access-checked view, and the
    # original name (kept in the row) may hold characters storages dislike.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    activity = instance.activity
    return f"evidence/{activity.unit.code}/{activity.start_date.year}/{uuid.uuid4().hex}.{ext}"


def thumbnail_upload_to(instance: Evidence, filename: str) -> str:
    activity = instance.activity
    return f"evidence/{activity.unit.code}/{activity.start_date.year}/thumbs/{uuid.uuid4().hex}.jpg"


class Evidence(TimeStampedModel):
    """A file proving an activity took place: photos, minutes (PDF), reports (DOCX)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("tệp"), upload_to=evidence_upload_to, max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("kiểu nội dung"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    thumbnail = models.FileField(
        _("ảnh thu nhỏ"), upload_to=thumbnail_upload_to, max_length=255, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Campaign(VersionedModel):
    """The Action Month of one year, as set by a department for all its units."""

    department = models.ForeignKey(
        OrgUnit, verbose_name=_("Sở"), on_delete=models.PROTECT, related_name="campaigns"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên đợt"), max_length=255)
    theme = models.CharField(_("chủ đề"), max_length=500, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    counted_types = models.JSONField(_("loại hoạt động được tính"), default=list)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Tháng hành động")
        verbose_name_plural = _("Tháng hành động")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="unique_campaign_year"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.year}"

    @property
    def is_default(self) -> bool:
        """True for the unsaved stand-in used before the department sets its campaign."""
        return self.pk is None

    def counts(self, activity_type: str, start: dt.date, end: dt.date) -> bool:
        return (
            activity_type in self.counted_types
            and start <= self.end_date
            and end >= self.start_date
        )

    def counted_type_labels(self) -> list[str]:
        return [str(ActivityType(t).label) for t in self.counted_types if t in ActivityType.values]

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = [gettext("Ngày kết thúc không được trước ngày bắt đầu.")]
        for name in ("start_date", "end_date"):
            value = getattr(self, name)
            if value and self.year and value.year != self.year:
                errors.setdefault(name, []).append(
                    gettext("Ngày phải thuộc năm %(year)s.") % {"year": self.year}
                )
        unknown = [t for t in self.counted_types or [] if t not in ActivityType.values]
        if unknown or not self.counted_types:
            errors["counted_types"] = [gettext("Hãy chọn ít nhất một loại hoạt động hợp lệ.")]
        if errors:
            raise ValidationError(errors)


def plan_action_month_start(department: OrgUnit, year: int) -> dt.date | None:
    """The Action Month date the department's issued plan of `year` sets, if any
    ("tuần 1 hoặc tuần 2 tháng 11 năm ..." is read by the importer as a deadline)."""
    from binhdang.plans.models import PlanDeadline  # plans depends on nothing here

    return (
        PlanDeadline.objects.filter(
            plan__unit=department,
            plan__year=year,
            plan__kind="department",
            plan__status="issued",
            kind="action_month",
        )
        .order_by("-plan__issued_at")
        .values_list("date", flat=True)
        .first()
    )


def default_campaign(department: OrgUnit, year: int) -> Campaign:
    start, end = default_campaign_dates(year)
    planned = plan_action_month_start(department, year)
    if planned is not None and planned.year == year and planned < end:
        start = planned
    return Campaign(
        department=department,
        year=year,
        title=str(DEFAULT_CAMPAIGN_THEME),
        theme="",
        start_date=start,
        end_date=end,
        counted_types=list(DEFAULT_CAMPAIGN_TYPES),
    )


def campaign_for(unit: OrgUnit, year: int) -> Campaign:
    """The Action Month that applies to `unit` in `year`: its department's campaign, or the
    default (from the issued plan's Action Month date, else 1 November, to 30 November, with
    the seed plans' types) while the department has set none."""
    department = unit.department() or unit
    campaign = Campaign.objects.filter(department=department, year=year).first()
    return campaign or default_campaign(department, year)
