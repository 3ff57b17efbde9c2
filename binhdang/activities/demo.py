"""Demo activity log and Action Month for Hải Phòng, last year and this year (idempotent).

Most units log about one activity a month and several in November for the Action Month;
a few units log nothing at all, a few nothing in the Action Month, so the coverage page has
something to point at. Activities are tied to the tasks of the issued department plan of
their year when the plans demo has created one.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random

import matplotlib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from simple_history.utils import bulk_create_with_history

from binhdang.accounts.choices import Role, UnitType
from binhdang.accounts.models import OrgUnit, RoleGrant, User

from . import services
from .choices import DEFAULT_CAMPAIGN_TYPES, ActivityType, Audience
from .models import Activity, Campaign
from .plan_tasks import demo_task_map

DEPARTMENT_CODE = "SGDDT-HP"
T = ActivityType

TITLES: dict[str, list[str]] = {
    T.COMMUNICATION: [
        "Tuyên truyền Luật Bình đẳng giới trong buổi chào cờ đầu tuần",
        "Phổ biến Nghị định số 125/2021/NĐ-CP cho cán bộ, giáo viên, nhân viên",
        "Tuyên truyền kỷ niệm Ngày Quốc tế Phụ nữ 8/3",
        "Tuyên truyền phòng, chống bạo lực học đường và xâm hại trẻ em",
        "Tuyên truyền kỷ niệm Ngày Phụ nữ Việt Nam 20/10",
        "Bản tin bình đẳng giới trên trang thông tin điện tử của đơn vị",
        "Tuyên truyền Chương trình truyền thông về bình đẳng giới đến năm 2030",
    ],
    T.LAUNCH: [
        "Lễ phát động Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở "
        "giới năm {year}"
    ],
    T.CONFERENCE: ["Hội nghị triển khai công tác bình đẳng giới, vì sự tiến bộ của phụ nữ"],
    T.SEMINAR: ["Hội thảo “Giáo dục giới tính và kỹ năng sống cho học sinh THPT”"],
    T.TALK: [
        "Nói chuyện chuyên đề “Phòng, chống xâm hại và bạo lực trên cơ sở giới”",
        "Tọa đàm “Nữ sinh với khoa học, công nghệ”",
        "Tọa đàm “Chia sẻ việc nhà – gia đình bình đẳng”",
    ],
    T.EXHIBITION: ["Triển lãm tranh ảnh “Bình đẳng giới trong trường học”"],
    T.ARTS: ["Giao lưu văn nghệ “Vì một môi trường học đường an toàn, bình đẳng”"],
    T.SPORTS: ["Giải bóng chuyền hơi nam nữ phối hợp chào mừng Tháng hành động"],
    T.CONTEST: [
        "Cuộc thi vẽ tranh “Nói không với bạo lực giới”",
        "Hội thi tìm hiểu pháp luật về bình đẳng giới",
        "Cuộc thi viết “Bạn gái tuổi học trò”",
    ],
    T.EXPERIENTIAL: [
        "Hoạt động trải nghiệm “Em là người bạn tốt”",
        "Ngoại khóa “Tuổi trẻ với bình đẳng giới”",
    ],
    T.TEACHING: [
        "Lồng ghép nội dung bình đẳng giới trong môn Giáo dục kinh tế và pháp luật",
        "Lồng ghép giáo dục giới trong tiết sinh hoạt lớp",
    ],
    T.VICTIM_SUPPORT: ["Thăm hỏi, động viên học sinh bị ảnh hưởng bởi bạo lực gia đình"],
    T.TRAINING: ["Tập huấn lồng ghép giới cho giáo viên chủ nhiệm"],
    T.EXCHANGE: ["Giao lưu, chia sẻ kinh nghiệm hoạt động Ban VSTBPN cụm trường {district}"],
    T.OTHER: ["Sinh hoạt chuyên đề của Ban Vì sự tiến bộ của phụ nữ"],
}
# Types through the year (weights) and in the Action Month.
YEAR_TYPES = [
    (T.COMMUNICATION, 6),
    (T.TEACHING, 2),
    (T.TALK, 2),
    (T.TRAINING, 1),
    (T.EXCHANGE, 1),
    (T.SPORTS, 1),
    (T.ARTS, 1),
    (T.OTHER, 1),
]
MONTH_TYPES = [
    T.TALK,
    T.CONTEST,
    T.EXPERIENTIAL,
    T.EXHIBITION,
    T.ARTS,
    T.SPORTS,
    T.COMMUNICATION,
    T.TEACHING,
    T.SEMINAR,
    T.VICTIM_SUPPORT,
]
PLACES = ["Hội trường nhà trường", "Sân trường", "Thư viện", "Phòng họp Hội đồng", "Nhà đa năng"]
PARTNERS = [
    "",
    "",
    "Đoàn Thanh niên",
    "Công đoàn cơ sở",
    "Hội Liên hiệp Phụ nữ phường",
    "Công an phường",
    "Hội Cha mẹ học sinh",
    "Trung tâm Y tế",
]


def campaign_dates(year: int, week: int) -> tuple[dt.date, dt.date]:
    """From the Monday of November's `week` (1 or 2, as the seed plans say) to 30/11."""
    first = dt.date(year, 11, 1)
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (week - 1))
    return monday, dt.date(year, 11, 30)


def _campaign(department: OrgUnit, year: int, week: int) -> Campaign:
    start, end = campaign_dates(year, week)
    campaign, _created = Campaign.objects.get_or_create(
        department=department,
        year=year,
        defaults={
            "title": "Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới",
            "theme": "Chung tay xây dựng môi trường học đường an toàn, bình đẳng, không bạo lực",
            "start_date": start,
            "end_date": end,
            "counted_types": list(DEFAULT_CAMPAIGN_TYPES),
            "is_demo": True,
        },
    )
    return campaign


def _participants(rng: random.Random, unit: OrgUnit, kind: str) -> dict:
    staff = rng.randint(15, 90)
    students = 0 if kind in {T.TRAINING, T.EXCHANGE, T.CONFERENCE} else rng.randint(40, 1100)
    if unit.unit_type == UnitType.DEPARTMENT:
        staff, students = rng.randint(60, 250), 0
    if kind == T.VICTIM_SUPPORT:
        staff, students = rng.randint(2, 6), rng.randint(1, 3)
    others = rng.randint(10, 80) if rng.random() < 0.15 and students else 0
    staff_f = round(staff * rng.uniform(0.6, 0.8))
    students_f = round(students * rng.uniform(0.45, 0.58))
    others_f = round(others * rng.uniform(0.5, 0.8))
    audiences = [Audience.STAFF] if staff else []
    if students:
        audiences.append(Audience.STUDENTS)
    if others:
        audiences.append(Audience.PARENTS)
    return {
        "audiences": audiences,
        "staff_female": staff_f,
        "staff_male": staff - staff_f,
        "students_female": students_f,
        "students_male": students - students_f,
        "others_female": others_f,
        "others_male": others - others_f,
    }


def _title(rng: random.Random, kind: str, unit: OrgUnit, year: int) -> str:
    return rng.choice(TITLES[kind]).format(year=year, district=unit.district or "Hải Phòng")


def _day(rng: random.Random, year: int, month: int, last: dt.date) -> dt.date | None:
    first = dt.date(year, month, 1)
    if first > last:
        return None
    month_end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    if month_end > last:
        # The month is under way: only the part already lived has activities.
        elapsed = ((last - first).days + 1) / ((month_end - first).days + 1)
        if rng.random() > elapsed:
            return None
    return first + dt.timedelta(days=rng.randint(0, (min(month_end, last) - first).days))


def _plan_for_unit(rng, unit, year, last, campaign, silent_in_month) -> list[tuple]:
    """(date, type) pairs of one unit's year."""
    plan: list[tuple] = []
    kinds, weights = zip(*YEAR_TYPES, strict=True)
    for month in range(1, 13):
        if month in (6, 7) and rng.random() < 0.7:  # summer holidays
            continue
        for _ in range(rng.choice([0, 1, 1, 1, 2])):
            day = _day(rng, year, month, last)
            if day is not None and not campaign.start_date <= day <= campaign.end_date:
                plan.append((day, rng.choices(kinds, weights)[0]))
    if not silent_in_month and campaign.start_date <= last:
        launch = min(campaign.start_date + dt.timedelta(days=rng.randint(0, 3)), last)
        plan.append((launch, T.LAUNCH))
        for _ in range(rng.randint(1, 4)):
            span = (min(campaign.end_date, last) - campaign.start_date).days
            day = campaign.start_date + dt.timedelta(days=rng.randint(0, max(span, 0)))
            plan.append((day, rng.choice(MONTH_TYPES)))
    return plan


def _officer(unit: OrgUnit) -> User | None:
    grant = (
        RoleGrant.objects.filter(unit=unit, role__in=[Role.UNIT_OFFICER, Role.SECRETARIAT])
        .select_related("user")
        .first()
    )
    return grant.user if grant else None


def load_year(department: OrgUnit, year: int, today: dt.date) -> list[Activity]:
    done = Activity.objects.filter(
        is_demo=True, year=year, unit__path__startswith=department.path
    ).exists()
    if done:
        return []
    rng = random.Random(f"activities-{year}")
    campaign = _campaign(department, year, week=1 if year < today.year else 2)
    last = min(dt.date(year, 12, 31), today)
    tasks = demo_task_map(department, year)
    units = list(department.descendants().order_by("code"))
    rows: list[Activity] = []
    for index, unit in enumerate(units):
        if unit.pk != department.pk and (index + year) % 13 == 5:
            continue  # a unit that logged nothing this year
        silent_in_month = unit.pk != department.pk and (index + year) % 11 == 3
        creator = _officer(unit)
        for day, kind in _plan_for_unit(rng, unit, year, last, campaign, silent_in_month):
            duration = rng.choice([0, 0, 0, 1, 2]) if kind in {T.CONTEST, T.EXHIBITION} else 0
            end = min(day + dt.timedelta(days=duration), dt.date(year, 12, 31))
            activity = Activity(
                unit=unit,
                title=_title(rng, kind, unit, year),
                activity_type=kind,
                plan_task=tasks.get(kind),
                start_date=day,
                end_date=end,
                place=rng.choice(PLACES) if unit.unit_type != UnitType.DEPARTMENT else "Sở GDĐT",
                partners=rng.choice(PARTNERS),
                description="",
                created_by=creator,
                is_demo=True,
                **_participants(rng, unit, kind),
            )
            activity.derive()
            activity.is_action_month = campaign.counts(kind, day, end)
            rows.append(activity)
    bulk_create_with_history(rows, Activity, batch_size=500, default_date=timezone.now())
    return rows


def _font(size: int) -> ImageFont.FreeTypeFont:
    path = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    return ImageFont.truetype(path, size)


def photo(title: str, unit: str, date: dt.date, seed: int) -> bytes:
    """A small "photo" of the event: a coloured banner with its title (Pillow)."""
    colours = ["#9b1c5a", "#0f6e8c", "#1e7b34", "#a15c00", "#5b3f8f"]
    image = Image.new("RGB", (640, 400), colours[seed % len(colours)])
    draw = ImageDraw.Draw(image)
    draw.rectangle([24, 24, 616, 376], outline="white", width=3)
    words, lines, line = title.split(), [], ""
    for word in words:
        if len(line) + len(word) > 38:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    font, small = _font(24), _font(18)
    y = 70
    for text in lines[:5]:
        draw.text((48, y), text, fill="white", font=font)
        y += 34
    draw.text((48, 300), unit, fill="white", font=small)
    draw.text((48, 330), f"{date:%d/%m/%Y}", fill="white", font=small)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def load_evidence(department: OrgUnit, year: int, count: int = 10) -> int:
    secretariat = User.objects.filter(username="thuky.so").first()
    if secretariat is None:
        return 0
    launches = (
        Activity.objects.filter(
            is_demo=True,
            year=year,
            unit__path__startswith=department.path,
            activity_type__in=[T.LAUNCH, T.CONTEST, T.EXHIBITION],
            evidence__isnull=True,
        )
        .select_related("unit")
        .order_by("unit__code", "start_date")[:count]
    )
    added = 0
    for index, activity in enumerate(launches):
        content = photo(activity.title, activity.unit.name, activity.start_date, index)
        upload = SimpleUploadedFile(f"anh-hoat-dong-{index + 1}.png", content, "image/png")
        services.evidence_add(activity=activity, user=secretariat, upload=upload)
        added += 1
    return added


def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code=DEPARTMENT_CODE).first()
    if department is None:
        return
    today = timezone.localdate()
    created = 0
    for year in (today.year - 1, today.year):
        rows = load_year(department, year, today)
        created += len(rows)
        if rows:
            load_evidence(department, year)
    if stdout is not None:
        stdout.write(
            f"Hoạt động minh họa: {Activity.objects.filter(is_demo=True).count()} "
            f"(mới tạo {created})\n"
        )
