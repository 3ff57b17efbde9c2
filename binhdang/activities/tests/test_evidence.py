import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from docx import Document
from PIL import Image

from binhdang.activities import services
from binhdang.activities.models import Evidence

from .factories import ActivityFactory, jpeg_bytes, pdf_bytes, png_bytes, png_upload

pytestmark = pytest.mark.django_db


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("Biên bản tổ chức Tháng hành động vì bình đẳng giới")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def webp_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (155, 28, 90, 128)).save(buffer, format="WEBP")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "has_thumbnail"),
    [
        ("Lễ phát động.png", png_bytes(size=(1200, 800)), "image/png", True),
        ("anh.JPG", jpeg_bytes(), "image/jpeg", True),
        ("anh.webp", webp_bytes(), "image/webp", True),
        ("bien-ban.pdf", pdf_bytes(), "application/pdf", False),
        (
            "bao-cao.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            False,
        ),
    ],
)
def test_accepted_evidence_is_stored_with_its_real_type(
    tree, people, settings, name, content, content_type, has_thumbnail
):
    activity = ActivityFactory(unit=tree.school_a)
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")

    evidence = services.evidence_add(activity=activity, user=people.officer_a, upload=upload)

    assert evidence.original_name == name
    assert evidence.content_type == content_type
    assert evidence.size == len(content)
    assert evidence.file.name.startswith(f"evidence/{tree.school_a.code}/2026/")
    with evidence.file.open("rb") as handle:
        assert handle.read() == content
    assert bool(evidence.thumbnail) is has_thumbnail
    if has_thumbnail:
        with evidence.thumbnail.open("rb") as handle, Image.open(handle) as thumb:
            assert thumb.format == "JPEG"
            assert max(thumb.size) <= 320


def executable() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh-dep.jpg", executable(), "Nội dung tệp “anh-dep.jpg” không phải là tệp .jpg hợp lệ."),
        ("setup.exe", executable(), "Tệp “setup.exe” không đúng định dạng."),
        # A PNG header with the rest cut off: looks like an image by its first bytes only.
        (
            "hong.png",
            png_bytes()[:60],
            "Tệp “hong.png” không phải là ảnh hợp lệ hoặc đã bị hỏng, không mở được.",
        ),
        (
            "am-thanh.webp",
            b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 40,
            "Tệp “am-thanh.webp” không phải là ảnh hợp lệ hoặc đã bị hỏng",
        ),
        ("rong.png", b"", "Tệp “rong.png” rỗng."),
        (
            "bang-tinh.docx",
            None,  # an .xlsx package renamed .docx
            "Tệp “bang-tinh.docx” không phải là văn bản Word (.docx) hợp lệ.",
        ),
        (
            "cat-ngang.pdf",
            pdf_bytes()[:-8],
            "Tệp “cat-ngang.pdf” không phải là tệp PDF hoàn chỉnh",
        ),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    tree, people, settings, name, content, message
):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        content = buffer.getvalue()
    activity = ActivityFactory(unit=tree.school_a)
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(
            activity=activity,
            user=people.officer_a,
            upload=SimpleUploadedFile(name, content, content_type="image/jpeg"),
        )
    assert message in " ".join(caught.value.messages)
    assert not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_an_oversized_file_is_refused(tree, people, settings):
    settings.EVIDENCE_MAX_BYTES = 50 * 1024
    activity = ActivityFactory(unit=tree.school_a)
    big = SimpleUploadedFile("lon.pdf", pdf_bytes() + b"%" * (60 * 1024) + b"\n%%EOF\n")
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(activity=activity, user=people.officer_a, upload=big)
    message = caught.value.messages[0]
    assert "Tệp “lon.pdf” quá lớn" in message
    assert f"giới hạn là {filesizeformat(50 * 1024)}" in message
    assert not Evidence.objects.exists()


def test_a_decompression_bomb_is_refused(tree, people, settings, monkeypatch):
    # Pillow's own limit, lowered so the test image stays small.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    activity = ActivityFactory(unit=tree.school_a)
    upload = png_upload(size=(200, 100))  # 20,000 pixels: over the (lowered) limit
    with pytest.raises(ValidationError):
        services.evidence_add(activity=activity, user=people.officer_a, upload=upload)
    assert not Evidence.objects.exists()


def test_deleting_evidence_removes_its_files(
    tree, people, settings, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(unit=tree.school_a)
    evidence = services.evidence_add(activity=activity, user=people.officer_a, upload=png_upload())
    assert len(stored_files(settings)) == 2  # the photo and its thumbnail
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_delete(evidence=evidence, user=people.officer_a)
    assert not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_deleting_an_activity_removes_its_evidence_files(
    tree, people, settings, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(unit=tree.school_a)
    services.evidence_add(activity=activity, user=people.officer_a, upload=png_upload())
    with django_capture_on_commit_callbacks(execute=True):
        services.activity_delete(activity=activity, user=people.officer_a)
    assert stored_files(settings) == []
