"""python manage.py campaign_coverage --year YYYY [--department CODE] --json"""

import json

from django.core.management.base import BaseCommand, CommandError

from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit
from binhdang.activities.coverage import campaign_coverage


class Command(BaseCommand):
    help = "Mức độ bao phủ Tháng hành động của một Sở trong một năm."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--department",
            help="Mã Sở; mặc định là Sở duy nhất (hoặc Sở đầu tiên) trong hệ thống",
        )
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON")

    def handle(self, *args, year: int, department: str | None, json: bool, **options):
        departments = OrgUnit.objects.filter(unit_type=UnitType.DEPARTMENT)
        if department:
            unit = departments.filter(code=department).first()
            if unit is None:
                raise CommandError(f"Không có Sở mã “{department}”.")
        else:
            # The first department created: in the demo data, Hải Phòng.
            unit = departments.order_by("pk").first()
            if unit is None:
                raise CommandError("Chưa có Sở nào trong hệ thống.")
        coverage = campaign_coverage(department=unit, year=year, user=None)
        if json:
            self.stdout.write(_dumps(coverage.as_json()))
            return
        self.stdout.write(
            f"{unit.name} — Tháng hành động {year} "
            f"({coverage.campaign.start_date:%d/%m/%Y}–{coverage.campaign.end_date:%d/%m/%Y})"
        )
        self.stdout.write(
            f"Đơn vị có hoạt động: {coverage.units_covered}/{coverage.units_total} "
            f"({coverage.rate}%)"
        )
        self.stdout.write(
            f"Hoạt động: {coverage.activities}; người tham gia: nữ {coverage.female}, "
            f"nam {coverage.male}"
        )
        for row in coverage.by_type:
            if row.activities:
                self.stdout.write(f"  {row.label}: {row.activities}")
        if coverage.units_without:
            self.stdout.write(
                "Chưa có hoạt động: " + ", ".join(u.code for u in coverage.units_without)
            )


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
