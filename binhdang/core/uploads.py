"""Validation of uploaded files: size, extension and real content type."""

import zipfile
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Magic numbers of the formats the app accepts. Content is checked, not the name, so that
# an executable renamed .jpg or a binary renamed .txt is refused.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office or encrypted OOXML


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_head(upload: UploadedFile, size: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def validate_upload(
    upload: UploadedFile,
    *,
    allowed: Iterable[str],
    max_bytes: int | None = None,
) -> str:
    """Return the file's extension if the upload is acceptable, else raise ValidationError.

    Messages are Vietnamese and name the problem: empty, too large, wrong format, or content
    that does not match its name.
    """
    allowed = [ext.lower() for ext in allowed]
    max_bytes = max_bytes or settings.MAX_UPLOAD_BYTES
    ext = extension_of(upload.name or "")
    if ext not in allowed:
        raise ValidationError(
            _("Tệp “%(name)s” không đúng định dạng. Chỉ nhận: %(allowed)s.")
            % {"name": upload.name, "allowed": ", ".join("." + a for a in allowed)},
            code="extension",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name}, code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); giới hạn là %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    head = read_head(upload)
    signatures = _SIGNATURES.get(ext)
    if signatures is not None:
        if ext in {"docx", "xlsx"} and head.startswith(_OLE2):
            raise ValidationError(
                _(
                    "Tệp “%(name)s” được đặt mật khẩu hoặc là định dạng Office cũ; "
                    "hãy bỏ mật khẩu hoặc lưu lại dưới dạng .%(ext)s rồi tải lên lại."
                )
                % {"name": upload.name, "ext": ext},
                code="encrypted",
            )
        if not any(head.startswith(sig) for sig in signatures):
            raise ValidationError(
                _("Nội dung tệp “%(name)s” không phải là tệp .%(ext)s hợp lệ.")
                % {"name": upload.name, "ext": ext},
                code="content",
            )
        if ext in {"docx", "xlsx"} and not _is_valid_zip(upload):
            raise ValidationError(
                _("Tệp “%(name)s” bị hỏng, không mở được.") % {"name": upload.name},
                code="corrupt",
            )
    elif ext in {"txt", "md", "csv"} and b"\x00" in _read_sample(upload):
        raise ValidationError(
            _("Tệp “%(name)s” không phải tệp văn bản (có dữ liệu nhị phân).")
            % {"name": upload.name},
            code="binary",
        )
    return ext


def _read_sample(upload: UploadedFile, size: int = 8192) -> bytes:
    upload.seek(0)
    sample = upload.read(size)
    upload.seek(0)
    return sample


def _is_valid_zip(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            ok = archive.testzip() is None
    except (zipfile.BadZipFile, OSError, EOFError):
        ok = False
    upload.seek(0)
    return ok
