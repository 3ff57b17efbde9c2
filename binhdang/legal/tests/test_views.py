"""The registry pages and the citation check, as a person uses them in the browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from binhdang.core.concurrency import STALE_MESSAGE
from binhdang.legal.models import LegalDocument

pytestmark = pytest.mark.django_db

SEED_2024 = (Path(__file__).resolve().parent / "seeds" / "plan_2024.txt").read_text("utf-8")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def officer(client, people):
    client.force_login(people.officer_a)
    return client


@pytest.fixture
def secretariat(client, people):
    client.force_login(people.secretariat)
    return client


def rows(response) -> str:
    return response.content.decode()


class TestList:
    def test_it_finds_a_decision_typed_without_diacritics(self, officer):
        page = rows(officer.get(reverse("legal:list"), {"q": "quyet dinh 383"}))
        assert "383/QĐ-BGDĐT" in page
        assert "117/KH-UBND" not in page

    def test_filters_by_type_and_year_in_force(self, officer):
        page = rows(officer.get(reverse("legal:list"), {"doc_type": "ke_hoach", "year": "2026"}))
        assert "59/KH-UBND" in page and "2394/KH-BGDĐT" in page
        assert "117/KH-UBND" not in page and "131/KH-UBND" not in page
        assert "còn hiệu lực năm 2026" in page

    def test_htmx_gets_only_the_results(self, officer):
        response = officer.get(reverse("legal:list"), {"q": "ke hoach 117"}, **HTMX)
        page = rows(response)
        assert page.lstrip().startswith('<div id="results">')
        assert "117/KH-UBND" in page and "<html" not in page

    def test_a_bad_year_is_explained_and_the_list_still_shows(self, officer):
        page = rows(officer.get(reverse("legal:list"), {"year": "hai nghìn"}))
        assert "Nhập năm gồm 4 chữ số." in page
        assert "383/QĐ-BGDĐT" in page

    def test_the_list_runs_in_a_fixed_number_of_queries(
        self, officer, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(8):
            officer.get(reverse("legal:list"))

    def test_only_writers_see_the_add_button(self, officer, client, people):
        assert reverse("legal:create") not in rows(officer.get(reverse("legal:list")))
        client.force_login(people.secretariat)
        assert reverse("legal:create") in rows(client.get(reverse("legal:list")))


class TestEditing:
    def test_the_secretariat_adds_a_document(self, secretariat):
        response = secretariat.post(
            reverse("legal:create"),
            {
                "doc_type": "quyet_dinh",
                "number": "1790",
                "symbol": "QĐ-TTg",
                "date": "23/09/2011",
                "issuer": "Thủ tướng Chính phủ",
                "is_active": "on",
            },
        )
        # 1790/QĐ-TTg ships with the registry: refused, with the reason on the number field.
        assert response.status_code == 200
        assert "Danh mục đã có văn bản số 1790/QĐ-TTg." in rows(response)
        response = secretariat.post(
            reverse("legal:create"),
            {
                "doc_type": "chi_thi",
                "number": "05",
                "symbol": "CT-UBND",
                "date": "02/02/2024",
                "issuer": "Ủy ban nhân dân thành phố Hải Phòng",
                "subject": "Tăng cường phòng, chống bạo lực học đường giai đoạn 2024-2026",
                "is_active": "on",
            },
        )
        document = LegalDocument.objects.get(reference_key="05/ct-ubnd")
        assert response.url == reverse("legal:detail", args=[document.pk])
        assert (document.valid_from, document.valid_to) == (2024, 2026)
        page = rows(secretariat.get(response.url))
        assert "Chỉ thị 05/CT-UBND" in page and "Alice Thư Ký" in page  # history names her

    def test_a_bad_date_changes_nothing(self, secretariat):
        before = LegalDocument.objects.count()
        response = secretariat.post(
            reverse("legal:create"),
            {
                "doc_type": "ke_hoach",
                "number": "1",
                "symbol": "KH-X",
                "date": "31/02/2024",
                "issuer": "Sở Giáo dục và Đào tạo",
            },
        )
        assert "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2025." in rows(response)
        assert LegalDocument.objects.count() == before

    def test_the_add_form_is_prefilled_from_the_check_page(self, secretariat):
        page = rows(secretariat.get(reverse("legal:create"), {"number": "77", "symbol": "KH-UBND"}))
        assert 'value="77"' in page and 'value="KH-UBND"' in page

    def test_a_stale_edit_is_refused_and_the_newer_text_kept(self, secretariat):
        document = LegalDocument.objects.get(reference_key="59/kh-ubnd")
        url = reverse("legal:edit", args=[document.pk])
        form = {
            "doc_type": "ke_hoach",
            "number": "59",
            "symbol": "KH-UBND",
            "date": "14/03/2022",
            "issuer": document.issuer,
            "valid_to": "2030",
            "is_active": "on",
            "version": str(document.version),
        }
        assert secretariat.post(url, {**form, "subject": "Bản sửa thứ nhất"}).status_code == 302
        response = secretariat.post(url, {**form, "subject": "Bản sửa dựa trên bản cũ"})
        assert STALE_MESSAGE in rows(response)
        document.refresh_from_db()
        assert document.subject == "Bản sửa thứ nhất"


class TestCheck:
    def post(self, client, **data):
        return client.post(reverse("legal:check"), data, **HTMX)

    def test_carrying_2024_into_2026_highlights_plans_117_and_131(self, officer):
        page = rows(self.post(officer, text=SEED_2024, year="2026"))
        assert page.lstrip().startswith('<div id="citation-check"')
        assert page.count('data-reference="117/KH-UBND"') == 4
        assert page.count('data-flags="period_ended"') == 8
        assert (
            "Kế hoạch 117/KH-UBND có hiệu lực giai đoạn 2021-2025, đã hết trước năm 2026." in page
        )
        assert page.count('<mark class="flag"') == 8
        assert "22 trích dẫn" in page

    def test_a_wrong_number_gets_the_registered_one_as_fix(self, officer):
        text = "Căn cứ Quyết định số 283/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo;"
        page = rows(self.post(officer, text=text, year="2026", bases="1"))
        assert 'data-flags="number_mismatch"' in page
        assert '<code class="fix">383/QĐ-BGDĐT</code>' in page
        document = LegalDocument.objects.get(reference_key="383/qd-bgddt")
        assert reverse("legal:detail", args=[document.pk]) in page

    def test_an_unknown_document_can_be_added_by_the_secretariat_only(
        self, officer, client, people
    ):
        text = "theo Kế hoạch số 77/KH-UBND ngày 02/02/2024 của UBND thành phố"
        assert "Thêm vào danh mục" not in rows(self.post(officer, text=text, year="2024"))
        client.force_login(people.secretariat)
        page = rows(self.post(client, text=text, year="2024"))
        assert "Chưa có trong danh mục" in page
        assert f"{reverse('legal:create')}?doc_type=ke_hoach&amp;number=77" in page

    def test_json_for_scripts(self, officer):
        text = "Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025"
        response = officer.post(
            reverse("legal:check"), {"text": text, "year": "2027", "format": "json"}
        )
        data = json.loads(response.content)
        [citation] = data["citations"]
        assert data["year"] == 2027
        assert citation["reference"] == "2394/KH-BGDĐT"
        assert citation["date"] == "2025-12-26"
        assert [f["code"] for f in citation["flags"]] == ["old_annual"]
        assert (citation["start"], citation["end"]) == (0, len(text))

    def test_empty_and_oversized_texts_get_a_clear_message(self, officer):
        assert "Chưa có nội dung để kiểm tra." in rows(self.post(officer, text="", year="2026"))
        page = rows(self.post(officer, text="x" * 200_001, year="2026"))
        assert "quá dài" in page

    def test_the_page_works_without_htmx(self, officer):
        response = officer.post(reverse("legal:check"), {"text": "383/QĐ-BGDĐT", "year": ""})
        page = rows(response)
        assert "<html" in page and 'data-reference="383/QĐ-BGDĐT"' in page
