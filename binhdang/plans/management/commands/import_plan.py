"""`manage.py import_plan FILE [--json]`: the structure the importer finds in a plan file.

Command-line contract (issue 4): with --json, prints `PlanDocument.to_json()`; for a bad file,
exits with status 1 and the Vietnamese message on stderr. Needs no database: system checks
are skipped and nothing is read or written through the ORM.
"""

from __future__ import annotations

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.plans.importing import DEFAULT_MAX_BYTES, PlanImportError, import_plan_path
from binhdang.plans.management.base import PlanFileCommand
from binhdang.plans.structure import PlanDocument, Section


class Command(PlanFileCommand):
    help = "Đọc kế hoạch từ tệp .docx, .txt hoặc .md và in cấu trúc tìm được."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp kế hoạch (.docx, .txt, .md)")
        parser.add_argument(
            "--json", action="store_true", help="in cấu trúc dạng JSON (khóa ổn định)"
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            help="kích thước tệp tối đa, tính bằng byte",
        )

    def handle(self, *args, **options):
        try:
            plan = import_plan_path(options["file"], max_bytes=options["max_bytes"])
        except PlanImportError as exc:
            raise CommandError(exc.message) from exc
        if options["json"]:
            self.stdout.write(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(plan))


def _count_section(section: Section, depth: int) -> list[str]:
    label = section.label + (")" if section.label.islower() else ".")
    parts = []
    if section.items:
        parts.append(_("%(n)d ý") % {"n": len(section.items)})
    if section.paragraphs:
        parts.append(_("%(n)d đoạn") % {"n": len(section.paragraphs)})
    detail = (" (" + ", ".join(parts) + ")") if parts else ""
    title = section.title if len(section.title) <= 70 else section.title[:69] + "…"
    lines = ["  " * depth + f"{label} {title}{detail}"]
    for child in section.children:
        lines += _count_section(child, depth + 1)
    return lines


def summary(plan: PlanDocument) -> str:
    """A few Vietnamese lines a person can check against the document."""
    number = (plan.number or "…") + "/" + plan.symbol if plan.symbol else ""
    date = (
        plan.date.strftime("%d/%m/%Y")
        if plan.date
        else _("ngày … tháng … năm %(y)s") % {"y": plan.year or "…"}
    )
    flagged = sum(1 for c in plan.citations if c.flags)
    lines = [
        " — ".join(filter(None, [plan.doc_type, _("Số: %(n)s") % {"n": number} if number else ""])),
        plan.title,
        _("Địa danh, ngày ban hành: %(place)s, %(date)s")
        % {"place": plan.place or "…", "date": date},
        _("Căn cứ: %(n)d; trích dẫn: %(c)d (có cảnh báo: %(f)d)")
        % {"n": len(plan.legal_bases), "c": len(plan.citations), "f": flagged},
        _("Nội dung:"),
    ]
    for section in plan.sections:
        lines += _count_section(section, 1)
    for deadline in plan.deadlines:
        lines.append(
            _("Thời hạn: %(date)s — %(text)s")
            % {"date": deadline.date.strftime("%d/%m/%Y"), "text": deadline.text}
        )
    lines.append(_("Nơi nhận: %(r)s") % {"r": "; ".join(plan.recipients) or "—"})
    signer = " / ".join(
        filter(None, [plan.signer.authority, plan.signer.position, plan.signer.name])
    )
    lines.append(_("Người ký: %(s)s") % {"s": signer or "—"})
    if plan.unplaced:
        lines.append(_("Chưa xếp được %(n)d dòng:") % {"n": len(plan.unplaced)})
        lines += ["  " + text for text in plan.unplaced]
    return "\n".join(lines)
