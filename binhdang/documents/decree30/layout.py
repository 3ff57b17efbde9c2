"""The measurements of Decree 30/2020/NĐ-CP, Appendix I, in one place.

Every figure is inside the range the Decree allows; the chosen value is the one most
departments use, so a rendered document looks like the ones people already file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FONT = "Times New Roman"


@dataclass(frozen=True)
class Layout:
    """Page, margins (mm) and font sizes (pt) of an official document."""

    page_width_mm: float = 210.0  # A4
    page_height_mm: float = 297.0
    top_mm: float = 20.0  # 20-25
    bottom_mm: float = 20.0  # 20-25
    left_mm: float = 30.0  # 30-35
    right_mm: float = 15.0  # 15-20
    header_distance_mm: float = 10.0  # page number sits in the top margin

    # 12 pt for the upper-case header lines: at 13 pt "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    # and a city's People's Committee no longer fit their columns on one line.
    governing_pt: float = 12  # upper case, regular (12-13)
    issuing_pt: float = 12  # upper case, bold (12-13)
    national_pt: float = 12  # upper case, bold (12-13)
    motto_pt: float = 13  # bold (13-14)
    number_pt: float = 13  # "Số: ..." (13)
    place_date_pt: float = 14  # italic (13-14)
    doc_type_pt: float = 14  # bold upper case (13-14)
    title_pt: float = 14  # bold (13-14)
    body_pt: float = 14  # (13-14)
    table_pt: float = 13
    caption_pt: float = 13
    recipients_label_pt: float = 12  # bold italic
    recipients_pt: float = 11
    signature_pt: float = 14  # bold (13-14)
    page_number_pt: float = 14  # (13-14)

    first_line_indent_cm: float = 1.27  # 1-1.27
    space_after_pt: float = 6  # at least 6
    line_spacing: float = 1.15  # single to 1.5 lines
    signature_space_pt: float = 78  # room for the signature and the seal

    header_left_cm: float = 6.8  # governing/issuing body, number
    closing_left_cm: float = 7.5  # "Nơi nhận"

    @property
    def text_width_cm(self) -> float:
        return (self.page_width_mm - self.left_mm - self.right_mm) / 10

    @property
    def header_right_cm(self) -> float:
        return self.text_width_cm - self.header_left_cm

    @property
    def closing_right_cm(self) -> float:
        return self.text_width_cm - self.closing_left_cm


DEFAULT_LAYOUT = Layout()

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# What the Decree leaves blank for the clerk to fill in by hand when the document is issued.
BLANK_NUMBER = "      "
BLANK_DAY = "      "


def number_line(number: str, symbol: str) -> str:
    """ "Số: 05/KH-SGDĐT"; numbers below 10 get a leading zero (Decree 30, Art. 8)."""
    number = (number or "").strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    shown = number or BLANK_NUMBER
    return f"Số: {shown}/{symbol}" if symbol else f"Số: {shown}"


def place_date_line(place: str, date: dt.date | None, year: int | None) -> str:
    """ "Hải Phòng, ngày 05 tháng 01 năm 2026", or blanks for day and month until issued.

    Days below 10 and the months January and February take a leading zero (Decree 30,
    Appendix I) so that nobody can add a digit by hand afterwards.
    """
    if date is not None:
        day = f"{date.day:02d}"
        month = f"{date.month:02d}" if date.month < 3 else str(date.month)
        text = f"ngày {day} tháng {month} năm {date.year}"
    else:
        text = f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {year or ''}".rstrip()
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]
