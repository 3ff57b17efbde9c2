"""The two seed plans rendered as official documents (Decree 30/2020/NĐ-CP): DOCX and PDF.

What a clerk checks on paper: A4 and margins, Times New Roman at the Decree's sizes, the
two-column header, "Số: /KH-SGDĐT", place and date, type and title, the "Căn cứ" bases, the
outline I–III with tasks 1–5 and their bullets, the recipients and the signature; that the
rendered file re-imports to the same plan; and that the PDF carries the same text.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from docx.shared import Mm

from binhdang.documents.pdf import (
    convert_to_pdf,
    pdf_page_count,
    pdf_text,
    pdf_to_png_pages,
    soffice_binary,
)
from binhdang.documents.plan_docx import render_plan_docx
from binhdang.documents.tests.docx_facts import (
    all_paragraphs,
    find,
    flag,
    font_name,
    open_docx,
    paragraph_format,
    size_pt,
)
from binhdang.plans.importing import import_plan_file
from binhdang.plans.structure import PlanDocument
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, SEED_2026

SEEDS = {2024: SEED_2024, 2026: SEED_2026}
SIGNERS = {2024: "Đỗ Thị Hòa", 2026: "Phí Thị Thùy Vân"}
HEADER = {"governing_body": "UBND THÀNH PHỐ HẢI PHÒNG", "issuing_body": "SỞ GIÁO DỤC VÀ ĐÀO TẠO"}
OUTPUT = Path(settings.BASE_DIR) / "var" / "test-output" / "documents"

_plans: dict[int, PlanDocument] = {}
_rendered: dict[int, bytes] = {}


def plan_of(year: int) -> PlanDocument:
    if year not in _plans:
        seed = SEEDS[year]
        _plans[year] = import_plan_file(seed.read_bytes(), seed.name)
    return _plans[year]


def rendered(year: int) -> bytes:
    if year not in _rendered:
        _rendered[year] = render_plan_docx(plan_of(year), **HEADER)
    return _rendered[year]


@pytest.fixture(params=[2024, 2026], ids=["2024", "2026"])
def seed(request):
    year = request.param
    return year, open_docx(rendered(year))


def test_page_is_a4_with_decree_margins(seed):
    _year, document = seed
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    for margin, low, high in (
        (section.top_margin, 20, 25),
        (section.bottom_margin, 20, 25),
        (section.left_margin, 30, 35),
        (section.right_margin, 15, 20),
    ):
        assert Mm(low - 0.1) <= margin <= Mm(high + 0.1)


def test_all_text_is_times_new_roman_at_decree_sizes(seed):
    _year, document = seed
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if run.text.strip():
                assert font_name(document, paragraph, run) == "Times New Roman"
                assert 11 <= size_pt(paragraph, run) <= 14, run.text


def test_header_block(seed):
    year, document = seed
    header = document.tables[0]
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    right = [p.text for p in header.rows[0].cells[1].paragraphs if p.text]
    assert left == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number = header.rows[1].cells[0].text
    assert number.startswith("Số:") and number.endswith("/KH-SGDĐT")
    assert number.replace(" ", "") == "Số:/KH-SGDĐT"  # blank until issued
    date = header.rows[1].cells[1].paragraphs[0]
    assert date.text.startswith("Hải Phòng, ngày ")
    assert date.text.endswith(f"năm {year}")
    assert flag(date, date.runs[0], "italic") is True


def test_type_and_title(seed):
    year, document = seed
    doc_type = find(document, "KẾ HOẠCH")
    title = find(
        document, f"Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm {year}"
    )
    for paragraph in (doc_type, title):
        assert paragraph_format(paragraph, "alignment") == 1  # centred
        assert flag(paragraph, paragraph.runs[0], "bold") is True
        assert 13 <= size_pt(paragraph) <= 14


def test_legal_bases_are_written_as_stored(seed):
    year, document = seed
    texts = [p.text for p in document.paragraphs]
    bases = [b.text for b in plan_of(year).legal_bases]
    assert len(bases) == {2024: 5, 2026: 3}[year]
    for basis in bases:
        assert basis in texts
    starting = [t for t in texts if t.startswith("Căn cứ ")]
    assert len(starting) == {2024: 4, 2026: 3}[year]
    if year == 2024:
        # The basis the real plan wrote without "Căn cứ" keeps its wording.
        assert any(t.startswith("Kế hoạch số 131/KH-UBND ngày 31/5/2021") for t in texts)


def test_outline_sections_tasks_and_bullets(seed):
    _year, document = seed
    paragraphs = document.paragraphs
    romans = [p.text for p in paragraphs if p.text.split(".")[0] in ("I", "II", "III")]
    assert romans == ["I. MỤC ĐÍCH, YÊU CẦU", "II. CÁC NHIỆM VỤ CHỦ YẾU", "III. TỔ CHỨC THỰC HIỆN"]
    for text in romans:
        paragraph = find(document, text)
        assert flag(paragraph, paragraph.runs[0], "bold") is True
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("II. "))
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("III. "))
    tasks: list[str] = []
    bullets: dict[str, int] = {}
    for paragraph in paragraphs[start + 1 : end]:
        if paragraph.text[:2] in {f"{n}." for n in range(1, 10)}:
            assert flag(paragraph, paragraph.runs[0], "bold") is True
            tasks.append(paragraph.text[0])
            bullets[tasks[-1]] = 0
        elif paragraph.text.startswith("- "):
            assert flag(paragraph, paragraph.runs[0], "bold") is False
            bullets[tasks[-1]] += 1
    assert tasks == ["1", "2", "3", "4", "5"]
    assert bullets == {"1": 2, "2": 1, "3": 2, "4": 8, "5": 5}


def test_recipients_and_signature(seed):
    year, document = seed
    closing = document.tables[-1]
    recipients = [p.text for p in closing.rows[0].cells[0].paragraphs]
    assert recipients == [
        "Nơi nhận:",
        "- Ban VSTBPN Ngành;",
        "- Trường THPT;",
        "- Đơn vị trực thuộc Sở;",
        "- Lưu: VT, TCCB.",
    ]
    label = closing.rows[0].cells[0].paragraphs[0]
    assert flag(label, label.runs[0], "bold") and flag(label, label.runs[0], "italic")
    assert size_pt(label) == 12
    assert size_pt(closing.rows[0].cells[0].paragraphs[1]) == 11
    signature = [p.text for p in closing.rows[0].cells[1].paragraphs if p.text]
    assert signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", SIGNERS[year]]


STRUCTURE = (
    "doc_type",
    "governing_body",
    "issuing_body",
    "number",
    "symbol",
    "place",
    "date",
    "year",
    "title",
    "preamble",
    "sections",
    "deadlines",
    "recipients",
    "signer",
    "unplaced",
)


@pytest.mark.parametrize("year", [2024, 2026])
def test_rendered_plan_reimports_to_the_same_structure(year):
    plan = plan_of(year)
    again = import_plan_file(render_plan_docx(plan), f"ke-hoach-{year}.docx")
    before, after = plan.to_json(), again.to_json()
    for key in STRUCTURE:
        assert after[key] == before[key], key
    assert [b["text"] for b in after["legal_bases"]] == [b["text"] for b in before["legal_bases"]]


@pytest.mark.parametrize("year", [2024, 2026])
def test_an_issued_plan_with_its_header_round_trips(year):
    plan = PlanDocument.from_json(plan_of(year).to_json())
    plan.governing_body, plan.issuing_body = HEADER["governing_body"], HEADER["issuing_body"]
    plan.number = "15"
    plan.date = dt.date(year, 1, 12)
    again = import_plan_file(render_plan_docx(plan), "issued.docx")
    for key in STRUCTURE:
        assert getattr(again, key) == getattr(plan, key), key


def _needs_libreoffice() -> None:
    if shutil.which(soffice_binary()) is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) không được cài trên máy này; CI luôn chạy kiểm thử này")


def _pdffonts(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_the_2026_plan_as_pdf(tmp_path):
    _needs_libreoffice()
    pdf = convert_to_pdf(rendered(2026))
    assert pdf.startswith(b"%PDF")
    pages = pdf_page_count(pdf)
    assert 3 <= pages <= 7
    text = pdf_text(pdf)
    assert "KẾ HOẠCH" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Phí Thị Thùy Vân" in text
    assert "III. TỔ CHỨC THỰC HIỆN" in text
    # Every Vietnamese letter printed in the Times New Roman face (or its metric twin
    # Liberation Serif), none in a fallback font.
    fonts = _pdffonts(pdf, tmp_path)
    faces = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()]
    assert faces and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in faces), faces
    # Page images, to look at the layout (var/ is not committed).
    OUTPUT.mkdir(parents=True, exist_ok=True)
    images = pdf_to_png_pages(pdf, dpi=70)
    assert len(images) == pages
    for number, image in enumerate(images, start=1):
        (OUTPUT / f"plan-2026-page-{number}.png").write_bytes(image)


def test_render_plan_command_writes_docx_and_pdf(tmp_path):
    _needs_libreoffice()
    out, pdf = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach.pdf"
    call_command("render_plan", str(SEED_2024), "--out", str(out), "--pdf", str(pdf))
    again = import_plan_file(out.read_bytes(), out.name)
    assert again.signer.name == "Đỗ Thị Hòa"
    assert "Đỗ Thị Hòa" in pdf_text(pdf.read_bytes())


def test_render_plan_command_docx_only(tmp_path):
    out = tmp_path / "ke-hoach.docx"
    call_command("render_plan", str(SEED_2026), "--out", str(out))
    again = import_plan_file(out.read_bytes(), out.name)
    # The seed has no header block; the symbol KH-SGDĐT and the place Hải Phòng fill it.
    assert (again.governing_body, again.issuing_body) == (
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )
    expected = plan_of(2026).to_json()
    expected.update(governing_body=again.governing_body, issuing_body=again.issuing_body)
    assert again.to_json() == expected


def test_render_plan_command_takes_the_header_it_is_given(tmp_path):
    out = tmp_path / "ke-hoach.docx"
    call_command(
        "render_plan", str(SEED_2024), "--out", str(out), "--issuing-body", "SỞ GDĐT NAM ĐỊNH"
    )
    again = import_plan_file(out.read_bytes(), out.name)
    assert (again.governing_body, again.issuing_body) == ("", "SỞ GDĐT NAM ĐỊNH")


def test_render_plan_command_refuses_a_bad_file_in_vietnamese(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CommandError, match="hỏng"):
        call_command("render_plan", str(bad), "--out", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


def test_render_plan_exits_1_with_the_message_on_stderr(tmp_path):
    missing = tmp_path / "khong-co.txt"
    result = subprocess.run(
        [sys.executable, "manage.py", "render_plan", str(missing), "--out", str(tmp_path / "x")],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Không tìm thấy tệp")  # the message alone, no English prefix
