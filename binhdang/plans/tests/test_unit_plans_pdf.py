"""A unit plan as PDF, as the school downloads it: the school's own header, the department
plan as the first legal basis, the head's signature and the assignment appendix. Needs
LibreOffice (skipped without it, except in CI)."""

from __future__ import annotations

import os
import shutil

import pytest
from django.urls import reverse

from binhdang.accounts.tests.factories import committee_with_members
from binhdang.documents.pdf import pdf_text, soffice_binary
from binhdang.plans import services
from binhdang.plans.models import PlanItem
from binhdang.plans.services import unit_plans

from .test_unit_plans import department_plan  # noqa: F401  (the issued 2026 plan fixture)


@pytest.fixture(autouse=True)
def _needs_libreoffice():
    if shutil.which(soffice_binary()) is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) không được cài trên máy này; CI luôn chạy kiểm thử này")


def words(text: str) -> str:
    # pdftotext breaks lines where the page does; compare the text, not the layout.
    return " ".join(text.split())


def test_the_unit_plan_pdf_has_the_school_header_the_department_basis_and_the_head(
    client,
    tree,
    people,
    department_plan,  # noqa: F811
):
    _committee, _decision, members = committee_with_members(tree.school_a)
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    item = PlanItem.objects.filter(section__plan=plan, section__parent__label="II").first()
    services.item_update(
        item=item,
        version=plan.version,
        user=people.officer_a,
        text=item.text,
        responsible=members["deputy"],
        timeframe="Tháng 3/2026",
        expected_output="Kế hoạch tuyên truyền",
    )
    client.force_login(people.officer_a)

    response = client.get(reverse("plans:pdf", args=[plan.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = words(pdf_text(response.content))
    assert "SỞ GDĐT HẢI PHÒNG" in text
    assert "TRƯỜNG THPT NGÔ QUYỀN" in text
    assert "KH-THPTNQ" in text
    # The department plan is the first basis, before the department plan's own bases.
    basis = "Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 16/01/2026 của Sở Giáo dục và Đào tạo Hải Phòng"
    assert basis in text
    assert text.index(basis) < text.index("Căn cứ", text.index(basis) + 1)
    assert text.index(basis) == text.index("Căn cứ")
    # Signed by the school's head, whose committee she chairs.
    assert text.index("HIỆU TRƯỞNG") < text.index("Người số 0 HP-THPT-002")
    assert text.index("HIỆU TRƯỞNG") < text.index("PHÂN CÔNG THỰC HIỆN")
    # The appendix of who does what (its narrow columns wrap, so look for the parts).
    appendix = text[text.index("PHÂN CÔNG THỰC HIỆN") :]
    for part in ("Người số 1", "HP-THPT-", "3/2026", "tuyên truyền"):
        assert part in appendix
