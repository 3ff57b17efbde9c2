"""The citation engine on the seed plans' own sentences (generated: test_citation_properties)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from binhdang.legal.citations import (
    RegistryEntry,
    check_citation,
    check_citations,
    default_registry,
    find_citations,
    parse_basis,
    parse_period,
)

SEEDS = Path(__file__).resolve().parent / "seeds"
SEED_2024 = (SEEDS / "plan_2024.txt").read_text(encoding="utf-8")
SEED_2026 = (SEEDS / "plan_2026.md").read_text(encoding="utf-8")

BASIS_383 = (
    "Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo về việc ban "
    "hành Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới giai đoạn 2021-2030 của "
    "Bộ Giáo dục và Đào tạo;"
)
BASIS_131 = (
    "Kế hoạch số 131/KH-UBND ngày 31/5/2021 của Ủy ban nhân dân thành phố hành động về Bình "
    "đẳng giới giai đoạn 2021-2025;"
)
GUIDANCE_2024 = (
    "Căn cứ các văn bản hướng dẫn triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ "
    "năm 2024 của Bộ Giáo dục và Đào tạo, Ủy ban nhân dân thành phố;"
)


def references(text: str) -> list[str]:
    return [c.reference for c in find_citations(text)]


def codes(citation) -> list[str]:
    return [flag["code"] for flag in citation.flags]


class TestSeedSentences:
    def test_it_reads_every_field_of_the_first_basis(self):
        [citation] = find_citations(BASIS_383)
        assert citation.type == "Quyết định"
        assert (citation.number, citation.symbol) == ("383", "QĐ-BGDĐT")
        assert citation.date == dt.date(2022, 1, 26)
        assert citation.issuer == "Bộ Giáo dục và Đào tạo"
        assert citation.subject.startswith("ban hành Kế hoạch hành động")
        assert citation.subject.endswith("giai đoạn 2021-2030 của Bộ Giáo dục và Đào tạo")
        assert BASIS_383[citation.start : citation.end] == citation.text
        assert citation.text.startswith("Quyết định số 383")
        assert not citation.text.endswith(";")

    def test_a_decree_keeps_its_year_in_the_symbol(self):
        text = "Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt"
        [citation] = find_citations(text)
        assert (citation.number, citation.symbol) == ("125", "2021/NĐ-CP")
        assert citation.reference == "125/2021/NĐ-CP"
        assert citation.issuer == "Chính phủ"
        assert citation.subject == "quy định xử phạt"

    def test_the_2024_seed_cites_what_the_product_brief_lists(self):
        found = references(SEED_2024)
        assert found[:4] == ["383/QĐ-BGDĐT", "117/KH-UBND", "131/KH-UBND", "59/KH-UBND"]
        assert set(found) == {
            "383/QĐ-BGDĐT",
            "117/KH-UBND",
            "131/KH-UBND",
            "59/KH-UBND",
            "53/KH-UBND",
            "2282/QĐ-TTg",
            "125/2021/NĐ-CP",
        }
        # Task 1 and task 3 (heading and bullet) each cite Plans 117 and 131 again.
        assert found.count("117/KH-UBND") == 4
        assert found.count("131/KH-UBND") == 4

    def test_the_2026_seed_drops_117_and_131_and_adds_2394(self):
        found = references(SEED_2026)
        assert found[:2] == ["383/QĐ-BGDĐT", "2394/KH-BGDĐT"]
        assert "117/KH-UBND" not in found and "131/KH-UBND" not in found

    def test_every_span_is_the_text_it_claims(self):
        for text in (SEED_2024, SEED_2026):
            for citation in find_citations(text):
                assert text[citation.start : citation.end] == citation.text

    def test_a_city_plan_gets_the_full_name_of_the_people_s_committee(self):
        [citation] = find_citations(BASIS_131)
        assert citation.issuer == "Ủy ban nhân dân thành phố"
        assert citation.subject == "hành động về Bình đẳng giới giai đoạn 2021-2025"

    def test_a_subject_stops_where_the_next_citation_begins(self):
        text = (
            "Kế hoạch số 53/KH-UBND ngày 09/3/2022 của Ủy ban nhân dân thành phố về triển khai "
            "Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ về Chương trình "
            "“Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021-2030; Kế hoạch số 59"
            "/KH-UBND"
        )
        plan_53, decision, plan_59 = find_citations(text)
        assert plan_53.subject == "triển khai"
        assert plan_53.end <= decision.start
        assert decision.issuer == "Thủ tướng Chính phủ"
        assert decision.subject.endswith("giai đoạn 2021-2030")  # the quote is never closed
        assert plan_59.reference == "59/KH-UBND"

    def test_an_unnumbered_action_plan_yields_the_decision_that_issued_it(self):
        text = (
            "Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới giai đoạn 2021-2030 "
            "của Bộ Giáo dục và Đào tạo, ban hành kèm theo Quyết định số 383/QĐ-BGDĐT ngày "
            "26/01/2022 của Bộ Giáo dục và Đào tạo;"
        )
        [citation] = find_citations(text)
        assert citation.reference == "383/QĐ-BGDĐT"
        assert citation.text.startswith("Quyết định số 383")

    def test_markdown_emphasis_is_not_part_of_a_subject(self):
        heading = "**3. Tiếp tục thực hiện Kế hoạch số 53/KH-UBND ngày 09/3/2022 về triển khai**"
        [citation] = find_citations(heading)
        assert citation.subject == "triển khai"


class TestForms:
    @pytest.mark.parametrize(
        ("text", "reference", "type_name"),
        [
            ("theo 383/QĐ-BGDĐT", "383/QĐ-BGDĐT", "Quyết định"),
            ("theo số 53/KH-UBND", "53/KH-UBND", "Kế hoạch"),
            ("Nghị quyết 28/NQ-CP", "28/NQ-CP", "Nghị quyết"),
            ("Thông tư số 01/2021/TT-BGDĐT", "01/2021/TT-BGDĐT", "Thông tư"),
            ("Chỉ thị 05/CT-TTg", "05/CT-TTg", "Chỉ thị"),
            ("QĐ 2282/QĐ-TTg", "2282/QĐ-TTg", "Quyết định"),
            ("Công văn số 1234/BGDĐT-GDTrH", "1234/BGDĐT-GDTrH", "Công văn"),
            ("theo 1234/BGDĐT-GDTrH", "1234/BGDĐT-GDTrH", "Công văn"),
            ("Luật Bình đẳng giới số 73/2006/QH11", "73/2006/QH11", "Luật"),
            ("Thông tư liên tịch số 07/2011/TTLT-BGDĐT-BYT", "07/2011/TTLT-BGDĐT-BYT", None),
        ],
    )
    def test_types_come_from_the_word_or_the_symbol(self, text, reference, type_name):
        [citation] = find_citations(text)
        assert citation.reference == reference
        assert citation.type == (type_name or "Thông tư liên tịch")

    def test_a_named_law_starts_at_its_name(self):
        [law] = find_citations("theo Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006")
        assert law.text.startswith("Luật Bình đẳng giới số")
        assert law.issuer == "Quốc hội"
        assert law.date == dt.date(2006, 11, 29)

    @pytest.mark.parametrize(
        "date_text",
        [
            "ngày 26/01/2022",
            "ngày 26/1/2022",
            "26/01/2022",
            "ngày 26-01-2022",
            "ngày 26.01.2022",
            "ngày 26 tháng 01 năm 2022",
            "ban hành ngày 26/01/2022",
        ],
    )
    def test_dates_in_every_usual_form(self, date_text):
        [citation] = find_citations(f"Quyết định số 383/QĐ-BGDĐT {date_text} về việc X")
        assert citation.date == dt.date(2022, 1, 26)
        assert citation.subject == "X"

    def test_an_impossible_date_is_not_read(self):
        [citation] = find_citations("Quyết định số 383/QĐ-BGDĐT ngày 31/02/2022")
        assert citation.date is None
        assert citation.text == "Quyết định số 383/QĐ-BGDĐT"

    @pytest.mark.parametrize(
        ("issuer_text", "issuer"),
        [
            ("Uỷ ban nhân dân thành phố", "Ủy ban nhân dân thành phố"),
            ("UBND thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),
            ("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
            ("UBND TP. Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),
            ("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"),
            ("Bộ GDĐT", "Bộ Giáo dục và Đào tạo"),
            ("HĐND thành phố", "Hội đồng nhân dân thành phố"),
            ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
            ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            ("Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ trưởng Bộ Giáo dục và Đào tạo"),
            ("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
        ],
    )
    def test_issuers_are_normalised(self, issuer_text, issuer):
        [citation] = find_citations(f"Kế hoạch số 53/KH-UBND ngày 09/3/2022 của {issuer_text};")
        assert citation.issuer == issuer
        assert citation.text.endswith(issuer_text)

    def test_windows_line_ends_stay_out_of_the_span(self):
        [citation] = find_citations("Kế hoạch số 59/KH-UBND về truyền thông\r\nII. NHIỆM VỤ")
        assert citation.subject == "truyền thông"
        assert citation.text.endswith("truyền thông")

    def test_curly_quotes_around_a_citation(self):
        [citation] = find_citations("theo “Quyết định số 383/QĐ-BGDĐT” đã nêu")
        assert citation.text == "Quyết định số 383/QĐ-BGDĐT"

    def test_dates_and_addresses_are_not_citations(self):
        assert find_citations("trước ngày 28/5/2024 tại 12/AB Lê Lợi; Số: /KH-SGDĐT") == []

    def test_nfd_text_gives_the_same_citations_with_offsets_into_the_nfd_text(self):
        nfd = unicodedata.normalize("NFD", SEED_2024)
        found = find_citations(nfd)
        assert [c.reference for c in found] == [
            unicodedata.normalize("NFC", r) for r in references(SEED_2024)
        ]
        for citation in found:
            assert nfd[citation.start : citation.end] == citation.text
        assert found[0].issuer == "Bộ Giáo dục và Đào tạo"  # NFC whatever the input


class TestBasisAndPeriod:
    def test_guidance_without_number_is_an_annual_record(self):
        basis = parse_basis(GUIDANCE_2024)
        assert basis.type == "Văn bản hướng dẫn"
        assert basis.number is None
        assert basis.issuer == "Bộ Giáo dục và Đào tạo, Ủy ban nhân dân thành phố"
        assert parse_period(basis.subject) == (None, None, 2024)
        assert GUIDANCE_2024[basis.start : basis.end] == basis.text

    def test_a_numbered_basis_line_without_can_cu_gives_its_citation(self):
        basis = parse_basis(BASIS_131)
        assert basis.reference == "131/KH-UBND"

    def test_a_line_without_any_document_gives_nothing(self):
        assert parse_basis("Ban Vì sự tiến bộ phụ nữ ngành xây dựng Kế hoạch như sau:") is None

    @pytest.mark.parametrize(
        ("text", "period"),
        [
            ("giai đoạn 2021-2025", (2021, 2025, None)),
            ("giai đoạn 2021 – 2030, tầm nhìn đến năm 2045", (2021, 2030, None)),
            ("trên địa bàn thành phố đến năm 2030", (None, 2030, None)),
            ("hoạt động năm 2026", (None, None, 2026)),
            ("từ năm 2021 đến năm 2025", (2021, 2025, None)),
            ("năm học 2024-2025", (2024, 2025, None)),
            ("ngày 14 tháng 3 năm 2022", (None, None, None)),
            ("phòng ngừa bạo lực", (None, None, None)),
        ],
    )
    def test_periods(self, text, period):
        assert parse_period(text) == period


class TestChecks:
    registry = default_registry()

    def check(self, text: str, year: int, *, bases: bool = False):
        return check_citations(find_citations(text), self.registry, plan_year=year, bases=bases)

    def test_the_registry_holds_every_document_the_seeds_cite(self):
        known = {entry.reference for entry in self.registry}
        for text in (SEED_2024, SEED_2026):
            assert set(references(text)) <= known
        for citation in self.check(SEED_2024 + SEED_2026, 2024):
            assert "unknown" not in codes(citation)

    def test_carrying_2024_into_2026_flags_plans_117_and_131_everywhere(self):
        flagged = [c for c in self.check(SEED_2024, 2026) if c.flags]
        assert {c.reference for c in flagged} == {"117/KH-UBND", "131/KH-UBND"}
        assert len(flagged) == 8
        assert all(codes(c) == ["period_ended"] for c in flagged)
        plan_117 = next(c for c in flagged if c.number == "117")
        assert plan_117.flags[0]["message"] == (
            "Kế hoạch 117/KH-UBND có hiệu lực giai đoạn 2021-2025, đã hết trước năm 2026."
        )
        assert plan_117.flags[0]["entry"] == "117/KH-UBND"

    def test_the_2026_seed_is_clean_for_2026(self):
        assert all(not c.flags for c in self.check(SEED_2026, 2026))

    def test_a_wrong_number_with_the_right_date_suggests_the_registered_one(self):
        [citation] = self.check(
            "Quyết định số 283/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo về việc ban "
            "hành Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới",
            2026,
        )
        [flag] = citation.flags
        assert flag["code"] == "number_mismatch"
        assert flag["fix"] == "383/QĐ-BGDĐT"
        assert "383/QĐ-BGDĐT" in flag["message"]

    def test_a_wrong_number_of_an_unrelated_date_is_unknown(self):
        [citation] = self.check("Quyết định số 283/QĐ-BGDĐT ngày 15/08/2019 về tuyển sinh", 2026)
        assert codes(citation) == ["unknown"]
        assert citation.flags[0]["fix"] is None

    def test_a_wrong_date_suggests_the_registered_date(self):
        [citation] = self.check("Kế hoạch số 59/KH-UBND ngày 15/3/2022", 2026)
        [flag] = citation.flags
        assert flag["code"] == "date_mismatch"
        assert flag["fix"] == "14/03/2022"

    def test_last_year_s_annual_plan_is_flagged(self):
        [citation] = self.check("Căn cứ Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025", 2027)
        assert codes(citation) == ["old_annual"]
        [same_year] = self.check("Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025", 2026)
        assert same_year.flags == []

    def test_old_guidance_is_flagged_with_the_text_for_the_new_year(self):
        basis = parse_basis(GUIDANCE_2024)
        [flag] = check_citation(basis, year=2026, bases=True)
        assert flag["code"] == "old_annual"
        assert "không nên dùng làm căn cứ" in flag["message"]
        assert "năm 2026 của Bộ Giáo dục và Đào tạo" in flag["fix"]

    def test_an_unknown_document_is_still_checked_against_its_own_period(self):
        [citation] = self.check(
            "Kế hoạch số 999/KH-UBND về bình đẳng giới giai đoạn 2016-2020", 2024
        )
        assert codes(citation) == ["unknown", "period_ended"]

    def test_checking_twice_does_not_duplicate_flags(self):
        citations = find_citations(BASIS_131)
        check_citations(citations, self.registry, plan_year=2026)
        check_citations(citations, self.registry, plan_year=2026)
        assert codes(citations[0]) == ["period_ended"]

    def test_a_custom_registry_is_used_as_given(self):
        registry = [
            RegistryEntry("Kế hoạch", "7", "KH-UBND", dt.date(2020, 1, 2), "Ủy ban nhân dân")
        ]
        [citation] = check_citations(
            find_citations("Kế hoạch 7/KH-UBND ngày 02/01/2020"), registry, plan_year=2026
        )
        assert citation.flags == []
