"""Indicators and targets, staff figures, report periods and unit reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from binhdang.accounts.models import OrgUnit
from binhdang.core.models import TimeStampedModel, VersionedModel

from .choices import (
    Disaggregation,
    IndicatorSource,
    PeriodKind,
    PeriodStatus,
    ReportStatus,
    TargetScope,
)


class Indicator(TimeStampedModel):
    """One version of an indicator of the catalogue. A change makes a new version row with
    the same code; reports keep the version they were filled against."""

    code = models.CharField(_("mã chỉ tiêu"), max_length=40)
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40, default="người")
    disaggregation = models.CharField(
        _("phân tổ"), max_length=16, choices=Disaggregation.choices, default=Disaggregation.SEX
    )
    source = models.CharField(
        _("cách tính"),
        max_length=16,
        choices=IndicatorSource.choices,
        default=IndicatorSource.ENTERED,
    )
    # Key of the computation for derived indicators (see reports.prefill) or of the
    # staff-figure field pair; empty for entered indicators.
    source_key = models.CharField(_("khóa nguồn số liệu"), max_length=60, blank=True)
    # Validation rules: {"female_lte_total": true, "lte": "STAFF"} (see reports.validation).
    rules = models.JSONField(_("quy tắc kiểm tra"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    valid_from_year = models.PositiveSmallIntegerField(_("áp dụng từ năm"), default=2024)
    valid_to_year = models.PositiveSmallIntegerField(_("áp dụng đến năm"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["order", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="unique_indicator_version"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def has_female(self) -> bool:
        return self.disaggregation != Disaggregation.NONE


class TargetQuerySet(models.QuerySet):
    def applying_to(self, unit) -> TargetQuerySet:
        """Targets that apply to `unit`: the sector's and those owned by the unit or a unit
        above it (never a sibling department's)."""
        return self.filter(models.Q(owner__isnull=True) | models.Q(owner_id__in=unit.lineage_ids()))


class Target(TimeStampedModel):
    """A target from a source document; versioned so that a new version never rewrites
    the results already compared against an earlier one.

    `owner` is the unit whose secretariat entered it (a department, for its own reading of
    the Ministry's and the city's plans); it applies to that unit's subtree only. Targets of
    the whole sector (the national strategy, the Prime Minister's decisions) have none."""

    owner = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("đơn vị đặt mục tiêu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
    )
    code = models.CharField(_("mã mục tiêu"), max_length=40)
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    name = models.CharField(_("nội dung mục tiêu"), max_length=400)
    scope = models.CharField(_("cấp"), max_length=16, choices=TargetScope.choices)
    source_reference = models.CharField(_("văn bản nguồn"), max_length=120)
    source_document = models.ForeignKey(
        "legal.LegalDocument",
        verbose_name=_("văn bản nguồn (danh mục)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets",
    )
    metric = models.CharField(_("chỉ số so sánh"), max_length=60)
    target_year = models.PositiveSmallIntegerField(_("năm đạt"))
    value = models.DecimalField(_("giá trị mục tiêu (%)"), max_digits=6, decimal_places=2)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    valid_from = models.DateField(_("hiệu lực từ"))
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        ordering = ["code", "target_year", "-version"]
        constraints = [
            # Versions are numbered per owner; NULL owners are distinct in a plain unique
            # index, hence the sector-wide ones get their own partial index.
            models.UniqueConstraint(
                fields=["owner", "code", "target_year", "version"],
                condition=models.Q(owner__isnull=False),
                name="unique_target_version",
            ),
            models.UniqueConstraint(
                fields=["code", "target_year", "version"],
                condition=models.Q(owner__isnull=True),
                name="unique_sector_target_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.target_year}: {self.value}%)"


class StaffFigures(TimeStampedModel):
    """A unit's staff figures for a year (imported from the .xlsx template or typed in)."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="staff_figures"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    staff_total = models.PositiveIntegerField(_("tổng số cán bộ, giáo viên, nhân viên"))
    staff_female = models.PositiveIntegerField(_("trong đó nữ"))
    managers_total = models.PositiveIntegerField(_("cán bộ quản lý (hiệu trưởng, phó)"))
    managers_female = models.PositiveIntegerField(_("cán bộ quản lý nữ"))
    head_is_female = models.BooleanField(_("người đứng đầu là nữ"), default=False)
    party_total = models.PositiveIntegerField(_("đảng viên"), default=0)
    party_female = models.PositiveIntegerField(_("đảng viên nữ"), default=0)
    succession_total = models.PositiveIntegerField(_("trong quy hoạch"), default=0)
    succession_female = models.PositiveIntegerField(_("nữ trong quy hoạch"), default=0)
    appointments_total = models.PositiveIntegerField(_("bổ nhiệm mới"), default=0)
    appointments_female = models.PositiveIntegerField(_("nữ được bổ nhiệm mới"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu cán bộ")
        verbose_name_plural = _("số liệu cán bộ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_staff_figures_year"),
            models.CheckConstraint(
                condition=Q(staff_female__lte=models.F("staff_total"))
                & Q(managers_female__lte=models.F("managers_total"))
                & Q(managers_total__lte=models.F("staff_total")),
                name="staff_figures_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"


class ReportPeriod(TimeStampedModel):
    """A reporting round of a department (mid-year due 28/5, year-end due 01/12)."""

    department = models.ForeignKey(
        OrgUnit, verbose_name=_("Sở"), on_delete=models.CASCADE, related_name="report_periods"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("kỳ báo cáo"), max_length=16, choices=PeriodKind.choices)
    due_date = models.DateField(_("hạn nộp"))
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PeriodStatus.choices, default=PeriodStatus.DRAFT
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("theo kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_periods",
    )
    opened_at = models.DateTimeField(_("mở lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "-due_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "kind"], name="unique_report_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def unit(self) -> OrgUnit:
        return self.department


class UnitReport(VersionedModel):
    """One unit's report for a period: figures (pre-filled, overridable) and narrative."""

    period = models.ForeignKey(
        ReportPeriod,
        verbose_name=_("kỳ báo cáo"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="reports"
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    results = models.TextField(_("kết quả đạt được"), blank=True)
    limitations = models.TextField(_("hạn chế và nguyên nhân"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    recommendations = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thủ trưởng duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    accepted_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xem xét"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="unique_unit_report"),
        ]
        indexes = [models.Index(fields=["period", "status"], name="report_period_status_idx")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"


class ReportValue(models.Model):
    """A figure of a report: the pre-filled value, and the unit's override with a reason."""

    report = models.ForeignKey(
        UnitReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="values"
    )
    total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    female = models.PositiveIntegerField(_("trong đó nữ"), null=True, blank=True)
    prefilled_total = models.PositiveIntegerField(_("tổng số (tự điền)"), null=True, blank=True)
    prefilled_female = models.PositiveIntegerField(_("nữ (tự điền)"), null=True, blank=True)
    override_reason = models.CharField(_("lý do sửa số tự điền"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("số liệu báo cáo")
        verbose_name_plural = _("số liệu báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="unique_report_value"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.total}/{self.female}"

    @property
    def is_overridden(self) -> bool:
        return (self.total, self.female) != (self.prefilled_total, self.prefilled_female)


class ReportVersion(models.Model):
    """A frozen copy of a report at each submission, to show the reviewer what changed."""

    report = models.ForeignKey(
        UnitReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("lần gửi"))
    snapshot = models.JSONField(_("nội dung"))
    submitted_at = models.DateTimeField(_("gửi lúc"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phiên bản báo cáo")
        verbose_name_plural = _("phiên bản báo cáo")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_report_version"),
        ]

    def __str__(self) -> str:
        return f"{self.report} — {self.number}"


class ReportComment(TimeStampedModel):
    """A reviewer's comment on a report, or on one field of it (`field` names it)."""

    report = models.ForeignKey(
        UnitReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="comments"
    )
    field = models.CharField(_("mục/ chỉ tiêu"), max_length=60, blank=True)
    text = models.TextField(_("nhận xét"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận xét"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    version_number = models.PositiveSmallIntegerField(_("áp dụng cho lần gửi"), default=0)

    class Meta:
        verbose_name = _("nhận xét")
        verbose_name_plural = _("nhận xét")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class ReminderLog(models.Model):
    """One reminder sent; the unique key makes the scheduled command idempotent."""

    key = models.CharField(_("khóa sự kiện"), max_length=200, unique=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("tiêu đề"), max_length=255)
    recipients = models.TextField(_("người nhận"), blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhắc việc đã gửi")
        verbose_name_plural = _("nhắc việc đã gửi")

    def __str__(self) -> str:
        return self.key


class Notification(models.Model):
    """An in-app message (reminders, returns, acceptances)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    text = models.CharField(_("nội dung"), max_length=400)
    url = models.CharField(_("liên kết"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.text[:60]


class TargetResult(TimeStampedModel):
    """The sector's progress against one target version for one period, frozen when first
    computed: a later version of the target never rewrites it."""

    period = models.ForeignKey(
        ReportPeriod,
        verbose_name=_("kỳ báo cáo"),
        on_delete=models.CASCADE,
        related_name="target_results",
    )
    target = models.ForeignKey(
        Target, verbose_name=_("phiên bản mục tiêu"), on_delete=models.PROTECT, related_name="+"
    )
    target_code = models.CharField(_("mã mục tiêu"), max_length=40)
    target_value = models.DecimalField(_("giá trị mục tiêu (%)"), max_digits=6, decimal_places=2)
    achieved = models.DecimalField(_("đạt được (%)"), max_digits=6, decimal_places=2)
    numerator = models.PositiveIntegerField(_("số đơn vị đạt"), default=0)
    denominator = models.PositiveIntegerField(_("số đơn vị"), default=0)

    class Meta:
        verbose_name = _("kết quả so với mục tiêu")
        verbose_name_plural = _("kết quả so với mục tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "target_code"], name="unique_target_result_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target_code}: {self.achieved}% / {self.target_value}%"
