"""A DOCX the app renders (Decree 30 layout) re-imports to the same structure."""

from __future__ import annotations

import pytest

from binhdang.documents.plan_docx import render_plan_docx
from binhdang.plans.importing import import_plan_file, import_plan_text
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, SEED_2026
from binhdang.plans.tests.fixtures.samples import SCHOOL_PLAN


@pytest.mark.parametrize("seed", [SEED_2024, SEED_2026], ids=["2024", "2026"])
def test_rendered_seed_reimports_to_the_same_plan(seed):
    plan = import_plan_file(seed.read_bytes(), seed.name)
    again = import_plan_file(render_plan_docx(plan), "rendered.docx")
    assert again.to_json() == plan.to_json()


def test_rendered_header_bodies_come_back():
    plan = import_plan_file(SEED_2026.read_bytes(), SEED_2026.name)
    data = render_plan_docx(
        plan, governing_body="UBND THÀNH PHỐ HẢI PHÒNG", issuing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    )
    again = import_plan_file(data, "rendered.docx")
    assert (again.governing_body, again.issuing_body) == (
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )
    expected = plan.to_json()
    expected.update(governing_body=again.governing_body, issuing_body=again.issuing_body)
    assert again.to_json() == expected


def test_rendered_plan_with_numbers_dates_letters_and_sub_sections_round_trips():
    plan = import_plan_text(SCHOOL_PLAN)
    again = import_plan_file(render_plan_docx(plan), "rendered.docx")
    assert again.to_json() == plan.to_json()
    assert again.number == "12" and again.date.isoformat() == "2025-01-05"
