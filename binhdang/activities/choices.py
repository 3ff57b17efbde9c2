"""Activity types, audiences and the Action Month defaults, as the seed plans name them."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    # II.1 of the seeds: communication and dissemination of law and policy.
    COMMUNICATION = "communication", _("Tuyên truyền, phổ biến pháp luật")
    # II.2: the Action Month's activities, in the order the plans list them.
    LAUNCH = "launch", _("Phát động Tháng hành động")
    CONFERENCE = "conference", _("Hội nghị")
    SEMINAR = "seminar", _("Hội thảo")
    TALK = "talk", _("Tọa đàm, nói chuyện chuyên đề")
    EXHIBITION = "exhibition", _("Triển lãm tranh ảnh")
    ARTS = "arts", _("Giao lưu văn nghệ")
    SPORTS = "sports", _("Giao lưu thể thao")
    CONTEST = "contest", _("Cuộc thi, hội thi")
    EXPERIENTIAL = "experiential", _("Hoạt động trải nghiệm sáng tạo, ngoài giờ lên lớp")
    TEACHING = "teaching", _("Lồng ghép trong giảng dạy")
    VICTIM_SUPPORT = "victim_support", _("Thăm hỏi, hỗ trợ nạn nhân bạo lực giới")
    # II.5: regular tasks.
    TRAINING = "training", _("Tập huấn về bình đẳng giới")
    EXCHANGE = "exchange", _("Giao lưu, chia sẻ kinh nghiệm giữa các Ban")
    OTHER = "other", _("Hoạt động khác")


class Audience(models.TextChoices):
    STAFF = "staff", _("Cán bộ, giáo viên, nhân viên")
    STUDENTS = "students", _("Học sinh")
    PARENTS = "parents", _("Cha mẹ học sinh")
    COMMUNITY = "community", _("Cộng đồng")


# The types the 2024 and 2026 plans list under the Action Month (II.2); "other" covers the
# "sự kiện" (events) they also name. Trainings and exchanges between committees are regular
# tasks (II.5) and do not count unless the department says so.
DEFAULT_CAMPAIGN_TYPES: tuple[str, ...] = tuple(
    t.value for t in ActivityType if t not in {ActivityType.TRAINING, ActivityType.EXCHANGE}
)

# Default campaign window: the plans say "week 1 or 2 of November"; until the department sets
# its dates, the whole of November counts.
DEFAULT_CAMPAIGN_THEME = _(
    "Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới"
)


def default_campaign_dates(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 11, 1), dt.date(year, 11, 30)


EVIDENCE_EXTENSIONS: tuple[str, ...] = ("jpg", "jpeg", "png", "webp", "pdf", "docx")
IMAGE_EXTENSIONS: frozenset[str] = frozenset({"jpg", "jpeg", "png", "webp"})
EVIDENCE_CONTENT_TYPES: dict[str, str] = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
