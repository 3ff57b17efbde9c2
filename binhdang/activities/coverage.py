"""Action Month coverage: which units took part, how many activities and participants.

Aggregates only (counts per type and unit type, and which units have none yet): this is
what the higher-level viewer may see, so nothing here returns an activity record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit, User
from binhdang.core.due import DueItem

from .choices import ActivityType
from .models import Activity, Campaign, campaign_for

FEMALE = F("staff_female") + F("students_female") + F("others_female")
MALE = F("staff_male") + F("students_male") + F("others_male")


@dataclass
class TypeRow:
    key: str
    label: str
    activities: int = 0
    female: int = 0
    male: int = 0


@dataclass
class UnitTypeRow:
    key: str
    label: str
    units: int = 0
    covered: int = 0
    activities: int = 0
    female: int = 0
    male: int = 0

    @property
    def rate(self) -> float:
        return round(100 * self.covered / self.units, 1) if self.units else 0.0


@dataclass
class Coverage:
    department: OrgUnit
    campaign: Campaign
    units_total: int = 0
    units_covered: int = 0
    activities: int = 0
    female: int = 0
    male: int = 0
    by_type: list[TypeRow] = field(default_factory=list)
    by_unit_type: list[UnitTypeRow] = field(default_factory=list)
    units_without: list[OrgUnit] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return round(100 * self.units_covered / self.units_total, 1) if self.units_total else 0.0

    def as_json(self) -> dict:
        """The command-line contract of `campaign_coverage --json` (keep stable)."""
        return {
            "department": self.department.code,
            "year": self.campaign.year,
            "units_total": self.units_total,
            "units_covered": self.units_covered,
            "activities": self.activities,
            "participants": {"female": self.female, "male": self.male},
            "by_type": {row.key: row.activities for row in self.by_type if row.activities},
            "units_without_activity": [unit.code for unit in self.units_without],
        }


def departments_for(user: User) -> list[OrgUnit]:
    """Departments whose Action Month the user may look at: those in their reach, or the
    department of the school they belong to."""
    found: dict[int, OrgUnit] = {}
    for top in policy.top_units(user, policy.Action.VIEW_AGGREGATE):
        if top.unit_type == UnitType.DEPARTMENT:
            found[top.pk] = top
        elif top.unit_type == UnitType.MINISTRY:
            for unit in OrgUnit.objects.filter(
                path__startswith=top.path, unit_type=UnitType.DEPARTMENT
            ):
                found[unit.pk] = unit
        else:
            department = top.department()
            if department is not None:
                found[department.pk] = department
    return sorted(found.values(), key=lambda unit: unit.path)


def default_department(user: User, departments: list[OrgUnit]) -> OrgUnit:
    """The department the campaign page opens on when none is asked for: the user's own
    (their home unit lies in it), else the one with the most member units, so that a
    Ministry viewer lands on a department with data rather than the first by path."""
    if len(departments) == 1:
        return departments[0]
    home = OrgUnit.objects.filter(pk=user.home_unit_id).only("path").first()
    if home is not None:
        for department in departments:
            if home.path.startswith(department.path):
                return department
    sizes = dict(
        OrgUnit.objects.filter(parent__in=departments, is_active=True)
        .order_by()
        .values_list("parent")
        .annotate(n=Count("pk"))
    )
    # max() keeps the first of equals: ties go to the first department by path.
    return max(departments, key=lambda department: sizes.get(department.pk, 0))


def _scope(user: User | None, department: OrgUnit) -> tuple[QuerySet, QuerySet]:
    """(member units, Action Month activities) of the department within the user's reach."""
    units = OrgUnit.objects.filter(path__startswith=department.path, is_active=True).exclude(
        pk=department.pk
    )
    activities = Activity.objects.filter(
        unit__path__startswith=department.path, is_action_month=True
    )
    if user is not None:
        units = policy.restrict(units, user, policy.Action.VIEW_AGGREGATE, via="")
        activities = policy.restrict(activities, user, policy.Action.VIEW_AGGREGATE)
    return units, activities


def campaign_coverage(*, department: OrgUnit, year: int, user: User | None) -> Coverage:
    """Coverage of the department's Action Month in `year`, limited to the user's reach.

    Units counted are the department's active member units (not the department itself);
    activities and participants include the department's own activities (e.g. the
    sector-wide launch). `user=None` only from management commands.
    """
    campaign = campaign_for(department, year)
    units, activities = _scope(user, department)
    activities = activities.filter(year=year)
    result = Coverage(department=department, campaign=campaign)

    type_rows = {t.value: TypeRow(t.value, str(t.label)) for t in ActivityType}
    unit_type_rows = {t.value: UnitTypeRow(t.value, str(t.label)) for t in UnitType}
    grouped = (
        activities.order_by()
        .values("activity_type", "unit__unit_type")
        .annotate(n=Count("pk"), female=Coalesce(Sum(FEMALE), 0), male=Coalesce(Sum(MALE), 0))
    )
    for row in grouped:
        for target in (type_rows[row["activity_type"]], unit_type_rows[row["unit__unit_type"]]):
            target.activities += row["n"]
            target.female += row["female"]
            target.male += row["male"]
        result.activities += row["n"]
        result.female += row["female"]
        result.male += row["male"]

    has_activity = Exists(activities.filter(unit=OuterRef("pk")).order_by())
    for row in (
        units.order_by()
        .annotate(covered=has_activity)
        .values("unit_type", "covered")
        .annotate(n=Count("pk"))
    ):
        target = unit_type_rows[row["unit_type"]]
        target.units += row["n"]
        result.units_total += row["n"]
        if row["covered"]:
            target.covered += row["n"]
            result.units_covered += row["n"]
    result.units_without = list(units.exclude(has_activity).order_by("code"))
    result.by_type = list(type_rows.values())
    result.by_unit_type = [row for row in unit_type_rows.values() if row.units or row.activities]
    return result


def due_items(user: User, *, today: dt.date | None = None) -> list[DueItem]:
    """The start and end of the Action Month of the user's department, for the home page."""
    today = today or timezone.localdate()
    if not policy.can_anywhere(user, policy.Action.VIEW_AGGREGATE):
        return []
    departments = departments_for(user)
    if len(departments) > 3:  # a Ministry-wide reach: 34 campaigns are not "what is due"
        return []
    items = []
    for department in departments:
        campaign = campaign_for(department, today.year)
        url = reverse("activities:campaign") + "?" + urlencode({"department": department.code})
        if today <= campaign.start_date:
            title = _("Bắt đầu Tháng hành động năm %(y)s") % {"y": campaign.year}
            items.append(DueItem(title=title, due=campaign.start_date, url=url))
        elif today <= campaign.end_date:
            title = _("Kết thúc Tháng hành động năm %(y)s") % {"y": campaign.year}
            items.append(DueItem(title=title, due=campaign.end_date, url=url))
    return items
