"""Carry-forward of the seeds: the 2024 plan carried to 2026 must drop or flag Plans 117 and
131 everywhere, and with every flag applied come out as the real 2026 plan but for the
edits a person made by hand."""

import copy
import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from binhdang.legal.citations import default_registry
from binhdang.plans.carry import apply_flag, apply_flags, carry_forward
from binhdang.plans.compare import compare_plans
from binhdang.plans.importing import import_plan_file
from binhdang.plans.structure import Block, LegalBasis, PlanDocument, Section

SEEDS = Path("/work/shared/seeds")
SEED_2024 = SEEDS / "002_233b4876e6a4bb3f.txt"
SEED_2026 = SEEDS / "000_264b000593e4d70b.txt"
ENDED = ("117/KH-UBND", "131/KH-UBND")


def load(path: Path) -> PlanDocument:
    return import_plan_file(path.read_bytes(), path.name)


@pytest.fixture(scope="module")
def plan_2024():
    return load(SEED_2024)


@pytest.fixture(scope="module")
def plan_2026():
    return load(SEED_2026)


@pytest.fixture(scope="module")
def carried(plan_2024):
    return carry_forward(plan_2024, year=2026)


def all_text(plan: PlanDocument) -> str:
    return json.dumps(plan.to_json(), ensure_ascii=False)


def test_carry_moves_year_title_deadlines_and_action_month(carried):
    plan = carried.plan
    assert plan.year == 2026
    assert plan.title == "Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2026"
    assert {d.kind: d.date for d in plan.deadlines} == {
        "action_month": dt.date(2026, 11, 1),
        "mid_year_report": dt.date(2026, 5, 28),
        "year_end_report": dt.date(2026, 12, 1),
    }
    section_iii = plan.sections[2]
    assert "trước ngày 28/5/2026" in section_iii.blocks[1].text
    assert "trước ngày 01/12/2026" in section_iii.blocks[1].text
    action_month = plan.sections[1].children[1].blocks[0].text
    assert "năm 2026 (thời gian dự kiến trong tuần 1 hoặc tuần 2 tháng 11 năm 2026)" in action_month
    guidance = plan.legal_bases[4].text
    assert "phụ nữ năm 2026 của Bộ Giáo dục và Đào tạo" in guidance
    assert "2024" not in all_text(plan)


def test_carry_lists_every_automatic_change(carried):
    changes = {(c.location.label(), c.kind, c.before, c.after) for c in carried.changes}
    assert ("Phần đầu – năm", "year", "2024", "2026") in changes
    assert ("Tên kế hoạch", "year", "năm 2024", "năm 2026") in changes
    assert ("Căn cứ 5", "year", "năm 2024", "năm 2026") in changes
    assert ("Mục III – ý 2", "deadline", "28/5/2024", "28/5/2026") in changes
    assert ("Mục III – ý 2", "deadline", "01/12/2024", "01/12/2026") in changes
    assert ("Mục II.2 – ý 1", "action_month", "năm 2024", "năm 2026") in changes
    assert ("Thời hạn – báo cáo 6 tháng", "deadline_date", "28/05/2024", "28/05/2026") in changes
    assert ("Thời hạn – Tháng hành động", "deadline_date", "01/11/2024", "01/11/2026") in changes
    # every "2024" of the plan is accounted for by one listed change
    text_changes = [c for c in carried.changes if c.kind != "deadline_date"]
    assert len(text_changes) == 1 + 10  # the year field, and ten "2024" in the text


def test_carry_never_touches_the_years_of_citations(plan_2024, carried):
    moved = all_text(carried.plan)
    for citation in plan_2024.citations:
        if citation.number:
            assert citation.text in moved, citation.text
    for kept in ("giai đoạn 2021-2030", "đến năm 2030", "125/2021/NĐ-CP", "ngày 26/01/2022"):
        assert kept in moved


def test_carry_does_not_change_its_input(plan_2024):
    before = copy.deepcopy(plan_2024.to_json())
    result = carry_forward(plan_2024, year=2026)
    apply_flags(result)
    assert plan_2024.to_json() == before


def test_a_new_draft_has_no_number_or_date_and_keeps_the_signer_for_review(plan_2024):
    issued = dataclasses.replace(plan_2024, number="45", date=dt.date(2024, 1, 15))
    result = carry_forward(issued, year=2025)
    assert result.plan.number == "" and result.plan.date is None
    kinds = {c.kind: c for c in result.changes}
    assert kinds["number_cleared"].before == "45"
    assert kinds["date_cleared"].before == "15/01/2024"
    assert result.plan.signer == plan_2024.signer
    (review,) = [f for f in result.flags if f.code == "signer_review"]
    assert review.action == "review" and "Đỗ Thị Hòa" in review.message


def test_117_and_131_are_flagged_everywhere_they_are_cited(carried):
    ended = [f for f in carried.flags if f.code == "period_ended"]
    places = sorted((f.reference, f.location.label()) for f in ended)
    expected = [("117/KH-UBND", "Căn cứ 2"), ("131/KH-UBND", "Căn cứ 3")]
    for reference in ENDED:
        for where in ("Mục II.1 – ý 1", "Mục II.3 – tên mục", "Mục II.3 – ý 1"):
            expected.append((reference, where))
    assert places == sorted(expected)
    assert len(ended) == 8
    assert all(f.action == "remove" and "2021-2025" in f.message for f in ended)
    assert {f.reference for f in carried.flags if f.reference} == set(ENDED)


def test_applying_every_flag_removes_117_and_131_from_the_whole_plan(carried):
    plan = apply_flags(carried)
    text = all_text(plan)
    for reference in ENDED:
        assert reference not in text
    assert len(plan.legal_bases) == 3
    texts = [b.text for b in plan.legal_bases]
    texts += [t for s in plan.walk() for t in [s.title, *(b.text for b in s.blocks)]]
    for text in texts:
        assert not re.search(r";\s*;|;\s*\.|\s{2,}|^\s*;", text), text
    task3 = plan.sections[1].children[2]
    assert task3.title.startswith("Tiếp tục thực hiện Kế hoạch số 53/KH-UBND")
    assert task3.blocks[0].text.startswith("Các đơn vị căn cứ Kế hoạch số 59/KH-UBND")


def test_the_result_is_the_real_2026_plan_but_for_the_hand_edits(carried, plan_2026):
    comparison = compare_plans(apply_flags(carried), plan_2026)
    assert [b["reference"] for b in comparison.bases_added] == ["2394/KH-BGDĐT"]
    assert [(b["reference"], b["still_cited"]) for b in comparison.bases_removed] == [
        ("59/KH-UBND", True)
    ]
    (guidance,) = comparison.bases_changed
    assert [(op["op"], op["old"]) for op in guidance["ops"] if op["op"] != "equal"] == [
        ("delete", "Bộ Giáo dục và Đào tạo, ")
    ]
    assert comparison.citations_removed == []
    remaining = {
        (
            c["where"],
            tuple((op["op"], op["old"], op["new"]) for op in c["ops"] if op["op"] != "equal"),
        )
        for c in comparison.text_changes
        if c["new_location"]["area"] == "section"
    }
    assert remaining == {
        ("Mục II.1 – ý 2", (("replace", "độc", "học"),)),
        ("Mục II.3 – ý 2", (("insert", "", ", UBND thành phố"),)),
        ("Mục II.4 – ý 6", (("insert", "", ","), ("delete", ", Ủy ban nhân dân các cấp", ""))),
        ("Mục III – ý 3", (("insert", "", "– "),)),
    }
    assert comparison.summary()["year_only_changes"] == 0
    assert [h["field"] for h in comparison.header_changes] == ["signer.name"]


def test_one_flag_at_a_time_and_again_changes_nothing(carried):
    basis_117 = next(
        f for f in carried.flags if f.location.area == "basis" and "117" in f.reference
    )
    once = apply_flag(carried, basis_117)
    assert len(once.legal_bases) == 4
    assert all("117/KH-UBND" not in b.text for b in once.legal_bases)
    assert "117/KH-UBND" in all_text(once)  # still cited in tasks 1 and 3 until those flags
    assert apply_flag(once, basis_117).to_json() == once.to_json()
    assert apply_flag(carried, basis_117, "review").to_json() == carried.plan.to_json()
    with pytest.raises(ValueError):
        apply_flag(carried, basis_117, "replace")


def test_a_citation_alone_in_an_item_takes_the_item_with_it():
    plan = PlanDocument(
        year=2024,
        title="Kế hoạch năm 2024",
        sections=[
            Section(
                "1",
                "Nhiệm vụ",
                [
                    Block(
                        "bullet",
                        "Tiếp tục thực hiện Kế hoạch số 117/KH-UBND ngày 17/5/2021 của Ủy ban "
                        "nhân dân thành phố về phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
                        "giai đoạn 2021-2025.",
                        "-",
                    ),
                    Block("bullet", "Tổ chức Tháng hành động tháng 11 năm 2024.", "-"),
                ],
            )
        ],
    )
    result = carry_forward(plan, year=2026)
    (flag,) = [f for f in result.flags if f.code == "period_ended"]
    after = apply_flag(result, flag)
    assert [b.text for b in after.sections[0].blocks] == [
        "Tổ chức Tháng hành động tháng 11 năm 2026."
    ]


def test_last_years_annual_plan_is_flagged_and_replaced_when_the_registry_knows_its_successor(
    plan_2026,
):
    alone = carry_forward(plan_2026, year=2027)
    (old_annual,) = [f for f in alone.flags if f.code == "old_annual"]
    assert old_annual.reference == "2394/KH-BGDĐT" and old_annual.action == "remove"
    assert old_annual.location.label() == "Căn cứ 2"
    # the 2394 basis keeps its own "năm 2026": that year belongs to the cited plan
    assert alone.plan.legal_bases[1].text == plan_2026.legal_bases[1].text

    previous = next(e for e in default_registry() if e.number == "2394")
    successor = dataclasses.replace(
        previous,
        number="2500",
        date=dt.date(2026, 12, 20),
        annual_year=2027,
        subject=previous.subject.replace("2026", "2027"),
    )
    registry = [*default_registry(), successor]
    result = carry_forward(plan_2026, year=2027, registry=registry)
    (flag,) = [f for f in result.flags if f.code == "old_annual"]
    assert flag.action == "replace"
    assert "2500/KH-BGDĐT ngày 20/12/2026" in flag.replacement
    plan = apply_flag(result, flag, registry=registry)
    assert "2500/KH-BGDĐT" in plan.legal_bases[1].text
    assert plan.legal_bases[1].text.startswith("Căn cứ Kế hoạch số 2500/KH-BGDĐT")
    assert "2394/KH-BGDĐT" not in all_text(plan)


def test_unnumbered_guidance_of_an_older_year_is_offered_with_the_new_year():
    plan = PlanDocument(
        year=2024,
        title="Kế hoạch năm 2024",
        legal_bases=[
            LegalBasis(
                "Căn cứ các văn bản hướng dẫn triển khai công tác bình đẳng giới năm 2023 của "
                "Bộ Giáo dục và Đào tạo;"
            )
        ],
        sections=[Section("I", "Mục đích")],
    )
    result = carry_forward(plan, year=2026)
    (flag,) = [f for f in result.flags if f.code == "old_annual"]
    assert flag.action == "replace" and "năm 2026" in flag.replacement
    after = apply_flag(result, flag)
    assert "bình đẳng giới năm 2026 của Bộ Giáo dục" in after.legal_bases[0].text
    assert after.legal_bases[0].text.endswith(";")


def test_a_wrong_number_is_offered_its_fix():
    plan = PlanDocument(
        year=2025,
        title="Kế hoạch năm 2025",
        legal_bases=[
            LegalBasis(
                "Căn cứ Quyết định số 283/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo "
                "về việc ban hành Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới "
                "giai đoạn 2021-2030 của Bộ Giáo dục và Đào tạo;"
            )
        ],
        sections=[Section("I", "Mục đích")],
    )
    result = carry_forward(plan, year=2026)
    (flag,) = [f for f in result.flags if f.code == "number_mismatch"]
    assert flag.action == "replace"
    after = apply_flag(result, flag)
    assert "Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022" in after.legal_bases[0].text


def test_carry_forward_command_json():
    out = io.StringIO()
    call_command("carry_forward", str(SEED_2024), "--year", "2026", "--json", stdout=out)
    data = json.loads(out.getvalue())
    for key in ("doc_type", "year", "title", "legal_bases", "sections", "deadlines", "signer"):
        assert key in data
    assert data["year"] == 2026
    flagged = {(f["reference"], f["action"]) for f in data["flags"] if f["reference"]}
    assert flagged == {("117/KH-UBND", "remove"), ("131/KH-UBND", "remove")}
    assert any(c["kind"] == "deadline" and c["after"] == "28/5/2026" for c in data["changes"])

    out = io.StringIO()
    call_command(
        "carry_forward", str(SEED_2024), "--year", "2026", "--json", "--apply-flags", stdout=out
    )
    applied = json.loads(out.getvalue())
    assert len(applied["legal_bases"]) == 3
    assert not any(ref in json.dumps(applied["sections"], ensure_ascii=False) for ref in ENDED)


@pytest.mark.parametrize(
    ("content", "year", "message"),
    [
        (b"\x00\x01binary\x00", "2026", "nh\u1ecb ph\u00e2n"),
        (None, "2026", "Không tìm thấy"),
        (b"", "1890", "không hợp lệ"),
    ],
)
def test_carry_forward_command_rejects_bad_input(tmp_path, content, year, message):
    path = tmp_path / "ke-hoach.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command("carry_forward", str(path), "--year", year, "--json")
    assert refused.value.returncode == 1
    assert message.lower() in str(refused.value).lower()
