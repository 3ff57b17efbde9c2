"""The department's consolidated report (contract: keep the options stable)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.accounts.choices import UnitType
from binhdang.reports.choices import PeriodKind
from binhdang.reports.documents import department_report, department_xlsx
from binhdang.reports.models import ReportPeriod


class Command(BaseCommand):
    help = "Tạo báo cáo tổng hợp của Sở (DOCX theo Nghị định 30, kèm .xlsx/.pdf)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", choices=[k.value for k in PeriodKind], required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--xlsx")
        parser.add_argument("--pdf")
        parser.add_argument("--department", help="Mã Sở (mặc định: Sở đầu tiên có kỳ báo cáo)")

    def handle(self, *args, year, period, out, xlsx=None, pdf=None, department=None, **options):
        periods = ReportPeriod.objects.filter(
            year=year, kind=period, department__unit_type=UnitType.DEPARTMENT
        ).select_related("department")
        if department:
            periods = periods.filter(department__code=department)
        found = periods.order_by("-is_demo", "department__path").first()
        if found is None:
            raise CommandError(f"Không có kỳ báo cáo {period} năm {year}.")
        data, facts = department_report(found)
        Path(out).write_bytes(data)
        self.stdout.write(f"docx {out} ({facts['accepted']} accepted of {facts['units']} units)")
        if xlsx:
            Path(xlsx).write_bytes(department_xlsx(found))
            self.stdout.write(f"xlsx {xlsx}")
        if pdf:
            from binhdang.documents.pdf import convert_to_pdf

            Path(pdf).write_bytes(convert_to_pdf(data))
            self.stdout.write(f"pdf {pdf}")
