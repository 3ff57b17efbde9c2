"""The Decree 30/2020/NĐ-CP builder: page, header, body, tables, pictures, closing blocks."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from binhdang.documents.charts import bar_chart
from binhdang.documents.decree30 import (
    OfficialDocument,
    Span,
    format_number,
    number_line,
    place_date_line,
)

from .docx_facts import (
    all_paragraphs,
    find,
    flag,
    font_name,
    open_docx,
    paragraph_format,
    size_pt,
    table_borders,
)

TITLE = "Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2026"


def _document(**overrides) -> OfficialDocument:
    values = dict(
        governing_body="UBND thành phố Hải Phòng",
        issuing_body="Sở Giáo dục và Đào tạo",
        number="",
        symbol="KH-SGDĐT",
        place="Hải Phòng",
        date=None,
        year=2026,
        doc_type="KẾ HOẠCH",
        title=TITLE,
    )
    values.update(overrides)
    return OfficialDocument(**values)


@pytest.fixture(scope="module")
def sample():
    doc = _document()
    doc.paragraph("Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo;")
    doc.heading("MỤC ĐÍCH, YÊU CẦU", label="I")
    doc.heading("Mục đích", label="1", level=2)
    doc.bullet("Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng.")
    doc.heading("Đối với giáo viên", label="a", level=3)
    doc.item("b", "kiểm tra hồ sơ;")
    doc.recipients(["Ban VSTBPN Ngành;", "Trường THPT", "Lưu: VT, TCCB."])
    doc.signature("KT. Giám đốc", "Phó Giám đốc", "Phí Thị Thùy Vân")
    return open_docx(doc.to_bytes())


def test_the_page_is_a4_with_the_decree_margins(sample):
    section = sample.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) - Mm(0.1) <= section.top_margin <= Mm(25) + Mm(0.1)
    assert Mm(20) - Mm(0.1) <= section.bottom_margin <= Mm(25) + Mm(0.1)
    assert Mm(30) - Mm(0.1) <= section.left_margin <= Mm(35) + Mm(0.1)
    assert Mm(15) - Mm(0.1) <= section.right_margin <= Mm(20) + Mm(0.1)


def test_every_text_is_times_new_roman(sample):
    for paragraph in all_paragraphs(sample):
        for run in paragraph.runs:
            if run.text.strip():
                assert font_name(sample, paragraph, run) == "Times New Roman", run.text


def test_the_header_is_a_borderless_two_column_table(sample):
    table = sample.tables[0]
    assert len(table.columns) == 2
    assert set(table_borders(table).values()) == {"nil"}
    left = [p.text for p in table.rows[0].cells[0].paragraphs if p.text]
    right = [p.text for p in table.rows[0].cells[1].paragraphs if p.text]
    assert left == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert table.rows[1].cells[0].text == "Số:       /KH-SGDĐT"
    assert table.rows[1].cells[1].text == "Hải Phòng, ngày      tháng      năm 2026"


@pytest.mark.parametrize(
    "text, low, high, bold, italic",
    [
        ("UBND THÀNH PHỐ HẢI PHÒNG", 12, 13, False, False),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 12, 13, True, False),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, 13, True, False),
        ("Độc lập - Tự do - Hạnh phúc", 13, 14, True, False),
        ("Số:       /KH-SGDĐT", 13, 13, False, False),
        ("Hải Phòng, ngày      tháng      năm 2026", 13, 14, False, True),
        ("KẾ HOẠCH", 13, 14, True, False),
        (TITLE, 13, 14, True, False),
        ("I. MỤC ĐÍCH, YÊU CẦU", 13, 14, True, False),
        ("1. Mục đích", 13, 14, True, False),
        ("Nơi nhận:", 12, 12, True, True),
        ("- Trường THPT;", 11, 11, False, False),
        ("KT. GIÁM ĐỐC", 13, 14, True, False),
        ("PHÓ GIÁM ĐỐC", 13, 14, True, False),
        ("Phí Thị Thùy Vân", 13, 14, True, False),
    ],
)
def test_each_part_has_the_decree_size_and_weight(sample, text, low, high, bold, italic):
    paragraph = find(sample, text)
    run = paragraph.runs[0]
    assert low <= size_pt(paragraph, run) <= high
    assert flag(paragraph, run, "bold") is bold
    assert flag(paragraph, run, "italic") is italic


def test_the_body_is_justified_indented_and_spaced(sample):
    body = find(sample, "- Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng.")
    assert 13 <= size_pt(body) <= 14
    assert paragraph_format(body, "alignment") == 3  # JUSTIFY
    indent_cm = paragraph_format(body, "first_line_indent").cm
    assert 1.0 <= indent_cm <= 1.27 + 0.01
    assert paragraph_format(body, "space_after").pt >= 6
    assert 1.0 <= paragraph_format(body, "line_spacing") <= 1.5


def test_headings_keep_with_the_next_paragraph(sample):
    for text in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Đối với giáo viên"):
        assert paragraph_format(find(sample, text), "keep_with_next") is True


def test_outline_labels_are_written_in_the_text(sample):
    texts = [p.text for p in all_paragraphs(sample)]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "a) Đối với giáo viên" in texts
    assert "b) kiểm tra hồ sơ;" in texts


def test_recipients_end_with_semicolons_and_a_full_stop(sample):
    closing = sample.tables[-1]
    left = [p.text for p in closing.rows[0].cells[0].paragraphs]
    assert left == ["Nơi nhận:", "- Ban VSTBPN Ngành;", "- Trường THPT;", "- Lưu: VT, TCCB."]
    right = [p.text for p in closing.rows[0].cells[1].paragraphs if p.text]
    assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phí Thị Thùy Vân"]
    assert set(table_borders(closing).values()) == {"nil"}


def test_the_signature_leaves_room_to_sign(sample):
    name = find(sample, "Phí Thị Thùy Vân")
    assert name.paragraph_format.space_before.pt >= 50


def test_the_closing_table_never_splits_over_two_pages(sample):
    row = sample.tables[-1].rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_are_in_the_header_from_page_two(sample):
    section = sample.sections[0]
    assert section.different_first_page_header_footer is True
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    number = section.header.paragraphs[0]
    assert paragraph_format(number, "alignment") == 1
    assert 13 <= size_pt(number) <= 14


def test_short_rules_under_the_issuing_body_motto_and_title(sample):
    rules = [
        p
        for p in all_paragraphs(sample)
        if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
    ]
    assert len(rules) == 3
    assert all(not p.text for p in rules)


def test_number_and_date_follow_the_decree():
    assert number_line("5", "KH-SGDĐT") == "Số: 05/KH-SGDĐT"
    assert number_line("12", "KH-SGDĐT") == "Số: 12/KH-SGDĐT"
    assert number_line("", "KH-SGDĐT").startswith("Số: ")
    assert number_line("", "KH-SGDĐT").endswith(" /KH-SGDĐT")
    date = place_date_line("Hải Phòng", dt.date(2026, 1, 5), 2026)
    assert date == "Hải Phòng, ngày 05 tháng 01 năm 2026"
    assert place_date_line("Hải Phòng", dt.date(2026, 3, 15), None) == (
        "Hải Phòng, ngày 15 tháng 3 năm 2026"
    )
    blank = place_date_line("Hải Phòng", None, 2026)
    assert blank.startswith("Hải Phòng, ngày ") and blank.endswith("năm 2026")


def test_an_issued_document_shows_its_number_and_date():
    doc = _document(number="12", date=dt.date(2026, 1, 5))
    header = open_docx(doc.to_bytes()).tables[0]
    assert header.rows[1].cells[0].text == "Số: 12/KH-SGDĐT"
    assert header.rows[1].cells[1].text == "Hải Phòng, ngày 05 tháng 01 năm 2026"


def test_a_data_table_repeats_its_heading_and_formats_numbers():
    doc = _document(doc_type="BÁO CÁO", title="Kết quả công tác bình đẳng giới năm 2026")
    doc.table(
        [["Trường THPT Ngô Quyền", 1234, 12.5], ["Tổng", 1300, 40.0]],
        header=["Đơn vị", "Số nữ", "Tỷ lệ (%)"],
        widths=[8, 4, 4.5],
        caption="Bảng 1. Cán bộ nữ",
        bold_last_row=True,
    )
    document = open_docx(doc.to_bytes())
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["Đơn vị", "Số nữ", "Tỷ lệ (%)"]
    assert [c.text for c in table.rows[1].cells] == ["Trường THPT Ngô Quyền", "1.234", "12,5"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table_borders(table)["insideH"] == "single"
    number = table.rows[1].cells[1].paragraphs[0]
    assert paragraph_format(number, "alignment") == 2  # RIGHT
    total = table.rows[2].cells[0].paragraphs[0]
    assert flag(total, total.runs[0], "bold") is True
    assert abs(table.columns[0].width.cm - 8) < 0.05
    assert find(document, "Bảng 1. Cán bộ nữ")


def test_a_chart_is_embedded_as_a_picture():
    doc = _document(doc_type="BÁO CÁO", title="Báo cáo")
    png = bar_chart(["Trường A", "Trường B"], [3, 5], title="Số hoạt động")
    doc.image(png, 12, caption="Biểu đồ 1. Số hoạt động")
    document = open_docx(doc.to_bytes())
    shapes = document.inline_shapes
    assert len(shapes) == 1
    assert abs(shapes[0].width.cm - 12) < 0.05
    assert find(document, "Biểu đồ 1. Số hoạt động")
    assert any(p.partname.endswith(".png") for p in document.part.package.iter_parts())


def test_spans_carry_their_own_formatting():
    doc = _document()
    doc.paragraph([Span("bị xóa ", strike=True, color="C00000"), Span("thêm", underline=True)])
    document = open_docx(doc.to_bytes())
    runs = next(p for p in document.paragraphs if p.text == "bị xóa thêm").runs
    assert runs[0].font.strike is True
    assert str(runs[0].font.color.rgb) == "C00000"
    assert runs[1].font.underline is True


def test_documents_do_not_share_state():
    first = _document(title="Văn bản thứ nhất")
    second = _document(title="Văn bản thứ hai")
    first.paragraph("Chỉ ở văn bản thứ nhất.")
    texts = [p.text for p in open_docx(second.to_bytes()).paragraphs]
    assert "Chỉ ở văn bản thứ nhất." not in texts
    assert "Văn bản thứ hai" in texts


def test_numbers_are_written_the_vietnamese_way():
    assert format_number(1234567) == "1.234.567"
    assert format_number(12.5) == "12,5"
    assert format_number(3.0) == "3"
    assert format_number(0.25) == "0,25"
