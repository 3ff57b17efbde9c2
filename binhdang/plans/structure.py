"""The structured plan: what an imported, edited, rendered or compared plan *is*.

Plain Python (no Django) so that the importer, the Decree 30 renderer, carry-forward and the
comparison can be used and tested alone, and so `import_plan --json` needs no database.
The JSON produced by `PlanDocument.to_json()` is a command-line contract (issue 4): keep its
keys stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["bullet", "letter", "paragraph"]


@dataclass
class CitationData:
    """A citation found in text (filled by binhdang.legal.citations)."""

    type: str  # full Vietnamese type name: "Quyết định", "Kế hoạch", "Nghị định", ...
    number: str | None  # "383"
    symbol: str | None  # "QĐ-BGDĐT" (the part after the first "/", year included if any)
    date: dt.date | None
    issuer: str | None
    text: str  # the matched span as it appears
    subject: str | None = None
    start: int = 0
    end: int = 0
    flags: list[dict[str, Any]] = field(default_factory=list)  # {"code", "message", "fix"?}

    @property
    def reference(self) -> str:
        """ "383/QĐ-BGDĐT" or "" when the document has no number."""
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return self.number or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "subject": self.subject,
            "text": self.text,
            "flags": list(self.flags),
        }


@dataclass
class Block:
    """One unit of body text inside a section, in document order."""

    kind: BlockKind
    text: str
    label: str = ""  # "-" for bullets, "a)" for lettered items, "" for paragraphs


@dataclass
class Section:
    """A heading of the outline: Roman section ("I"), numbered task ("1"), lettered ("a")."""

    label: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def items(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind in ("bullet", "letter")]

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "items": self.items,
            "paragraphs": self.paragraphs,
            "blocks": [asdict(b) for b in self.blocks],
            "children": [c.to_json() for c in self.children],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Section:
        blocks = [Block(**b) for b in data.get("blocks", [])]
        if not blocks:  # accept the contract form without "blocks"
            blocks = [Block("bullet", t, "-") for t in data.get("items", [])]
            blocks += [Block("paragraph", t) for t in data.get("paragraphs", [])]
        return cls(
            label=data["label"],
            title=data.get("title", ""),
            blocks=blocks,
            children=[cls.from_json(c) for c in data.get("children", [])],
        )


@dataclass
class LegalBasis:
    text: str
    citation: CitationData | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "citation": self.citation.to_json() if self.citation else None}


DeadlineKind = Literal["mid_year_report", "year_end_report", "action_month", "unit_plan", "other"]


@dataclass
class Deadline:
    kind: str  # one of DeadlineKind
    date: dt.date
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date.isoformat(), "text": self.text}


@dataclass
class Signer:
    authority: str = ""  # "KT. GIÁM ĐỐC"
    position: str = ""  # "PHÓ GIÁM ĐỐC"
    name: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class PlanDocument:
    doc_type: str = "KẾ HOẠCH"
    governing_body: str = ""  # "UBND THÀNH PHỐ HẢI PHÒNG" (left header, upper line)
    issuing_body: str = ""  # "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (left header, bold line)
    number: str = ""  # blank until issued
    symbol: str = ""  # "KH-SGDĐT"
    place: str = ""  # "Hải Phòng"
    date: dt.date | None = None
    year: int | None = None
    title: str = ""  # the line under the type name
    legal_bases: list[LegalBasis] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # "Ban ... xây dựng Kế hoạch ..."
    sections: list[Section] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    citations: list[CitationData] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "governing_body": self.governing_body,
            "issuing_body": self.issuing_body,
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "year": self.year,
            "title": self.title,
            "legal_bases": [b.to_json() for b in self.legal_bases],
            "preamble": list(self.preamble),
            "sections": [s.to_json() for s in self.sections],
            "deadlines": [d.to_json() for d in self.deadlines],
            "recipients": list(self.recipients),
            "signer": self.signer.to_json(),
            "citations": [c.to_json() for c in self.citations],
            "unplaced": list(self.unplaced),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanDocument:
        def citation(raw: dict[str, Any] | None) -> CitationData | None:
            if not raw:
                return None
            raw = dict(raw)
            raw["date"] = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
            return CitationData(**{k: v for k, v in raw.items() if k in _CITATION_FIELDS})

        return cls(
            doc_type=data.get("doc_type", "KẾ HOẠCH"),
            governing_body=data.get("governing_body", ""),
            issuing_body=data.get("issuing_body", ""),
            number=data.get("number") or "",
            symbol=data.get("symbol") or "",
            place=data.get("place") or "",
            date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
            year=data.get("year"),
            title=data.get("title", ""),
            legal_bases=[
                LegalBasis(b["text"], citation(b.get("citation")))
                for b in data.get("legal_bases", [])
            ],
            preamble=list(data.get("preamble", [])),
            sections=[Section.from_json(s) for s in data.get("sections", [])],
            deadlines=[
                Deadline(d["kind"], dt.date.fromisoformat(d["date"]), d.get("text", ""))
                for d in data.get("deadlines", [])
            ],
            recipients=list(data.get("recipients", [])),
            signer=Signer(**data.get("signer", {})),
            citations=[c for c in (citation(c) for c in data.get("citations", [])) if c],
            unplaced=list(data.get("unplaced", [])),
        )


_CITATION_FIELDS = {f for f in CitationData.__dataclass_fields__}
