"""Creating, editing and moving organisation units."""

from __future__ import annotations

from django.db import transaction

from binhdang.core.concurrency import save_versioned

from ..models import OrgUnit

UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "unit_type",
    "district",
    "commune",
    "address",
    "phone",
    "email",
    "is_active",
]


@transaction.atomic
def unit_create(
    *, parent: OrgUnit | None, code: str, name: str, unit_type: str, **fields
) -> OrgUnit:
    unit = OrgUnit(
        parent=parent, code=code.strip(), name=name.strip(), unit_type=unit_type, **fields
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    return unit


@transaction.atomic
def unit_move(*, unit: OrgUnit, new_parent: OrgUnit) -> OrgUnit:
    """Re-hang a unit and its subtree under another parent (`OrgUnit.save` rewrites every
    path of the subtree at once); refused when the new parent lies inside the subtree."""
    unit.check_parent(new_parent)
    unit.parent = new_parent
    unit.save()
    return unit


@transaction.atomic
def unit_update(
    *, unit: OrgUnit, expected_version: int, parent: OrgUnit | None = None, **fields
) -> OrgUnit:
    """Change a unit's details (and, when `parent` differs, move it with its subtree).

    Refuses with a Vietnamese message when someone else saved the unit since the form was
    opened (`expected_version`), so two editors never overwrite each other.
    """
    unknown = set(fields) - set(UNIT_FIELDS)
    if unknown:
        raise TypeError(f"unit_update got unknown fields {sorted(unknown)}")
    moving = parent is not None and parent.pk != unit.parent_id
    if moving:
        # Before anything is written, so a refusal leaves the caller's transaction usable.
        unit.check_parent(parent)
    for name, value in fields.items():
        setattr(unit, name, value.strip() if isinstance(value, str) else value)
    unit.full_clean(exclude=["path", "parent", "version"])
    save_versioned(unit, expected_version=expected_version, fields=list(fields), audit=False)
    # A plain save records the change (the new parent included) in the audit history,
    # refreshes search_text and, on a move, re-hangs the subtree.
    unit.refresh_from_db()
    if moving:
        unit.parent = parent
    unit.save()
    return unit
