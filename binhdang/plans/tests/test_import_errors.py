"""Bad input: each case is refused with its own clear Vietnamese message, nothing returned."""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from binhdang.plans.importing import PlanImportError, import_plan_file, import_plan_text
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, build_docx

SEED_TEXT = SEED_2024.read_text(encoding="utf-8")
VIETNAMESE = set("ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ")


@pytest.fixture(scope="module")
def seed_docx() -> bytes:
    return build_docx(SEED_TEXT)


def refuse(data: bytes, name: str, **kwargs) -> PlanImportError:
    with pytest.raises(PlanImportError) as caught:
        import_plan_file(data, name, **kwargs)
    error = caught.value
    assert error.message == str(error)
    assert name in error.message  # the user sees which file
    assert VIETNAMESE & set(error.message.lower()), error.message  # Vietnamese, with diacritics
    return error


def to_cp1258(text: str) -> bytes:
    """Real Windows-1258: base letters precomposed, tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [m for m in decomposed[1:] if m in "\u0300\u0301\u0303\u0309\u0323"]
        others = "".join(m for m in decomposed[1:] if m not in tones)
        out += unicodedata.normalize("NFC", decomposed[0] + others).encode("cp1258")
        for tone in tones:
            out += tone.encode("cp1258")
    return bytes(out)


# "Kế hoạch thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới" as typed with the
# legacy fonts, then read as Latin-1 letters.
TCVN3 = "KÕ ho¹ch thùc hiÖn c«ng t¸c v× sù tiÕn bé cña phô n÷ vµ b×nh ®¼ng giíi n¨m 2024\n"
VNI = "Keá hoaïch thöïc hieän coâng taùc vì söï tieán boä cuûa phuï nöõ vaø bình ñaúng giôùi\n"


def test_the_valid_seed_imports_so_the_refusals_below_are_about_the_input(seed_docx):
    assert import_plan_file(SEED_TEXT.encode(), "ke-hoach.txt").sections
    assert import_plan_file(seed_docx, "ke-hoach.docx").sections


@pytest.mark.parametrize("name", ["trong.txt", "trong.md", "trong.docx"])
def test_empty_file(name):
    error = refuse(b"", name)
    assert error.code == "empty"
    assert "rỗng" in error.message


def test_blank_text_file_is_empty():
    assert refuse(b"  \r\n\n \t\n", "trang.txt").code == "empty"


def test_docx_without_any_text_is_empty():
    document = io.BytesIO()
    from docx import Document

    Document().save(document)
    assert refuse(document.getvalue(), "khong-chu.docx").code == "empty"


def test_corrupt_docx_truncated(seed_docx):
    error = refuse(seed_docx[: len(seed_docx) // 2], "hong.docx")
    assert error.code == "corrupt"
    assert "bị hỏng" in error.message


def test_corrupt_docx_text_renamed():
    assert refuse(SEED_TEXT.encode(), "doi-ten.docx").code == "corrupt"


def test_corrupt_docx_zip_without_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert refuse(buffer.getvalue(), "zip.docx").code == "corrupt"


def test_corrupt_docx_broken_xml(seed_docx):
    source = zipfile.ZipFile(io.BytesIO(seed_docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            archive.writestr(item, data)
    assert refuse(buffer.getvalue(), "xml-hong.docx").code == "corrupt"


def test_password_protected_docx(seed_docx):
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(seed_docx)).encrypt("mat-khau", encrypted)
    error = refuse(encrypted.getvalue(), "co-mat-khau.docx")
    assert error.code == "encrypted"
    assert "mật khẩu" in error.message


def test_legacy_word_doc_is_named():
    error = refuse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cu.doc")
    assert error.code == "legacy_doc"
    assert ".docx" in error.message


def test_binary_renamed_txt():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    error = refuse(png, "anh.txt")
    assert error.code == "binary"
    assert "nhị phân" in error.message


def test_random_bytes_without_nul_renamed_txt():
    noise = bytes(b for b in os.urandom(20000) if b) * 2
    assert refuse(noise, "nhieu.md").code == "binary"


def test_docx_renamed_txt_is_explained(seed_docx):
    error = refuse(seed_docx, "ke-hoach.txt")
    assert error.code == "binary"
    assert "tệp Word" in error.message


def test_windows_1258_text_is_refused_with_advice_to_save_as_utf8():
    data = to_cp1258(SEED_TEXT)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == SEED_TEXT  # really cp1258
    error = refuse(data, "cu.txt")
    assert error.code == "legacy_encoding"
    assert "Windows-1258" in error.message
    assert "UTF-8" in error.message


@pytest.mark.parametrize(("text", "font"), [(TCVN3, "TCVN3"), (VNI, "VNI")], ids=["tcvn3", "vni"])
@pytest.mark.parametrize("stored_as", ["latin-1", "utf-8"])
def test_legacy_font_text_is_refused(text, font, stored_as):
    # Bytes of the legacy font itself, or the same letters already converted to UTF-8:
    # both would import as garbled Vietnamese.
    error = refuse((text * 30).encode(stored_as), "font-cu.txt")
    assert error.code == "legacy_encoding"
    assert font in error.message
    assert "UTF-8" in error.message


def test_utf8_variants_are_accepted():
    for data in (
        SEED_TEXT.encode("utf-8-sig"),
        SEED_TEXT.encode("utf-16"),
        SEED_TEXT.encode("utf-16-le"),  # no BOM
        SEED_TEXT.replace("\n", "\r\n").encode(),
    ):
        plan = import_plan_file(data, "ke-hoach.txt")
        assert plan.signer.name == "Đỗ Thị Hòa"


def test_text_in_nfd_is_normalised():
    plan = import_plan_file(unicodedata.normalize("NFD", SEED_TEXT).encode(), "nfd.txt")
    assert plan.doc_type == "KẾ HOẠCH"
    assert plan.signer.name == "Đỗ Thị Hòa"


def test_file_over_the_size_limit(seed_docx):
    error = refuse(SEED_TEXT.encode(), "lon.txt", max_bytes=1024)
    assert error.code == "too_large"
    assert "1 KB" in error.message
    error = refuse(seed_docx + b"\x00" * (10 * 1024 * 1024), "lon.docx")
    assert error.code == "too_large"
    assert "10 MB" in error.message


@pytest.mark.parametrize("name", ["ke-hoach.pdf", "ke-hoach.odt", "ke-hoach", "anh.png"])
def test_unsupported_extension(name):
    error = refuse(SEED_TEXT.encode(), name)
    assert error.code == "extension"
    assert ".docx" in error.message and ".txt" in error.message and ".md" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "Hôm nay trời đẹp.\nChúng tôi đi dạo quanh hồ Tam Bạc.\n",
        "1. Mua rau\n2. Nấu cơm\n- rửa bát\n",  # an outline, but nothing of a document
        "KẾ HOẠCH\n\nThực hiện công tác năm 2024\n\nCăn cứ Luật Bình đẳng giới;\n",  # no outline
    ],
    ids=["prose", "list", "no-outline"],
)
def test_no_recognisable_plan_structure(text):
    error = refuse(text.encode(), "khong-phai-ke-hoach.txt")
    assert error.code == "no_structure"
    assert "Không tìm thấy" in error.message


def test_each_bad_input_has_its_own_message(seed_docx):
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(seed_docx)).encrypt("x", encrypted)
    cases = [
        (b"", "a.txt"),
        (seed_docx[:500], "a.docx"),
        (encrypted.getvalue(), "a.docx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00" * 50, "a.txt"),
        (to_cp1258(SEED_TEXT), "a.txt"),
        (SEED_TEXT.encode(), "a.pdf"),
        (b"Xin ch\xc3\xa0o.\n", "a.txt"),
    ]
    messages = set()
    for data, name in cases:
        messages.add(refuse(data, name).message)
    messages.add(refuse(SEED_TEXT.encode(), "a.txt", max_bytes=10).message)
    assert len(messages) == len(cases) + 1


def test_import_plan_text_refuses_blank_text():
    with pytest.raises(PlanImportError) as caught:
        import_plan_text("   \n\n")
    assert caught.value.code == "empty"
