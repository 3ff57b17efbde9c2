"""What the parts of a Vietnamese administrative document (Decree 30/2020/NĐ-CP) look like."""

from __future__ import annotations

import re

# --- header --------------------------------------------------------------------------------

NUMBER_LINE = re.compile(
    r"^Số\s*[:.]?\s*(?P<number>[\d.…_ ]*?[\dA-Za-z]*)\s*/\s*(?P<symbol>[^\s,;]+)",
    re.IGNORECASE,
)
PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,80}?)\s*,\s*ngày\s*(?P<day>\d{1,2})?[\s.…_]*"
    r"tháng\s*(?P<month>\d{1,2})?[\s.…_]*năm\s*(?P<year>\d{4})\b",
    re.IGNORECASE,
)
NATIONAL_TITLE = re.compile(r"^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM\b", re.I)
MOTTO = re.compile(r"^Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc\b", re.IGNORECASE)
SEPARATOR = re.compile(r"^[-_=–—.…*•·~\s]{3,}$")
SUBJECT = re.compile(r"^V/v[:.]?\s*(?P<subject>.+)$", re.IGNORECASE)

DOC_TYPES = (
    "KẾ HOẠCH",
    "BÁO CÁO",
    "QUYẾT ĐỊNH",
    "CÔNG VĂN",
    "TỜ TRÌNH",
    "THÔNG BÁO",
    "CHƯƠNG TRÌNH",
    "HƯỚNG DẪN",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "BIÊN BẢN",
    "GIẤY MỜI",
    "CÔNG ĐIỆN",
    "THÔNG CÁO",
    "DỰ ÁN",
)
DOC_TYPE = re.compile(r"^(?P<type>" + "|".join(DOC_TYPES) + r")\s*:?$")

# --- legal bases ---------------------------------------------------------------------------

# Case matters: a continuation line may start with "căn cứ" ("... đơn vị" / "căn cứ ...").
BASIS = re.compile(r"^(?:Căn\s+cứ|CĂN\s+CỨ)\b")
_DOCUMENT_KINDS = (
    r"Luật|Bộ\s+luật|Pháp\s+lệnh|Hiến\s+pháp|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|"
    r"Thông\s+tư(?:\s+liên\s+tịch)?|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Hướng\s+dẫn|Chương\s+trình|"
    r"Thông\s+báo|Văn\s+bản|Đề\s+án|Điều\s+lệ|Quy\s+chế|Quy\s+định"
)
# A basis written without "Căn cứ": it starts by naming a document with its number.
CITATION_START = re.compile(
    r"^(?:" + _DOCUMENT_KINDS + r")\s+(?:số\s*)?\d+\s*/|^(?:Luật|Bộ\s+luật)\s+[A-ZÀ-Ỹ]"
)

# --- outline -------------------------------------------------------------------------------

ROMAN = re.compile(r"^(?P<label>[IVXL]{1,6})\s*[.):]\s*(?P<title>.*)$")
NUMBERED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){0,3})\.(?!\d)\s*(?P<title>.*)$")
NUMBERED_NO_DOT = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?P<title>[^\d\s].*)$")
NUMBERED_PAREN = re.compile(r"^(?P<label>\d{1,2})\)\s*(?P<title>\S.*)$")
LETTER = re.compile(r"^(?P<label>[a-zđ])\s*[).]\s+(?P<title>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-–—+•·●○▪■□◦⁃➢►✓*])(?:\s+|(?=[^\W\d_]))(?P<text>\S.*)$")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(label: str) -> int | None:
    """Integer value of a well-formed Roman numeral up to 89, else None."""
    total = 0
    previous = 0
    for ch in reversed(label):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    return total if 0 < total < 90 and to_roman(total) == label else None


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while n >= value:
            out += letters
            n -= value
    return out + "I" * n


# --- closing -------------------------------------------------------------------------------

RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*[:.]?\s*(?P<rest>.*)$", re.IGNORECASE)
AUTHORITY = re.compile(
    r"^(?:KT|TM|TL|TUQ|Q|KÝ\s+THAY|THỪA\s+LỆNH|THAY\s+MẶT|QUYỀN)\s*[.:]?\s+\S", re.IGNORECASE
)
POSITION_WORDS = re.compile(
    r"\b(GIÁM\s+ĐỐC|TRƯỞNG|CHỦ\s+TỊCH|BÍ\s+THƯ|THỦ\s+TRƯỞNG|CHÁNH|ỦY\s+VIÊN|THƯ\s+KÝ|"
    r"BỘ\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|HIỆU\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC)\b"
)
STAMP = re.compile(
    r"^[(\[]?\s*(?:đã\s+ký|ký|ký\s+tên|ký\s+và\s+đóng\s+dấu|ký,\s*ghi\s+rõ\s+họ\s+tên|"
    r"đã\s+ký\s+và\s+đóng\s+dấu|chữ\s+ký[^)\]]*|đóng\s+dấu)[^)\]]*[)\]]?$",
    re.IGNORECASE,
)
DOCUMENT_END = re.compile(r"\./\.\s*$")

# --- continuation of a line cut by a page break --------------------------------------------

TERMINAL = re.compile(r"[.;:!?…]\s*[”\"'»)]*$")
# Words a Vietnamese sentence or clause cannot end on: a line ending with one continues.
CONNECTIVES = frozenset(
    """của và với các về cho trong theo tại đến từ những số là được để hoặc hay như thuộc
    có trên dưới giữa nhằm do bởi mà thì đối vào cùng sự việc nhưng nên vì khi nếu tới qua
    bằng gồm""".split()
)
