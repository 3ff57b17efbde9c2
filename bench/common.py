"""Shared helpers for the benchmark modules.

    from bench.common import bench_database, national_tree, timeit

    def run(report):
        with bench_database():
            tree = national_tree()
            plain = timeit(lambda: list(OrgUnit.objects.filter(...)), repeat=20)
            report("tree.plain", plain, "ms")

`python -m bench` calls `setup_django()` before importing any module, so a benchmark module
may import models at the top. Scale benchmarks run on PostgreSQL: `make bench` points
`DATABASE_URL` at `postgres://postgres@127.0.0.1:5432/binhdang_bench`, and `bench_database()`
creates a fresh database beside it for the run (never touching the named one).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/binhdang_bench"


def setup_django() -> None:
    """Configure Django from config.settings (idempotent)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


_database_depth = 0


@contextmanager
def bench_database(verbosity: int = 0) -> Iterator[str]:
    """A fresh, migrated database for the duration of the block, dropped afterwards.

    Uses Django's test-database machinery: on PostgreSQL the database is
    `test_<NAME>_<pid>` beside the one DATABASE_URL names, so two benchmark runs at the same
    time never clobber each other; on SQLite it is in memory. Nested use reuses the outer
    database. Yields the database's name. Also sets up Django's test environment (the test
    Client's host, DEBUG off, in-memory e-mail) for the block.
    """
    global _database_depth
    setup_django()
    from django.db import connections
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
        teardown_test_environment,
    )

    connection = connections["default"]
    if _database_depth:
        _database_depth += 1
        try:
            yield connection.settings_dict["NAME"]
        finally:
            _database_depth -= 1
        return

    if connection.vendor == "postgresql":
        test_settings = connection.settings_dict.setdefault("TEST", {})
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_{os.getpid()}"
    original_name = connection.settings_dict["NAME"]
    setup_test_environment(debug=False)
    try:
        old_config = setup_databases(
            verbosity=verbosity, interactive=False, aliases={"default"}, serialized_aliases=set()
        )
    except BaseException:
        # A failed migration leaves the new database behind: drop it, but only if the
        # connection really points at the test database (never at the one named).
        created = connection.settings_dict["NAME"]
        if connection.vendor != "sqlite" and created != original_name:
            try:
                connection.creation.destroy_test_db(original_name, verbosity)
            except Exception as exc:
                print(f"# could not drop {created}: {exc}", file=sys.stderr)
        teardown_test_environment()
        raise
    _database_depth = 1
    try:
        yield connection.settings_dict["NAME"]
    finally:
        _database_depth = 0
        try:
            teardown_databases(old_config, verbosity=verbosity)
        finally:
            teardown_test_environment()


def samples(fn: Callable[[], Any], repeat: int = 20, warmup: int = 2) -> list[float]:
    """Wall-clock duration of each of `repeat` calls, in milliseconds (after `warmup` calls)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    for _ in range(warmup):
        fn()
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def timeit_pair(
    fn: Callable[[], Any], baseline: Callable[[], Any], repeat: int = 20, warmup: int = 2
) -> tuple[float, float]:
    """Median durations (ms) of `fn` and of its `baseline`, called in turn: on a shared
    machine whose speed drifts over seconds, alternating keeps the ratio fair where two
    consecutive runs would each see a different machine."""
    for _ in range(warmup):
        fn()
        baseline()
    first: list[float] = []
    second: list[float] = []
    for index in range(repeat):
        order = ((fn, first), (baseline, second))
        for call, durations in order if index % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            call()
            durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(first), statistics.median(second)


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timeit(fn: Callable[[], Any], repeat: int = 20, warmup: int = 2) -> float:
    """Median wall-clock duration of `fn()` in milliseconds."""
    return statistics.median(samples(fn, repeat=repeat, warmup=warmup))


def peak_memory(fn: Callable[[], Any]) -> float:
    """Peak Python memory allocated while `fn()` runs, in MB (tracemalloc; C allocations
    outside Python's allocator, e.g. inside a database driver, are not counted)."""
    gc.collect()
    already_tracing = tracemalloc.is_tracing()
    if not already_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline, _peak = tracemalloc.get_traced_memory()
        fn()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        if not already_tracing:
            tracemalloc.stop()
    return max(peak - baseline, 0) / (1024 * 1024)


@dataclass(frozen=True)
class NationalTree:
    """Primary keys of the tree `national_tree()` built."""

    ministry: int
    departments: list[int]
    units: list[int] = field(repr=False)  # the schools and units under the departments

    @property
    def all_ids(self) -> list[int]:
        return [self.ministry, *self.departments, *self.units]


_UNIT_KINDS = [
    ("upper_secondary", "Trường THPT"),
    ("upper_secondary", "Trường THPT"),
    ("upper_secondary", "Trường THPT"),
    ("continuing_education", "Trung tâm GDNN-GDTX"),
    ("specialised", "Trường chuyên biệt"),
    ("affiliated", "Đơn vị trực thuộc"),
]
_PLACES = [
    "Hồng Bàng",
    "Ngô Quyền",
    "Lê Chân",
    "Hải An",
    "Kiến An",
    "Đồ Sơn",
    "Dương Kinh",
    "Thủy Nguyên",
    "An Dương",
    "An Lão",
    "Kiến Thụy",
    "Tiên Lãng",
    "Vĩnh Bảo",
    "Cát Hải",
]


def national_tree(
    n_departments: int = 34, n_units: int = 50_000, batch_size: int = 5_000
) -> NationalTree:
    """Bulk-create a national tree: one Ministry, `n_departments` Departments of Education
    and Training, and schools/units spread evenly under them, `n_units` rows in all.

    Primary keys are allocated up front so that each row is inserted once with the
    materialised path `OrgUnit.save` would have given it ("/<ministry>/<department>/<pk>/",
    depth = number of ancestors) and its folded `search_text`; the id sequence is moved past
    them afterwards. Rows are marked demo and get no history records (bulk_create bypasses
    save()). Codes start with "NT-" so they never collide with the demo data.
    """
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    from binhdang.accounts.models import PATH_SEPARATOR, OrgUnit
    from binhdang.core.text import fold

    n_leaves = n_units - 1 - n_departments
    if n_departments < 1 or n_leaves < 0:
        raise ValueError("need at least one department and n_units >= n_departments + 1")

    def make(pk: int, parent: OrgUnit | None, unit_type: str, name: str, district: str = ""):
        parent_path = parent.path if parent is not None else PATH_SEPARATOR
        path = f"{parent_path}{pk}{PATH_SEPARATOR}"
        code = f"NT-{pk}"
        return OrgUnit(
            pk=pk,
            parent_id=parent.pk if parent is not None else None,
            path=path,
            depth=path.count(PATH_SEPARATOR) - 2,
            code=code,
            name=name,
            unit_type=unit_type,
            district=district,
            is_demo=True,
            search_text=fold(f"{code} {name} {district}"),
        )

    with transaction.atomic():
        next_pk = (OrgUnit.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        ministry = make(next_pk, None, "ministry", "Bộ Giáo dục và Đào tạo (bench)")
        departments = [
            make(next_pk + 1 + i, ministry, "department", f"Sở Giáo dục và Đào tạo số {i + 1}")
            for i in range(n_departments)
        ]
        OrgUnit.objects.bulk_create([ministry, *departments])
        first_leaf = next_pk + 1 + n_departments
        leaf_ids: list[int] = []
        batch: list[OrgUnit] = []
        for i in range(n_leaves):
            pk = first_leaf + i
            department = departments[i % n_departments]
            unit_type, label = _UNIT_KINDS[i % len(_UNIT_KINDS)]
            place = _PLACES[(i // n_departments) % len(_PLACES)]
            name = f"{label} {place} số {i // n_departments + 1}"
            batch.append(make(pk, department, unit_type, name, district=place))
            leaf_ids.append(pk)
            if len(batch) >= batch_size:
                OrgUnit.objects.bulk_create(batch)
                batch = []
        if batch:
            OrgUnit.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [OrgUnit]):
                cursor.execute(statement)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {OrgUnit._meta.db_table}")
    return NationalTree(
        ministry=ministry.pk, departments=[d.pk for d in departments], units=leaf_ids
    )
