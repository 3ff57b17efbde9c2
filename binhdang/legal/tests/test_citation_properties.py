"""Property-based tests of the citation engine: generated citations in every written form
are found with the right fields and span, and generated mistakes get the registry's fix."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from binhdang.legal.citations import check_citations, default_registry, find_citations

# --- Generated citations are found with the right fields and span ------------------------

# (type, its code in the symbol, whether the symbol carries the year)
TYPES = [
    ("Quyết định", "QĐ", False),
    ("Kế hoạch", "KH", False),
    ("Nghị định", "NĐ", True),
    ("Thông tư", "TT", True),
    ("Nghị quyết", "NQ", False),
    ("Chỉ thị", "CT", False),
]
# How the type word may be written before the number: in full or abbreviated as in the
# symbol ("QĐ số 383/QĐ-BGDĐT").
TYPE_WORDS = {name: (name, code) for name, code, _year in TYPES}
ISSUERS = [
    ("BGDĐT", ["Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT"], "Bộ Giáo dục và Đào tạo"),
    ("CP", ["Chính phủ"], "Chính phủ"),
    ("TTg", ["Thủ tướng Chính phủ"], "Thủ tướng Chính phủ"),
    (
        "UBND",
        ["Ủy ban nhân dân thành phố", "Uỷ ban nhân dân thành phố", "UBND thành phố"],
        "Ủy ban nhân dân thành phố",
    ),
    ("UBND", ["Ủy ban nhân dân tỉnh Quảng Ninh"], "Ủy ban nhân dân tỉnh Quảng Ninh"),
]
SYMBOL_ISSUER = {"BGDĐT": "Bộ Giáo dục và Đào tạo", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ"}
SUBJECT_WORDS = [
    "phòng ngừa",
    "ứng phó",
    "bạo lực",
    "trên cơ sở giới",
    "bình đẳng giới",
    "tiến bộ",
    "phụ nữ",
    "Chương trình",
    "“Tăng cường”",
    "giai đoạn 2021-2025",
    "đến năm 2030",
    "hoạt động",
    "truyền thông",
    "lãnh đạo, quản lý",
]
PREFIXES = ["", "Căn cứ ", "Tiếp tục thực hiện ", "- Các đơn vị căn cứ ", "theo quy định tại "]
SUFFIXES = ["", ";", "; các Chương trình liên quan.", ". Tổ chức thực hiện", "\nII. NHIỆM VỤ"]


@st.composite
def citations(draw):
    type_name, code, with_year = draw(st.sampled_from(TYPES))
    symbol_issuer, spellings, issuer_name = draw(st.sampled_from(ISSUERS))
    number = str(draw(st.integers(min_value=1, max_value=9999)))
    if draw(st.booleans()):
        number = number.zfill(2)
    year = draw(st.integers(min_value=1990, max_value=2030)) if with_year else None
    symbol = (f"{year}/" if year else "") + f"{code}-{symbol_issuer}"
    typed = draw(st.booleans())
    so = draw(st.booleans())
    date = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    issuer_text = draw(st.none() | st.sampled_from(spellings))
    subject = draw(
        st.none() | st.lists(st.sampled_from(SUBJECT_WORDS), min_size=1, max_size=6).map(" ".join)
    )
    parts = []
    if typed:
        parts.append(draw(st.sampled_from(TYPE_WORDS[type_name])))
    if so:
        parts.append("số")
    parts.append(f"{number}/{symbol}")
    if date:
        form = draw(st.sampled_from(["d/m", "dd/mm", "words", "bare"]))
        if form == "d/m":
            parts.append(f"ngày {date.day}/{date.month}/{date.year}")
        elif form == "dd/mm":
            parts.append(f"ngày {date:%d/%m/%Y}")
        elif form == "words":
            parts.append(f"ngày {date.day} tháng {date.month} năm {date.year}")
        else:
            parts.append(f"{date:%d/%m/%Y}")
    if issuer_text:
        parts.append(f"của {issuer_text}")
    if subject:
        parts.append(draw(st.sampled_from(["về", "về việc"])) + " " + subject)
    expected = {
        "type": type_name,
        "number": number,
        "symbol": symbol,
        "date": date,
        "issuer": issuer_name if issuer_text else SYMBOL_ISSUER.get(symbol_issuer),
        "subject": subject,
    }
    return " ".join(parts), expected


@settings(max_examples=300, deadline=None)
@given(citations(), st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES), st.booleans())
def test_generated_citations_are_found_with_their_fields_and_span(
    generated, prefix, suffix, decomposed
):
    citation_text, expected = generated
    text = prefix + citation_text + suffix
    if decomposed:
        text = unicodedata.normalize("NFD", text)
        citation_text = unicodedata.normalize("NFD", citation_text)
    [citation] = find_citations(text)
    assert citation.text == citation_text
    assert citation.start == len(unicodedata.normalize("NFD", prefix) if decomposed else prefix)
    assert citation.end == citation.start + len(citation_text)
    assert citation.type == expected["type"]
    assert citation.number == expected["number"]
    assert citation.symbol == expected["symbol"]
    assert citation.date == expected["date"]
    assert citation.issuer == expected["issuer"]
    assert citation.subject == expected["subject"]


@settings(max_examples=100, deadline=None)
@given(st.lists(citations(), min_size=1, max_size=5))
def test_a_run_of_generated_citations_is_found_in_order(generated):
    text = "; ".join(citation_text for citation_text, _ in generated) + "."
    found = find_citations(text)
    assert [c.reference for c in found] == [
        f"{expected['number']}/{expected['symbol']}" for _, expected in generated
    ]
    assert [c.text for c in found] == [citation_text for citation_text, _ in generated]


# --- Official letters: the symbol has no type code ("1234/BGDĐT-GDCTHSSV") -----------------

DIVISIONS = ["GDCTHSSV", "TCCB", "GDTrH", "KHTC", "VP"]
LETTER_ISSUERS = [("BGDĐT", "Bộ Giáo dục và Đào tạo"), ("SGDĐT", None), ("UBND", None)]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(LETTER_ISSUERS),
    st.sampled_from(DIVISIONS),
    st.sampled_from(["Công văn", "CV"]),
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(PREFIXES),
)
def test_generated_official_letters_are_found(number, issuer, division, word, date, prefix):
    code, issuer_name = issuer
    citation_text = f"{word} số {number}/{code}-{division} ngày {date:%d/%m/%Y}"
    [citation] = find_citations(prefix + citation_text + ".")
    assert citation.type == "Công văn"
    assert (citation.number, citation.symbol) == (str(number), f"{code}-{division}")
    assert citation.date == date
    assert citation.issuer == issuer_name
    assert citation.text == citation_text


# --- The checker: a wrong number or date is flagged with the registry's own value ----------

NUMBERED = [e for e in default_registry() if e.number and e.date]


def _written(entry, number: str, date: dt.date) -> str:
    return f"{entry.doc_type} số {number}/{entry.symbol} ngày {date:%d/%m/%Y}"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(NUMBERED), st.integers(min_value=1, max_value=9999))
def test_a_wrong_number_with_the_registered_date_gets_the_registered_number(entry, wrong):
    registered = {(e.number, e.symbol) for e in default_registry()}
    assume((str(wrong), entry.symbol) not in registered)
    text = _written(entry, str(wrong), entry.date)
    [citation] = check_citations(find_citations(text), default_registry(), plan_year=2026)
    [flag] = [f for f in citation.flags if f["code"] == "number_mismatch"]
    assert flag["fix"] == f"{entry.number}/{entry.symbol}"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(NUMBERED), st.integers(min_value=1, max_value=400))
def test_the_registered_number_with_a_wrong_date_gets_the_registered_date(entry, shift):
    wrong = entry.date + dt.timedelta(days=shift)
    text = _written(entry, entry.number, wrong)
    [citation] = check_citations(find_citations(text), default_registry(), plan_year=2026)
    [flag] = [f for f in citation.flags if f["code"] == "date_mismatch"]
    assert flag["fix"] == f"{entry.date:%d/%m/%Y}"
