"""Reference documents the engine checks citations against, as plain records.

`default_registry()` reads `binhdang/legal/data/registry.json`, the documents the seed plans
and the product brief cite; the Django app loads the same file into its table and gives
`RegistryEntry` objects back from the database (`binhdang.legal.selectors.registry_entries`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

REGISTRY_PATH = Path(__file__).resolve().parent.parent / "data" / "registry.json"


@dataclass(frozen=True)
class RegistryEntry:
    """One legal document: "Quyết định 383/QĐ-BGDĐT ngày 26/01/2022 của Bộ GDĐT"."""

    doc_type: str
    number: str | None
    symbol: str | None
    date: dt.date | None
    issuer: str
    subject: str = ""
    valid_from: int | None = None
    valid_to: int | None = None
    annual_year: int | None = None

    @property
    def reference(self) -> str:
        """ "125/2021/NĐ-CP" (number, then the symbol with its year), "" when unnumbered."""
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return self.number or ""

    def in_force(self, year: int) -> bool:
        """Whether the document's own period (or year) covers `year`."""
        if self.annual_year is not None:
            return self.annual_year == year
        if self.valid_from is not None and year < self.valid_from:
            return False
        return self.valid_to is None or year <= self.valid_to

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RegistryEntry:
        return cls(
            doc_type=data["doc_type"],
            number=data.get("number"),
            symbol=data.get("symbol"),
            date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
            issuer=data.get("issuer", ""),
            subject=data.get("subject", ""),
            valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"),
            annual_year=data.get("annual_year"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "subject": self.subject,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "annual_year": self.annual_year,
        }


def load_registry(path: str | Path) -> list[RegistryEntry]:
    """Entries of a registry file: {"documents": [{doc_type, number, symbol, ...}, ...]}."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [RegistryEntry.from_json(item) for item in data["documents"]]


@lru_cache(maxsize=1)
def _default() -> tuple[RegistryEntry, ...]:
    return tuple(load_registry(REGISTRY_PATH))


def default_registry() -> list[RegistryEntry]:
    """The documents shipped with BinhDang (read once; entries are immutable)."""
    return list(_default())
