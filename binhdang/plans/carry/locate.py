"""Addresses of the texts inside a PlanDocument, shared by carry-forward and the comparison.

A `Location` names one editable text (the title, a basis, a section title, a block ...) both
for people ("II.3 – ý 1") and for code (indices that reach the text again). Plain Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from binhdang.plans.structure import PlanDocument, Section

# Vietnamese names of the areas of a plan, used in `Location.label()`.
_AREA_NAMES = {
    "header": "Phần đầu",
    "title": "Tên kế hoạch",
    "basis": "Căn cứ",
    "preamble": "Lời mở đầu",
    "section": "Mục",
    "deadline": "Thời hạn",
    "recipient": "Nơi nhận",
    "signer": "Người ký",
    "unplaced": "Đoạn chưa xếp",
}
_FIELD_NAMES = {
    "number": "số",
    "date": "ngày ban hành",
    "year": "năm",
    "authority": "quyền hạn ký",
    "position": "chức vụ",
    "name": "họ tên",
    "mid_year_report": "báo cáo 6 tháng",
    "year_end_report": "báo cáo cuối năm",
    "action_month": "Tháng hành động",
    "unit_plan": "kế hoạch của đơn vị",
    "other": "khác",
}


@dataclass(frozen=True)
class Location:
    """Where a text lives in a plan.

    area: header | title | basis | preamble | section | deadline | recipient | signer | unplaced
    index: position in the plan-level list (bases, preamble, deadlines, recipients, unplaced)
    path / indices: section labels and positions from the top, e.g. ("II", "3") / (1, 2)
    field: "title" or "block" inside a section; the header or signer field name otherwise
    block: position of the block inside its section
    """

    area: str
    index: int | None = None
    path: tuple[str, ...] = ()
    indices: tuple[int, ...] = ()
    field: str = ""
    block: int | None = None

    def label(self) -> str:
        """Vietnamese, for people: "Căn cứ 2", "Mục II.3 – tên mục", "Mục II.3 – ý 1"."""
        name = _AREA_NAMES.get(self.area, self.area)
        if self.area == "section":
            where = ".".join(p.rstrip(".") for p in self.path)
            if self.field == "title":
                return f"{name} {where} – tên mục"
            if self.block is not None:
                return f"{name} {where} – ý {self.block + 1}"
            return f"{name} {where}"
        if self.area == "deadline" and self.field:
            return f"{name} – {_FIELD_NAMES.get(self.field, self.field)}"
        if self.index is not None:
            return f"{name} {self.index + 1}"
        if self.field:
            return f"{name} – {_FIELD_NAMES.get(self.field, self.field)}"
        return name

    def to_json(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "index": self.index,
            "path": list(self.path),
            "indices": list(self.indices),
            "field": self.field,
            "block": self.block,
            "label": self.label(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Location:
        return cls(
            area=data["area"],
            index=data.get("index"),
            path=tuple(data.get("path", ())),
            indices=tuple(data.get("indices", ())),
            field=data.get("field", ""),
            block=data.get("block"),
        )


def iter_sections(
    sections: list[Section], path: tuple[str, ...] = (), indices: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[str, ...], tuple[int, ...], Section]]:
    """Every section of the outline, depth first, with its label path and index path."""
    for position, section in enumerate(sections):
        here = (*path, section.label)
        at = (*indices, position)
        yield here, at, section
        yield from iter_sections(section.children, here, at)


def iter_texts(plan: PlanDocument) -> Iterator[tuple[Location, str]]:
    """Every free text of a plan in reading order (not the header fields or the signer)."""
    if plan.title:
        yield Location("title"), plan.title
    for i, basis in enumerate(plan.legal_bases):
        yield Location("basis", index=i), basis.text
    for i, text in enumerate(plan.preamble):
        yield Location("preamble", index=i), text
    for path, indices, section in iter_sections(plan.sections):
        yield Location("section", path=path, indices=indices, field="title"), section.title
        for b, block in enumerate(section.blocks):
            yield (
                Location("section", path=path, indices=indices, field="block", block=b),
                block.text,
            )
    for i, deadline in enumerate(plan.deadlines):
        if deadline.text:
            yield Location("deadline", index=i), deadline.text
    for i, text in enumerate(plan.unplaced):
        yield Location("unplaced", index=i), text


def section_at(plan: PlanDocument, indices: tuple[int, ...]) -> Section | None:
    sections, found = plan.sections, None
    for i in indices:
        if i >= len(sections):
            return None
        found = sections[i]
        sections = found.children
    return found


def get_text(plan: PlanDocument, loc: Location) -> str | None:
    """The text at `loc`, or None when the plan no longer has it."""
    try:
        if loc.area == "title":
            return plan.title
        if loc.area == "basis":
            return plan.legal_bases[loc.index].text
        if loc.area == "preamble":
            return plan.preamble[loc.index]
        if loc.area == "deadline":
            return plan.deadlines[loc.index].text
        if loc.area == "unplaced":
            return plan.unplaced[loc.index]
        if loc.area == "section":
            section = section_at(plan, loc.indices)
            if section is None:
                return None
            return section.title if loc.field == "title" else section.blocks[loc.block].text
    except (IndexError, TypeError):
        return None
    return None


def set_text(plan: PlanDocument, loc: Location, text: str) -> None:
    if loc.area == "title":
        plan.title = text
    elif loc.area == "basis":
        plan.legal_bases[loc.index].text = text
    elif loc.area == "preamble":
        plan.preamble[loc.index] = text
    elif loc.area == "deadline":
        plan.deadlines[loc.index].text = text
    elif loc.area == "unplaced":
        plan.unplaced[loc.index] = text
    elif loc.area == "section":
        section = section_at(plan, loc.indices)
        if loc.field == "title":
            section.title = text
        else:
            section.blocks[loc.block].text = text
    else:  # pragma: no cover - a programming error, not user input
        raise ValueError(f"not a text location: {loc}")
