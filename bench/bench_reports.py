"""Periodic reports at national scale: 34 departments, 50,000 units, a mid-year and a
year-end period a year for three years (300,000 unit reports, ~6 million figures, loaded
with PostgreSQL COPY).

Figures (ms, median), each aggregate with a ratio against hand-written SQL doing the same
work in the same run:
- reports.department_totals: one department's indicator totals for a period, from accepted
  reports, through `reports.aggregate.totals`;
- reports.national_totals: the nation's totals over the 34 departments' year-end periods;
- reports.department_by_unit_type: the department's totals by unit type;
- reports.status_board: the secretariat's status board of a department (~1,470 units, rows
  and rates) through `reports.selectors.board` (policy-scoped);
- reports.department_report_100_units: the consolidated DOCX (tables, two charts) for a
  department of 100 units (goal < 5 s);
- submission latency (POST /reports/<pk>/submit/, the head's approve-and-send, goal p95 <
  200 ms with no errors) from clients on loopback to gunicorn serving the same PostgreSQL
  database, through `bench/http_load.py`, each request checked (a redirect back to the
  report, not to the login page, not a 409/422 page):
  - reports.submit_latency_serial_p50: one client alone, 20 submissions: the service time;
  - reports.submit_paced_*: the realistic case. 50 heads, each submitting 15 reports one
    every ~2 s (think time uniform 1-3 s, start spread over the first 2 s): about 25
    submissions a second offered, far more than a department ever sees (~1,470 units
    submitting over days). Open loop: a request due while the client's previous one still
    runs is sent when that one ends, its latency counted from when it was due. Gunicorn
    closes keep-alive connections idle for 2 s; a browser resends on a new connection, so
    does the client (counted in _reconnects, not as errors, the time counted in latency);
  - reports.submit_closed_*: the worst case. 50 clients each submitting 20 reports back to
    back, no think time, all starting at once. This measures queueing, not service: with N
    clients always waiting, latency ~ N / throughput, and throughput is capped by the two
    cores at ~2,000 / (CPU ms per request). A p95 under 200 ms here would need about 250
    submissions a second, i.e. under ~8 ms of CPU per request for Django and PostgreSQL
    together.
  Each loop also reports its throughput and where the CPU went per request (_cpu_server:
  gunicorn; _cpu_database: the PostgreSQL backends of this database; _cpu_clients: the
  client threads in this process; _cpu_other: anything else on the machine — a large value
  means another job shared the cores and the latencies are pessimistic).

Gunicorn runs 3 sync workers (BENCH_GUNICORN="<workers>x<threads>" to try another shape;
threads > 1 means gthread workers). The submission is CPU-bound in Python (about 15-20 ms of
CPU a request, ~5 ms more in PostgreSQL, which shares the two cores): gthread workers add
GIL hand-offs and the keep-alive poller without adding compute, and more processes than
cores only add context switches. Measured on this 2-core machine (closed loop, 1,000
submissions): 4 gthread workers x 4 threads ~45-53 req/s, p95 1.3-1.9 s; 3 x 4 and 2 x 4
about the same; 2-4 sync workers 66-110 req/s, p95 0.5-0.85 s; 6 sync workers ~58 req/s.
Three sync workers keep both cores busy while one worker waits on PostgreSQL. Sync workers
do not keep connections alive and a slow client holds a worker, so in production they sit
behind a buffering reverse proxy (nginx), the usual gunicorn deployment.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time

from django.db import connection

from bench.common import bench_database, national_tree, percentile, timeit, timeit_pair

# A smaller tree for a quick trial: BENCH_REPORTS_UNITS=5000 python -m bench reports
N_UNITS = int(os.environ.get("BENCH_REPORTS_UNITS", "50000"))
YEARS = (2024, 2025, 2026)
KINDS = (("mid_year", 5, 28), ("year_end", 12, 1))
REPORT_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "period_id",
    "unit_id",
    "status",
    "results",
    "limitations",
    "difficulties",
    "recommendations",
    "submitted_at",
    "approved_at",
    "accepted_at",
    "is_late",
    "is_demo",
)
VALUE_COLUMNS = (
    "report_id",
    "indicator_id",
    "total",
    "female",
    "prefilled_total",
    "prefilled_female",
    "override_reason",
)

# The baselines are the statements the ORM sends, written by hand: the ratio is then the
# ORM's own cost. The periods go in as an IN list of literals, as Django sends them: with
# `= ANY(array)` PostgreSQL weighs the two plans of the national query as nearly equal
# (94,610 against 94,499) and may take the parallel scan of all 6 million values, about
# twice as slow (EXPLAIN ANALYZE: 1.54 s against 0.81 s), which made the ORM look faster
# than its own SQL (ratio 0.4).
TOTALS_SQL = """
SELECT i.code, COALESCE(SUM(v.total), 0), COALESCE(SUM(v.female), 0)
FROM reports_reportvalue v
JOIN reports_unitreport r ON r.id = v.report_id
JOIN accounts_orgunit u ON u.id = r.unit_id
JOIN reports_indicator i ON i.id = v.indicator_id
WHERE r.period_id IN ({periods}) AND r.status = 'accepted' AND u.path::text LIKE %(path)s
GROUP BY i.code
"""
BY_TYPE_SQL = """
SELECT u.unit_type, i.code, COALESCE(SUM(v.total), 0), COALESCE(SUM(v.female), 0)
FROM reports_reportvalue v
JOIN reports_unitreport r ON r.id = v.report_id
JOIN accounts_orgunit u ON u.id = r.unit_id
JOIN reports_indicator i ON i.id = v.indicator_id
WHERE r.period_id IN ({periods}) AND r.status = 'accepted' AND u.path::text LIKE %(path)s
GROUP BY u.unit_type, i.code
"""


def _periods(departments: list[int]) -> dict[tuple[int, int, str], int]:
    from binhdang.reports.models import ReportPeriod

    rows = []
    for department in departments:
        for year in YEARS:
            for kind, month, day in KINDS:
                due = dt.date(year, month, day)
                rows.append(
                    ReportPeriod(
                        department_id=department,
                        year=year,
                        kind=kind,
                        due_date=due,
                        window_start=dt.date(year, 1, 1),
                        window_end=due,
                        status="closed",
                        is_demo=True,
                    )
                )
    created = ReportPeriod.objects.bulk_create(rows)
    return {(p.department_id, p.year, p.kind): p.pk for p in created}


def _load(tree, periods: dict) -> tuple[int, int]:
    from binhdang.accounts.models import OrgUnit
    from binhdang.reports.periods import current_indicators

    indicators = current_indicators(2026)
    rng = random.Random(6)
    department_of = dict(OrgUnit.objects.filter(pk__in=tree.units).values_list("pk", "parent_id"))
    now = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
    report_id = 0
    n_values = 0
    with connection.cursor() as cursor:
        reports_sql = f"COPY reports_unitreport ({', '.join(REPORT_COLUMNS)}) FROM STDIN"
        plan: list[tuple[int, str]] = []
        with cursor.cursor.copy(reports_sql) as copy:
            for (department, year, kind), period_id in periods.items():
                due = dt.datetime(year, 5 if kind == "mid_year" else 12, 1, tzinfo=dt.UTC)
                for unit in tree.units:
                    if department_of[unit] != department:
                        continue
                    report_id += 1
                    draw = rng.random()
                    status = "accepted" if draw < 0.8 else "submitted" if draw < 0.9 else "draft"
                    submitted = None if status == "draft" else due
                    copy.write_row(
                        (
                            report_id, now, now, 1, period_id, unit, status,
                            "Kết quả", "", "", "", submitted, submitted,
                            submitted if status == "accepted" else None,
                            status != "draft" and rng.random() < 0.15, True,
                        )
                    )  # fmt: skip
                    plan.append((report_id, status))
        values_sql = f"COPY reports_reportvalue ({', '.join(VALUE_COLUMNS)}) FROM STDIN"
        with cursor.cursor.copy(values_sql) as copy:
            for rid, _status in plan:
                staff = 40 + rid % 120
                for indicator in indicators:
                    total = staff if indicator.code == "STAFF" else (rid + indicator.pk) % 30
                    female = total * 2 // 3 if indicator.has_female else None
                    copy.write_row((rid, indicator.pk, total, female, total, female, ""))
                    n_values += 1
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('reports_unitreport', 'id'), %s)", [report_id]
        )
        cursor.execute("ANALYZE reports_unitreport; ANALYZE reports_reportvalue")
    return report_id, n_values


def _raw(sql: str, params: dict):
    params = dict(params)
    statement = sql.format(periods=", ".join(str(int(pk)) for pk in params.pop("periods")))

    def call():
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    return call


def _small_department(ministry_id: int, n_units: int = 100):
    """A department of `n_units` schools with staff figures, a period and accepted reports."""
    from binhdang.accounts.models import OrgUnit
    from binhdang.reports import periods
    from binhdang.reports.models import StaffFigures, UnitReport

    department = OrgUnit.objects.create(
        parent_id=ministry_id, code="BENCH-SO", name="Sở GDĐT (bench)", unit_type="department"
    )
    types = ["upper_secondary", "upper_secondary", "continuing_education", "affiliated"]
    for i in range(n_units):
        unit = OrgUnit.objects.create(
            parent=department,
            code=f"BENCH-{i}",
            name=f"Trường bench số {i + 1}",
            unit_type=types[i % len(types)],
            district=f"Quận {i % 7 + 1}",
        )
        StaffFigures.objects.create(
            unit=unit,
            year=2026,
            staff_total=60 + i,
            staff_female=40 + i // 2,
            managers_total=4,
            managers_female=i % 3,
        )
    period = periods.period_create(department=department, year=2026, kind="year_end")
    periods.period_open(period=period, user=None)
    UnitReport.objects.filter(period=period).update(
        status="accepted", submitted_at=dt.datetime(2026, 11, 28, tzinfo=dt.UTC),
        results="Kết quả", recommendations="Đề nghị tập huấn.",
    )  # fmt: skip
    return period


CLIENTS = 50
PER_CLIENT = 20  # closed loop: submissions per client, back to back
PACED_PER_CLIENT = 15  # paced loop: submissions per client, one every ~PACED_INTERVAL s
PACED_INTERVAL = 2.0
SECRETARIES = 2  # notified of every submission
# gunicorn's shape, "<workers>x<threads>" (threads 1 = sync workers); see the docstring.
GUNICORN = os.environ.get("BENCH_GUNICORN", "3x1")


def _submission_setup(departments, needed: int):
    """Open a mid-year and a year-end period of 2027 in as many departments as it takes to
    have `needed` draft reports with their results written; 50 unit heads with a session
    each, and the departments' secretaries (notified of each submission)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.crypto import get_random_string

    from binhdang.accounts.models import RoleGrant, User
    from binhdang.reports import periods
    from binhdang.reports.models import UnitReport

    report_ids: list[int] = []
    used = []
    for department in departments:
        for kind in ("mid_year", "year_end"):
            period = periods.period_create(department=department, year=2027, kind=kind)
            periods.period_open(period=period, user=None)
            reports = UnitReport.objects.filter(period=period)
            reports.update(results="Kết quả đạt được.")
            report_ids += reports.order_by("pk").values_list("pk", flat=True)
        used.append(department)
        for index in range(SECRETARIES):
            user = User.objects.create(
                username=f"bench-sec-{department.pk}-{index}", email=f"s{index}@bench.test"
            )
            RoleGrant.objects.create(user=user, unit=department, role="secretariat")
        if len(report_ids) >= needed:
            break
    if len(report_ids) < needed:
        raise RuntimeError(f"only {len(report_ids)} reports for {needed} submissions")
    sessions = []
    for index in range(CLIENTS):
        user = User.objects.create(username=f"bench-head-{index}", email=f"h{index}@bench.test")
        for department in used:
            RoleGrant.objects.create(user=user, unit=department, role="unit_head")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append((session.session_key, get_random_string(32)))
    return report_ids, sessions


def _send_submit(conn, item) -> bool:
    """POST /reports/<pk>/submit/ as the head; success is the redirect back to the report
    (not one to the login page, not a 409/422 page)."""
    (session_key, token), pk = item
    conn.request(
        "POST",
        f"/reports/{pk}/submit/",
        body="version=1",
        headers={
            "Cookie": f"sessionid={session_key}; csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": token,
            "Host": "127.0.0.1",
        },
    )
    response = conn.getresponse()
    response.read()
    location = response.getheader("Location") or ""
    return response.status == 302 and location.endswith(f"/reports/{pk}/")


def _submission_latency(report, departments) -> None:
    """Serial, closed-loop and paced submissions against gunicorn (see the docstring)."""
    from django.conf import settings

    from bench import http_load
    from binhdang.reports.models import UnitReport

    needed = PER_CLIENT * (CLIENTS + 1) + PACED_PER_CLIENT * CLIENTS
    report_ids, sessions = _submission_setup(departments, needed)
    serial = [[(sessions[0], pk) for pk in report_ids[:PER_CLIENT]]]
    rest = iter(report_ids[PER_CLIENT:])
    closed = [[(s, next(rest)) for _ in range(PER_CLIENT)] for s in sessions]
    paced = [[(s, next(rest)) for _ in range(PACED_PER_CLIENT)] for s in sessions]
    db = settings.DATABASES["default"]
    env = {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions made here are signed with it
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    workers, threads = (int(n) for n in GUNICORN.split("x"))
    with http_load.gunicorn(
        workers=workers,
        threads=threads,
        env=env,
        database=db["NAME"],
        warm_path="/reports/notifications/unread/",
    ) as server:
        one = http_load.closed_loop(server, serial, _send_submit)
        burst = http_load.closed_loop(server, closed, _send_submit)
        steady = http_load.paced_loop(server, paced, _send_submit, interval=PACED_INTERVAL)
    report("reports.submit_latency_serial_p50", round(percentile(one.latencies, 50), 1), "ms")
    report("reports.submit_serial_errors", one.errors, "requests")
    http_load.report_result(report, "reports.submit_closed", burst)
    http_load.report_result(report, "reports.submit_paced", steady)
    report("reports.submit_paced_late_starts", steady.late_starts, "requests")
    done = UnitReport.objects.filter(pk__in=report_ids[:needed], status="submitted").count()
    report("reports.submitted", done, "reports")


def run(report) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("bench_reports needs PostgreSQL (COPY); set DATABASE_URL")
    from binhdang.accounts.models import OrgUnit, RoleGrant, User
    from binhdang.reports import aggregate, selectors
    from binhdang.reports.documents import department_report
    from binhdang.reports.models import ReportPeriod

    with bench_database():
        start = time.perf_counter()
        tree = national_tree(n_units=N_UNITS)
        periods = _periods(tree.departments)
        n_reports, n_values = _load(tree, periods)
        report("reports.load", round(time.perf_counter() - start, 1), "s")
        report("reports.rows_reports", n_reports, "rows")
        report("reports.rows_values", n_values, "rows")
        department = OrgUnit.objects.get(pk=tree.departments[0])
        ministry = OrgUnit.objects.get(pk=tree.ministry)
        period = ReportPeriod.objects.get(department=department, year=2026, kind="year_end")
        national = list(
            ReportPeriod.objects.filter(year=2026, kind="year_end").values_list("pk", flat=True)
        )

        selector, raw = timeit_pair(
            lambda: aggregate.totals([period.pk], path=department.path),
            _raw(TOTALS_SQL, {"periods": [period.pk], "path": department.path + "%"}),
            repeat=15,
        )
        report(
            "reports.department_totals", round(selector, 2), "ms", ratio=round(selector / raw, 2)
        )

        selector, raw = timeit_pair(
            lambda: aggregate.totals(national, path=ministry.path),
            _raw(TOTALS_SQL, {"periods": national, "path": ministry.path + "%"}),
            repeat=7,
        )
        report("reports.national_totals", round(selector, 2), "ms", ratio=round(selector / raw, 2))

        selector, raw = timeit_pair(
            lambda: aggregate.totals_by([period.pk], "unit_type", path=department.path),
            _raw(BY_TYPE_SQL, {"periods": [period.pk], "path": department.path + "%"}),
            repeat=15,
        )
        report(
            "reports.department_by_unit_type",
            round(selector, 2),
            "ms",
            ratio=round(selector / raw, 2),
        )

        secretariat = User.objects.create(username="bench-secretariat")
        RoleGrant.objects.create(user=secretariat, unit=department, role="secretariat")
        board = timeit(lambda: selectors.board(period, secretariat), repeat=10)
        report("reports.status_board", round(board, 2), "ms")

        small = _small_department(tree.ministry)
        elapsed = timeit(lambda: department_report(small), repeat=3, warmup=1)
        report("reports.department_report_100_units", round(elapsed, 1), "ms")

        departments = OrgUnit.objects.filter(pk__in=tree.departments).order_by("pk")
        _submission_latency(report, list(departments))
