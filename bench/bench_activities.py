"""The activity log at national scale: 50,000 units, 20 activities per unit in one year
(1,000,000 rows, loaded with PostgreSQL COPY).

Figures (ms, median), each with a ratio against hand-written SQL doing the same work in the
same run:
- activities.list_first_page: the department secretariat's list, filtered by type, a date
  range and "Action Month only": the row count and the first page of 25, as the list view
  asks for them, through `selectors.activity_list` (policy-scoped);
- activities.campaign_coverage: the department's Action Month coverage (units covered per
  unit type, activities and participants per type and unit type, units without activity)
  through `coverage.campaign_coverage`.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.core.paginator import Paginator
from django.db import connection

from bench.common import bench_database, national_tree, timeit

YEAR = 2026
PER_UNIT = 20
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


def _rows(unit_ids: list[int]):
    rng = random.Random(5)
    november = dt.date(YEAR, 11, 1)
    jan_first = dt.date(YEAR, 1, 1)
    now = dt.datetime(YEAR, 11, 30, 12, tzinfo=dt.UTC)
    for unit_id in unit_ids:
        for index in range(PER_UNIT):
            # A quarter of a unit's activities fall in November, the Action Month.
            if index % 4 == 0:
                start = november + dt.timedelta(days=rng.randrange(30))
            else:
                start = jan_first + dt.timedelta(days=rng.randrange(365))
            kind = TYPES[rng.randrange(len(TYPES))]
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


def run(report) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("bench_activities needs PostgreSQL (COPY); set DATABASE_URL")
    from binhdang.accounts import services as account_services
    from binhdang.accounts.choices import Role
    from binhdang.accounts.models import OrgUnit, User
    from binhdang.activities import selectors
    from binhdang.activities.coverage import campaign_coverage

    with bench_database():
        tree = national_tree()
        started = time.perf_counter()
        rows = _load([*tree.departments, *tree.units])
        report("activities.generate", time.perf_counter() - started, "s")
        report("activities.rows", rows, "rows")

        department = OrgUnit.objects.get(pk=tree.departments[0])
        user = User.objects.create(username="bench.secretariat")
        account_services.role_grant(user=user, unit=department, role=Role.SECRETARIAT)
        filters = selectors.ActivityFilters(
            activity_type="talk",
            date_from=dt.date(YEAR, 11, 1),
            date_to=dt.date(YEAR, 11, 30),
            action_month=True,
        )

        def first_page() -> None:
            page = Paginator(selectors.activity_list(user, filters), 25).page(1)
            assert page.paginator.count > 25
            list(page)

        params = {
            "path": department.path + "%",
            "type": "talk",
            "start": dt.date(YEAR, 11, 1),
            "end": dt.date(YEAR, 11, 30),
        }
        raw_list = timeit(_raw([LIST_COUNT_SQL, LIST_PAGE_SQL], params), repeat=15)
        orm_list = timeit(first_page, repeat=15)
        report("activities.list_first_page.sql", raw_list, "ms")
        report("activities.list_first_page", orm_list, "ms", ratio=orm_list / raw_list)

        def coverage() -> None:
            result = campaign_coverage(department=department, year=YEAR, user=user)
            assert result.units_total > 1000

        params = {"path": department.path + "%", "year": YEAR, "department": department.pk}
        raw_coverage = timeit(_raw(COVERAGE_SQL, params), repeat=10)
        orm_coverage = timeit(coverage, repeat=10)
        report("activities.campaign_coverage.sql", raw_coverage, "ms")
        report(
            "activities.campaign_coverage", orm_coverage, "ms", ratio=orm_coverage / raw_coverage
        )
