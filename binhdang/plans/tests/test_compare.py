"""Comparison of two plans: the seeds (PRODUCT.md facts), the redline, and edge cases."""

import copy
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.plans.compare import compare_plans, comparison_docx, comparison_view, word_ops
from binhdang.plans.importing import import_plan_file
from binhdang.plans.structure import Block, LegalBasis, Section

SEEDS = Path("/work/shared/seeds")
SEED_2024 = SEEDS / "002_233b4876e6a4bb3f.txt"
SEED_2026 = SEEDS / "000_264b000593e4d70b.txt"


def load(path: Path):
    return import_plan_file(path.read_bytes(), path.name)


@pytest.fixture(scope="module")
def seeds():
    return load(SEED_2024), load(SEED_2026)


@pytest.fixture(scope="module")
def comparison(seeds):
    return compare_plans(*seeds)


def real_text_changes(comparison):
    return {
        (tuple(c["new_location"]["path"]), c["new_location"]["field"], c["new_location"]["block"])
        for c in comparison.text_changes
        if not c["year_only"] and c["new_location"]["area"] == "section"
    }


def deleted(change) -> str:
    return "".join(op["old"] for op in change["ops"] if op["op"] in ("delete", "replace"))


def inserted(change) -> str:
    return "".join(op["new"] for op in change["ops"] if op["op"] in ("insert", "replace"))


def change_at(comparison, path, field="block", block=None):
    for c in comparison.text_changes:
        loc = c["new_location"]
        if loc and tuple(loc["path"]) == path and loc["field"] == field and loc["block"] == block:
            return c
    raise AssertionError(f"no change at {path} {field} {block}")


def test_seed_bases_removed_are_117_131_and_59_with_59_still_cited(comparison):
    removed = {b["reference"]: b for b in comparison.bases_removed}
    assert set(removed) == {"117/KH-UBND", "131/KH-UBND", "59/KH-UBND"}
    assert removed["59/KH-UBND"]["still_cited"] is True
    assert "Mục II.3 – tên mục" in removed["59/KH-UBND"]["cited_in"]
    assert "Mục II.1 – ý 1" in removed["59/KH-UBND"]["cited_in"]
    assert removed["117/KH-UBND"]["still_cited"] is False
    assert removed["131/KH-UBND"]["still_cited"] is False


def test_seed_basis_2394_is_added_and_guidance_basis_changed_beyond_its_year(comparison):
    assert [b["reference"] for b in comparison.bases_added] == ["2394/KH-BGDĐT"]
    assert comparison.bases_added[0]["cited_before"] is False
    (guidance,) = comparison.bases_changed
    assert guidance["year_only"] is False
    assert deleted(guidance).replace("2024", "").strip(" ,") == "Bộ Giáo dục và Đào tạo"
    assert [op for op in guidance["ops"] if op.get("year")] == [
        {"op": "replace", "old": "2024", "new": "2026", "year": True}
    ]


def test_seed_documents_no_longer_cited_anywhere_are_117_and_131(comparison):
    assert {c["reference"] for c in comparison.citations_removed} == {
        "117/KH-UBND",
        "131/KH-UBND",
    }
    assert {c["reference"] for c in comparison.citations_added} == {"2394/KH-BGDĐT"}
    where_117 = next(c for c in comparison.citations_removed if c["reference"] == "117/KH-UBND")
    assert set(where_117["cited_in"]) == {
        "Căn cứ 2",
        "Mục II.1 – ý 1",
        "Mục II.3 – tên mục",
        "Mục II.3 – ý 1",
    }


def test_seed_real_wording_edits_are_in_tasks_1_3_4_and_section_III(comparison):
    assert real_text_changes(comparison) == {
        (("II", "1"), "block", 0),  # 117 and 131 dropped
        (("II", "1"), "block", 1),  # "lớp độc lập" -> "lớp học lập"
        (("II", "3"), "title", None),  # 117 and 131 dropped from the task title
        (("II", "3"), "block", 0),  # ... and from its first bullet
        (("II", "3"), "block", 1),  # ", UBND thành phố" added
        (("II", "4"), "block", 5),  # ", vì sự tiến bộ", "Ủy ban nhân dân các cấp" dropped
        (("III",), "block", 2),  # "Tổ chức – Cán bộ"
    }


def test_seed_redlines_show_the_removed_documents_and_the_edits(comparison):
    task1 = change_at(comparison, ("II", "1"), block=0)
    assert "131/KH-UBND" in deleted(task1) and "117/KH-UBND" in deleted(task1)
    assert "53/KH-UBND" not in deleted(task1)
    title3 = change_at(comparison, ("II", "3"), field="title")
    assert "131/KH-UBND" in deleted(title3) and "117/KH-UBND" in deleted(title3)
    assert inserted(title3) == ""
    bullet3 = change_at(comparison, ("II", "3"), block=1)
    assert inserted(bullet3).strip() == ", UBND thành phố"
    task4 = change_at(comparison, ("II", "4"), block=5)
    assert deleted(task4).strip() == ", Ủy ban nhân dân các cấp"
    assert inserted(task4) == ","
    section3 = change_at(comparison, ("III",), block=2)
    assert "–" in inserted(section3)
    lop = change_at(comparison, ("II", "1"), block=1)
    assert [(op["old"], op["new"]) for op in lop["ops"] if op["op"] != "equal"] == [("độc", "học")]


def test_seed_year_only_changes_are_marked_apart(comparison):
    year_only = {
        tuple(s["path"]) for s in comparison.sections if s["change"] == "changed" and s["year_only"]
    }
    assert year_only == {("I", "2"), ("II", "2"), ("II", "5")}
    action_month = change_at(comparison, ("II", "2"), block=0)
    assert action_month["year_only"] is True
    assert all(op.get("year") for op in action_month["ops"] if op["op"] != "equal")
    assert not [s for s in comparison.sections if s["change"] in ("added", "removed")]


def test_seed_header_shows_the_new_signer_and_year_only_fields(comparison):
    header = {h["field"]: h for h in comparison.header_changes}
    assert header["signer.name"]["old"] == "Đỗ Thị Hòa"
    assert header["signer.name"]["new"] == "Phí Thị Thùy Vân"
    assert header["signer.name"]["year_only"] is False
    assert header["year"]["old"] == 2024 and header["year"]["new"] == 2026
    assert header["deadline.mid_year_report"]["new"] == "28/05/2026"
    assert header["deadline.year_end_report"]["new"] == "01/12/2026"
    real = {name for name, h in header.items() if not h["year_only"]}
    assert real == {"signer.name"}  # recipients, signer's title, type and symbol unchanged


def test_identical_plans_have_no_changes(seeds):
    comparison = compare_plans(seeds[1], copy.deepcopy(seeds[1]))
    assert comparison.is_empty
    data = comparison.to_json()
    for key in ("bases_added", "bases_removed", "bases_changed", "sections", "text_changes"):
        assert data[key] == []
    assert comparison_view(comparison)["is_empty"] is True


def test_a_new_task_is_added_and_a_removed_task_is_removed(seeds):
    old = seeds[1]
    new = copy.deepcopy(old)
    tasks = new.sections[1].children
    tasks.append(
        Section("6", "Tổ chức tập huấn phòng, chống quấy rối", [Block("bullet", "Mở lớp.", "-")])
    )
    del tasks[1]  # the Action Month task
    comparison = compare_plans(old, new)
    changes = {(s["change"], tuple(s["path"])) for s in comparison.sections}
    assert ("added", ("II", "6")) in changes
    assert ("removed", ("II", "2")) in changes
    added = next(s for s in comparison.sections if s["change"] == "added")
    assert added["items"][0]["new"] == "Mở lớp."
    # the other tasks are unchanged, so nothing else is reported
    assert len(comparison.sections) == 2


def test_renumbered_tasks_align_by_title_not_by_number(seeds):
    old = seeds[1]
    new = copy.deepcopy(old)
    tasks = new.sections[1].children
    tasks.insert(0, Section("1", "Nhiệm vụ mới hoàn toàn về chuyển đổi số", []))
    for number, task in enumerate(tasks, start=1):
        task.label = str(number)
    comparison = compare_plans(old, new)
    assert [(s["change"], s["path"]) for s in comparison.sections if not s["renumbered"]] == [
        ("added", ["II", "1"])
    ]
    renumbered = [s for s in comparison.sections if s["renumbered"]]
    assert [(s["old_path"], s["path"]) for s in renumbered] == [
        (["II", "1"], ["II", "2"]),
        (["II", "2"], ["II", "3"]),
        (["II", "3"], ["II", "4"]),
        (["II", "4"], ["II", "5"]),
        (["II", "5"], ["II", "6"]),
    ]
    assert all(not s["items"] and s["title_ops"] is None for s in renumbered)


def test_bases_match_by_reference_even_when_reworded(seeds):
    old = seeds[1]
    new = copy.deepcopy(old)
    new.legal_bases[1] = LegalBasis(new.legal_bases[1].text.replace("về việc triển khai", "về"))
    new.legal_bases.reverse()
    comparison = compare_plans(old, new)
    assert comparison.bases_added == [] and comparison.bases_removed == []
    assert [b["reference"] for b in comparison.bases_changed] == ["2394/KH-BGDĐT"]


def test_word_ops_rebuild_both_texts():
    old = "Báo cáo gửi trước ngày 28/5/2024 về phòng Tổ chức Cán bộ."
    new = "Báo cáo gửi trước ngày 28/5/2026 về phòng Tổ chức – Cán bộ và Văn phòng."
    ops = word_ops(old, new, [2024, 2026])
    assert "".join(op["old"] for op in ops) == old
    assert "".join(op["new"] for op in ops) == new
    assert {"op": "replace", "old": "2024", "new": "2026", "year": True} in ops


def test_comparison_docx_is_a_redline(seeds, comparison):
    data = comparison_docx(comparison, *seeds)
    doc = Document(io.BytesIO(data))
    runs = [run for p in doc.paragraphs for run in p.runs]
    runs += [
        run
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for run in p.runs
    ]
    struck = " ".join(r.text for r in runs if r.font.strike)
    underlined = " ".join(r.text for r in runs if r.font.underline)
    assert "117/KH-UBND" in struck and "131/KH-UBND" in struck
    assert "2394/KH-BGDĐT" in underlined
    assert "Phí Thị Thùy Vân" in underlined and "Đỗ Thị Hòa" in struck
    red = {r.font.color.rgb for r in runs if r.font.strike and "117/KH-UBND" in r.text}
    assert {str(c) for c in red} == {"C00000"}


def test_compare_plans_command_json(capsys):
    out = io.StringIO()
    call_command("compare_plans", str(SEED_2024), str(SEED_2026), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert {b["reference"] for b in data["bases_removed"]} == {
        "117/KH-UBND",
        "131/KH-UBND",
        "59/KH-UBND",
    }
    assert [b["reference"] for b in data["bases_added"]] == ["2394/KH-BGDĐT"]
    assert data["sections"] and data["text_changes"]
    assert all({"op", "old", "new"} <= set(op) for c in data["text_changes"] for op in c["ops"])


def test_compare_plans_command_rejects_a_bad_file(tmp_path):
    bad = tmp_path / "rong.txt"
    bad.write_bytes(b"")
    with pytest.raises(CommandError, match="rỗng"):
        call_command("compare_plans", str(bad), str(SEED_2026), "--json")


_WORDS = st.sampled_from(
    ["Kế", "hoạch", "năm", "2024", "2026", "bình", "đẳng", "giới", ";", ",", ".", "–", "UBND"]
)
_TEXTS = st.lists(_WORDS, max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(old=_TEXTS, new=_TEXTS)
def test_word_ops_always_rebuild_both_texts(old, new):
    ops = word_ops(old, new, [2024, 2026])
    assert "".join(op["old"] for op in ops) == " ".join(old.split())
    assert "".join(op["new"] for op in ops) == " ".join(new.split())
    assert all(op["op"] != "equal" or op["old"] == op["new"] for op in ops)
    assert all(op["op"] == "equal" or op["old"] != op["new"] for op in ops)
