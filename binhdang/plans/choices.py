"""Choices of the plans app: plan kind, workflow status, item kinds, deadline kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    DEPARTMENT = "department", _("Kế hoạch của Sở")
    UNIT = "unit", _("Kế hoạch của đơn vị")


class PlanStatus(models.TextChoices):
    """One status field for both workflows, so lists, filters and the due-date view treat
    every plan alike.

    Department plan (issue 4): DRAFT -> SUBMITTED_FOR_APPROVAL (optional) -> APPROVED (the
    leader) -> ISSUED (the secretariat: number, date, lock, distribution). The leader may
    send a submitted or approved plan back to DRAFT.

    Unit plan (issue 5): DRAFT -> SUBMITTED (to the department) -> ACCEPTED, or RETURNED ->
    RESUBMITTED -> ACCEPTED/RETURNED ...
    """

    DRAFT = "draft", _("Dự thảo")
    SUBMITTED_FOR_APPROVAL = "submitted_for_approval", _("Chờ lãnh đạo duyệt")
    APPROVED = "approved", _("Đã duyệt")
    ISSUED = "issued", _("Đã ban hành")
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Trả lại để sửa")
    RESUBMITTED = "resubmitted", _("Đã nộp lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


# Statuses in which the plan's content may still be changed.
EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.RETURNED})


class ItemKind(models.TextChoices):
    BULLET = "bullet", _("Gạch đầu dòng")
    LETTER = "letter", _("Điểm a), b), c)")
    PARAGRAPH = "paragraph", _("Đoạn văn")


class DeadlineKind(models.TextChoices):
    MID_YEAR_REPORT = "mid_year_report", _("Báo cáo sơ kết 6 tháng")
    YEAR_END_REPORT = "year_end_report", _("Báo cáo tổng kết năm")
    ACTION_MONTH = "action_month", _("Tháng hành động")
    UNIT_PLAN = "unit_plan", _("Nộp kế hoạch của đơn vị")
    OTHER = "other", _("Khác")


class EventAction(models.TextChoices):
    CREATED = "created", _("Tạo dự thảo")
    IMPORTED = "imported", _("Nhập từ tệp")
    CARRIED = "carried", _("Chuyển tiếp từ năm trước")
    SUBMITTED_FOR_APPROVAL = "submitted_for_approval", _("Trình lãnh đạo duyệt")
    APPROVED = "approved", _("Lãnh đạo duyệt")
    RETURNED_TO_DRAFT = "returned_to_draft", _("Trả về dự thảo")
    ISSUED = "issued", _("Ban hành và gửi đơn vị")
    SUBMITTED = "submitted", _("Nộp kế hoạch")
    RETURNED = "returned", _("Trả lại để sửa")
    RESUBMITTED = "resubmitted", _("Nộp lại")
    ACCEPTED = "accepted", _("Tiếp nhận")
    COMMENTED = "commented", _("Góp ý")
