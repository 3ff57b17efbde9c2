"""The unit's report and the department's consolidated report, Decree 30 ("BÁO CÁO"),
and the .xlsx of every figure by unit."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Font

from binhdang.accounts.choices import UnitType
from binhdang.documents.charts import bar_chart
from binhdang.documents.decree30 import OfficialDocument

from . import aggregate, targets
from .choices import PeriodKind, ReportStatus
from .models import ReportPeriod, UnitReport
from .periods import current_indicators

GOVERNING = "UBND THÀNH PHỐ HẢI PHÒNG"


def _title(period: ReportPeriod) -> str:
    if period.kind == PeriodKind.MID_YEAR:
        return (
            "Kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ "
            f"6 tháng đầu năm {period.year}"
        )
    return f"Kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {period.year}"


def _cell(total, female, has_female: bool) -> tuple:
    return (total if total is not None else "", female if has_female and female is not None else "")


def unit_report_docx(report: UnitReport) -> bytes:
    period = report.period
    date = timezone.localdate(report.submitted_at) if report.submitted_at else None
    doc = OfficialDocument(
        governing_body=period.department.name.upper(),
        issuing_body=report.unit.name.upper(),
        symbol="BC-" + (report.unit.short_name or report.unit.code),
        place="Hải Phòng",
        date=date,
        year=period.year,
        doc_type="BÁO CÁO",
        title=_title(period),
    )
    doc.heading("SỐ LIỆU", label="I", level=1)
    rows = []
    for index, value in enumerate(
        report.values.select_related("indicator").order_by("indicator__order"), start=1
    ):
        ind = value.indicator
        rows.append(
            [
                index,
                ind.name,
                ind.unit_of_measure,
                *_cell(value.total, value.female, ind.has_female),
            ]
        )
    doc.table(
        rows,
        header=["TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Trong đó nữ"],
        widths=[1.0, 8.5, 2.5, 2.0, 2.0],
        align=["center", "left", "center", "right", "right"],
    )
    sections = [
        ("II", "KẾT QUẢ ĐẠT ĐƯỢC", report.results),
        ("III", "HẠN CHẾ VÀ NGUYÊN NHÂN", report.limitations),
        ("IV", "KHÓ KHĂN, VƯỚNG MẮC", report.difficulties),
        ("V", "ĐỀ XUẤT, KIẾN NGHỊ", report.recommendations),
    ]
    for label, title, text in sections:
        doc.heading(title, label=label, level=1)
        for line in [t for t in (text or "").splitlines() if t.strip()] or ["Không có."]:
            doc.paragraph(line.strip())
    doc.recipients([f"{period.department.name} (Thường trực Ban VSTBPN)", "Lưu: VT"])
    signer = report.approved_by
    doc.signature(
        "",
        "THỦ TRƯỞNG ĐƠN VỊ",
        signer.get_full_name() if signer else "",
        stamp="(Đã duyệt)" if report.approved_at else "",
    )
    return doc.to_bytes()


TYPE_LABELS = dict(UnitType.choices)


def _pct(value) -> str:
    """A Decimal as a Vietnamese percentage without trailing zeros: 62,5%."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _gap(value) -> str:
    text = _pct(value)[:-1]
    return text if text.startswith("-") else f"+{text}" if value else "0"


def _targets_section(doc: OfficialDocument, period: ReportPeriod) -> None:
    """Table 3 and Chart 2: every current target with achieved, gap and met. The applicable
    target of each code is recorded first (frozen), so the report states what it compared."""
    aggregate.target_results(period, record=True)
    department = period.department
    with translation.override("vi"):
        rows = targets.target_progress(
            department=department, year=period.year, period=period, paths=[department.path]
        )
        table = []
        for row in rows:
            compared = row.achieved is not None
            table.append(
                [
                    row.target.name,
                    row.target.source_reference.split("(")[0].strip(),
                    str(row.target.target_year),
                    _pct(row.target_value),
                    f"{_pct(row.achieved)} ({row.numerator}/{row.denominator} {row.counted})"
                    if compared
                    else "—",
                    _gap(row.gap) if compared else "—",
                    ("Đạt" if row.met else "Chưa đạt") if compared else str(row.note),
                ]
            )
    doc.table(
        table,
        header=["Mục tiêu", "Văn bản", "Năm đạt", "Mục tiêu", "Đạt được", "Chênh lệch", "Đánh giá"],
        widths=[4.2, 3.4, 1.4, 1.6, 2.6, 1.6, 2.2],
        caption="Bảng 3. Kết quả so với mục tiêu (chênh lệch tính bằng điểm phần trăm)",
    )
    compared = [row for row in rows if row.achieved is not None]
    if compared:
        doc.image(
            bar_chart(
                [
                    f"{row.metric.short if row.metric else row.target.code} "
                    f"({row.target.target_year})"
                    for row in compared
                ],
                {
                    "Mục tiêu": [float(row.target_value) for row in compared],
                    "Đạt được": [float(row.achieved) for row in compared],
                },
                title="Kết quả so với mục tiêu (%)",
                percent=True,
                dpi=110,
            ),
            15,
            caption="Biểu đồ 2. Kết quả so với mục tiêu",
        )


def department_report(period: ReportPeriod, *, today: dt.date | None = None) -> tuple[bytes, dict]:
    """The consolidated report from the period's accepted unit reports: (docx, facts)."""
    today = today or timezone.localdate()
    indicators = current_indicators(period.year)
    totals = aggregate.totals([period])
    by_type = aggregate.totals_by([period], "unit_type")
    board_counts = aggregate.completeness([period.pk]).get(period.pk, (0, 0, 0))
    accepted = period.reports.filter(status=ReportStatus.ACCEPTED).count()
    department = period.department
    doc = OfficialDocument(
        governing_body=GOVERNING,
        issuing_body=department.name.upper(),
        symbol="BC-SGDĐT",
        place="Hải Phòng",
        date=today,
        doc_type="BÁO CÁO",
        title=_title(period),
    )
    units, submitted, on_time = board_counts
    doc.paragraph(
        f"Thực hiện kế hoạch công tác vì sự tiến bộ của phụ nữ năm {period.year}, "
        f"{department.name} báo cáo kết quả thực hiện (số liệu từ ngày "
        f"{period.window_start:%d/%m/%Y} đến ngày {period.window_end:%d/%m/%Y}) như sau:"
    )
    doc.heading("TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", label="I", level=1)
    pct = lambda n: f"{round(100 * n / units, 1) if units else 0}%".replace(".", ",")  # noqa: E731
    doc.bullet(
        f"Số đơn vị phải báo cáo: {units}; đã gửi: {submitted} ({pct(submitted)}); "
        f"đúng hạn: {on_time} ({pct(on_time)})."
    )
    doc.bullet(f"Số báo cáo đã được tiếp nhận và tổng hợp: {accepted}.")
    doc.heading("SỐ LIỆU TỔNG HỢP", label="II", level=1)
    rows = []
    for index, ind in enumerate(indicators, start=1):
        total, female = totals.get(ind.code, (0, 0))
        rows.append([index, ind.name, ind.unit_of_measure, total, female if ind.has_female else ""])
    doc.table(
        rows,
        header=["TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Trong đó nữ"],
        widths=[1.0, 8.5, 2.5, 2.0, 2.0],
        align=["center", "left", "center", "right", "right"],
        caption="Bảng 1. Số liệu tổng hợp từ báo cáo của các đơn vị",
    )
    types = sorted(by_type)
    type_rows = []
    for unit_type in types:
        data = by_type[unit_type]
        type_rows.append(
            [
                str(TYPE_LABELS.get(unit_type, unit_type)),
                data.get("STAFF", (0, 0))[0],
                data.get("STAFF", (0, 0))[1],
                data.get("MANAGERS", (0, 0))[0],
                data.get("MANAGERS", (0, 0))[1],
                data.get("ACTIVITIES", (0, 0))[0],
                data.get("PARTICIPANTS", (0, 0))[0],
            ]
        )
    doc.table(
        type_rows,
        header=["Loại đơn vị", "CB, GV, NV", "Nữ", "CBQL", "CBQL nữ", "Hoạt động", "Lượt tham gia"],
        widths=[4.0, 2.0, 1.8, 1.8, 1.8, 2.1, 2.5],
        caption="Bảng 2. Số liệu theo loại đơn vị",
    )
    chart = bar_chart(
        [str(TYPE_LABELS.get(t, t)) for t in types],
        {
            "Nam": [
                by_type[t].get("STAFF", (0, 0))[0] - by_type[t].get("STAFF", (0, 0))[1]
                for t in types
            ],
            "Nữ": [by_type[t].get("STAFF", (0, 0))[1] for t in types],
        },
        title="Cán bộ, giáo viên, nhân viên theo loại đơn vị",
        stacked=True,
        dpi=110,
    )
    doc.image(chart, 15, caption="Biểu đồ 1. Cán bộ, giáo viên, nhân viên theo giới tính")
    doc.heading("SO SÁNH VỚI MỤC TIÊU", label="III", level=1)
    _targets_section(doc, period)
    doc.heading("ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ", label="IV", level=1)
    recommendations: list[str] = []
    for text in (
        period.reports.filter(status=ReportStatus.ACCEPTED)
        .exclude(recommendations="")
        .values_list("recommendations", flat=True)[:200]
    ):
        first = text.strip().splitlines()[0]
        if first not in recommendations:
            recommendations.append(first)
    doc.paragraph(
        f"Có {accepted} đơn vị đã gửi báo cáo được Sở tiếp nhận; số liệu được tổng hợp tự "
        "động từ các báo cáo này trên hệ thống. Các kiến nghị của đơn vị:"
    )
    for text in recommendations[:10] or ["Không có kiến nghị."]:
        doc.bullet(text)
    doc.recipients(["Bộ Giáo dục và Đào tạo", "UBND thành phố", "Lãnh đạo Sở", "Lưu: VT, TCCB"])
    doc.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "")
    facts = {
        "units": units,
        "submitted": submitted,
        "on_time": on_time,
        "accepted": accepted,
        "totals": totals,
    }
    return doc.to_bytes(), facts


def department_xlsx(period: ReportPeriod) -> bytes:
    indicators = current_indicators(period.year)
    data = aggregate.by_unit(period)
    reports = (
        period.reports.filter(status=ReportStatus.ACCEPTED)
        .select_related("unit")
        .order_by("unit__path")
    )
    book = Workbook()
    sheet = book.active
    sheet.title = "So lieu theo don vi"
    header = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Quận/huyện"]
    for ind in indicators:
        header.append(ind.name)
        if ind.has_female:
            header.append(f"{ind.name} — nữ")
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for report in reports:
        unit = report.unit
        row = [
            unit.code,
            unit.name,
            str(TYPE_LABELS.get(unit.unit_type, unit.unit_type)),
            unit.district,
        ]
        values = data.get(unit.pk, {})
        for ind in indicators:
            total, female = values.get(ind.code, (None, None))
            row.append(total)
            if ind.has_female:
                row.append(female)
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
