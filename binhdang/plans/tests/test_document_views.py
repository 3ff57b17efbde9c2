"""Pages around the official document: downloads, preview, carry-forward review, comparison,
the basis picker and the home page's "what is due next"."""

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from docx import Document

from binhdang.core import due
from binhdang.legal.models import LegalDocument
from binhdang.plans import services
from binhdang.plans.importing import import_plan_file
from binhdang.plans.models import PlanBasis
from binhdang.plans.rendering import page_count
from binhdang.plans.tasks import render_plan_preview
from binhdang.plans.tests.factories import seed_bytes

pytestmark = pytest.mark.django_db


def imported(year, tree, people):
    data, name = seed_bytes(year)
    return services.plan_import(
        document=import_plan_file(data, name), unit=tree.department, user=people.secretariat
    )


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_docx_download_is_the_plan(client, people, tree):
    plan = imported(2026, tree, people)
    client.force_login(people.secretariat)
    response = client.get(reverse("plans:docx", args=[plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="ke-hoach-2026-du-thao.docx"' in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "Phí Thị Thùy Vân" in text
    assert "2394/KH-BGDĐT" in text


def test_the_pdf_and_preview_render_once_per_version(client, people, tree):
    plan = imported(2026, tree, people)
    client.force_login(people.secretariat)

    pdf = client.get(reverse("plans:pdf", args=[plan.pk]))
    assert pdf.content.startswith(b"%PDF-")
    cached = f"plans/renders/plan-{plan.pk}-v{plan.version}.pdf"
    assert default_storage.exists(cached)

    preview = client.get(reverse("plans:preview", args=[plan.pk]))
    pages = list(preview.context["pages"])
    assert len(pages) >= 2
    png = client.get(reverse("plans:preview_page", args=[plan.pk, 1]))
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    assert client.get(reverse("plans:preview_page", args=[plan.pk, 99])).status_code == 404

    services.plan_update_header(
        plan=plan, version=plan.version, user=people.secretariat, place="Hải Phòng"
    )
    client.get(reverse("plans:pdf", args=[plan.pk]))
    assert default_storage.exists(f"plans/renders/plan-{plan.pk}-v{plan.version}.pdf")


def test_issuing_queues_the_preview_and_the_task_renders_it(people, tree):
    plan = imported(2024, tree, people)
    assert render_plan_preview.call(plan.pk, plan.version) == page_count(plan) > 0
    assert render_plan_preview.call(plan.pk, plan.version + 5) == 0  # changed since: skipped


def test_carrying_forward_in_the_browser_then_removing_a_flag(client, people, tree):
    source = imported(2024, tree, people)
    client.force_login(people.secretariat)
    response = client.post(reverse("plans:carry", args=[source.pk]), {"year": 2026})
    new = source.carried_to.get()
    assert response["Location"] == reverse("plans:carry_review", args=[new.pk])

    review = client.get(response["Location"])
    page = review.content.decode()
    assert "117/KH-UBND" in page and "131/KH-UBND" in page
    assert review.context["changes"]
    flag = next(
        f
        for f in review.context["flags"]
        if f["reference"] == "117/KH-UBND" and f["location"]["area"] == "basis"
    )
    assert PlanBasis.objects.filter(plan=new, reference="117/KH-UBND").exists()
    resolved = client.post(
        reverse("plans:carry_resolve", args=[new.pk]),
        {"version": new.version, "flag_id": flag["id"], "action": "remove"},
        HTTP_HX_REQUEST="true",
    )
    assert resolved.status_code == 200
    assert 'id="review"' in resolved.content.decode()
    assert "Đã bỏ" in resolved.content.decode()
    assert not PlanBasis.objects.filter(plan=new, reference="117/KH-UBND").exists()


def test_replacing_last_years_annual_plan_with_its_successor_in_the_browser(client, people, tree):
    source = imported(2026, tree, people)
    previous = LegalDocument.objects.get(number="2394", symbol="KH-BGDĐT")
    LegalDocument.objects.create(
        doc_type=previous.doc_type,
        number="2500",
        symbol="KH-BGDĐT",
        date=dt.date(2026, 12, 20),
        issuer=previous.issuer,
        subject=previous.subject.replace("2026", "2027"),
        annual_year=2027,
    )
    client.force_login(people.secretariat)
    client.post(reverse("plans:carry", args=[source.pk]), {"year": 2027})
    new = source.carried_to.get()
    review = client.get(reverse("plans:carry_review", args=[new.pk]))
    flag = next(f for f in review.context["flags"] if f["reference"] == "2394/KH-BGDĐT")
    assert "Thay thế" in review.content.decode()

    client.post(
        reverse("plans:carry_resolve", args=[new.pk]),
        {"version": new.version, "flag_id": flag["id"], "action": "replace"},
    )
    texts = list(PlanBasis.objects.filter(plan=new).values_list("text", flat=True))
    assert any(t.startswith("Căn cứ Kế hoạch số 2500/KH-BGDĐT ngày 20/12/2026") for t in texts)
    assert not any("2394/KH-BGDĐT" in t for t in texts)
    new.refresh_from_db()
    resolved = next(f for f in new.carry_report["flags"] if f["id"] == flag["id"])
    assert resolved["status"] != "open"


def test_carrying_to_an_earlier_year_is_refused(client, people, tree):
    source = imported(2026, tree, people)
    client.force_login(people.secretariat)
    response = client.post(reverse("plans:carry", args=[source.pk]), {"year": 2025})
    assert response.status_code == 200
    assert "phải sau năm" in response.content.decode()
    assert not source.carried_to.exists()


def test_comparing_the_two_seeds_shows_what_changed(client, people, tree):
    old, new = imported(2024, tree, people), imported(2026, tree, people)
    client.force_login(people.member)
    response = client.get(reverse("plans:compare"), {"old": old.pk, "new": new.pk})
    page = response.content.decode()
    assert '<del class="redline">Căn cứ Kế hoạch số 117/KH-UBND' in page
    assert "131/KH-UBND" in page
    assert '<ins class="redline">Căn cứ Kế hoạch số 2394/KH-BGDĐT' in page
    assert "Phí Thị Thùy Vân" in page and "Đỗ Thị Hòa" in page
    assert "59/KH-UBND" in page  # no longer a basis but still cited

    document = client.get(reverse("plans:compare_docx"), {"old": old.pk, "new": new.pk})
    assert 'filename="so-sanh-ke-hoach-2024-2026.docx"' in document["Content-Disposition"]
    assert "2394/KH-BGDĐT" in docx_text(document.content)


def test_a_plan_cannot_be_compared_with_itself(client, people, tree):
    plan = imported(2026, tree, people)
    client.force_login(people.secretariat)
    response = client.get(reverse("plans:compare"), {"old": plan.pk, "new": plan.pk})
    assert "hai kế hoạch khác nhau" in response.content.decode()


def test_the_basis_picker_finds_registry_documents_without_diacritics(client, people, tree):
    plan = services.plan_create(unit=tree.department, user=people.secretariat, year=2026)
    client.force_login(people.secretariat)
    partial = client.get(
        reverse("plans:legal_search", args=[plan.pk]), {"q": "2394"}, HTTP_HX_REQUEST="true"
    )
    assert "Thêm làm căn cứ" in partial.content.decode()
    assert "<html" not in partial.content.decode()
    response = client.get(reverse("plans:legal_search", args=[plan.pk]), {"q": "2394"})
    texts = [r["text"] for r in response.context["results"]]
    assert any("2394/KH-BGDĐT" in t and t.startswith("Căn cứ Kế hoạch") for t in texts)
    response = client.get(reverse("plans:legal_search", args=[plan.pk]), {"q": "binh dang gioi"})
    assert response.context["results"]

    client.post(
        reverse("plans:row_add", args=[plan.pk, "basis"]),
        {"version": plan.version, "text": texts[0]},
    )
    basis = plan.bases.get()
    assert basis.reference == "2394/KH-BGDĐT"
    assert basis.legal_document is not None


def test_the_home_page_lists_the_issued_plans_deadlines_for_a_school(people, tree):
    plan = imported(2026, tree, people)
    services.plan_approve(plan=plan, user=people.leader)
    services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(2026, 1, 16))

    items = due.upcoming(people.officer_a, today=dt.date(2026, 3, 1))
    assert [(i.due, i.url) for i in items][:2] == [
        (dt.date(2026, 5, 28), reverse("plans:detail", args=[plan.pk])),
        (dt.date(2026, 12, 1), reverse("plans:detail", args=[plan.pk])),
    ]
    assert "Báo cáo sơ kết 6 tháng" in items[0].title
    assert due.upcoming(people.officer_a, today=dt.date(2026, 6, 1))[0].due == dt.date(2026, 12, 1)
    assert due.upcoming(people.viewer, today=dt.date(2026, 3, 1)) == []
    assert due.upcoming(people.outsider, today=dt.date(2026, 3, 1)) == []
