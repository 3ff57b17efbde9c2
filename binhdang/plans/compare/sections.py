"""The outline: sections and tasks aligned by title, their items aligned by similarity."""

from __future__ import annotations

from typing import Any

from binhdang.plans.carry.locate import Location, iter_sections
from binhdang.plans.compare.align import align
from binhdang.plans.compare.diff import normalise, text_change
from binhdang.plans.structure import Section


def _same_number(a: Section, b: Section) -> float:
    """A task that kept its number is likely the same task, even reworded."""
    return 0.25 if a.label.rstrip(".") == b.label.rstrip(".") else 0.0


def compare_sections(old_list, new_list, old_path, old_idx, new_path, new_idx, result):
    years = result.years
    pairs = align(old_list, new_list, lambda s: s.title, 0.5, years=years, bonus=_same_number)
    for i, j in pairs:
        if j is None:
            for path, _indices, section in iter_sections([old_list[i]], old_path, old_idx):
                result.sections.append(_whole_section("removed", path, section))
            continue
        if i is None:
            for path, _indices, section in iter_sections([new_list[j]], new_path, new_idx):
                result.sections.append(_whole_section("added", path, section))
            continue
        a, b = old_list[i], new_list[j]
        a_path, a_idx = (*old_path, a.label), (*old_idx, i)
        b_path, b_idx = (*new_path, b.label), (*new_idx, j)
        entry = _section_change(a, b, a_path, a_idx, b_path, b_idx, result)
        if entry:
            result.sections.append(entry)
        compare_sections(a.children, b.children, a_path, a_idx, b_path, b_idx, result)


def _whole_section(change: str, path, section: Section) -> dict[str, Any]:
    side = "new" if change == "added" else "old"
    return {
        "change": change,
        "path": list(path),
        "label": section.label,
        "title": section.title,
        "old_title": section.title if side == "old" else None,
        "new_title": section.title if side == "new" else None,
        "title_ops": None,
        "renumbered": False,
        "year_only": False,
        "items": [
            {
                "change": change,
                "kind": block.kind,
                "old_index": k if side == "old" else None,
                "new_index": k if side == "new" else None,
                "old": block.text if side == "old" else None,
                "new": block.text if side == "new" else None,
                "ops": None,
                "year_only": False,
            }
            for k, block in enumerate(section.blocks)
        ],
    }


def _section_change(a, b, a_path, a_idx, b_path, b_idx, result) -> dict[str, Any] | None:
    years = result.years
    title_ops = None
    title_year_only = True
    if normalise(a.title) != normalise(b.title):
        change = text_change(
            Location("section", path=a_path, indices=a_idx, field="title"),
            Location("section", path=b_path, indices=b_idx, field="title"),
            a.title,
            b.title,
            years,
        )
        result.text_changes.append(change)
        title_ops, title_year_only = change["ops"], change["year_only"]
    items = []
    pairs = align(a.blocks, b.blocks, lambda block: block.text, 0.5, years=years)
    for i, j in pairs:
        old_block = a.blocks[i] if i is not None else None
        new_block = b.blocks[j] if j is not None else None
        old_text = old_block.text if old_block else None
        new_text = new_block.text if new_block else None
        if old_block and new_block and normalise(old_text) == normalise(new_text):
            continue
        item = {
            "change": "changed"
            if old_block and new_block
            else ("added" if new_block else "removed"),
            "kind": (new_block or old_block).kind,
            "old_index": i,
            "new_index": j,
            "old": old_text,
            "new": new_text,
            "ops": None,
            "year_only": False,
        }
        if old_block and new_block:
            change = text_change(
                Location("section", path=a_path, indices=a_idx, field="block", block=i),
                Location("section", path=b_path, indices=b_idx, field="block", block=j),
                old_text,
                new_text,
                years,
            )
            result.text_changes.append(change)
            item["ops"], item["year_only"] = change["ops"], change["year_only"]
        items.append(item)
    renumbered = a.label.rstrip(".") != b.label.rstrip(".")
    if title_ops is None and not items and not renumbered:
        return None
    return {
        "change": "changed",
        "path": list(b_path),
        "old_path": list(a_path),
        "label": b.label,
        "title": b.title,
        "old_title": a.title,
        "new_title": b.title,
        "title_ops": title_ops,
        "renumbered": renumbered,
        "year_only": (title_ops is None or title_year_only)
        and not renumbered
        and all(it["year_only"] for it in items),
        "items": items,
    }
