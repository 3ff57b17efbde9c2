"""Discover and run the benchmark modules: `python -m bench [area ...]`.

Each figure is printed as `BENCH <name> <value> <unit> [ratio=<x>]`. A module that fails
prints `BENCH_ERROR <module> <message>` (its traceback goes to stderr) and the others still
run; the exit status is non-zero when any module failed.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

PREFIX = "bench_"
PACKAGE_DIR = Path(__file__).resolve().parent

Report = Callable[..., None]


def discover(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Area names ("tree" for bench_tree.py), sorted so that runs are comparable."""
    return sorted(
        info.name.removeprefix(PREFIX)
        for info in pkgutil.iter_modules([str(package_dir)])
        if info.name.startswith(PREFIX) and not info.ispkg
    )


def format_number(value: float) -> str:
    """Two decimals, except for counts (ints), printed whole, and tiny non-zero values, which
    keep three significant digits so that a 0.004 ms figure does not print as 0.00."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if value != 0 and abs(value) < 0.01:
        return f"{value:.3g}"
    return f"{value:.2f}"


def make_report(out: TextIO) -> Report:
    def report(name: str, value: float, unit: str, ratio: float | None = None) -> None:
        for label, text in (("name", name), ("unit", unit)):
            if not text or any(ch.isspace() for ch in text):
                raise ValueError(f"benchmark {label} must be one word, got {text!r}")
        line = f"BENCH {name} {format_number(value)} {unit}"
        if ratio is not None:
            line += f" ratio={format_number(ratio)}"
        print(line, file=out, flush=True)

    return report


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return f"{type(exc).__name__}: {text}"


def run_modules(
    areas: list[str],
    *,
    package: str = "bench",
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> list[str]:
    """Run each area's `run(report)`; return the module names that failed."""
    report = make_report(out)
    failed: list[str] = []
    for area in areas:
        module_name = f"{PREFIX}{area}"
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"{package}.{module_name}")
            run = getattr(module, "run", None)
            if not callable(run):
                raise TypeError(f"{module_name} has no run(report) function")
            run(report)
        except Exception as exc:
            failed.append(module_name)
            print(f"BENCH_ERROR {module_name} {_one_line(exc)}", file=out, flush=True)
            traceback.print_exc(file=err)
        finally:
            err.write(f"# {module_name}: {time.perf_counter() - started:.1f} s\n")
            err.flush()
    return failed


def main(argv: list[str] | None = None) -> int:
    available = discover()
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run BinhDang's benchmarks (all of them, or only the areas named).",
    )
    parser.add_argument("areas", nargs="*", metavar="area", help=f"one of: {available}")
    parser.add_argument("--list", action="store_true", help="list the areas and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(available))
        return 0
    unknown = [area.removeprefix(PREFIX) for area in args.areas]
    unknown = [area for area in unknown if area not in available]
    if unknown:
        parser.error(f"unknown area(s) {unknown}; available: {available}")
    selected = [area.removeprefix(PREFIX) for area in args.areas] or available
    if not selected:
        print("no bench/bench_*.py module found", file=sys.stderr)
        return 0

    from bench.common import setup_django

    setup_django()
    failed = run_modules(selected)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
