"""Plan rows ⇄ the plain PlanDocument used by the importer, renderer, carry and compare."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from binhdang.accounts.models import OrgUnit, User

from .choices import DeadlineKind, EventAction, ItemKind, PlanKind
from .models import (
    Plan,
    PlanBasis,
    PlanDeadline,
    PlanEvent,
    PlanItem,
    PlanRecipient,
    PlanSection,
)
from .structure import (
    Block,
    CitationData,
    Deadline,
    LegalBasis,
    PlanDocument,
    Section,
    Signer,
)

_CITATION_FIELDS = set(CitationData.__dataclass_fields__)


def citation_from_json(raw: dict | None) -> CitationData | None:
    if not raw:
        return None
    data = {k: v for k, v in raw.items() if k in _CITATION_FIELDS}
    data["date"] = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    data.setdefault("type", "")
    data.setdefault("number", None)
    data.setdefault("symbol", None)
    data.setdefault("issuer", None)
    data.setdefault("text", "")
    return CitationData(**data)


def section_tree(plan: Plan) -> list[tuple[PlanSection, list]]:
    """The outline as nested (section, children) pairs, each section carrying `item_list`.

    Two queries whatever the size of the plan.
    """
    sections = list(plan.sections.all().order_by("order", "pk"))
    items_by_section: dict[int, list[PlanItem]] = defaultdict(list)
    items = PlanItem.objects.filter(section__plan=plan).select_related("responsible")
    for item in items.order_by("order", "pk"):
        items_by_section[item.section_id].append(item)
    children: dict[int | None, list[PlanSection]] = defaultdict(list)
    for section in sections:
        section.item_list = items_by_section.get(section.pk, [])
        children[section.parent_id].append(section)

    def build(parent_id: int | None) -> list[tuple[PlanSection, list]]:
        return [(s, build(s.pk)) for s in children.get(parent_id, [])]

    return build(None)


def outline_items(plan: Plan):
    """Every item in outline order, as (item, its sections from the top down, outline
    label such as "II.2", whether it lies under part II — the tasks a unit assigns)."""

    def walk(nodes, path: str, above: tuple):
        for section, children in nodes:
            label = section.label.strip().rstrip(".)")
            here = f"{path}.{label}" if path and label else (label or path)
            chain = (*above, section)
            in_tasks = chain[0].label.strip().rstrip(".)") == "II"
            for item in section.item_list:
                yield item, chain, here, in_tasks
            yield from walk(children, here, chain)

    yield from walk(section_tree(plan), "", ())


def plan_to_document(plan: Plan) -> PlanDocument:
    """The plan as a PlanDocument (citations of the bases as stored; none recomputed)."""

    def to_section(node: tuple[PlanSection, list]) -> Section:
        section, kids = node
        return Section(
            label=section.label,
            title=section.title,
            blocks=[Block(kind=i.kind, text=i.text, label=i.label) for i in section.item_list],
            children=[to_section(k) for k in kids],
        )

    bases = [
        LegalBasis(text=b.text, citation=citation_from_json(b.citation))
        for b in plan.bases.all().order_by("order", "pk")
    ]
    return PlanDocument(
        doc_type=plan.doc_type,
        governing_body=plan.governing_body,
        issuing_body=plan.issuing_body,
        number=plan.number,
        symbol=plan.symbol,
        place=plan.place,
        date=plan.date,
        year=plan.year,
        title=plan.title,
        legal_bases=bases,
        preamble=plan.preamble_lines,
        sections=[to_section(node) for node in section_tree(plan)],
        deadlines=[
            Deadline(kind=d.kind, date=d.date, text=d.text)
            for d in plan.deadlines.all().order_by("date", "pk")
        ],
        recipients=[r.text for r in plan.recipients.all().order_by("order", "pk")],
        signer=Signer(
            authority=plan.signer_authority,
            position=plan.signer_position,
            name=plan.signer_name,
        ),
        citations=[c for c in (b.citation for b in bases) if c],
        unplaced=list(plan.unplaced or []),
    )


def legal_documents_for(references: list[str]) -> dict:
    """Registry documents by the references given ("383/QĐ-BGDĐT"), in one query."""
    from binhdang.legal.citations.checker import reference_key
    from binhdang.legal.models import LegalDocument

    keys = {reference_key(*ref.split("/", 1)): ref for ref in references if "/" in ref}
    if not keys:
        return {}
    found = LegalDocument.objects.filter(reference_key__in=keys)
    return {keys[document.reference_key]: document for document in found}


def _deadline_kind(kind: str) -> str:
    return kind if kind in DeadlineKind.values else DeadlineKind.OTHER


def _item_kind(kind: str) -> str:
    return kind if kind in ItemKind.values else ItemKind.PARAGRAPH


def header_values(doc: PlanDocument) -> dict:
    """Plan field values taken from a document's header, signer and preamble."""
    return {
        "doc_type": (doc.doc_type or "KẾ HOẠCH")[:64],
        "governing_body": doc.governing_body[:255],
        "issuing_body": doc.issuing_body[:255],
        "number": (doc.number or "")[:16],
        "symbol": (doc.symbol or "")[:64],
        "place": (doc.place or "")[:100],
        "date": doc.date,
        "title": doc.title,
        "preamble": "\n".join(doc.preamble),
        "signer_authority": doc.signer.authority[:100],
        "signer_position": doc.signer.position[:100],
        "signer_name": doc.signer.name[:150],
        "unplaced": list(doc.unplaced),
    }


def write_children(plan: Plan, doc: PlanDocument) -> None:
    """Create the bases, outline, deadlines and recipients of `plan` from `doc`.

    One bulk insert per outline level, so a plan of any size costs a handful of queries.
    """
    references = [
        (basis.citation.reference if basis.citation else "")[:100] for basis in doc.legal_bases
    ]
    documents = legal_documents_for(references)
    PlanBasis.objects.bulk_create(
        PlanBasis(
            plan=plan,
            order=index,
            text=basis.text,
            reference=reference,
            legal_document=documents.get(reference),
            citation=basis.citation.to_json() if basis.citation else None,
        )
        for index, (basis, reference) in enumerate(zip(doc.legal_bases, references, strict=True))
    )
    level: list[tuple[Section, PlanSection | None]] = [(s, None) for s in doc.sections]
    items: list[PlanItem] = []
    while level:
        rows = [
            PlanSection(plan=plan, parent=parent, order=index, label=s.label, title=s.title)
            for index, (s, parent) in enumerate(level)
        ]
        # Orders restart per parent so that moving up/down swaps within siblings.
        counters: dict[int | None, int] = defaultdict(int)
        for row, (_section, parent) in zip(rows, level, strict=True):
            key = parent.pk if parent else None
            row.order = counters[key]
            counters[key] += 1
        PlanSection.objects.bulk_create(rows)
        next_level: list[tuple[Section, PlanSection | None]] = []
        for row, (section, _parent) in zip(rows, level, strict=True):
            items.extend(
                PlanItem(
                    section=row,
                    order=index,
                    kind=_item_kind(block.kind),
                    label=block.label[:16],
                    text=block.text,
                )
                for index, block in enumerate(section.blocks)
            )
            next_level.extend((child, row) for child in section.children)
        level = next_level
    PlanItem.objects.bulk_create(items)
    PlanDeadline.objects.bulk_create(
        PlanDeadline(plan=plan, kind=_deadline_kind(d.kind), date=d.date, text=d.text[:500])
        for d in doc.deadlines
    )
    PlanRecipient.objects.bulk_create(
        PlanRecipient(plan=plan, order=index, text=text[:255])
        for index, text in enumerate(doc.recipients)
    )


@transaction.atomic
def plan_from_document(
    doc: PlanDocument,
    *,
    unit: OrgUnit,
    user: User | None,
    kind: str = PlanKind.DEPARTMENT,
    parent: Plan | None = None,
    year: int | None = None,
    source_filename: str = "",
    action: str = EventAction.IMPORTED,
    is_demo: bool = False,
) -> Plan:
    """Store `doc` as a new draft plan of `unit` (all rows or none)."""
    plan_year = (
        year or doc.year or (doc.date.year if doc.date else None) or timezone.localdate().year
    )
    unit_plan_due = next((d.date for d in doc.deadlines if d.kind == DeadlineKind.UNIT_PLAN), None)
    header = header_values(doc)
    if not header.get("governing_body") and not header.get("issuing_body"):
        # A file without the Decree 30 header block (both seeds): print the unit's own.
        header["governing_body"], header["issuing_body"] = unit.document_header()
    plan = Plan.objects.create(
        unit=unit,
        kind=kind,
        parent_plan=parent,
        year=plan_year,
        unit_plan_due=unit_plan_due,
        source_filename=source_filename[:255],
        created_by=user,
        is_demo=is_demo,
        **header,
    )
    write_children(plan, doc)
    PlanEvent.objects.create(plan=plan, by=user, action=action)
    return plan


# --- writing a changed document back onto the same rows ----------------------------------------


def _sync_rows(rows: list, old: list[str], new: list[str], *, update, create, delete) -> None:
    """Make `rows` (whose texts are `old`) read `new`, keeping the rows that did not change.

    Rows are kept (and their primary keys with them) wherever the texts still align, because
    activities and reports point at plan tasks and items by key.
    """
    import difflib

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for row, j in zip(rows[i1:i2], range(j1, j2), strict=True):
                update(row, j)
            continue
        for row in rows[i1:i2]:
            delete(row)
        for j in range(j1, j2):
            create(j)


def sync_document(plan: Plan, old: PlanDocument, new: PlanDocument) -> None:
    """Apply to the plan's rows what changed from `old` (= plan_to_document(plan)) to `new`.

    Handles what carry-forward's one-click actions do: texts edited, bases or blocks
    removed or replaced. An outline whose shape changed is rewritten as a whole.
    """
    changed = []
    if old.title != new.title:
        plan.title = new.title
        changed.append("title")
    if old.preamble != new.preamble:
        plan.preamble = "\n".join(new.preamble)
        changed.append("preamble")
    if changed:
        plan.save(update_fields=[*changed, "updated_at"])

    bases = list(plan.bases.order_by("order", "pk"))

    def update_basis(row: PlanBasis, j: int) -> None:
        basis = new.legal_bases[j]
        row.text = basis.text
        row.reference = (basis.citation.reference if basis.citation else "")[:100]
        row.legal_document = legal_documents_for([row.reference]).get(row.reference)
        row.citation = basis.citation.to_json() if basis.citation else None
        row.save()

    def create_basis(j: int) -> None:
        PlanBasis.objects.create(plan=plan, order=j, text=new.legal_bases[j].text)

    _sync_rows(
        bases,
        [b.text for b in old.legal_bases],
        [b.text for b in new.legal_bases],
        update=update_basis,
        create=create_basis,
        delete=lambda row: row.delete(),
    )
    for order, row in enumerate(plan.bases.order_by("order", "pk")):
        if row.order != order:
            PlanBasis.objects.filter(pk=row.pk).update(order=order)

    tree = section_tree(plan)
    if not _same_shape(tree, new.sections):
        plan.sections.all().delete()
        outline_only = PlanDocument(sections=new.sections)
        write_children(plan, outline_only)
    else:
        _sync_sections(tree, new.sections)

    deadlines = list(plan.deadlines.order_by("date", "pk"))
    if len(deadlines) == len(new.deadlines):
        for row, deadline in zip(deadlines, new.deadlines, strict=True):
            if row.text != deadline.text[:500]:
                row.text = deadline.text[:500]
                row.save(update_fields=["text", "updated_at"])


def _same_shape(tree: list, sections: list[Section]) -> bool:
    if len(tree) != len(sections):
        return False
    return all(
        _same_shape(kids, section.children)
        for (_row, kids), section in zip(tree, sections, strict=True)
    )


def _sync_sections(tree: list, sections: list[Section]) -> None:
    for (row, kids), section in zip(tree, sections, strict=True):
        if row.title != section.title or row.label != section.label:
            row.title, row.label = section.title, section.label
            row.save(update_fields=["title", "label", "updated_at"])
        items = row.item_list

        def update_item(item: PlanItem, j: int, blocks=section.blocks) -> None:
            item.text = blocks[j].text
            item.kind = _item_kind(blocks[j].kind)
            item.label = blocks[j].label[:16]
            item.save()

        def create_item(j: int, blocks=section.blocks, parent=row) -> None:
            block = blocks[j]
            PlanItem.objects.create(
                section=parent,
                order=j,
                kind=_item_kind(block.kind),
                label=block.label[:16],
                text=block.text,
            )

        _sync_rows(
            items,
            [i.text for i in items],
            [b.text for b in section.blocks],
            update=update_item,
            create=create_item,
            delete=lambda item: item.delete(),
        )
        for order, item in enumerate(row.items.order_by("order", "pk")):
            if item.order != order:
                PlanItem.objects.filter(pk=item.pk).update(order=order)
        _sync_sections(kids, section.children)
