"""Citation engine: scanning 1 MB of plan text (goal: well under 1 s).

The text is both seed plans repeated to about 1 MB (UTF-8). The baseline is a bare
`re.finditer` of a simple number/symbol pattern over the same text, i.e. the cheapest scan
that could find the anchors at all; the ratio shows what reading the type, date, issuer and
subject around each one costs on top.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from binhdang.legal.citations import check_citations, default_registry, find_citations

SEEDS = Path(__file__).resolve().parent.parent / "binhdang" / "legal" / "tests" / "seeds"
TARGET_BYTES = 1_000_000
SIMPLE_REFERENCE = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ][\w-]*")


def _best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best wall-clock time in ms of `repeat` runs, and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, result


def one_megabyte() -> str:
    seeds = "\n\n".join(
        (SEEDS / name).read_text(encoding="utf-8") for name in ("plan_2024.txt", "plan_2026.md")
    )
    size = len(seeds.encode("utf-8"))
    return "\n\n".join([seeds] * (TARGET_BYTES // size + 1))


def run(report) -> None:
    text = one_megabyte()
    megabytes = len(text.encode("utf-8")) / 1_000_000

    baseline, anchors = _best_of(lambda: sum(1 for _ in SIMPLE_REFERENCE.finditer(text)))
    scan, citations = _best_of(lambda: find_citations(text))
    report("citations_scan_1mb", scan, "ms", ratio=scan / baseline)
    report("citations_scan_throughput", megabytes / (scan / 1000), "MB/s")
    report("citations_scan_baseline_regex", baseline, "ms")
    report("citations_found_1mb", len(citations), "citations")
    if len(citations) != anchors:
        raise AssertionError(f"found {len(citations)} citations for {anchors} anchors")

    registry = default_registry()
    check, _ = _best_of(lambda: check_citations(find_citations(text), registry, plan_year=2026))
    report("citations_scan_and_check_1mb", check, "ms", ratio=check / baseline)

    decomposed = unicodedata.normalize("NFD", text)
    nfd, _ = _best_of(lambda: find_citations(decomposed))
    report("citations_scan_1mb_nfd", nfd, "ms", ratio=nfd / scan)
