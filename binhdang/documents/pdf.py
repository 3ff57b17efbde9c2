"""DOCX → PDF with LibreOffice headless, and PDF → page images with poppler's pdftoppm.

Plain Python: callable with or without Django. The LibreOffice binary is
`settings.SOFFICE_BINARY` when Django is configured, else the SOFFICE_BINARY environment
variable, else `soffice`.

Each conversion runs LibreOffice with its own temporary user profile
(`-env:UserInstallation=file:///tmp/...`): two conversions sharing a profile make the second
one exit at once without output, so concurrent requests or workers would fail at random.
(Copying one initialised profile instead of letting each run create its own was measured:
it saved under 0.2 s of the ~2 s LibreOffice needs to start, not worth the extra state.)
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path


class DocumentConversionError(Exception):
    """A document could not be converted; `message` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _(text: str) -> str:
    """gettext when Django is set up (messages are translatable), the text itself otherwise."""
    if "django.conf" in sys.modules:
        from django.conf import settings

        if settings.configured:
            from django.utils.translation import gettext

            return gettext(text)
    return text


def soffice_binary() -> str:
    if "django.conf" in sys.modules:
        from django.conf import settings

        if settings.configured:
            configured = getattr(settings, "SOFFICE_BINARY", "")
            if configured:
                return configured
    return os.environ.get("SOFFICE_BINARY") or "soffice"


def _kill(process: subprocess.Popen) -> None:
    """LibreOffice forks (soffice → oosplash → soffice.bin): end the whole group."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()


def _run(command: list[str], *, timeout: int, cwd: str, env: dict | None = None):
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise
    return process.returncode, out.decode(errors="replace"), err.decode(errors="replace")


def _profile_url(path: str) -> str:
    return "-env:UserInstallation=" + Path(path).resolve().as_uri()


def convert_to_pdf(docx_bytes: bytes, *, timeout: int = 120) -> bytes:
    """The PDF of a .docx (bytes). Raises DocumentConversionError with a Vietnamese message."""
    if not docx_bytes:
        raise DocumentConversionError(_("Không có nội dung văn bản để chuyển sang PDF."))
    binary = soffice_binary()
    if os.sep not in binary and shutil.which(binary) is None:
        raise DocumentConversionError(_missing(binary))
    with tempfile.TemporaryDirectory(prefix="binhdang-pdf-") as work:
        source = Path(work) / "van-ban.docx"
        source.write_bytes(docx_bytes)
        profile = str(Path(work) / "profile")
        command = [
            binary,
            "--headless",
            "--norestore",
            "--nolockcheck",
            _profile_url(profile),
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(Path(work) / "out"),
            str(source),
        ]
        try:
            code, out, err = _run(command, timeout=timeout, cwd=work)
        except FileNotFoundError as exc:
            raise DocumentConversionError(_missing(binary)) from exc
        except PermissionError as exc:
            raise DocumentConversionError(_missing(binary)) from exc
        except subprocess.TimeoutExpired as exc:
            raise DocumentConversionError(
                _("LibreOffice không chuyển xong văn bản sang PDF trong %(s)d giây.")
                % {"s": timeout}
            ) from exc
        target = Path(work) / "out" / "van-ban.pdf"
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
            detail = (err or out).strip().splitlines()
            raise DocumentConversionError(
                _("LibreOffice không chuyển được văn bản sang PDF (mã thoát %(code)s): %(d)s")
                % {"code": code, "d": detail[-1] if detail else _("không có thông báo lỗi")}
            )
        return target.read_bytes()


def _missing(binary: str) -> str:
    return _(
        "Không tìm thấy LibreOffice (“%(binary)s”) để tạo tệp PDF. Hãy cài LibreOffice "
        "(gói libreoffice-writer) hoặc đặt biến môi trường SOFFICE_BINARY trỏ tới soffice."
    ) % {"binary": binary}


def _poppler(tool: str, args: list[str], *, timeout: int, cwd: str) -> str:
    try:
        code, out, err = _run([tool, *args], timeout=timeout, cwd=cwd)
    except FileNotFoundError as exc:
        raise DocumentConversionError(
            _("Không tìm thấy %(tool)s (gói poppler-utils) để đọc tệp PDF.") % {"tool": tool}
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise DocumentConversionError(
            _("%(tool)s không đọc xong tệp PDF trong %(s)d giây.") % {"tool": tool, "s": timeout}
        ) from exc
    if code != 0:
        raise DocumentConversionError(
            _("Tệp PDF không đọc được (%(tool)s): %(d)s") % {"tool": tool, "d": err.strip() or code}
        )
    return out


def pdf_to_png_pages(pdf: bytes, dpi: int = 70, *, timeout: int = 120) -> list[bytes]:
    """One PNG image per page, in page order (for previews and for looking at a layout)."""
    with tempfile.TemporaryDirectory(prefix="binhdang-png-") as work:
        (Path(work) / "in.pdf").write_bytes(pdf)
        _poppler(
            "pdftoppm", ["-r", str(int(dpi)), "-png", "in.pdf", "page"], timeout=timeout, cwd=work
        )
        pages = sorted(
            Path(work).glob("page-*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0)
        )
        return [page.read_bytes() for page in pages]


def pdf_text(pdf: bytes, *, timeout: int = 60) -> str:
    """The text of a PDF in reading order (pdftotext -layout)."""
    with tempfile.TemporaryDirectory(prefix="binhdang-txt-") as work:
        (Path(work) / "in.pdf").write_bytes(pdf)
        _poppler(
            "pdftotext",
            ["-layout", "-enc", "UTF-8", "in.pdf", "out.txt"],
            timeout=timeout,
            cwd=work,
        )
        return (Path(work) / "out.txt").read_text(encoding="utf-8")


def pdf_page_count(pdf: bytes, *, timeout: int = 60) -> int:
    with tempfile.TemporaryDirectory(prefix="binhdang-info-") as work:
        (Path(work) / "in.pdf").write_bytes(pdf)
        info = _poppler("pdfinfo", ["in.pdf"], timeout=timeout, cwd=work)
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not match:
        raise DocumentConversionError(_("Không đọc được số trang của tệp PDF."))
    return int(match.group(1))
