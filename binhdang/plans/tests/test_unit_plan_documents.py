"""A unit plan as the official document, DOCX and PDF: the school's own header, the
department plan as the first legal basis, the head's signature and the assignment table.
The PDF needs LibreOffice (skipped without it, except in CI)."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from django.urls import reverse
from docx import Document

from binhdang.accounts.tests.factories import committee_with_members
from binhdang.documents.pdf import pdf_text, soffice_binary
from binhdang.plans import services
from binhdang.plans.models import PlanItem
from binhdang.plans.rendering import plan_docx
from binhdang.plans.services import unit_plans

from .test_unit_plans import department_plan  # noqa: F401  (the issued 2026 plan fixture)


@pytest.fixture
def assigned(tree, people, department_plan):  # noqa: F811
    """School A's plan with its first task item assigned to the committee's deputy head."""
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
    return plan, members


def words(text: str) -> str:
    # pdftotext breaks lines where the page does; compare the text, not the layout.
    return " ".join(text.split())


def test_the_unit_plan_docx_has_the_header_basis_and_the_assignment_table(assigned):
    plan, members = assigned
    plan.refresh_from_db()
    document = Document(io.BytesIO(plan_docx(plan)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "TRƯỜNG THPT NGÔ QUYỀN" in " ".join(cells)
    assert "SỞ GDĐT HẢI PHÒNG" in " ".join(cells)
    assert "Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 16/01/2026" in text
    assert "PHÂN CÔNG THỰC HIỆN" in text
    assert members["deputy"].full_name in cells
    assert "Tháng 3/2026" in cells and "Kế hoạch tuyên truyền" in cells
    assert "HIỆU TRƯỞNG\nNgười số 0 HP-THPT-002" in cells


def test_the_unit_plan_pdf_has_the_school_header_the_department_basis_and_the_head(
    client, people, assigned
):
    if shutil.which(soffice_binary()) is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) không được cài trên máy này; CI luôn chạy kiểm thử này")
    plan, _members = assigned
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
