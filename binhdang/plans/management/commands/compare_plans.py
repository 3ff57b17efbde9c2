"""`manage.py compare_plans OLD NEW [--json] [--docx OUT.docx]` (no database needed)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.plans.carry.files import BadPlanFile, read_plan
from binhdang.plans.compare import compare_plans, comparison_docx
from binhdang.plans.management.base import PlanFileCommand


class Command(PlanFileCommand):
    help = _(
        "So sánh hai kế hoạch: căn cứ thêm/bỏ, mục và nhiệm vụ thêm/bỏ/sửa, "
        "và so sánh từng từ của các đoạn đã sửa."
    )

    def add_arguments(self, parser):
        parser.add_argument("old", help=_("Kế hoạch cũ (.docx, .txt, .md)"))
        parser.add_argument("new", help=_("Kế hoạch mới (.docx, .txt, .md)"))
        parser.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON"))
        parser.add_argument("--docx", help=_("Ghi bản so sánh (đánh dấu sửa đổi) ra tệp .docx"))

    def handle(self, *args, **options):
        try:
            old = read_plan(options["old"])
            new = read_plan(options["new"])
        except BadPlanFile as exc:
            raise CommandError(exc.message) from exc
        comparison = compare_plans(old, new)
        if options["docx"]:
            Path(options["docx"]).write_bytes(comparison_docx(comparison, old, new))
        if options["json"]:
            self.stdout.write(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2))
            return
        summary = comparison.summary()
        self.stdout.write(
            _("So sánh kế hoạch năm %(old)s với năm %(new)s")
            % {"old": old.year or "?", "new": new.year or "?"}
        )
        for basis in comparison.bases_removed:
            self.stdout.write(
                _("  Bỏ căn cứ: %(text)s") % {"text": basis["reference"] or basis["text"]}
            )
        for basis in comparison.bases_added:
            self.stdout.write(
                _("  Thêm căn cứ: %(text)s") % {"text": basis["reference"] or basis["text"]}
            )
        for change in comparison.header_changes:
            if not change["year_only"]:
                self.stdout.write(f"  {change['label']}: {change['old']} → {change['new']}")
        self.stdout.write(
            _(
                "  Mục sửa đổi: %(changed)s, thêm: %(added)s, bỏ: %(removed)s; "
                "đoạn sửa nội dung: %(text)s; đoạn chỉ đổi năm: %(years)s"
            )
            % {
                "changed": summary["sections_changed"],
                "added": summary["sections_added"],
                "removed": summary["sections_removed"],
                "text": summary["text_changes"],
                "years": summary["year_only_changes"],
            }
        )
