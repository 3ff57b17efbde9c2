"""`manage.py render_plan FILE --out OUT.docx [--pdf OUT.pdf]`: a plan file as the official
document (Decree 30/2020/NĐ-CP).

Command-line contract (issue 4): imports FILE (.docx, .txt, .md) with the plan importer and
writes the rendered .docx, and the PDF when --pdf is given (LibreOffice headless). A bad
file, an unwritable output or a failed conversion exits with status 1 and a Vietnamese
message on stderr. Needs no database.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.documents.decree30.bodies import guess_header
from binhdang.documents.pdf import DocumentConversionError, convert_to_pdf
from binhdang.documents.plan_docx import render_plan_docx
from binhdang.plans.importing import DEFAULT_MAX_BYTES, PlanImportError, import_plan_path
from binhdang.plans.management.base import PlanFileCommand


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(
            _("Không ghi được tệp “%(path)s”: %(error)s.")
            % {"path": path, "error": exc.strerror or exc}
        ) from exc


class Command(PlanFileCommand):
    help = "Đọc kế hoạch từ tệp .docx, .txt hoặc .md và xuất văn bản theo Nghị định 30 (DOCX, PDF)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp kế hoạch (.docx, .txt, .md)")
        parser.add_argument("--out", required=True, help="tệp .docx cần ghi")
        parser.add_argument("--pdf", help="tệp .pdf cần ghi (chuyển bằng LibreOffice)")
        parser.add_argument(
            "--governing-body",
            default="",
            help="cơ quan chủ quản khi tệp không ghi (ví dụ: UBND THÀNH PHỐ HẢI PHÒNG)",
        )
        parser.add_argument(
            "--issuing-body",
            default="",
            help="cơ quan ban hành khi tệp không ghi (ví dụ: SỞ GIÁO DỤC VÀ ĐÀO TẠO); "
            "bỏ trống cả hai thì suy ra từ ký hiệu và địa danh",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            help="kích thước tệp tối đa, tính bằng byte",
        )
        parser.add_argument(
            "--timeout", type=int, default=120, help="thời gian chờ LibreOffice, tính bằng giây"
        )

    def handle(self, *args, **options):
        try:
            plan = import_plan_path(options["file"], max_bytes=options["max_bytes"])
        except PlanImportError as exc:
            raise CommandError(exc.message) from exc
        governing, issuing = options["governing_body"], options["issuing_body"]
        if not (governing or issuing or plan.governing_body or plan.issuing_body):
            # No header in the file and none given: the symbol and place say whose it is.
            governing, issuing = guess_header(plan.symbol, plan.place)
        docx = render_plan_docx(plan, governing_body=governing, issuing_body=issuing)
        out = Path(options["out"])
        _write(out, docx)
        self.stdout.write(_("Đã ghi văn bản DOCX: %(path)s") % {"path": out})
        if options["pdf"]:
            try:
                pdf = convert_to_pdf(docx, timeout=options["timeout"])
            except DocumentConversionError as exc:
                raise CommandError(exc.message) from exc
            target = Path(options["pdf"])
            _write(target, pdf)
            self.stdout.write(_("Đã ghi văn bản PDF: %(path)s") % {"path": target})
