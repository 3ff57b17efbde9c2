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
- reports.submit_latency_p50 / _p95 / reports.submit_errors: 50 concurrent clients on
  loopback each submitting 20 reports back to back, no think time (POST
  /reports/<pk>/submit/, the head's approve-and-send) to gunicorn (4 workers x 4 threads)
  serving the same PostgreSQL database (goal p95 < 200 ms, no errors); with
  reports.submit_latency_serial_p50 (one client alone) and the throughput, since a closed
  loop of 50 clients on 2 cores measures queueing: latency ~ clients x service time / cores.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time

from django.db import connection

from bench.common import bench_database, national_tree, timeit

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

TOTALS_SQL = """
SELECT i.code, COALESCE(SUM(v.total), 0), COALESCE(SUM(v.female), 0)
FROM reports_reportvalue v
JOIN reports_unitreport r ON r.id = v.report_id
JOIN accounts_orgunit u ON u.id = r.unit_id
JOIN reports_indicator i ON i.id = v.indicator_id
WHERE r.period_id = ANY(%(periods)s) AND r.status = 'accepted' AND u.path LIKE %(path)s
GROUP BY i.code
"""
BY_TYPE_SQL = """
SELECT u.unit_type, i.code, COALESCE(SUM(v.total), 0), COALESCE(SUM(v.female), 0)
FROM reports_reportvalue v
JOIN reports_unitreport r ON r.id = v.report_id
JOIN accounts_orgunit u ON u.id = r.unit_id
JOIN reports_indicator i ON i.id = v.indicator_id
WHERE r.period_id = ANY(%(periods)s) AND r.status = 'accepted' AND u.path LIKE %(path)s
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
    from binhdang.reports.services import current_indicators

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
    def call():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return call


def _small_department(ministry_id: int, n_units: int = 100):
    """A department of `n_units` schools with staff figures, a period and accepted reports."""
    from binhdang.accounts.models import OrgUnit
    from binhdang.reports import services
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
    period = services.period_create(department=department, year=2026, kind="year_end")
    services.period_open(period=period, user=None)
    UnitReport.objects.filter(period=period).update(
        status="accepted", submitted_at=dt.datetime(2026, 11, 28, tzinfo=dt.UTC),
        results="Kết quả", recommendations="Đề nghị tập huấn.",
    )  # fmt: skip
    return period


CLIENTS = 50
PER_CLIENT = 20


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, timeout: float = 60) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def _submission_latency(report, department) -> None:
    """Open a period for the department, then 50 clients submit disjoint reports."""
    import http.client
    import subprocess
    import sys
    import threading
    from pathlib import Path

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.crypto import get_random_string

    from bench.common import percentile
    from binhdang.accounts.models import RoleGrant, User
    from binhdang.reports import services
    from binhdang.reports.models import UnitReport

    period = services.period_create(department=department, year=2027, kind="mid_year")
    services.period_open(period=period, user=None)
    UnitReport.objects.filter(period=period).update(results="Kết quả đạt được.")
    report_ids = list(
        UnitReport.objects.filter(period=period).order_by("pk").values_list("pk", flat=True)
    )
    clients = []
    for index in range(CLIENTS):
        user = User.objects.create(username=f"bench-head-{index}", email=f"h{index}@bench.test")
        RoleGrant.objects.create(user=user, unit=department, role="unit_head")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        mine = report_ids[(index + 1) * PER_CLIENT : (index + 2) * PER_CLIENT]
        clients.append((session.session_key, get_random_string(32), mine))
    # The first PER_CLIENT reports go to one client alone: the latency without contention.
    serial_client = (clients[0][0], clients[0][1], report_ids[:PER_CLIENT])
    db = settings.DATABASES["default"]
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions made here are signed with it
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    root = Path(__file__).resolve().parent.parent
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "4",
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=root,
        env=env,
    )
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def client(session_key: str, token: str, mine: list[int], wait: bool = True) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {
            "Cookie": f"sessionid={session_key}; csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": token,
            "Host": "127.0.0.1",
        }
        if wait:
            barrier.wait()
        for pk in mine:
            began = time.perf_counter()
            try:
                conn.request("POST", f"/reports/{pk}/submit/", body="version=1", headers=headers)
                response = conn.getresponse()
                response.read()
                location = response.getheader("Location") or ""
                # Success is the redirect back to the report, not one to the login page.
                ok = response.status == 302 and location.endswith(f"/reports/{pk}/")
                status = response.status if ok else -response.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 302:
                    errors.append(status)
        conn.close()

    try:
        _wait_for(port)
        # Warm every worker (imports, connections) before timing.
        for _ in range(16):
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            warm.request("GET", "/reports/notifications/unread/", headers={"Host": "127.0.0.1"})
            warm.getresponse().read()
            warm.close()
        client(*serial_client, wait=False)
        serial = sorted(latencies)
        latencies.clear()
        threads = [threading.Thread(target=client, args=c) for c in clients]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    submitted = UnitReport.objects.filter(period=period, status="submitted").count()
    report("reports.submit_latency_serial_p50", round(percentile(serial, 50), 1), "ms")
    report("reports.submit_throughput", round(len(latencies) / wall, 1), "req/s")
    report("reports.submit_latency_p50", round(percentile(latencies, 50), 1), "ms")
    report("reports.submit_latency_p95", round(percentile(latencies, 95), 1), "ms")
    report("reports.submit_errors", len(errors), "requests")
    report("reports.submitted", submitted, "reports")


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

        selector = timeit(lambda: aggregate.totals([period.pk], path=department.path), repeat=15)
        raw = timeit(
            _raw(TOTALS_SQL, {"periods": [period.pk], "path": department.path + "%"}), repeat=15
        )
        report(
            "reports.department_totals", round(selector, 2), "ms", ratio=round(selector / raw, 2)
        )

        selector = timeit(lambda: aggregate.totals(national, path=ministry.path), repeat=5)
        raw = timeit(_raw(TOTALS_SQL, {"periods": national, "path": ministry.path + "%"}), repeat=5)
        report("reports.national_totals", round(selector, 2), "ms", ratio=round(selector / raw, 2))

        selector = timeit(
            lambda: aggregate.totals_by([period.pk], "unit_type", path=department.path), repeat=15
        )
        raw = timeit(
            _raw(BY_TYPE_SQL, {"periods": [period.pk], "path": department.path + "%"}), repeat=15
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

        _submission_latency(report, department)
