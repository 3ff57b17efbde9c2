"""The access matrix: every persona against every URL of the app.

Each app lists its URLs in `binhdang/<app>/tests/matrix.py` as `CASES: list[MatrixCase]`;
`tests/test_access_matrix.py` runs every case for every persona and fails for any named URL
of the project that no case covers. Expected codes: 200 (allowed), 302 (redirect: login for
anonymous, or after a successful POST), 403 (forbidden action), 404 (record out of reach —
missing and forbidden look the same).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

# Persona names: "anonymous" plus the attributes of the `people` fixture in conftest.py.
PERSONAS = (
    "anonymous",
    "outsider",
    "admin",
    "secretariat",
    "leader",
    "member",
    "head_a",
    "officer_a",
    "officer_b",
    "case_officer",
    "viewer",
)


class World(SimpleNamespace):
    """`tree` and `people` from conftest, plus whatever a case's setup adds."""

    tree: Any
    people: Any


@dataclass
class MatrixCase:
    url_name: str
    expect: dict[str, int]  # persona -> status; every persona in PERSONAS must appear
    args: Callable[[World], list[Any]] = field(default=lambda world: [])
    setup: Callable[[World], None] | None = None
    method: str = "get"
    data: Callable[[World], dict[str, Any]] | None = None  # POST body
    note: str = ""

    def __post_init__(self) -> None:
        missing = set(PERSONAS) - set(self.expect)
        extra = set(self.expect) - set(PERSONAS)
        if missing or extra:
            raise ValueError(f"{self.url_name}: missing {sorted(missing)}, unknown {sorted(extra)}")

    @property
    def case_id(self) -> str:
        return f"{self.url_name}[{self.method}]{'-' + self.note if self.note else ''}"


def expect(default: int, **overrides: int) -> dict[str, int]:
    """Build an expectation: every persona gets `default` unless overridden;
    anonymous defaults to 302 (to the login page)."""
    table = {persona: default for persona in PERSONAS}
    table["anonymous"] = 302
    table.update(overrides)
    return table
