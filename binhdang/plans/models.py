"""Plans stored in the database: the department's annual plan and the units' own plans.

A plan is kept as rows (bases, sections, items, deadlines, recipients) rather than as one
document blob, so that tasks can be referenced by activities and reports, edited one at a
time in the browser, and compared year against year. `convert.py` turns the rows into the
plain `PlanDocument` used by the importer, renderer, carry-forward and comparison, and back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from binhdang.core.models import TimeStampedModel, VersionedModel

from .choices import (
    EDITABLE_STATUSES,
    DeadlineKind,
    EventAction,
    ItemKind,
    PlanKind,
    PlanStatus,
)


class Plan(VersionedModel):
    """An annual plan ("KẾ HOẠCH") issued by a unit.

    `version` (from VersionedModel) is the plan's edit counter: every change to the plan or
    to any of its rows bumps it, so an editor working from an outdated page is refused
    instead of silently overwriting someone else's change.
    """

    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("đơn vị ban hành"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    kind = models.CharField(
        _("loại kế hoạch"), max_length=16, choices=PlanKind.choices, default=PlanKind.DEPARTMENT
    )
    parent_plan = models.ForeignKey(
        "self",
        verbose_name=_("kế hoạch của Sở làm căn cứ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unit_plans",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    doc_type = models.CharField(_("loại văn bản"), max_length=64, default="KẾ HOẠCH")
    governing_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    number = models.CharField(_("số"), max_length=16, blank=True)
    serial = models.PositiveIntegerField(_("số thứ tự trong sổ"), null=True, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=64, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    preamble = models.TextField(_("đoạn mở đầu"), blank=True)
    signer_authority = models.CharField(_("quyền hạn ký"), max_length=100, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=32, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    unit_plan_due = models.DateField(_("hạn nộp kế hoạch của đơn vị"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    # A unit plan's first submission to the department: whether it came on time is judged
    # on this moment against the department plan's `unit_plan_due`, so a plan returned and
    # resubmitted later keeps its on-time mark (docs/decisions/0006-unit-plans.md).
    submitted_at = models.DateTimeField(_("nộp lần đầu lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ban hành"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    source_filename = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    # Lines of an imported file the importer could not place: kept and shown until someone
    # moves them into the outline and dismisses them, so nothing is silently dropped.
    unplaced = models.JSONField(_("đoạn chưa xếp vào cấu trúc"), default=list, blank=True)
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("chuyển tiếp từ kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
    )
    # The carry-forward's list of automatic changes and open flags, kept for the review page.
    carry_report = models.JSONField(_("kết quả chuyển tiếp"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year", "unit__path", "-pk"]
        indexes = [
            models.Index(fields=["year", "status"], name="plan_year_status_idx"),
            models.Index(fields=["kind", "year"], name="plan_kind_year_idx"),
        ]
        constraints = [
            # One unit plan per unit and department plan (the cascade's "one click").
            models.UniqueConstraint(
                fields=["unit", "parent_plan"],
                condition=models.Q(kind="unit", parent_plan__isnull=False),
                name="plan_one_unit_plan_per_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.doc_type} {self.year}"

    @property
    def reference(self) -> str:
        """ "15/KH-SGDĐT", or "…/KH-SGDĐT" while unnumbered."""
        return f"{self.number or '…'}/{self.symbol}" if self.symbol else self.number

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_issued(self) -> bool:
        return self.status == PlanStatus.ISSUED

    @property
    def preamble_lines(self) -> list[str]:
        return [line for line in self.preamble.splitlines() if line.strip()]


class IssueCounter(models.Model):
    """The register of outgoing numbers of a unit for one symbol and year.

    Issuing locks this row (select_for_update), so two plans issued at the same moment never
    get the same number. The secretariat may set `last_number` when numbers were taken
    outside the app (paper register).
    """

    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("đơn vị"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    symbol = models.CharField(_("ký hiệu"), max_length=64)
    last_number = models.PositiveIntegerField(_("số đã cấp gần nhất"), default=0)
    # Each number issued, and any hand correction of last_number, is a history row: who
    # moved the register and when is what a disputed duplicate number needs.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "symbol"], name="issue_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.year}: {self.last_number}"


class PlanBasis(TimeStampedModel):
    """A "Căn cứ ..." line. `reference` ("383/QĐ-BGDĐT") links it to the legal registry;
    `citation` keeps what the citation engine found in `text` (CitationData.to_json)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="bases"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung căn cứ"))
    reference = models.CharField(_("số, ký hiệu văn bản"), max_length=100, blank=True)
    legal_document = models.ForeignKey(
        "legal.LegalDocument",
        verbose_name=_("văn bản trong danh mục"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_bases",
    )
    citation = models.JSONField(_("trích dẫn nhận diện được"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class PlanSection(TimeStampedModel):
    """A heading of the outline: a Roman section ("I"), a numbered task ("1") or a lettered
    sub-heading. A section whose parent is a Roman section is what activities and reports
    call "the plan task"."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="sections"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc mục"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    label = models.CharField(_("số hiệu mục"), max_length=16, blank=True)
    title = models.TextField(_("tên mục"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mục/nhiệm vụ của kế hoạch")
        verbose_name_plural = _("mục/nhiệm vụ của kế hoạch")
        ordering = ["plan", "order", "pk"]
        indexes = [models.Index(fields=["plan", "parent", "order"], name="plansection_tree_idx")]

    def __str__(self) -> str:
        return f"{self.label}. {self.title}" if self.label else self.title


class PlanItem(TimeStampedModel):
    """Body text inside a section, in order: a bullet, a lettered point or a paragraph.
    Unit plans also say who is responsible, when, and what the expected output is."""

    section = models.ForeignKey(
        PlanSection, verbose_name=_("mục"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(
        _("kiểu"), max_length=16, choices=ItemKind.choices, default=ItemKind.BULLET
    )
    label = models.CharField(_("ký hiệu"), max_length=16, blank=True)
    text = models.TextField(_("nội dung"))
    responsible = models.ForeignKey(
        "accounts.CommitteeMember",
        verbose_name=_("người phụ trách"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    timeframe = models.CharField(_("thời gian thực hiện"), max_length=255, blank=True)
    expected_output = models.TextField(_("sản phẩm dự kiến"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung của mục")
        verbose_name_plural = _("nội dung của mục")
        ordering = ["section", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class PlanDeadline(TimeStampedModel):
    """A date the plan sets: mid-year report (28/5), year-end report (01/12), Action Month,
    unit plans due."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(
        _("loại mốc"), max_length=32, choices=DeadlineKind.choices, default=DeadlineKind.OTHER
    )
    date = models.DateField(_("ngày"))
    text = models.CharField(_("nội dung"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mốc thời gian")
        verbose_name_plural = _("mốc thời gian")
        ordering = ["plan", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class PlanRecipient(TimeStampedModel):
    """A line of the "Nơi nhận" block, as printed."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="recipients"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.CharField(_("nơi nhận"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class PlanDistribution(models.Model):
    """An issued plan delivered to one unit, with its read receipt (first opening only)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="distributions"
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("đơn vị nhận"),
        on_delete=models.CASCADE,
        related_name="received_plans",
    )
    delivered_at = models.DateTimeField(_("gửi lúc"))
    opened_at = models.DateTimeField(_("mở lần đầu lúc"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("văn bản gửi đơn vị")
        verbose_name_plural = _("văn bản gửi đơn vị")
        ordering = ["plan", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="plan_distribution_unique"),
        ]
        indexes = [models.Index(fields=["unit", "opened_at"], name="plandist_unit_opened_idx")]

    def __str__(self) -> str:
        return f"{self.plan} → {self.unit}"


class PlanEvent(models.Model):
    """One step of the plan's workflow (created, approved, issued, returned ...)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=32, choices=EventAction.choices)
    comment = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")
        ordering = ["plan", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


class UnitPlanReminder(models.Model):
    """A reminder e-mail sent to a unit that has not submitted its plan: at most one per
    unit, department plan and day."""

    plan = models.ForeignKey(
        Plan,
        verbose_name=_("kế hoạch của Sở"),
        on_delete=models.CASCADE,
        related_name="unit_plan_reminders",
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("đơn vị được nhắc"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("ngày nhắc"))
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhắc"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recipients = models.TextField(_("địa chỉ nhận"), blank=True)

    class Meta:
        verbose_name = _("nhắc nộp kế hoạch đơn vị")
        verbose_name_plural = _("nhắc nộp kế hoạch đơn vị")
        ordering = ["plan", "unit", "-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit", "day"], name="unit_plan_reminder_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.day:%d/%m/%Y}"
