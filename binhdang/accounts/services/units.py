"""Creating, editing and moving organisation units."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from binhdang.core.concurrency import save_versioned

from ..models import OrgUnit
from .errors import service_error

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
    """Re-hang a unit and its subtree under another parent, rewriting every path at once."""
    if new_parent.path.startswith(unit.path):
        raise service_error(
            _("Không thể chuyển một đơn vị vào chính cây con của nó."), field="parent"
        )
    old_path = unit.path
    new_path = f"{new_parent.path}{unit.pk}/"
    depth_delta = new_path.count("/") - old_path.count("/")
    OrgUnit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_delta,
    )
    OrgUnit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
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
    for name, value in fields.items():
        setattr(unit, name, value.strip() if isinstance(value, str) else value)
    unit.full_clean(exclude=["path", "parent", "version"])
    save_versioned(unit, expected_version=expected_version, fields=list(fields), audit=False)
    if parent is not None and parent.pk != unit.parent_id:
        unit_move(unit=unit, new_parent=parent)
    # A plain save records the change in the audit history and refreshes search_text.
    unit.refresh_from_db()
    unit.save()
    return unit
