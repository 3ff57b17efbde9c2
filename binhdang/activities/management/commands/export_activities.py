"""python manage.py export_activities --year YYYY [--unit CODE] --out FILE.xlsx"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.accounts.models import OrgUnit
from binhdang.activities import exports, selectors


class Command(BaseCommand):
    help = (
        "Xuất danh sách hoạt động của một năm (mọi đơn vị, hoặc một đơn vị và các đơn vị "
        "trực thuộc) ra tệp .xlsx với tiêu đề cột tiếng Việt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Năm, ví dụ 2026")
        parser.add_argument("--unit", help="Mã đơn vị (kèm các đơn vị trực thuộc)")
        parser.add_argument("--out", required=True, help="Đường dẫn tệp .xlsx cần ghi")

    def handle(self, *args, year: int, unit: str | None, out: str, **options):
        if not out.lower().endswith(".xlsx"):
            raise CommandError("Tệp đầu ra phải có đuôi .xlsx")
        scope = None
        if unit:
            scope = OrgUnit.objects.filter(code=unit).first()
            if scope is None:
                raise CommandError(f"Không có đơn vị mã “{unit}”.")
        filters = selectors.ActivityFilters(unit=scope, year=year)
        rows = selectors.activity_export_rows(None, filters)
        title = f"Danh sách hoạt động năm {year}" + (f" — {scope.name}" if scope else "")
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            count = exports.write_activities_xlsx(rows, handle, title=title)
        self.stderr.write(f"Đã ghi {count} hoạt động vào {path}")
