"""BinhDang benchmarks: `python -m bench [area ...]` (what `make bench` runs).

Every `bench/bench_<area>.py` module exposes `run(report) -> None` and calls
`report(name, value, unit, ratio=None)` once per figure; see bench/README.md.
"""
