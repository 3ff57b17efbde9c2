"""Words of Vietnamese legal citations: document types, symbol codes and issuing bodies.

Plain data plus the regular expressions built from it. Vietnamese spelling varies in the
wild ("Ủy"/"Uỷ", "hóa"/"hoá", upper or lower case), so matching is done on NFC text with
case-insensitive patterns, and canonical names are looked up by their folded form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from binhdang.core.text import fold as _fold_uncached


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """`core.text.fold`, cached: the same few type words and issuers recur in every text."""
    return _fold_uncached(text)


# Canonical type name -> the words and abbreviations that introduce it in running text.
# Longer names first where one is a prefix of another ("Thông tư liên tịch" / "Thông tư").
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "Thông tư liên tịch": ("Thông tư liên tịch", "TTLT"),
    "Nghị quyết liên tịch": ("Nghị quyết liên tịch", "NQLT"),
    "Văn bản hợp nhất": ("Văn bản hợp nhất", "VBHN"),
    "Quyết định": ("Quyết định", "QĐ"),
    "Nghị định": ("Nghị định", "NĐ"),
    "Nghị quyết": ("Nghị quyết", "NQ"),
    "Thông tư": ("Thông tư", "TT"),
    "Kế hoạch": ("Kế hoạch", "KH"),
    "Chỉ thị": ("Chỉ thị", "CT"),
    "Công văn": ("Công văn", "CV", "Văn bản"),
    "Công điện": ("Công điện", "CĐ"),
    "Hướng dẫn": ("Hướng dẫn", "HD"),
    "Thông báo": ("Thông báo", "TB"),
    "Báo cáo": ("Báo cáo", "BC"),
    "Chương trình": ("Chương trình", "CTr"),
    "Đề án": ("Đề án", "ĐA"),
    "Kết luận": ("Kết luận", "KL"),
    "Quy định": ("Quy định",),
    "Tờ trình": ("Tờ trình", "TTr"),
    "Pháp lệnh": ("Pháp lệnh", "PL"),
    "Bộ luật": ("Bộ luật",),
    "Luật": ("Luật",),
}

# The first segment of a symbol names the type ("QĐ-BGDĐT" -> Quyết định). A symbol whose
# first segment is an issuer ("123/BGDĐT-GDTrH") is an official letter: letters carry no
# type code, by the rules of Decree 30/2020/NĐ-CP.
SYMBOL_TYPES: dict[str, str] = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KH": "Kế hoạch",
    "CT": "Chỉ thị",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "KL": "Kết luận",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "TTr": "Tờ trình",
    "VBHN": "Văn bản hợp nhất",
    "PL": "Pháp lệnh",
}
LETTER_TYPE = "Công văn"
GUIDANCE_TYPE = "Văn bản hướng dẫn"

# The last segment of a symbol often names a national issuer unambiguously. Local codes
# (UBND, HĐND, SGDĐT) are left out: they do not say which province.
SYMBOL_ISSUERS: dict[str, str] = {
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "BNV": "Bộ Nội vụ",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BYT": "Bộ Y tế",
    "BTC": "Bộ Tài chính",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BKHCN": "Bộ Khoa học và Công nghệ",
}
_QH_ISSUERS = (
    (re.compile(r"^UBTVQH\d*$"), "Ủy ban Thường vụ Quốc hội"),
    (re.compile(r"^QH\d*$"), "Quốc hội"),
)

# National bodies: canonical name -> other spellings (Ủy/Uỷ and hóa/hoá are added below).
NATIONAL_ISSUERS: dict[str, tuple[str, ...]] = {
    "Thủ tướng Chính phủ": ("Thủ tướng",),
    "Chính phủ": (),
    "Ủy ban Thường vụ Quốc hội": (),
    "Quốc hội": (),
    "Chủ tịch nước": (),
    "Bộ Chính trị": (),
    "Ban Bí thư": (),
    "Ban Chấp hành Trung ương Đảng": ("Ban Chấp hành Trung ương",),
    "Bộ Giáo dục và Đào tạo": ("Bộ GD&ĐT", "Bộ GDĐT", "Bộ GD và ĐT", "BGDĐT", "Bộ GD-ĐT"),
    "Bộ Lao động - Thương binh và Xã hội": (
        "Bộ Lao động – Thương binh và Xã hội",
        "Bộ Lao động-Thương binh và Xã hội",
        "Bộ LĐ-TB&XH",
        "Bộ LĐTBXH",
    ),
    "Bộ Nội vụ": (),
    "Bộ Tài chính": (),
    "Bộ Y tế": (),
    "Bộ Tư pháp": (),
    "Bộ Công an": (),
    "Bộ Quốc phòng": (),
    "Bộ Văn hóa, Thể thao và Du lịch": ("Bộ VHTTDL",),
    "Bộ Thông tin và Truyền thông": (),
    "Bộ Kế hoạch và Đầu tư": (),
    "Bộ Khoa học và Công nghệ": (),
    "Bộ Ngoại giao": (),
    "Bộ Công Thương": (),
    "Bộ Nông nghiệp và Phát triển nông thôn": (),
    "Bộ Nông nghiệp và Môi trường": (),
    "Bộ Tài nguyên và Môi trường": (),
    "Bộ Xây dựng": (),
    "Bộ Giao thông vận tải": (),
    "Bộ Dân tộc và Tôn giáo": (),
    "Hội Liên hiệp Phụ nữ Việt Nam": (),
    "Tổng Liên đoàn Lao động Việt Nam": (),
    "Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam": (),
}

# Local bodies are followed by an administrative level and a place name.
LOCAL_ISSUERS: dict[str, tuple[str, ...]] = {
    "Ủy ban nhân dân": ("UBND",),
    "Hội đồng nhân dân": ("HĐND",),
    "Sở Giáo dục và Đào tạo": ("Sở GD&ĐT", "Sở GDĐT", "Sở GD-ĐT"),
    "Phòng Giáo dục và Đào tạo": ("Phòng GD&ĐT", "Phòng GDĐT"),
    "Thành ủy": (),
    "Tỉnh ủy": (),
}
LEVELS: dict[str, str] = {
    "thành phố": "thành phố",
    "tp.": "thành phố",
    "tp": "thành phố",
    "tỉnh": "tỉnh",
    "quận": "quận",
    "huyện": "huyện",
    "thị xã": "thị xã",
    "xã": "xã",
    "phường": "phường",
    "thị trấn": "thị trấn",
    "đặc khu": "đặc khu",
}
# An office holder issues on behalf of a body: "Bộ trưởng Bộ Giáo dục và Đào tạo".
HOLDERS = ("Bộ trưởng", "Chủ tịch", "Giám đốc", "Trưởng ban", "Thủ trưởng")
# Heads of a name we do not know; the capitalised words after them complete it.
GENERIC_HEADS = ("Bộ", "Sở", "Ban", "Cục", "Tổng cục", "Văn phòng", "Hội", "Liên đoàn", "Ủy ban")


def _spellings(name: str) -> set[str]:
    """The usual variant spellings of a name: "Ủy"/"Uỷ", "hóa"/"hoá", "Thủy"/"Thuỷ"."""
    variants = {name}
    for old, new in (("Ủy", "Uỷ"), ("ủy", "uỷ"), ("hóa", "hoá"), ("Hóa", "Hoá")):
        variants |= {v.replace(old, new) for v in variants}
    return variants


def _alternation(names: set[str]) -> str:
    # Longest first so that "Thủ tướng Chính phủ" wins over "Thủ tướng"; spaces may vary.
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


def _canonical_index(table: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], set[str]]:
    index: dict[str, str] = {}
    spellings: set[str] = set()
    for canonical, others in table.items():
        for name in (canonical, *others):
            for spelling in _spellings(name):
                spellings.add(spelling)
                index[fold(spelling)] = canonical
    return index, spellings


NATIONAL_INDEX, _national_spellings = _canonical_index(NATIONAL_ISSUERS)
LOCAL_INDEX, _local_spellings = _canonical_index(LOCAL_ISSUERS)
TYPE_INDEX: dict[str, str] = {}
_type_spellings: set[str] = set()
_type_abbreviations: set[str] = set()
for _canonical, _words in TYPE_WORDS.items():
    for _word in _words:
        if _word.isupper() or _word in ("CTr", "TTr"):
            _type_abbreviations.add(_word)
            TYPE_INDEX[_word] = _canonical
        else:
            _type_spellings.add(_word)
            TYPE_INDEX[fold(_word)] = _canonical

NATIONAL_RE = re.compile(rf"(?i:{_alternation(_national_spellings)})(?![^\W_])")
LOCAL_RE = re.compile(rf"(?i:{_alternation(_local_spellings)})(?![^\W_])")
LEVEL_RE = re.compile(
    rf"[^\S\n]+(?P<level>(?i:{_alternation(set(LEVELS) - {'tp.', 'tp'})}|TP\.?))(?![^\W_])"
)
HOLDER_RE = re.compile(rf"(?P<holder>(?i:{_alternation(set(HOLDERS))}))\s+")
GENERIC_RE = re.compile(
    rf"(?:{_alternation({s for h in GENERIC_HEADS for s in _spellings(h)})})(?![^\W_])"
)
# A type word just before a number (and "số"), at the end of a look-behind window.
TYPE_WORD_PATTERN = (
    rf"(?i:{_alternation(_type_spellings)})(?![^\W_])|{_alternation(_type_abbreviations)}(?![^\W_])"
)
TYPE_BEFORE_RE = re.compile(rf"(?<![^\W_])(?P<type>{TYPE_WORD_PATTERN})\s*\Z")
# Named laws put their name between the type and the number: "Luật Bình đẳng giới số 73/...".
NAMED_LAW_BEFORE_RE = re.compile(
    r"(?<![^\W_])(?P<type>Bộ\s+luật|BỘ\s+LUẬT|Luật|LUẬT|Pháp\s+lệnh|PHÁP\s+LỆNH)"
    r"(?P<name>(?:\s+[^\s\d;,.:()/“”\"]+){1,8}?)\s+\Z"
)


def type_from_word(word: str) -> str | None:
    word = re.sub(r"\s+", " ", word)
    return TYPE_INDEX.get(word) or TYPE_INDEX.get(fold(word))


def type_from_symbol(symbol: str) -> str:
    """The document type a symbol implies: "2021/NĐ-CP" -> "Nghị định"."""
    code = symbol.rsplit("/", 1)[-1]
    first = code.split("-", 1)[0]
    if first in SYMBOL_TYPES:
        return SYMBOL_TYPES[first]
    if re.fullmatch(r"QH\d*", first):
        # A National Assembly symbol alone ("73/2006/QH11") is a law; its resolutions
        # carry "NQ" only in some years, so the text's own type word wins when present.
        return "Luật"
    return LETTER_TYPE


def issuer_from_symbol(symbol: str) -> str | None:
    """The national issuer a symbol names unambiguously, else None."""
    code = symbol.rsplit("/", 1)[-1]
    first, _, rest = code.partition("-")
    # An official letter's symbol starts with its issuer ("BGDĐT-GDCTHSSV"); every other
    # type starts with the type code and ends with the issuer ("QĐ-BGDĐT").
    last = first if rest and first not in SYMBOL_TYPES else code.rsplit("-", 1)[-1]
    if last in SYMBOL_ISSUERS:
        return SYMBOL_ISSUERS[last]
    for pattern, name in _QH_ISSUERS:
        if pattern.match(last):
            return name
    return None


def canonical_level(level: str) -> str:
    return LEVELS.get(re.sub(r"\s+", " ", level.lower()), level.lower())
