"""Checks an evidence upload by its content and makes the thumbnail of an image.

The name is never trusted: `core.uploads.validate_upload` checks size and magic numbers, then
Pillow must fully decode an image (an executable or a truncated photo renamed .jpg is
refused), and a .docx must really be a Word package.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from binhdang.core.uploads import validate_upload

from .choices import EVIDENCE_CONTENT_TYPES, EVIDENCE_EXTENSIONS, IMAGE_EXTENSIONS

THUMBNAIL_SIZE = (320, 320)
_PILLOW_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


@dataclass
class CheckedUpload:
    extension: str
    content_type: str
    thumbnail: ContentFile | None


def evidence_max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", settings.MAX_UPLOAD_BYTES))


def check_evidence(upload: UploadedFile) -> CheckedUpload:
    """Return what the upload really is, or raise ValidationError with a Vietnamese message."""
    ext = validate_upload(upload, allowed=EVIDENCE_EXTENSIONS, max_bytes=evidence_max_bytes())
    thumbnail = None
    if ext in IMAGE_EXTENSIONS:
        thumbnail = _verify_image(upload, ext)
    elif ext == "docx":
        _verify_docx(upload)
    elif ext == "pdf":
        _verify_pdf(upload)
    upload.seek(0)
    return CheckedUpload(ext, EVIDENCE_CONTENT_TYPES[ext], thumbnail)


def _not_an_image(upload: UploadedFile) -> ValidationError:
    return ValidationError(
        _("Tệp “%(name)s” không phải là ảnh hợp lệ hoặc đã bị hỏng, không mở được.")
        % {"name": upload.name},
        code="corrupt_image",
    )


def _verify_image(upload: UploadedFile, ext: str) -> ContentFile:
    try:
        with warnings.catch_warnings():
            # A huge pixel count is how decompression bombs look: refuse, do not just warn.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                found = probe.format
                probe.verify()  # structure and checksums
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()  # full decode: catches truncated data verify() misses
                thumbnail = _thumbnail(image)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise _not_an_image(upload) from exc
    finally:
        upload.seek(0)
    if found != _PILLOW_FORMATS[ext]:
        raise ValidationError(
            _("Nội dung tệp “%(name)s” là ảnh %(found)s, không phải tệp .%(ext)s.")
            % {"name": upload.name, "found": found or "?", "ext": ext},
            code="content",
        )
    return thumbnail


def _thumbnail(image: Image.Image) -> ContentFile:
    image = ImageOps.exif_transpose(image)
    image.thumbnail(THUMBNAIL_SIZE)
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return ContentFile(buffer.getvalue(), name="thumb.jpg")


def _verify_docx(upload: UploadedFile) -> None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):  # validate_upload already tested the archive
        names = set()
    upload.seek(0)
    if "word/document.xml" not in names:
        raise ValidationError(
            _("Tệp “%(name)s” không phải là văn bản Word (.docx) hợp lệ.") % {"name": upload.name},
            code="content",
        )


def _verify_pdf(upload: UploadedFile) -> None:
    # A PDF ends with %%EOF (possibly followed by whitespace); a cut-off upload does not.
    size = upload.size or 0
    upload.seek(max(0, size - 1024))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(
            _("Tệp “%(name)s” không phải là tệp PDF hoàn chỉnh (có thể đã bị cắt ngang).")
            % {"name": upload.name},
            code="corrupt",
        )
