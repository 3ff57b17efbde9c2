"""`manage.py carry_forward FILE --year YYYY [--json] [--apply-flags]` (no database needed)."""

from __future__ import annotations

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.plans.carry import apply_flags, carry_forward
from binhdang.plans.carry.files import BadPlanFile, read_plan
from binhdang.plans.management.base import PlanFileCommand

MIN_YEAR, MAX_YEAR = 2000, 2100


class Command(PlanFileCommand):
    help = _(
        "Mang một kế hoạch sang năm mới: cập nhật năm, thời hạn, Tháng hành động; "
        "liệt kê các thay đổi tự động và các căn cứ, trích dẫn cần xem xét."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Tệp kế hoạch (.docx, .txt, .md)"))
        parser.add_argument("--year", type=int, required=True, help=_("Năm của kế hoạch mới"))
        parser.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON"))
        parser.add_argument(
            "--apply-flags",
            action="store_true",
            help=_("Áp dụng luôn mọi đề xuất bỏ/thay thế trích dẫn"),
        )

    def handle(self, *args, **options):
        year = options["year"]
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise CommandError(
                _("Năm %(year)s không hợp lệ (chỉ nhận từ %(min)s đến %(max)s).")
                % {"year": year, "min": MIN_YEAR, "max": MAX_YEAR}
            )
        try:
            plan = read_plan(options["file"])
        except BadPlanFile as exc:
            raise CommandError(exc.message) from exc
        result = carry_forward(plan, year=year)
        if options["apply_flags"]:
            result.plan = apply_flags(result)
        if options["json"]:
            self.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Kế hoạch năm %(year)s (mang sang từ năm %(old)s): %(title)s")
            % {"year": year, "old": result.from_year or "?", "title": result.plan.title}
        )
        self.stdout.write(_("Thay đổi tự động (%(n)s):") % {"n": len(result.changes)})
        for change in result.changes:
            self.stdout.write(
                f"  - {change.location.label()}: {change.before or '∅'} → {change.after or '∅'}"
            )
        self.stdout.write(_("Cần xem xét (%(n)s):") % {"n": len(result.flags)})
        actions = {"remove": _("Bỏ"), "replace": _("Thay"), "review": _("Xem lại")}
        for flag in result.flags:
            action = actions.get(flag.action, flag.action)
            self.stdout.write(f"  - [{action}] {flag.location.label()}: {flag.message}")
