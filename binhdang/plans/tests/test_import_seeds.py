"""Both seed plans import to exactly the structure PRODUCT.md lists ("Acceptance facts"),
from their own text files and from .docx files laid out like the real documents."""

from __future__ import annotations

import pytest

from binhdang.plans.importing import import_plan_file
from binhdang.plans.structure import PlanDocument, Section
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, SEED_2026, SPLIT_2024, build_docx

SEEDS = {2024: SEED_2024, 2026: SEED_2026}
SIGNERS = {2024: "Đỗ Thị Hòa", 2026: "Phí Thị Thùy Vân"}

_cache: dict[tuple[int, str], PlanDocument] = {}


def load(year: int, source: str) -> PlanDocument:
    """The seed of `year` imported from its text file ("txt") or a .docx made of it."""
    key = (year, source)
    if key not in _cache:
        seed = SEEDS[year]
        if source == "txt":
            _cache[key] = import_plan_file(seed.read_bytes(), seed.name)
        else:
            split = SPLIT_2024 if year == 2024 else ""
            data = build_docx(seed.read_text(encoding="utf-8"), split_after=split)
            _cache[key] = import_plan_file(data, f"ke-hoach-{year}.docx")
    return _cache[key]


SOURCES = [(year, source) for year in (2024, 2026) for source in ("txt", "docx")]


@pytest.fixture(params=SOURCES, ids=[f"{y}-{s}" for y, s in SOURCES])
def seed(request):
    year, source = request.param
    return year, load(year, source)


def section(plan: PlanDocument, *labels: str) -> Section:
    found = None
    children = plan.sections
    for label in labels:
        found = next(s for s in children if s.label == label)
        children = found.children
    assert found is not None
    return found


def all_text(plan: PlanDocument) -> str:
    parts = [*plan.preamble]
    for node in plan.walk():
        parts.append(node.title)
        parts += [block.text for block in node.blocks]
    return "\n".join(parts)


def test_header_type_and_title(seed):
    year, plan = seed
    assert plan.doc_type == "KẾ HOẠCH"
    assert (plan.number, plan.symbol, plan.place) == ("", "KH-SGDĐT", "Hải Phòng")
    assert plan.date is None  # "ngày tháng năm": day and month left blank until issued
    assert plan.year == year
    assert plan.title == (
        f"Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm {year}"
    )


def test_legal_bases_of_2024_include_the_line_without_can_cu():
    plan = load(2024, "txt")
    texts = [basis.text for basis in plan.legal_bases]
    assert len(texts) == 5
    assert texts[0].startswith("Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022")
    assert texts[1].startswith("Căn cứ Kế hoạch số 117/KH-UBND ngày 17/5/2021")
    assert texts[2].startswith("Kế hoạch số 131/KH-UBND ngày 31/5/2021")  # no "Căn cứ"
    assert texts[3].startswith("Căn cứ Kế hoạch số 59/KH-UBND ngày 14/3/2022")
    assert texts[4].startswith("Căn cứ các văn bản hướng dẫn triển khai")
    assert "năm 2024" in texts[4]


def test_legal_bases_of_2026():
    plan = load(2026, "txt")
    texts = [basis.text for basis in plan.legal_bases]
    assert len(texts) == 3
    assert texts[0].startswith("Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022")
    assert texts[1].startswith("Căn cứ Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025")
    assert texts[2].startswith("Căn cứ các văn bản hướng dẫn triển khai")
    assert "năm 2026 của Ủy ban nhân dân thành phố" in texts[2]


def test_bases_are_the_same_from_docx(seed):
    year, plan = seed
    assert [b.text for b in plan.legal_bases] == [b.text for b in load(year, "txt").legal_bases]


def test_the_introduction_is_preamble_not_a_basis(seed):
    _year, plan = seed
    assert len(plan.preamble) == 1
    assert plan.preamble[0].startswith("Ban Vì sự tiến bộ phụ nữ ngành Giáo dục và Đào tạo")
    assert plan.preamble[0].endswith("như sau:")


def test_outline_sections_and_counts(seed):
    _year, plan = seed
    assert [(s.label, s.title) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "CÁC NHIỆM VỤ CHỦ YẾU"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    purpose = section(plan, "I")
    assert [(c.label, c.title, len(c.items)) for c in purpose.children] == [
        ("1", "Mục đích", 3),
        ("2", "Yêu cầu", 1),
    ]
    tasks = section(plan, "II")
    assert [(c.label, len(c.items)) for c in tasks.children] == [
        ("1", 2),
        ("2", 1),
        ("3", 2),
        ("4", 8),
        ("5", 5),
    ]
    assert all(not c.children and not c.paragraphs for c in purpose.children + tasks.children)
    organisation = section(plan, "III")
    assert len(organisation.items) == 2
    assert organisation.paragraphs == [organisation.paragraphs[0]]
    assert organisation.paragraphs[0].startswith("Trong quá trình thực hiện")
    assert organisation.paragraphs[0].endswith("báo cáo cấp có thẩm quyền./.")
    assert not organisation.children


def test_bullets_are_dash_items_in_document_order(seed):
    _year, plan = seed
    blocks = section(plan, "II", "4").blocks
    assert {(b.kind, b.label) for b in blocks} == {("bullet", "-")}
    assert blocks[0].text.startswith("Tiếp tục đề cao vai trò, trách nhiệm của cấp uỷ")
    assert blocks[-1].text.startswith("Khen thưởng, biểu dương kịp thời")
    assert blocks[-1].text.endswith("bạo lực trên cơ sở giới.")


def test_task_titles(seed):
    _year, plan = seed
    titles = [c.title for c in section(plan, "II").children]
    assert titles[0] == (
        "Đẩy mạnh triển khai các hoạt động tuyên truyền, phổ biến, giáo dục chính sách, "
        "pháp luật về bình đẳng giới và vì sự tiến bộ của phụ nữ"
    )
    assert titles[1] == (
        "Tổ chức triển khai Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên "
        "cơ sở giới"
    )
    assert titles[3].startswith("Nâng cao năng lực và hiệu quả quản lý nhà nước")
    assert (
        titles[4]
        == "Triển khai hiệu quả các nhiệm vụ thường xuyên của Ban vì sự tiến bộ của phụ nữ"
    )


def test_paragraphs_cut_by_a_page_break_are_joined(seed):
    _year, plan = seed
    action_month = section(plan, "II", "2").items
    assert len(action_month) == 1
    assert "giảm thiểu tình trạng bạo lực trên cơ sở giới đặc biệt là bạo lực" in action_month[0]
    management = section(plan, "II", "4").items[0]
    assert "tăng cường công tác phối hợp với các cơ quan quản lý nhà nước" in management
    assert management.endswith("tổ chức chính trị - xã hội.")
    units = section(plan, "III").items[1]
    assert "đơn vị trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch" in units
    # No fragment of a cut paragraph is left on its own anywhere.
    text = all_text(plan).split("\n")
    assert not [line for line in text if line[:1].islower()]


@pytest.mark.parametrize("source", ["txt", "docx"])
def test_heading_split_over_two_bold_lines_is_one_title_2026(source):
    plan = load(2026, source)
    title = section(plan, "II", "3").title
    assert title.startswith("Tiếp tục thực hiện Kế hoạch số 53/KH-UBND ngày 09/3/2022")
    assert "lãnh đạo, quản lý ở các cấp hoạch định chính sách giai đoạn 2021-2030;" in title
    assert title.endswith("liên quan đến công tác Bình đẳng giới và Vì sự tiến bộ phụ nữ")
    assert len(section(plan, "II", "3").items) == 2


def test_the_docx_heading_split_over_two_paragraphs_is_joined_2024():
    plan = load(2024, "docx")
    assert section(plan, "II", "1").title.endswith(
        "pháp luật về bình đẳng giới và vì sự tiến bộ của phụ nữ"
    )


def test_unclosed_quotation_mark_survives(seed):
    _year, plan = seed
    title = section(plan, "II", "3").title
    assert "Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ" in title
    assert "”" not in title  # the real document never closes it
    # ...and nothing after it is swallowed: task 3 keeps its two bullets, task 4 follows.
    assert len(section(plan, "II", "3").items) == 2
    assert section(plan, "II", "4").title.startswith("Nâng cao năng lực")


def test_markdown_heading_levels_do_not_decide_the_outline():
    # The 2026 file says "## **2. ...", "**3. ...", "### **5. ...", "### **III. ...",
    # "#### I." and "##### 1.": the outline follows the labels.
    plan = load(2026, "txt")
    assert [s.label for s in plan.sections] == ["I", "II", "III"]
    assert [c.label for c in section(plan, "II").children] == ["1", "2", "3", "4", "5"]


def test_deadlines(seed):
    year, plan = seed
    by_kind = {d.kind: d for d in plan.deadlines}
    assert set(by_kind) == {"mid_year_report", "year_end_report", "action_month"}
    assert by_kind["mid_year_report"].date.isoformat() == f"{year}-05-28"
    assert by_kind["mid_year_report"].text == (
        f"báo cáo 06 tháng đầu năm gửi trước ngày 28/5/{year}"
    )
    assert by_kind["year_end_report"].date.isoformat() == f"{year}-12-01"
    assert by_kind["year_end_report"].text == f"báo cáo cuối năm gửi trước ngày 01/12/{year}"
    assert by_kind["action_month"].date.isoformat() == f"{year}-11-01"
    assert by_kind["action_month"].text == f"tuần 1 hoặc tuần 2 tháng 11 năm {year}"


def test_recipients_and_signer(seed):
    year, plan = seed
    assert plan.recipients == [
        "Ban VSTBPN Ngành",
        "Trường THPT",
        "Đơn vị trực thuộc Sở",
        "Lưu: VT, TCCB",
    ]
    assert plan.signer.authority == "KT. GIÁM ĐỐC"
    assert plan.signer.position == "PHÓ GIÁM ĐỐC"
    assert plan.signer.name == SIGNERS[year]


def test_nothing_left_unplaced(seed):
    _year, plan = seed
    assert plan.unplaced == []


def test_docx_header_block_gives_the_issuing_bodies_and_no_body_text():
    for year in (2024, 2026):
        plan = load(year, "docx")
        assert plan.governing_body == "UBND THÀNH PHỐ HẢI PHÒNG"
        assert plan.issuing_body == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
        text = all_text(plan)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
        assert "Độc lập - Tự do - Hạnh phúc" not in text
        assert "(Đã ký)" not in text and "(Đã ký)" not in plan.unplaced


def test_docx_imports_to_the_same_structure_as_the_text(seed):
    year, plan = seed
    expected = load(year, "txt").to_json()
    got = plan.to_json()
    for key in ("governing_body", "issuing_body"):
        expected.pop(key), got.pop(key)
    assert got == expected
