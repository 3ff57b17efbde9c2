"""Changes in the header fields, the signer, the deadlines and the recipients."""

from __future__ import annotations

from typing import Any

from binhdang.plans.compare.diff import is_year_only, normalise
from binhdang.plans.structure import PlanDocument

_HEADER_FIELDS = [
    ("doc_type", "Loại văn bản"),
    ("governing_body", "Cơ quan chủ quản"),
    ("issuing_body", "Cơ quan ban hành"),
    ("number", "Số"),
    ("symbol", "Ký hiệu"),
    ("place", "Địa danh"),
    ("date", "Ngày ban hành"),
    ("year", "Năm"),
    ("title", "Tên kế hoạch"),
]
_SIGNER_FIELDS = [
    ("authority", "Quyền hạn ký"),
    ("position", "Chức vụ người ký"),
    ("name", "Người ký"),
]
_DEADLINE_NAMES = {
    "mid_year_report": "Hạn báo cáo 6 tháng",
    "year_end_report": "Hạn báo cáo cuối năm",
    "action_month": "Tháng hành động",
    "unit_plan": "Hạn kế hoạch đơn vị",
    "other": "Thời hạn khác",
}


def header_changes(old: PlanDocument, new: PlanDocument, years) -> list[dict[str, Any]]:
    changes = []

    def add(name, label, a, b, year_only=None):
        if a != b:
            if year_only is None:
                year_only = isinstance(a, str) and isinstance(b, str) and is_year_only(a, b, years)
            changes.append(
                {"field": name, "label": label, "old": a, "new": b, "year_only": year_only}
            )

    for name, label in _HEADER_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if name == "date":
            a, b = (d.strftime("%d/%m/%Y") if d else "" for d in (a, b))
        if name == "year":
            add(name, label, a, b, year_only=True)
        elif name != "title" or normalise(a) != normalise(b):
            add(name, label, a or "", b or "")
    for name, label in _SIGNER_FIELDS:
        add(f"signer.{name}", label, getattr(old.signer, name), getattr(new.signer, name))
    old_dl = {d.kind: d.date for d in old.deadlines}
    new_dl = {d.kind: d.date for d in new.deadlines}
    for kind in list(dict.fromkeys([*old_dl, *new_dl])):
        a, b = old_dl.get(kind), new_dl.get(kind)
        if a != b:
            shifted = bool(a and b and (a.day, a.month) == (b.day, b.month))
            shifted = shifted and years and (b.year - a.year) == (years[-1] - years[0])
            add(
                f"deadline.{kind}",
                _DEADLINE_NAMES.get(kind, kind),
                a.strftime("%d/%m/%Y") if a else "",
                b.strftime("%d/%m/%Y") if b else "",
                year_only=bool(shifted),
            )
    old_r, new_r = [normalise(r) for r in old.recipients], [normalise(r) for r in new.recipients]
    if old_r != new_r:
        changes.append(
            {
                "field": "recipients",
                "label": "Nơi nhận",
                "old": old.recipients,
                "new": new.recipients,
                "added": [r for r in new_r if r not in old_r],
                "removed": [r for r in old_r if r not in new_r],
                "year_only": False,
            }
        )
    return changes
