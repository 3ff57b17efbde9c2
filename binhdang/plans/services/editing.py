"""Editing a draft plan: header, bases, outline and items (deadlines, recipients: closing.py).

Every service takes the plan and the `version` the editor's form was loaded with, claims the
plan (`common.claim`: locked or stale edits are refused and change nothing), then writes.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import CommitteeMember, OrgUnit, User
from binhdang.legal.citations import parse_basis

from ..choices import EventAction, ItemKind, PlanKind
from ..convert import legal_documents_for, plan_from_document
from ..models import (
    Plan,
    PlanBasis,
    PlanEvent,
    PlanItem,
    PlanSection,
)
from ..structure import PlanDocument
from .common import claim, label_for, label_style, move_in, renumber

HEADER_FIELDS = (
    "year",
    "doc_type",
    "governing_body",
    "issuing_body",
    "symbol",
    "place",
    "title",
    "preamble",
    "signer_authority",
    "signer_position",
    "signer_name",
    "unit_plan_due",
)

KEEP = object()  # "leave this field as it is" in an update

# The outline every annual plan of the seeds follows; a blank draft starts from it.
SKELETON = (
    ("I", "MỤC ĐÍCH, YÊU CẦU"),
    ("II", "CÁC NHIỆM VỤ CHỦ YẾU"),
    ("III", "TỔ CHỨC THỰC HIỆN"),
)


def _read_basis(basis: PlanBasis) -> None:
    """Set the basis' reference, citation and registry document from its text."""
    citation = parse_basis(basis.text)
    basis.reference = citation.reference[:100] if citation else ""
    basis.citation = citation.to_json() if citation else None
    basis.legal_document = legal_documents_for([basis.reference]).get(basis.reference)


# --- plans ------------------------------------------------------------------------------------


def _defaults_for(unit: OrgUnit) -> dict[str, Any]:
    """Header values of a new plan: those of the unit's latest plan, else from the unit."""
    latest = Plan.objects.filter(unit=unit).order_by("-year", "-pk").first()
    if latest is not None:
        return {
            field: getattr(latest, field)
            for field in (
                "governing_body",
                "issuing_body",
                "symbol",
                "place",
                "signer_authority",
                "signer_position",
                "signer_name",
            )
        }
    is_department = unit.unit_type == UnitType.DEPARTMENT
    return {
        "issuing_body": unit.name.upper(),
        "symbol": "KH-SGDĐT" if is_department else "KH",
        "signer_authority": "KT. GIÁM ĐỐC" if is_department else "",
        "signer_position": "PHÓ GIÁM ĐỐC" if is_department else "HIỆU TRƯỞNG",
    }


@transaction.atomic
def plan_create(
    *,
    unit: OrgUnit,
    user: User,
    year: int,
    title: str = "",
    kind: str | None = None,
    parent: Plan | None = None,
) -> Plan:
    """A blank draft with the usual three-part outline."""
    if kind is None:
        kind = PlanKind.DEPARTMENT if unit.unit_type == UnitType.DEPARTMENT else PlanKind.UNIT
    plan = Plan.objects.create(
        unit=unit,
        kind=kind,
        parent_plan=parent,
        year=year,
        title=title
        or _("Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm %(year)s")
        % {"year": year},
        created_by=user,
        **_defaults_for(unit),
    )
    PlanSection.objects.bulk_create(
        PlanSection(plan=plan, order=i, label=label, title=title)
        for i, (label, title) in enumerate(SKELETON)
    )
    PlanEvent.objects.create(plan=plan, by=user, action=EventAction.CREATED)
    return plan


def plan_import(*, document: PlanDocument, unit: OrgUnit, user: User, filename: str = "") -> Plan:
    """Store an imported document as a new draft of `unit` (atomic)."""
    kind = PlanKind.DEPARTMENT if unit.unit_type == UnitType.DEPARTMENT else PlanKind.UNIT
    return plan_from_document(document, unit=unit, user=user, kind=kind, source_filename=filename)


@transaction.atomic
def plan_update_header(*, plan: Plan, version: int, user: User, **values: Any) -> Plan:
    """Header, title, preamble and signer fields."""
    unknown = set(values) - set(HEADER_FIELDS)
    if unknown:
        raise TypeError(f"not header fields: {sorted(unknown)}")
    claim(plan, version)
    for field, value in values.items():
        setattr(plan, field, value)
    plan.save(update_fields=[*values, "version", "updated_at"])
    return plan


@transaction.atomic
def plan_dismiss_unplaced(*, plan: Plan, version: int, user: User, index: int) -> None:
    """Drop one line the importer could not place (after it was moved into the outline)."""
    claim(plan, version)
    lines = list(plan.unplaced or [])
    if 0 <= index < len(lines):
        del lines[index]
        plan.unplaced = lines
        plan.save(update_fields=["unplaced", "updated_at"])


# --- legal bases ------------------------------------------------------------------------------


@transaction.atomic
def basis_add(*, plan: Plan, version: int, user: User, text: str) -> PlanBasis:
    claim(plan, version)
    last = plan.bases.order_by("-order").values_list("order", flat=True).first()
    basis = PlanBasis(plan=plan, order=(last + 1) if last is not None else 0, text=text.strip())
    _read_basis(basis)
    basis.save()
    return basis


@transaction.atomic
def basis_update(*, basis: PlanBasis, version: int, user: User, text: str) -> PlanBasis:
    claim(basis.plan, version)
    basis.text = text.strip()
    _read_basis(basis)
    basis.save()
    return basis


@transaction.atomic
def basis_delete(*, basis: PlanBasis, version: int, user: User) -> None:
    claim(basis.plan, version)
    basis.delete()


@transaction.atomic
def basis_move(*, basis: PlanBasis, version: int, user: User, direction: str) -> None:
    claim(basis.plan, version)
    move_in(list(basis.plan.bases.order_by("order", "pk")), basis, direction)


# --- outline ----------------------------------------------------------------------------------


def _siblings(plan: Plan, parent_id: int | None) -> list[PlanSection]:
    return list(PlanSection.objects.filter(plan=plan, parent_id=parent_id).order_by("order", "pk"))


def _next_label(siblings: list[PlanSection], parent: PlanSection | None) -> str:
    if siblings:
        last = siblings[-1].label
        style = label_style(last)
        return label_for(style, len(siblings), last) if style else ""
    if parent is None:
        return "I"
    return "a" if parent.parent_id else "1"


@transaction.atomic
def section_add(
    *,
    plan: Plan,
    version: int,
    user: User,
    title: str,
    parent: PlanSection | None = None,
    label: str = "",
) -> PlanSection:
    """A Roman section (no parent), a numbered task (under a Roman section) or a lettered
    sub-heading; labelled next in its list unless a label is given."""
    claim(plan, version)
    siblings = _siblings(plan, parent.pk if parent else None)
    return PlanSection.objects.create(
        plan=plan,
        parent=parent,
        order=len(siblings),
        label=label.strip() or _next_label(siblings, parent),
        title=title.strip(),
    )


@transaction.atomic
def section_update(
    *, section: PlanSection, version: int, user: User, title: str, label: str
) -> PlanSection:
    claim(section.plan, version)
    section.title = title.strip()
    section.label = label.strip()
    section.save()
    return section


@transaction.atomic
def section_delete(*, section: PlanSection, version: int, user: User) -> None:
    """Delete a section with its sub-sections and items; the siblings are renumbered."""
    claim(section.plan, version)
    parent_id = section.parent_id
    section.delete()
    siblings = _siblings(section.plan, parent_id)
    renumber(siblings)


@transaction.atomic
def section_move(*, section: PlanSection, version: int, user: User, direction: str) -> None:
    claim(section.plan, version)
    siblings = _siblings(section.plan, section.parent_id)
    if move_in(siblings, section, direction):
        renumber(siblings)


# --- items ------------------------------------------------------------------------------------


def _items(section: PlanSection) -> list[PlanItem]:
    return list(section.items.order_by("order", "pk"))


def _relabel_letters(items: list[PlanItem]) -> None:
    letters = [item for item in items if item.kind == ItemKind.LETTER]
    for item in letters:
        if not item.label:
            item.label = "a)"
    renumber(letters)


def _label_for_kind(kind: str) -> str:
    return {"bullet": "-", "letter": "a)"}.get(kind, "")


@transaction.atomic
def item_add(
    *,
    section: PlanSection,
    version: int,
    user: User,
    text: str,
    kind: str = ItemKind.BULLET,
    timeframe: str = "",
    expected_output: str = "",
    responsible: CommitteeMember | None = None,
) -> PlanItem:
    claim(section.plan, version)
    items = _items(section)
    item = PlanItem.objects.create(
        section=section,
        order=len(items),
        kind=kind,
        label=_label_for_kind(kind),
        text=text.strip(),
        timeframe=timeframe,
        expected_output=expected_output,
        responsible=responsible,
    )
    if kind == ItemKind.LETTER:
        _relabel_letters([*items, item])
        item.refresh_from_db(fields=["label"])
    return item


@transaction.atomic
def item_update(
    *,
    item: PlanItem,
    version: int,
    user: User,
    text: str,
    kind: str | None = None,
    timeframe: str | None = None,
    expected_output: str | None = None,
    responsible: CommitteeMember | object | None = KEEP,
) -> PlanItem:
    claim(item.section.plan, version)
    item.text = text.strip()
    if kind is not None and kind != item.kind:
        item.kind = kind
        item.label = _label_for_kind(kind)
    if timeframe is not None:
        item.timeframe = timeframe
    if expected_output is not None:
        item.expected_output = expected_output
    if responsible is not KEEP:
        item.responsible = responsible
    item.save()
    _relabel_letters(_items(item.section))
    item.refresh_from_db(fields=["label"])
    return item


@transaction.atomic
def item_delete(*, item: PlanItem, version: int, user: User) -> None:
    claim(item.section.plan, version)
    section = item.section
    item.delete()
    _relabel_letters(_items(section))


@transaction.atomic
def item_move(*, item: PlanItem, version: int, user: User, direction: str) -> None:
    claim(item.section.plan, version)
    items = _items(item.section)
    if move_in(items, item, direction):
        _relabel_letters(items)
