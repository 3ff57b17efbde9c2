"""Figures the app already knows, for a batch of units and a period's data window.

One grouped query per source (staff figures, committee members, activities), so opening a
period for hundreds of units costs a handful of queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from binhdang.accounts.choices import Sex
from binhdang.accounts.models import CommitteeMember
from binhdang.activities.choices import ActivityType
from binhdang.activities.models import Activity

from .models import StaffFigures

Figures = dict[str, tuple[int | None, int | None]]  # source_key -> (total, female)
STAFF_KEYS = ("staff", "managers", "party", "succession", "appointments")


def _sum(field: str, condition: Q | None = None):
    return Coalesce(Sum(field, filter=condition), 0)


def prefill_units(
    unit_ids: Iterable[int], *, year: int, start: dt.date, end: dt.date
) -> dict[int, Figures]:
    ids = list(unit_ids)
    result: dict[int, Figures] = defaultdict(dict)
    for row in StaffFigures.objects.filter(unit_id__in=ids, year=year).values():
        for key in STAFF_KEYS:
            result[row["unit_id"]][key] = (row[f"{key}_total"], row[f"{key}_female"])
    members = (
        CommitteeMember.objects.filter(committee__unit_id__in=ids, start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=end))
        .values("committee__unit_id")
        .annotate(total=Count("pk"), female=Count("pk", filter=Q(sex=Sex.FEMALE)))
    )
    for row in members:
        result[row["committee__unit_id"]]["committee"] = (row["total"], row["female"])
    training = Q(activity_type=ActivityType.TRAINING)
    female = ("staff_female", "students_female", "others_female")
    male = ("staff_male", "students_male", "others_male")
    activities = (
        Activity.objects.filter(unit_id__in=ids, start_date__gte=start, start_date__lte=end)
        .values("unit_id")
        .annotate(
            n=Count("pk"),
            trainings=Count("pk", filter=training),
            action_month=Count("pk", filter=Q(is_action_month=True)),
            **{f"f_{name}": _sum(name) for name in female},
            **{f"m_{name}": _sum(name) for name in male},
            **{f"tf_{name}": _sum(name, training) for name in female},
            **{f"tm_{name}": _sum(name, training) for name in male},
        )
    )
    for row in activities:
        figures = result[row["unit_id"]]
        women = sum(row[f"f_{name}"] for name in female)
        men = sum(row[f"m_{name}"] for name in male)
        t_women = sum(row[f"tf_{name}"] for name in female)
        t_men = sum(row[f"tm_{name}"] for name in male)
        figures["activities"] = (row["n"], None)
        figures["participants"] = (women + men, women)
        figures["trainings"] = (row["trainings"], None)
        figures["trainees"] = (t_women + t_men, t_women)
        figures["action_month"] = (row["action_month"], None)
    # Units with no activity in the window report zero, not "unknown".
    for unit_id in ids:
        figures = result[unit_id]
        for key, value in (
            ("activities", (0, None)),
            ("participants", (0, 0)),
            ("trainings", (0, None)),
            ("trainees", (0, 0)),
            ("action_month", (0, None)),
            ("committee", (0, 0)),
        ):
            figures.setdefault(key, value)
    return dict(result)
