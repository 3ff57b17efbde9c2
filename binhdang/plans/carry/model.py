"""What carry-forward returns: the new draft, the list of automatic changes, and the flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from binhdang.plans.carry.locate import Location
from binhdang.plans.structure import PlanDocument

# Vietnamese names of the kinds of automatic change, for the review list.
CHANGE_KINDS = {
    "year": "Năm",
    "date": "Ngày trong năm kế hoạch",
    "deadline": "Thời hạn",
    "deadline_date": "Thời hạn",
    "action_month": "Tháng hành động",
    "school_year": "Năm học",
    "number_cleared": "Xóa số văn bản (bản nháp mới)",
    "date_cleared": "Xóa ngày ban hành (bản nháp mới)",
}

ACTIONS = ("remove", "replace", "review")


@dataclass
class Change:
    """One automatic change made by carry-forward."""

    location: Location
    kind: str
    before: str
    after: str
    context: str = ""  # a few words around the change, as the new text reads

    def to_json(self) -> dict[str, Any]:
        return {
            "where": self.location.label(),
            "location": self.location.to_json(),
            "kind": self.kind,
            "kind_label": CHANGE_KINDS.get(self.kind, self.kind),
            "before": self.before,
            "after": self.after,
            "context": self.context,
        }


@dataclass
class Flag:
    """A citation (a basis or a reference inside the text) to review for the new year.

    `action` is what the one-click button proposes: "remove" (the basis, or the clause of
    the text that holds the citation), "replace" (with `replacement`), or "review" (nothing
    automatic, e.g. the signer). `text` is the citation as it appears, used to find it again
    even after other flags have shifted the text around it.
    """

    id: str
    code: str
    location: Location
    message: str
    action: str
    text: str = ""
    reference: str = ""
    citation: dict[str, Any] | None = None
    replacement: str | None = None
    start: int = 0
    end: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "where": self.location.label(),
            "location": self.location.to_json(),
            "reference": self.reference,
            "text": self.text,
            "citation": self.citation,
            "message": self.message,
            "action": self.action,
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Flag:
        return cls(
            id=data["id"],
            code=data["code"],
            location=Location.from_json(data["location"]),
            message=data.get("message", ""),
            action=data.get("action", "review"),
            text=data.get("text", ""),
            reference=data.get("reference", ""),
            citation=data.get("citation"),
            replacement=data.get("replacement"),
            start=data.get("start", 0),
            end=data.get("end", 0),
        )


@dataclass
class CarryResult:
    plan: PlanDocument
    from_year: int | None
    year: int
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The plan's own keys (the `import_plan --json` contract) plus changes and flags."""
        data = self.plan.to_json()
        data["carried_from"] = self.from_year
        data["changes"] = [c.to_json() for c in self.changes]
        data["flags"] = [f.to_json() for f in self.flags]
        return data
