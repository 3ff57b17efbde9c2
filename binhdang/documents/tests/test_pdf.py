"""PDF conversion with LibreOffice headless and page images with pdftoppm.

The conversion tests need LibreOffice; they are skipped, with the reason, only when it is
absent on a developer machine. In CI (the CI environment variable set) they always run.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image

from binhdang.documents.decree30 import OfficialDocument
from binhdang.documents.pdf import (
    DocumentConversionError,
    convert_to_pdf,
    pdf_page_count,
    pdf_text,
    pdf_to_png_pages,
    soffice_binary,
)

REPO = Path(__file__).resolve().parents[3]


def _needs_libreoffice() -> None:
    if shutil.which(soffice_binary()) is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) không được cài trên máy này; CI luôn chạy kiểm thử này")


def _letter(pages_of_text: int = 1) -> bytes:
    doc = OfficialDocument(
        governing_body="UBND THÀNH PHỐ HẢI PHÒNG",
        issuing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        symbol="SGDĐT-TCCB",
        place="Hải Phòng",
        year=2026,
        doc_type="THÔNG BÁO",
        title="Lịch kiểm tra công tác bình đẳng giới",
    )
    for index in range(pages_of_text * 14):
        doc.paragraph(f"Đoạn {index + 1}: các đơn vị chuẩn bị hồ sơ theo hướng dẫn của Sở.")
    doc.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phí Thị Thùy Vân")
    return doc.to_bytes()


def test_a_document_converts_to_a_pdf_with_its_text():
    _needs_libreoffice()
    pdf = convert_to_pdf(_letter())
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "THÔNG BÁO" in text
    assert "Phí Thị Thùy Vân" in text
    assert pdf_page_count(pdf) == 1


def test_pages_become_png_images_in_order():
    _needs_libreoffice()
    pdf = convert_to_pdf(_letter(pages_of_text=3))
    count = pdf_page_count(pdf)
    assert count >= 2
    pages = pdf_to_png_pages(pdf, dpi=30)
    assert len(pages) == count
    first = Image.open(io.BytesIO(pages[0]))
    # A4 at 30 dpi: 248 × 351 pixels, portrait.
    assert abs(first.width - 248) <= 2 and abs(first.height - 351) <= 2


def test_concurrent_conversions_do_not_collide():
    _needs_libreoffice()
    data = _letter()
    results: list[bytes | Exception] = []

    def convert():
        try:
            results.append(convert_to_pdf(data))
        except Exception as exc:  # reported below
            results.append(exc)

    threads = [threading.Thread(target=convert) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(r, bytes) and r.startswith(b"%PDF") for r in results), results


def test_a_missing_libreoffice_gets_a_vietnamese_message(settings):
    settings.SOFFICE_BINARY = "/khong-co/soffice"
    with pytest.raises(DocumentConversionError) as caught:
        convert_to_pdf(_letter())
    assert "Không tìm thấy LibreOffice" in caught.value.message
    assert "/khong-co/soffice" in caught.value.message


def test_a_command_name_not_on_the_path_gets_the_same_message(settings):
    settings.SOFFICE_BINARY = "soffice-khong-ton-tai"
    with pytest.raises(DocumentConversionError, match="Không tìm thấy LibreOffice"):
        convert_to_pdf(_letter())


def test_an_empty_document_is_refused_in_vietnamese():
    with pytest.raises(DocumentConversionError, match="Không có nội dung"):
        convert_to_pdf(b"")


def test_a_corrupt_pdf_gets_a_vietnamese_message():
    with pytest.raises(DocumentConversionError, match="Tệp PDF không đọc được"):
        pdf_to_png_pages(b"%PDF-1.4 broken")


def test_without_django_the_binary_comes_from_the_environment():
    """The module is plain Python: it reads SOFFICE_BINARY when Django is not set up."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["SOFFICE_BINARY"] = "/khong-co/soffice-env"
    script = (
        "from binhdang.documents.pdf import convert_to_pdf, DocumentConversionError\n"
        "try:\n    convert_to_pdf(b'PK')\n"
        "except DocumentConversionError as e:\n    print(e.message)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Không tìm thấy LibreOffice (“/khong-co/soffice-env”)" in result.stdout
