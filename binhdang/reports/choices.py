from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    MID_YEAR = "mid_year", _("Báo cáo 6 tháng đầu năm")
    YEAR_END = "year_end", _("Báo cáo cuối năm")


class PeriodStatus(models.TextChoices):
    DRAFT = "draft", _("Chưa mở")
    OPEN = "open", _("Đang mở")
    CLOSED = "closed", _("Đã đóng")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    APPROVED = "approved", _("Thủ trưởng đã duyệt")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để sửa")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


class Disaggregation(models.TextChoices):
    NONE = "none", _("Không phân tổ")
    SEX = "sex", _("Theo giới tính")
    SEX_GROUP = "sex_group", _("Theo giới tính và nhóm")


class IndicatorSource(models.TextChoices):
    ENTERED = "entered", _("Đơn vị nhập")
    STAFF = "staff", _("Từ số liệu cán bộ")
    ACTIVITIES = "activities", _("Từ nhật ký hoạt động")
    COMMITTEE = "committee", _("Từ danh sách Ban VSTBPN")


class TargetScope(models.TextChoices):
    NATIONAL = "national", _("Quốc gia")
    MINISTRY = "ministry", _("Bộ GDĐT")
    CITY = "city", _("Thành phố")
