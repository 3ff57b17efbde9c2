"""The `python -m bench` harness: output format, failure isolation, area selection."""

from __future__ import annotations

import io
import textwrap

import pytest

from bench.__main__ import discover, format_number, main, make_report, run_modules


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    package = tmp_path / "fakebench"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "bench_broken.py").write_text(
        textwrap.dedent(
            """
            def run(report):
                report("broken.before", 1, "ms")
                raise RuntimeError("database\\nunreachable")
            """
        )
    )
    (package / "bench_fine.py").write_text(
        textwrap.dedent(
            """
            def run(report):
                report("fine.median", 12.3456, "ms", ratio=1.234)
                report("fine.rows", 50000, "rows")
                report("fine.tiny", 0.00412, "ms")
            """
        )
    )
    (package / "helpers.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    return package


def test_it_discovers_only_bench_modules(fake_package):
    assert discover(fake_package) == ["broken", "fine"]


def test_a_failing_module_reports_an_error_and_the_others_still_run(fake_package):
    out, err = io.StringIO(), io.StringIO()

    failed = run_modules(["broken", "fine"], package="fakebench", out=out, err=err)

    assert failed == ["bench_broken"]
    assert out.getvalue().splitlines() == [
        "BENCH broken.before 1 ms",
        "BENCH_ERROR bench_broken RuntimeError: database unreachable",
        "BENCH fine.median 12.35 ms ratio=1.23",
        "BENCH fine.rows 50000 rows",
        "BENCH fine.tiny 0.00412 ms",
    ]
    assert "Traceback" in err.getvalue()


def test_report_refuses_names_that_would_break_the_line_format():
    report = make_report(io.StringIO())
    with pytest.raises(ValueError):
        report("two words", 1.0, "ms")
    with pytest.raises(ValueError):
        format_number(float("nan"))


def test_an_unknown_area_is_refused_before_anything_runs(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["no_such_area"])
    assert exit_info.value.code == 2
    assert "unknown area" in capsys.readouterr().err


def test_paired_timing_alternates_and_measures_each_function_separately():
    import time

    from bench.common import timeit_pair

    calls: list[str] = []

    def slow():
        calls.append("slow")
        time.sleep(0.004)

    def fast():
        calls.append("fast")

    slow_ms, fast_ms = timeit_pair(slow, fast, repeat=4, warmup=1)
    assert slow_ms >= 4 > fast_ms
    # warm-up, then slow first on even rounds and fast first on odd ones
    assert calls[2:] == ["slow", "fast", "fast", "slow", "slow", "fast", "fast", "slow"]


def test_the_activities_data_set_leaves_a_fifth_of_the_units_out_of_the_action_month():
    from bench import bench_activities as bench

    unit_ids = list(range(1000, 1100))
    rows = list(bench._rows(unit_ids))
    assert len(rows) == len(unit_ids) * bench.PER_UNIT
    unit, start, flagged = 0, 3, 16  # positions in bench.COLUMNS
    assert bench.COLUMNS[unit] == "unit_id" and bench.COLUMNS[start] == "start_date"
    assert bench.COLUMNS[flagged] == "is_action_month"
    in_month = {row[unit] for row in rows if row[flagged]}
    november = {row[unit] for row in rows if row[start].month == 11}
    silent = [pk for pk in unit_ids if pk not in in_month]
    assert len(silent) == len(unit_ids) // bench.NO_ACTION_MONTH_EVERY
    assert not november & set(silent)  # no activity at all in November
    assert all(row[start].year == bench.YEAR for row in rows)


def test_the_activities_goals_print_one_line_each_in_the_bench_format():
    from bench import bench_activities as bench

    out = io.StringIO()
    report = make_report(out)
    bench._goal(report, "list_first_page", True, "1.2x raw SQL, 80 ms")
    bench._goal(report, "campaign_coverage", False, "2.8x raw SQL")
    assert out.getvalue().splitlines() == [
        "BENCH activities.goal.list_first_page 1 met",
        "BENCH activities.goal.campaign_coverage 0 not_met",
    ]
