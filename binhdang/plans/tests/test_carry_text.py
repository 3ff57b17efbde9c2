"""Carry-forward text rules on the real sentences of the seeds: which years move, which
belong to citations and stay, and how a cited document leaves a list of clauses."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.plans.carry.clauses import remove_clause
from binhdang.plans.carry.years import shift_years

SEEDS = Path("/work/shared/seeds")


def paragraphs(name: str) -> list[str]:
    """The seed's paragraphs, markdown marks dropped, page-break fragments joined again."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    found: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        paragraph = re.sub(r"[#*]+\s*", "", raw).strip()
        if found and paragraph[:1].islower():
            found[-1] += " " + paragraph
        elif paragraph:
            found.append(paragraph)
    return found


@pytest.fixture(scope="module")
def seed_2024():
    return paragraphs("002_233b4876e6a4bb3f.txt")


@pytest.fixture(scope="module")
def seed_2026():
    return paragraphs("000_264b000593e4d70b.txt")


def test_every_plan_year_moves_and_no_citation_year_does(seed_2024):
    whole = "\n".join(seed_2024)
    moved, edits = shift_years(whole, 2024, 2026)
    assert "2024" not in moved
    assert moved.count("2026") == whole.count("2024")
    # citation dates, periods, horizons and document numbers are untouched
    for kept in (
        "ngày 26/01/2022",
        "ngày 17/5/2021",
        "ngày 31/5/2021",
        "ngày 14/3/2022",
        "ngày 09/3/2022",
        "ngày 31/12/2020",
        "giai đoạn 2021-2030",
        "giai đoạn 2021-2025",
        "đến năm 2030",
        "125/2021/NĐ-CP",
        "ngày 28/12/2021",
    ):
        assert moved.count(kept) == whole.count(kept), kept
    kinds = {(e.kind, e.after) for e in edits}
    assert ("deadline", "28/5/2026") in kinds
    assert ("deadline", "01/12/2026") in kinds
    assert ("action_month", "năm 2026") in kinds


def test_carrying_the_2024_text_gives_the_2026_wording_where_nothing_else_changed(
    seed_2024, seed_2026
):
    moved = {shift_years(p, 2024, 2026)[0] for p in seed_2024}
    for same in (
        "Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2026",
        next(p for p in seed_2026 if p.startswith("Ban Vì sự tiến bộ phụ nữ ngành")),
        next(p for p in seed_2026 if p.startswith("- Triển khai thực hiện Tháng hành động")),
        next(p for p in seed_2026 if p.startswith("- Các đơn vị bám sát")),
    ):
        assert same in moved


def test_the_subject_of_a_cited_annual_document_keeps_its_year():
    basis = (
        "Căn cứ Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025 của Bộ Giáo dục và Đào tạo về việc "
        "triển khai các hoạt động của Ban Vì sự tiến bộ phụ nữ Bộ Giáo dục và Đào tạo năm 2026;"
    )
    assert shift_years(basis, 2026, 2027) == (basis, [])


def test_a_citation_dated_in_the_plan_year_stays_but_a_deadline_after_it_moves():
    text = "Thực hiện Công văn số 12/SGDĐT ngày 03/01/2024, gửi báo cáo trước ngày 15/01/2025."
    moved, edits = shift_years(text, 2024, 2026)
    assert moved == (
        "Thực hiện Công văn số 12/SGDĐT ngày 03/01/2024, gửi báo cáo trước ngày 15/01/2027."
    )
    assert [(e.kind, e.before, e.after) for e in edits] == [
        ("deadline", "15/01/2025", "15/01/2027")
    ]


def test_school_years_and_leap_days_move_sensibly():
    moved, _ = shift_years(
        "Năm học 2023-2024, hạn ngày 29/02/2024 và tháng 11 năm 2024.", 2024, 2025
    )
    assert moved == "Năm học 2024-2025, hạn ngày 28/02/2025 và tháng 11 năm 2025."


def _remove(text: str, reference: str) -> str:
    at = text.index(reference)
    start = text.rfind("Kế hoạch số", 0, at)
    return remove_clause(text, start, at + len(reference))


@pytest.mark.parametrize(
    "starts_with",
    [
        "- Tiếp tục đẩy mạnh truyền thông",  # task 1, first bullet
        "3. Tiếp tục thực hiện Kế hoạch",  # task 3, its title
        "- Các đơn vị căn cứ Kế hoạch",  # task 3, first bullet
    ],
)
def test_removing_117_and_131_gives_the_real_2026_text(seed_2024, seed_2026, starts_with):
    old = next(p for p in seed_2024 if p.startswith(starts_with))
    new = next(p for p in seed_2026 if p.startswith(starts_with))
    carried = shift_years(_remove(_remove(old, "131/KH-UBND"), "117/KH-UBND"), 2024, 2026)[0]
    assert carried == new


def test_removing_a_clause_never_leaves_doubled_or_dangling_separators():
    text = "Kế hoạch số 1/KH-UBND; Kế hoạch số 2/KH-UBND; các văn bản khác."
    assert remove_clause(text, 0, 21) == "Kế hoạch số 2/KH-UBND; các văn bản khác."
    assert remove_clause(text, 23, 44) == "Kế hoạch số 1/KH-UBND; các văn bản khác."
    last = "Tuyên truyền luật; Kế hoạch số 2/KH-UBND."
    assert remove_clause(last, 19, 40) == "Tuyên truyền luật."
    only_documents = "Kế hoạch số 2/KH-UBND; các chương trình liên quan."
    assert remove_clause(only_documents, 0, 21) == "Các chương trình liên quan."
    assert remove_clause("Kế hoạch số 2/KH-UBND.", 0, 21) == ""


_CLAUSE = st.sampled_from(
    [
        "Tuyên truyền pháp luật về bình đẳng giới",
        "Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ",
        "Kế hoạch số 53/KH-UBND ngày 09/3/2022 của Ủy ban nhân dân thành phố",
        "các chương trình liên quan",
    ]
)
_ENDED = "Kế hoạch số 117/KH-UBND ngày 17/5/2021 của Ủy ban nhân dân thành phố"


@settings(max_examples=200, deadline=None)
@given(
    before=st.lists(_CLAUSE, max_size=4),
    after=st.lists(_CLAUSE, max_size=4),
    end=st.sampled_from(["", ".", "./."]),
)
def test_removing_a_cited_clause_keeps_the_others_and_their_separators(before, after, end):
    text = "; ".join([*before, _ENDED, *after]) + end
    start = text.index(_ENDED)
    result = remove_clause(text, start, start + len(_ENDED))
    expected = "; ".join([*before, *after])
    if expected:
        expected += end
    if not before and after and expected[:1].islower():
        expected = expected[:1].upper() + expected[1:]
    assert result == expected
    assert "117/KH-UBND" not in result
    assert ";;" not in result.replace(" ", "") and not result.startswith(";")
