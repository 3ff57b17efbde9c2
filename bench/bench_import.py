"""Plan import: each seed plan from its text file and from a .docx laid out like the real
document (header and signature tables, page-break paragraphs, Word numbering).

Figures, per seed (2024 and 2026):
- import_seed_<year>: median of 20 imports (ms), citations checked against the default
  registry included; ratio against a baseline, in the same run, of only decoding the file
  and splitting it into lines (the floor of any text importer);
- import_seed_<year>_peak_mem: peak Python memory of one import (MB, tracemalloc);
- import_seed_<year>_docx and ..._docx_peak_mem: the same from the .docx; its ratio is
  against python-docx merely opening the file and listing the text of every paragraph,
  tables included.
Goals (issue 4): under 50 ms and under 100 MB for each seed.
"""

from __future__ import annotations

import io

from bench.common import peak_memory, timeit
from binhdang.plans.importing import import_plan_file
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, SEED_2026, build_docx

REPEAT = 20


def _split_lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


def _python_docx_paragraphs(data: bytes) -> list[str]:
    from docx import Document

    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def run(report) -> None:
    for year, seed in ((2024, SEED_2024), (2026, SEED_2026)):
        data = seed.read_bytes()
        docx = build_docx(data.decode("utf-8"))
        cases = (
            ("", data, seed.name, _split_lines),
            ("_docx", docx, f"seed_{year}.docx", _python_docx_paragraphs),
        )
        for suffix, blob, name, baseline in cases:
            plan = import_plan_file(blob, name)
            if len(plan.sections) != 3 or not plan.signer.name:
                raise AssertionError(f"seed {year}{suffix} did not import to its structure")
            floor = timeit(lambda blob=blob, baseline=baseline: baseline(blob), repeat=REPEAT)
            took = timeit(lambda blob=blob, name=name: import_plan_file(blob, name), repeat=REPEAT)
            report(f"import_seed_{year}{suffix}", took, "ms", ratio=took / floor)
            memory = peak_memory(lambda blob=blob, name=name: import_plan_file(blob, name))
            report(f"import_seed_{year}{suffix}_peak_mem", memory, "MB")
