"""The registry in the database: shipped data, writes by the right people, versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from binhdang.core.concurrency import StaleEdit
from binhdang.legal import selectors, services
from binhdang.legal.citations import check_citations, default_registry, find_citations
from binhdang.legal.models import LegalDocument

pytestmark = pytest.mark.django_db

NEW_PLAN = {
    "doc_type": "ke_hoach",
    "number": "12",
    "symbol": "KH-SGDĐT",
    "date": dt.date(2026, 1, 15),
    "issuer": "Sở Giáo dục và Đào tạo thành phố Hải Phòng",
    "subject": "Thực hiện công tác bình đẳng giới năm 2026",
}


def test_every_install_has_the_documents_the_seeds_cite():
    in_db = sorted(e.reference for e in selectors.registry_entries())
    assert in_db == sorted(e.reference for e in default_registry())
    plan_117 = LegalDocument.objects.get(reference_key="117/kh-ubnd")
    assert (plan_117.valid_from, plan_117.valid_to) == (2021, 2025)
    assert plan_117.as_entry() in default_registry()


def test_the_sync_command_adds_only_what_is_missing(capsys):
    LegalDocument.objects.filter(reference_key="383/qd-bgddt").delete()
    plan_59 = LegalDocument.objects.get(reference_key="59/kh-ubnd")
    plan_59.subject = "Sửa bởi Thường trực"
    plan_59.save()
    call_command("legal_registry_sync")
    assert "Đã thêm 1 văn bản" in capsys.readouterr().out
    assert LegalDocument.objects.filter(reference_key="383/qd-bgddt").exists()
    plan_59.refresh_from_db()
    assert plan_59.subject == "Sửa bởi Thường trực"


def test_the_secretariat_adds_a_document_that_the_engine_then_knows(people):
    document = services.legal_document_create(user=people.secretariat, **NEW_PLAN)
    assert document.annual_year == 2026  # read from "năm 2026" in the subject
    assert document.history.count() == 1
    [citation] = check_citations(
        find_citations("Kế hoạch số 12/KH-SGDĐT ngày 15/01/2026"),
        selectors.registry_entries(),
        plan_year=2027,
    )
    assert [f["code"] for f in citation.flags] == ["old_annual"]


@pytest.mark.parametrize("persona", ["head_a", "officer_a", "member", "viewer", "outsider"])
def test_others_may_not_write(people, persona):
    with pytest.raises(PermissionDenied):
        services.legal_document_create(user=getattr(people, persona), **NEW_PLAN)
    assert not LegalDocument.objects.filter(number="12").exists()


def test_a_reference_is_unique_whatever_the_spelling(people):
    with pytest.raises(ValidationError) as error:
        services.legal_document_create(
            user=people.secretariat, **{**NEW_PLAN, "number": "383", "symbol": "qd-bgddt"}
        )
    assert "Danh mục đã có văn bản số 383/qd-bgddt" in str(error.value)


def test_a_whole_reference_typed_in_the_number_field_is_split(people):
    document = services.legal_document_create(
        user=people.admin,
        **{**NEW_PLAN, "doc_type": "nghi_dinh", "number": "99/2024/NĐ-CP", "symbol": ""},
    )
    assert (document.number, document.symbol) == ("99", "2024/NĐ-CP")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"symbol": ""}, "symbol"),
        ({"valid_from": 2025, "valid_to": 2021}, "valid_to"),
        ({"annual_year": 2026, "valid_to": 2030}, "annual_year"),
    ],
)
def test_inconsistent_details_are_refused_in_vietnamese(people, changes, field):
    with pytest.raises(ValidationError) as error:
        services.legal_document_create(user=people.secretariat, **{**NEW_PLAN, **changes})
    assert field in error.value.error_dict
    assert not LegalDocument.objects.filter(number="12").exists()


def test_two_editors_never_overwrite_each_other(people):
    document = LegalDocument.objects.get(reference_key="59/kh-ubnd")
    opened = document.version
    fields = {
        "doc_type": document.doc_type,
        "number": document.number,
        "symbol": document.symbol,
        "date": document.date,
        "issuer": document.issuer,
        "valid_from": None,
        "valid_to": 2030,
        "annual_year": None,
        "is_active": True,
    }
    services.legal_document_update(
        user=people.secretariat,
        document=document,
        expected_version=opened,
        subject="Sửa lần 1",
        **fields,
    )
    stale = LegalDocument.objects.get(pk=document.pk)
    with pytest.raises(StaleEdit):
        services.legal_document_update(
            user=people.admin,
            document=stale,
            expected_version=opened,
            subject="Sửa lần 2",
            **fields,
        )
    document.refresh_from_db()
    assert document.subject == "Sửa lần 1"
    assert document.version == opened + 1
    assert document.history.count() == 1  # the one accepted edit


def test_a_hidden_document_is_no_longer_checked_against(people):
    document = LegalDocument.objects.get(reference_key="131/kh-ubnd")
    document.is_active = False
    document.save()
    references = {entry.reference for entry in selectors.registry_entries()}
    assert "131/KH-UBND" not in references


def test_search_with_or_without_diacritics(people):
    user = people.officer_a

    def found(**filters):
        return {d.reference for d in selectors.document_list(user, **filters)}

    assert found(q="quyet dinh 383") == {"383/QĐ-BGDĐT"}
    assert found(q="Kế hoạch 117") == {"117/KH-UBND"}
    assert found(q="383/QĐ-BGDĐT") == {"383/QĐ-BGDĐT"}
    assert found(q="binh dang gioi") >= {"131/KH-UBND", "59/KH-UBND", "28/NQ-CP"}
    assert "117/KH-UBND" not in found(q="binh dang gioi")
    in_2026 = found(doc_type="ke_hoach", in_force_year=2026)
    assert in_2026 == {"53/KH-UBND", "59/KH-UBND", "2394/KH-BGDĐT"}
    assert found(doc_type="ke_hoach", in_force_year=2024) == {
        "53/KH-UBND",
        "59/KH-UBND",
        "117/KH-UBND",
        "131/KH-UBND",
    }
    assert found(doc_type="nghi_dinh") == {"125/2021/NĐ-CP", "30/2020/NĐ-CP"}


def test_people_without_a_view_grant_see_no_documents(people):
    assert not selectors.document_list(people.outsider).exists()
    assert not selectors.document_list(people.viewer).exists()
