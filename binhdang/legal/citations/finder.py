"""Finding citations of legal documents in Vietnamese text.

A citation is anchored on its number and symbol ("383/QĐ-BGDĐT", "125/2021/NĐ-CP"): one
fast regular expression finds every anchor, then short look-behind and look-ahead parsers
read the type word and "số" before it, and the date, issuer and subject after it. Scanning
anchors first keeps the cost linear in the text and lets each citation's subject stop where
the next citation begins.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from binhdang.plans.structure import CitationData

from . import vocabulary as vocab
from .periods import parse_period

_CODE_PART = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
# number / [year /] code[-code...]; the code starts with a capital letter so that dates
# ("28/5/2024") and fractions never match.
REFERENCE_RE = re.compile(
    r"(?<![\w/.])(?P<number>\d{1,5}[a-z]?)/(?:(?P<year>(?:19|20)\d{2})/)?"
    rf"(?P<code>{_CODE_PART}(?:-{_CODE_PART})*)(?![\w&])"
)
_SO_BEFORE_RE = re.compile(r"(?<![^\W_])(?:số|Số|SỐ)\s*:?\s*\Z")
_DATE_RES = (
    re.compile(r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?P<d>\d{1,2})\s+(?i:tháng)\s+(?P<m>\d{1,2})\s+(?i:năm)\s+(?P<y>\d{4})(?!\d)"),
)
_DATE_LEAD_RE = re.compile(r"\s*,?\s*(?:(?i:ban\s+hành|ký)\s+)?(?:(?i:ngày)\s*)?")
_ISSUER_LEAD_RE = re.compile(r"\s*,?\s*(?i:của|do)\s+")
_ABOUT_RE = re.compile(r"[^\S\n]*[,:]?[^\S\n]*(?:(?i:về\s+việc|về)|V/v|v/v|V/V)[^\S\n]*:?[^\S\n]+")
_CONTINUATION_RE = re.compile(r"[^\S\n]+(?=[^\W\d_])")
# The next word of a name, possibly after a connector: " Hải", " và Đào", " - Thương".
_NEXT_WORD_RE = re.compile(
    r"(?:[^\S\n]+(?P<joint>và|&)[^\S\n]+|[^\S\n]*(?P<joint_dash>[-–])[^\S\n]*|[^\S\n]+)"
    r"(?P<word>[^\W\d_]\w*)"
)
# A subject ends with its clause: ";", a full stop, a line break, or "và các ..." which
# starts a new enumeration in the seeds' style.
_SUBJECT_END_RE = re.compile(r";|\.(?=\s|$)|\n|\s+và\s+các\s+|\s+\(|$")
_SUBJECT_LIMIT = 400
_LOOKBEHIND = 160


def find_citations(text: str) -> list[CitationData]:
    """Every numbered citation in `text`, in order, with its span in `text`.

    Conventions: `number` is the part before the first "/" ("125"); `symbol` is the rest,
    year included ("2021/NĐ-CP"), so `reference` rebuilds "125/2021/NĐ-CP". `type` is the
    full Vietnamese name, from the text's own word when present, else from the symbol.
    `issuer` is normalised ("UBND thành phố" -> "Ủy ban nhân dân thành phố"); when the text
    names none, a national issuer is taken from the symbol ("-BGDĐT", "-CP", "-TTg"). The
    span runs from the type word (or "số", or the number) to the end of the subject.
    Input may be NFC or NFD; offsets always refer to `text` as given.
    """
    normal, positions = _nfc_with_positions(text)
    anchors = list(_anchors(normal))
    citations: list[CitationData] = []
    for index, (start, match, type_name) in enumerate(anchors):
        limit = anchors[index + 1][0] if index + 1 < len(anchors) else len(normal)
        citation = _read_citation(normal, start, match, type_name, limit)
        if positions is not None:
            citation.start = positions(citation.start)
            citation.end = positions(citation.end)
        citation.text = text[citation.start : citation.end]
        citations.append(citation)
    return citations


def parse_basis(text: str) -> CitationData | None:
    """The document a legal-basis line ("Căn cứ ...") rests on.

    A line citing a numbered document gives that citation (the first one). A line that names
    guidance without a number ("Căn cứ các văn bản hướng dẫn ... năm 2024 của Bộ Giáo dục và
    Đào tạo, Ủy ban nhân dân thành phố;") gives a record of type "Văn bản hướng dẫn" with
    number None, the issuers joined by ", ", and the subject holding its year ("năm 2024"),
    which `check_citations` reads as an annual document. Other unnumbered lines that start
    with a type word ("Căn cứ Luật Bình đẳng giới") give that type with number None.
    """
    found = find_citations(text)
    if found:
        return found[0]
    normal, positions = _nfc_with_positions(text)
    lead = re.match(r"\s*(?:(?i:căn\s+cứ)\s*:?\s*)?", normal)
    begin = lead.end() if lead else 0
    clause_end = re.search(r";|\.(?=\s|$)|\n|$", normal[begin:])
    end = begin + (clause_end.start() if clause_end else len(normal) - begin)
    while end > begin and normal[end - 1] in " \t,":
        end -= 1
    body = normal[begin:end]
    if not body:
        return None
    guidance = re.match(
        r"(?:(?i:các)\s+)?(?i:văn\s+bản)\s+(?i:hướng\s+dẫn|chỉ\s+đạo)(?P<rest>.*)", body, re.S
    )
    if guidance:
        type_name = vocab.GUIDANCE_TYPE
        rest = guidance.group("rest")
    else:
        word = re.match(rf"(?P<type>{vocab.TYPE_WORD_PATTERN})", body)
        if not word:
            return None
        type_name = vocab.type_from_word(word.group("type")) or word.group("type")
        rest = body[word.end() :]
    subject, issuers = _split_issuers(rest)
    start = begin if positions is None else positions(begin)
    stop = end if positions is None else positions(end)
    return CitationData(
        type=type_name,
        number=None,
        symbol=None,
        date=None,
        issuer=", ".join(issuers) or None,
        text=text[start:stop],
        subject=subject or None,
        start=start,
        end=stop,
    )


def _split_issuers(rest: str) -> tuple[str, list[str]]:
    """Split "triển khai ... năm 2024 của Bộ X, Ủy ban Y" into the subject and issuers."""
    for match in re.finditer(r"\s(?i:của)\s+", rest):
        issuers: list[str] = []
        position = match.end()
        while True:
            found = _read_issuer(rest, position)
            if not found:
                break
            issuers.append(found[0])
            position = found[1]
            joiner = re.match(r"\s*(?:,|và)\s*", rest[position:])
            if not joiner:
                break
            position += joiner.end()
        if issuers and not rest[position:].strip(" ,;."):
            subject = re.sub(r"^\s*(?:(?i:về\s+việc|về)\s+)?", "", rest[: match.start()])
            return subject.strip(), issuers
    return rest.strip(), []


def _anchors(text: str) -> Iterator[tuple[int, re.Match[str], str | None]]:
    """(start of the citation, reference match, type word's canonical name or None)."""
    previous_end = 0
    for match in REFERENCE_RE.finditer(text):
        window_start = max(previous_end, match.start() - _LOOKBEHIND)
        window = text[window_start : match.start()]
        start = match.start()
        type_name: str | None = None
        so = _SO_BEFORE_RE.search(window)
        cut = so.start() if so else len(window)
        typed = vocab.TYPE_BEFORE_RE.search(window, 0, cut)
        if typed:
            type_name = vocab.type_from_word(typed.group("type"))
            start = window_start + typed.start()
        elif so:
            law = vocab.NAMED_LAW_BEFORE_RE.search(window, 0, cut)
            if law:
                type_name = vocab.type_from_word(law.group("type"))
            start = window_start + (law.start() if law else so.start())
        elif not _looks_like_reference(match):
            continue  # "12/AB" in an address is not a document
        previous_end = match.end()
        yield start, match, type_name


def _looks_like_reference(match: re.Match[str]) -> bool:
    code = match.group("code")
    first = code.split("-", 1)[0]
    return bool(match.group("year")) or "-" in code or first in vocab.SYMBOL_TYPES


def _read_citation(
    text: str, start: int, match: re.Match[str], type_name: str | None, limit: int
) -> CitationData:
    number = match.group("number")
    symbol = match.group("code")
    if match.group("year"):
        symbol = f"{match.group('year')}/{symbol}"
    position = match.end()
    end = position

    date: dt.date | None = None
    found_date = _read_date(text, position)
    if found_date and found_date[1] <= limit:
        date, position = found_date
        end = position

    issuer: str | None = None
    lead = _ISSUER_LEAD_RE.match(text, position)
    if lead:
        found_issuer = _read_issuer(text, lead.end())
        if found_issuer and found_issuer[1] <= limit:
            issuer, position = found_issuer
            end = position

    subject: str | None = None
    about = _ABOUT_RE.match(text, position)
    if not about and (issuer or date):
        # "... của Chính phủ quy định xử phạt ...": the title follows without "về".
        about = _CONTINUATION_RE.match(text, position)
        if about and not text[about.end()].islower():
            about = None
    if about and about.end() < limit:
        subject_end = _subject_end(text, about.end(), limit)
        candidate = text[about.end() : subject_end].rstrip(" \t\r,:-–*_")
        if candidate:
            subject = candidate
            end = about.end() + len(candidate)

    return CitationData(
        type=type_name or vocab.type_from_symbol(symbol),
        number=number,
        symbol=symbol,
        date=date,
        issuer=issuer or vocab.issuer_from_symbol(symbol),
        text=text[start:end],
        subject=subject,
        start=start,
        end=end,
    )


def _read_date(text: str, position: int) -> tuple[dt.date, int] | None:
    lead = _DATE_LEAD_RE.match(text, position)
    if not lead:
        return None
    had_lead = lead.end() > position
    for pattern in _DATE_RES:
        match = pattern.match(text, lead.end())
        if not match:
            continue
        if not had_lead and match.start() == position:
            return None  # "383/QĐ-BGDĐT26/01/2022" glued together is not a date
        try:
            value = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            return None
        return value, match.end()
    return None


def _read_issuer(text: str, position: int) -> tuple[str, int] | None:
    """A normalised issuing body starting at `position`, and where it ends."""
    prefix = ""
    holder = vocab.HOLDER_RE.match(text, position)
    if holder:
        prefix = _capitalise(holder.group("holder")) + " "
        position = holder.end()
    national = vocab.NATIONAL_RE.match(text, position)
    if national:
        name = vocab.NATIONAL_INDEX[vocab.fold(national.group(0))]
        return prefix + name, national.end()
    local = vocab.LOCAL_RE.match(text, position)
    if local:
        name = vocab.LOCAL_INDEX[vocab.fold(local.group(0))]
        end = local.end()
        level = vocab.LEVEL_RE.match(text, end)
        if level:
            name += " " + vocab.canonical_level(level.group("level"))
            end = level.end()
            place, end = _capitalised_words(text, end)
            if place:
                name += " " + place
        return prefix + name, end
    generic = vocab.GENERIC_RE.match(text, position)
    if generic:
        rest, end = _capitalised_words(text, generic.end(), connectors=True)
        if rest:
            return prefix + _capitalise(generic.group(0)) + " " + rest, end
    return None


def _capitalised_words(text: str, position: int, *, connectors: bool = False) -> tuple[str, int]:
    """Capitalised words from `position` ("Hải Phòng"); with connectors, "và"/"-" between."""
    words: list[str] = []
    end = position
    while True:
        match = _NEXT_WORD_RE.match(text, end)
        if not match or not match.group("word")[0].isupper():
            break
        joint = match.group("joint") or match.group("joint_dash")
        if joint and not (connectors and words):
            break
        words.append(f"{joint} {match.group('word')}" if joint else match.group("word"))
        end = match.end()
    return " ".join(words), end


def _capitalise(words: str) -> str:
    words = re.sub(r"\s+", " ", words)
    return words[:1].upper() + words[1:].lower() if words.isupper() else words


def _subject_end(text: str, position: int, limit: int) -> int:
    stop = _SUBJECT_END_RE.search(text, position, min(limit, position + _SUBJECT_LIMIT))
    return stop.start() if stop else min(limit, position + _SUBJECT_LIMIT)


_CHUNK = 256


class _OffsetMap:
    """Offsets in the NFC text back to offsets in the text as given.

    The text is normalised in chunks of about 256 characters cut where no combining mark
    follows, so chunk edges line up in both texts. An offset is mapped by finding its chunk,
    then bisecting on the normalised length of the chunk's prefixes: a handful of short C
    calls per citation, instead of a Python loop over every accented letter of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.original: list[int] = []
        self.normal: list[int] = []
        pieces: list[str] = []
        start = length = 0
        while start < len(text):
            stop = min(start + _CHUNK, len(text))
            while stop < len(text) and unicodedata.combining(text[stop]):
                stop += 1
            piece = unicodedata.normalize("NFC", text[start:stop])
            self.original.append(start)
            self.normal.append(length)
            pieces.append(piece)
            length += len(piece)
            start = stop
        self.original.append(len(text))
        self.normal.append(length)
        self.result = "".join(pieces)

    def __call__(self, offset: int) -> int:
        index = bisect_right(self.normal, offset) - 1
        if index >= len(self.normal) - 1:
            return self.original[-1]
        local = offset - self.normal[index]
        if local == 0:
            return self.original[index]
        chunk = self.text[self.original[index] : self.original[index + 1]]
        # Smallest prefix whose NFC is longer than `local`, minus one: the end of the
        # cluster that holds the local-th normalised character, marks included.
        low, high = 0, len(chunk) + 1
        while low < high:
            middle = (low + high) // 2
            if len(unicodedata.normalize("NFC", chunk[:middle])) > local:
                high = middle
            else:
                low = middle + 1
        return self.original[index] + min(low - 1, len(chunk))


def _nfc_with_positions(text: str) -> tuple[str, _OffsetMap | None]:
    """NFC text and, when it differs from `text`, the map of its offsets back to `text`."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    offsets = _OffsetMap(text)
    return offsets.result, offsets


__all__ = ["REFERENCE_RE", "find_citations", "parse_basis", "parse_period"]
