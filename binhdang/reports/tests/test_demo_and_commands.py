"""Demo data in every state (idempotent) and the department report command's contract."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from binhdang.accounts import demo as accounts_demo
from binhdang.reports import demo
from binhdang.reports.models import ReportPeriod, StaffFigures, UnitReport
from binhdang.reports.selectors import report_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(db):
    accounts_demo.load()
    demo.load()


def test_demo_has_every_state_and_is_idempotent(demo_loaded):
    department_units = UnitReport.objects.filter(is_demo=True).values("unit").distinct().count()
    this_year = timezone.localdate().year
    assert StaffFigures.objects.filter(year=this_year - 1).count() == department_units
    assert StaffFigures.objects.filter(year=this_year).count() == department_units
    years = set(ReportPeriod.objects.filter(is_demo=True).values_list("year", "kind"))
    assert len(years) == 4
    reports = list(UnitReport.objects.filter(is_demo=True))
    states = {report_state(r) for r in reports}
    statuses = {r.status for r in reports}
    assert states == {"on_time", "late", "missing"}
    assert {"accepted", "returned", "submitted", "draft"} <= statuses
    before = (UnitReport.objects.count(), StaffFigures.objects.count())
    demo.load()
    assert (UnitReport.objects.count(), StaffFigures.objects.count()) == before


def test_department_report_command(demo_loaded, tmp_path):
    period = ReportPeriod.objects.filter(is_demo=True, kind="year_end").order_by("year").first()
    out, xlsx = tmp_path / "so.docx", tmp_path / "so.xlsx"
    stdout = io.StringIO()
    call_command(
        "department_report",
        "--year",
        str(period.year),
        "--period",
        "year_end",
        "--out",
        str(out),
        "--xlsx",
        str(xlsx),
        stdout=stdout,
    )
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text and f"năm {period.year}" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Tỷ lệ cơ quan, đơn vị có lãnh đạo chủ chốt là nữ" in cells
    accepted = UnitReport.objects.filter(period=period, status="accepted").count()
    rows = list(load_workbook(str(xlsx)).active.iter_rows(values_only=True))
    assert len(rows) == accepted + 1
    assert f"{accepted} accepted" in stdout.getvalue()
