"""The one error the importer raises, with a Vietnamese message a user can act on.

Messages go through the standard library's gettext (not Django's) so that the package stays
importable without Django; `makemessages` still extracts the `_()` strings.
"""

from __future__ import annotations

from gettext import gettext as _

MIB = 1024 * 1024


class PlanImportError(Exception):
    """A file that cannot be imported. `.message` is Vietnamese; `.code` is stable."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def _size(n: int) -> str:
    if n >= MIB:
        return f"{n / MIB:.1f} MB".replace(".0 MB", " MB").replace(".", ",")
    return f"{max(1, round(n / 1024))} KB"


def empty(name: str) -> PlanImportError:
    return PlanImportError(
        _("Tệp “%(name)s” rỗng, không có nội dung để nhập.") % {"name": name}, "empty"
    )


def too_large(name: str, size: int, limit: int) -> PlanImportError:
    return PlanImportError(
        _("Tệp “%(name)s” quá lớn (%(size)s); chỉ nhận tệp tối đa %(limit)s.")
        % {"name": name, "size": _size(size), "limit": _size(limit)},
        "too_large",
    )


def unsupported(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Không nhập được tệp “%(name)s”: chỉ nhận kế hoạch dạng Word (.docx), "
            "văn bản thuần (.txt) hoặc Markdown (.md)."
        )
        % {"name": name},
        "extension",
    )


def legacy_word(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” là định dạng Word cũ (.doc). Hãy mở bằng Word hoặc LibreOffice, "
            "chọn Lưu thành… định dạng .docx rồi tải lên lại."
        )
        % {"name": name},
        "legacy_doc",
    )


def encrypted(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” được đặt mật khẩu nên không đọc được. Hãy mở tệp, bỏ mật khẩu "
            "(Tệp → Thông tin → Bảo vệ tài liệu), lưu lại rồi tải lên lại."
        )
        % {"name": name},
        "encrypted",
    )


def corrupt(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” bị hỏng hoặc không phải tệp Word .docx hợp lệ, không mở được. "
            "Hãy mở lại bằng Word, lưu thành .docx rồi tải lên lại."
        )
        % {"name": name},
        "corrupt",
    )


def binary(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” không phải tệp văn bản (có dữ liệu nhị phân). Hãy chọn đúng tệp "
            "kế hoạch dạng .docx, .txt hoặc .md."
        )
        % {"name": name},
        "binary",
    )


def docx_named_as_text(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” thực chất là tệp Word nhưng lại có đuôi văn bản. Hãy đổi đuôi "
            "thành .docx hoặc lưu lại đúng định dạng rồi tải lên lại."
        )
        % {"name": name},
        "binary",
    )


def legacy_encoding(name: str, encoding: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Tệp “%(name)s” dùng bảng mã cũ (%(encoding)s), không phải Unicode nên chữ tiếng "
            "Việt sẽ bị sai dấu. Hãy mở tệp và lưu lại với bảng mã Unicode (UTF-8) — ví dụ "
            "trong Notepad chọn Lưu thành… → Mã hóa: UTF-8, hoặc chuyển mã bằng Unikey — rồi "
            "tải lên lại."
        )
        % {"name": name, "encoding": encoding},
        "legacy_encoding",
    )


def no_structure(name: str) -> PlanImportError:
    return PlanImportError(
        _(
            "Không tìm thấy cấu trúc kế hoạch trong tệp “%(name)s”: cần có tên loại văn bản "
            "(ví dụ KẾ HOẠCH) hoặc số, ký hiệu hoặc các căn cứ, và các mục I, II, III… hoặc "
            "1, 2, 3… của nội dung."
        )
        % {"name": name},
        "no_structure",
    )
