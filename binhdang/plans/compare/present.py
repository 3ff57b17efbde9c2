"""The comparison arranged for reading: real edits first, year-only changes apart.

`comparison_view()` is what the browser page and the DOCX both render, so that the two
always show the same thing. Every redline is a list of segments
`{"kind": "equal"|"delete"|"insert", "text", "year"}` (see diff.segments).
"""

from __future__ import annotations

from typing import Any

from binhdang.plans.compare.core import Comparison
from binhdang.plans.compare.diff import segments
from binhdang.plans.structure import PlanDocument

_CHANGE_LABELS = {"added": "Thêm mới", "removed": "Bỏ", "changed": "Sửa đổi"}
_KIND_LABELS = {"bullet": "Ý", "letter": "Điểm", "paragraph": "Đoạn"}


def _heading(path: list[str], title: str) -> str:
    number = ".".join(p.rstrip(".") for p in path)
    return f"{number}. {title}" if number else title


def _item_view(item: dict[str, Any]) -> dict[str, Any]:
    if item["change"] == "changed":
        runs = segments(item["ops"])
    elif item["change"] == "added":
        runs = [{"kind": "insert", "text": item["new"], "year": False}]
    else:
        runs = [{"kind": "delete", "text": item["old"], "year": False}]
    index = item["new_index"] if item["new_index"] is not None else item["old_index"]
    return {
        "change": item["change"],
        "change_label": _CHANGE_LABELS[item["change"]],
        "label": f"{_KIND_LABELS.get(item['kind'], 'Ý')} {index + 1}",
        "year_only": item["year_only"],
        "segments": runs,
    }


def _section_view(entry: dict[str, Any]) -> dict[str, Any]:
    if entry["title_ops"]:
        title = segments(entry["title_ops"])
    elif entry["change"] == "added":
        title = [{"kind": "insert", "text": entry["title"], "year": False}]
    elif entry["change"] == "removed":
        title = [{"kind": "delete", "text": entry["title"], "year": False}]
    else:
        title = [{"kind": "equal", "text": entry["title"], "year": False}]
    items = [_item_view(i) for i in entry["items"]]
    return {
        "change": entry["change"],
        "change_label": _CHANGE_LABELS[entry["change"]],
        "heading": _heading(entry["path"], entry["title"]),
        "path": entry["path"],
        "old_path": entry.get("old_path"),
        "renumbered": entry["renumbered"],
        "title_changed": bool(entry["title_ops"]),
        "title_segments": title,
        "items": [i for i in items if not i["year_only"]],
        "year_only_items": [i for i in items if i["year_only"]],
        "year_only": entry["year_only"],
    }


def comparison_view(
    comparison: Comparison, old: PlanDocument | None = None, new: PlanDocument | None = None
) -> dict[str, Any]:
    """Template-ready data: summary, header, bases, citations, sections (real edits first)."""
    sections = [_section_view(s) for s in comparison.sections]

    def basis(entry: dict[str, Any], kind: str) -> dict[str, Any]:
        return {**entry, "segments": [{"kind": kind, "text": entry["text"], "year": False}]}

    return {
        "old_year": comparison.old_year,
        "new_year": comparison.new_year,
        "old_title": old.title if old else "",
        "new_title": new.title if new else "",
        "is_empty": comparison.is_empty,
        "summary": comparison.summary(),
        "header": [
            {**h, "old_text": _text(h["old"]), "new_text": _text(h["new"])}
            for h in comparison.header_changes
        ],
        "header_real": [h for h in comparison.header_changes if not h["year_only"]],
        "bases_added": [basis(b, "insert") for b in comparison.bases_added],
        "bases_removed": [basis(b, "delete") for b in comparison.bases_removed],
        "bases_changed": [{**b, "segments": segments(b["ops"])} for b in comparison.bases_changed],
        "citations_added": comparison.citations_added,
        "citations_removed": comparison.citations_removed,
        "sections": [s for s in sections if not s["year_only"]],
        "year_only_sections": [s for s in sections if s["year_only"]],
    }


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)
