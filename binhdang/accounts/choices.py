from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitType(models.TextChoices):
    MINISTRY = "ministry", _("Bộ")
    DEPARTMENT = "department", _("Sở Giáo dục và Đào tạo")
    UPPER_SECONDARY = "upper_secondary", _("Trường THPT")
    CONTINUING_EDUCATION = "continuing_education", _("Trung tâm GDNN-GDTX")
    SPECIALISED_SCHOOL = "specialised", _("Trường chuyên biệt")
    AFFILIATED = "affiliated", _("Đơn vị trực thuộc khác")


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    SECRETARIAT = "secretariat", _("Thường trực/Thư ký Ban (Phòng TCCB)")
    LEADER = "leader", _("Lãnh đạo Sở (Trưởng ban)")
    COMMITTEE_MEMBER = "committee_member", _("Thành viên Ban VSTBPN ngành")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    UNIT_OFFICER = "unit_officer", _("Cán bộ phụ trách của đơn vị")
    CASE_OFFICER = "case_officer", _("Cán bộ xử lý vụ việc")
    VIEWER = "viewer", _("Cấp trên (chỉ xem số liệu tổng hợp)")


class Sex(models.TextChoices):
    FEMALE = "F", _("Nữ")
    MALE = "M", _("Nam")


class CommitteePosition(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    DEPUTY = "deputy", _("Phó Trưởng ban")
    SECRETARY = "secretary", _("Thư ký")
    MEMBER = "member", _("Thành viên")


class DecisionKind(models.TextChoices):
    ESTABLISH = "establish", _("Thành lập")
    REFORM = "reform", _("Kiện toàn")


# Posts every committee must have filled; an empty one is a vacancy the department sees.
REQUIRED_POSITIONS = (CommitteePosition.HEAD, CommitteePosition.DEPUTY, CommitteePosition.SECRETARY)
