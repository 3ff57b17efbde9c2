"""The activity log at national scale: 50,000 units, 20 activities per unit in one year
(1,000,000 rows, loaded with PostgreSQL COPY). About a fifth of the units have no activity
in November, so the coverage page has real units without activity to list.

Figures (ms, median), each with a ratio against hand-written SQL doing the same work, timed
in alternation with it (bench.common.timeit_pair) so a drifting shared machine skews neither:
- activities.list_first_page: the department secretariat's list, filtered by type, a date
  range and "Action Month only": the row count and the first page of 25, as the list view
  asks for them, through `selectors.activity_list` (policy-scoped);
- activities.campaign_coverage: the department's Action Month coverage (units covered per
  unit type, activities and participants per type and unit type, units without activity)
  through `coverage.campaign_coverage`;
- activities.list_page_http, activities.campaign_page_http: the same two pages as the
  secretariat gets them through Django's test Client (middleware, session, policy, form,
  template), ratio against the same raw SQL: what the whole page costs over the query.

Then one line per goal of issue 5 (value 1 met, 0 not met; the details on stderr):
- activities.goal.list_first_page: the first page of the filtered list within 2x of raw SQL
  (the selector's ratio) and the whole page under 300 ms;
- activities.goal.campaign_coverage: the coverage within 2x of raw SQL.

A smaller data set for a quick trial: BENCH_ACTIVITIES_UNITS=5000 python -m bench activities
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time

from django.core.paginator import Paginator
from django.db import connection

from bench.common import bench_database, national_tree, timeit_pair

N_UNITS = int(os.environ.get("BENCH_ACTIVITIES_UNITS", "50000"))
N_DEPARTMENTS = 34
YEAR = 2026
PER_UNIT = 20
# Units with no activity at all in November (the Action Month): one in five.
NO_ACTION_MONTH_EVERY = 5
GOAL_RATIO = 2.0
GOAL_LIST_PAGE_MS = 300.0
TYPES = [
    "communication",
    "launch",
    "conference",
    "seminar",
    "talk",
    "exhibition",
    "arts",
    "sports",
    "contest",
    "experiential",
    "teaching",
    "victim_support",
    "training",
    "exchange",
    "other",
]
COUNTED = set(TYPES) - {"training", "exchange"}
COLUMNS = (
    "unit_id",
    "title",
    "activity_type",
    "start_date",
    "end_date",
    "year",
    "place",
    "audiences",
    "staff_female",
    "staff_male",
    "students_female",
    "students_male",
    "others_female",
    "others_male",
    "partners",
    "description",
    "is_action_month",
    "is_demo",
    "search_text",
    "version",
    "created_at",
    "updated_at",
)


def _silent_in_november(unit_id: int) -> bool:
    # Units are dealt to the departments in turn and 34 is prime to 5, so each department
    # gets its fifth of these.
    return unit_id % NO_ACTION_MONTH_EVERY == 0


def _rows(unit_ids: list[int]):
    rng = random.Random(5)
    november = dt.date(YEAR, 11, 1)
    jan_first = dt.date(YEAR, 1, 1)
    outside_november = [
        jan_first + dt.timedelta(days=n)
        for n in range(365)
        if (jan_first + dt.timedelta(days=n)).month != 11
    ]
    now = dt.datetime(YEAR, 11, 30, 12, tzinfo=dt.UTC)
    for unit_id in unit_ids:
        silent = _silent_in_november(unit_id)
        for index in range(PER_UNIT):
            if silent:
                start = outside_november[rng.randrange(len(outside_november))]
            # A quarter of a unit's activities fall in November, the Action Month.
            elif index % 4 == 0:
                start = november + dt.timedelta(days=rng.randrange(30))
            else:
                start = jan_first + dt.timedelta(days=rng.randrange(365))
            kind = TYPES[rng.randrange(len(TYPES))]
            if index == 0 and not silent:
                kind = "launch"  # every unit that takes part launches the Month
            staff, students = rng.randrange(10, 90), rng.randrange(0, 900)
            staff_f, students_f = staff * 7 // 10, students // 2
            title = f"Hoạt động {kind} số {index + 1}"
            yield (
                unit_id,
                title,
                kind,
                start,
                start,
                YEAR,
                "Hội trường",
                '["staff", "students"]',
                staff_f,
                staff - staff_f,
                students_f,
                students - students_f,
                0,
                0,
                "",
                "",
                start.month == 11 and kind in COUNTED,
                True,
                f"hoat dong {kind} so {index + 1} hoi truong",
                1,
                now,
                now,
            )


def _load(unit_ids: list[int]) -> int:
    sql = f"COPY activities_activity ({', '.join(COLUMNS)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in _rows(unit_ids):
            copy.write_row(row)
            count += 1
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE activities_activity")
    return count


LIST_COUNT_SQL = """
SELECT count(*) FROM activities_activity a
JOIN accounts_orgunit u ON u.id = a.unit_id
WHERE u.path LIKE %(path)s AND a.activity_type = %(type)s
  AND a.end_date >= %(start)s AND a.start_date <= %(end)s AND a.is_action_month
"""
LIST_PAGE_SQL = """
SELECT a.*, u.*,
  COALESCE((SELECT count(*) FROM activities_evidence e WHERE e.activity_id = a.id), 0)
FROM activities_activity a
JOIN accounts_orgunit u ON u.id = a.unit_id
WHERE u.path LIKE %(path)s AND a.activity_type = %(type)s
  AND a.end_date >= %(start)s AND a.start_date <= %(end)s AND a.is_action_month
ORDER BY a.start_date DESC, a.id DESC
LIMIT 25
"""
COVERAGE_SQL = [
    """
    SELECT a.activity_type, u.unit_type, count(*),
      sum(a.staff_female + a.students_female + a.others_female),
      sum(a.staff_male + a.students_male + a.others_male)
    FROM activities_activity a JOIN accounts_orgunit u ON u.id = a.unit_id
    WHERE u.path LIKE %(path)s AND a.is_action_month AND a.year = %(year)s
    GROUP BY 1, 2
    """,
    """
    SELECT u.unit_type, EXISTS (
        SELECT 1 FROM activities_activity a
        WHERE a.unit_id = u.id AND a.is_action_month AND a.year = %(year)s) AS covered,
      count(*)
    FROM accounts_orgunit u
    WHERE u.path LIKE %(path)s AND u.is_active AND u.id <> %(department)s
    GROUP BY 1, 2
    """,
    """
    SELECT u.* FROM accounts_orgunit u
    WHERE u.path LIKE %(path)s AND u.is_active AND u.id <> %(department)s
      AND NOT EXISTS (
        SELECT 1 FROM activities_activity a
        WHERE a.unit_id = u.id AND a.is_action_month AND a.year = %(year)s)
    ORDER BY u.code
    """,
]


def _raw(statements: list[str], params: dict):
    def call() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, params)
                cursor.fetchall()

    return call


def _goal(report, name: str, met: bool, detail: str) -> None:
    report(f"activities.goal.{name}", 1 if met else 0, "met" if met else "not_met")
    print(f"# goal {name}: {detail}: {'met' if met else 'NOT met'}", file=sys.stderr, flush=True)


def run(report) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("bench_activities needs PostgreSQL (COPY); set DATABASE_URL")
    from django.test import Client
    from django.urls import reverse
    from django.utils.http import urlencode

    from binhdang.accounts import services as account_services
    from binhdang.accounts.choices import Role
    from binhdang.accounts.models import OrgUnit, User
    from binhdang.activities import selectors
    from binhdang.activities.coverage import campaign_coverage

    with bench_database():
        tree = national_tree(n_departments=N_DEPARTMENTS, n_units=N_UNITS)
        started = time.perf_counter()
        rows = _load([*tree.departments, *tree.units])
        report("activities.generate", time.perf_counter() - started, "s")
        report("activities.rows", rows, "rows")

        department = OrgUnit.objects.get(pk=tree.departments[0])
        # national_tree deals the units to the departments in turn: the first gets every
        # N_DEPARTMENTS-th one, starting with the first.
        members = tree.units[::N_DEPARTMENTS]
        user = User.objects.create(username="bench.secretariat")
        account_services.role_grant(user=user, unit=department, role=Role.SECRETARIAT)
        filters = selectors.ActivityFilters(
            activity_type="talk",
            date_from=dt.date(YEAR, 11, 1),
            date_to=dt.date(YEAR, 11, 30),
            action_month=True,
        )

        def first_page() -> int:
            page = Paginator(selectors.activity_list(user, filters), 25).page(1)
            list(page)
            return page.paginator.count

        list_params = {
            "path": department.path + "%",
            "type": "talk",
            "start": dt.date(YEAR, 11, 1),
            "end": dt.date(YEAR, 11, 30),
        }
        raw_list = _raw([LIST_COUNT_SQL, LIST_PAGE_SQL], list_params)
        assert first_page() > 0, "the filtered list is empty: nothing to measure"
        orm_list, raw_list_ms = timeit_pair(first_page, raw_list, repeat=15)
        report("activities.list_first_page.sql", raw_list_ms, "ms")
        report("activities.list_first_page", orm_list, "ms", ratio=orm_list / raw_list_ms)

        def coverage():
            return campaign_coverage(department=department, year=YEAR, user=user)

        # The data set is what the figures claim: every member unit counted, about a fifth
        # of them without an Action Month activity.
        result = coverage()
        assert result.units_total == len(members), (result.units_total, len(members))
        silent = sum(1 for pk in members if _silent_in_november(pk))
        assert len(result.units_without) == silent, (len(result.units_without), silent)
        report("activities.units_without_activity", len(result.units_without), "units")

        coverage_params = {"path": department.path + "%", "year": YEAR, "department": department.pk}
        raw_coverage = _raw(COVERAGE_SQL, coverage_params)
        orm_coverage, raw_coverage_ms = timeit_pair(coverage, raw_coverage, repeat=10)
        report("activities.campaign_coverage.sql", raw_coverage_ms, "ms")
        report(
            "activities.campaign_coverage",
            orm_coverage,
            "ms",
            ratio=orm_coverage / raw_coverage_ms,
        )

        # The whole pages, as the secretariat's browser gets them.
        client = Client()
        client.force_login(user)
        list_url = (
            reverse("activities:list")
            + "?"
            + urlencode(
                {
                    "activity_type": "talk",
                    "date_from": f"01/11/{YEAR}",
                    "date_to": f"30/11/{YEAR}",
                    "action_month": "on",
                }
            )
        )
        campaign_url = reverse("activities:campaign") + "?" + urlencode({"year": YEAR})

        def get(url: str):
            def call() -> None:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            return call

        list_page, raw_again = timeit_pair(get(list_url), raw_list, repeat=15)
        report("activities.list_page_http", list_page, "ms", ratio=list_page / raw_again)
        campaign_page, raw_again = timeit_pair(get(campaign_url), raw_coverage, repeat=10)
        report(
            "activities.campaign_page_http", campaign_page, "ms", ratio=campaign_page / raw_again
        )

        list_ratio = orm_list / raw_list_ms
        _goal(
            report,
            "list_first_page",
            list_ratio <= GOAL_RATIO and list_page < GOAL_LIST_PAGE_MS,
            f"first filtered page {list_ratio:.2f}x raw SQL (<= {GOAL_RATIO:g}x), whole page "
            f"{list_page:.0f} ms (< {GOAL_LIST_PAGE_MS:g} ms)",
        )
        coverage_ratio = orm_coverage / raw_coverage_ms
        _goal(
            report,
            "campaign_coverage",
            coverage_ratio <= GOAL_RATIO,
            f"coverage {coverage_ratio:.2f}x raw SQL (<= {GOAL_RATIO:g}x); whole page "
            f"{campaign_page:.0f} ms",
        )
