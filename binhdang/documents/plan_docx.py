"""A structured plan (`PlanDocument`) → the official .docx, per Decree 30/2020/NĐ-CP.

The layout is one the importer reads back to the same structure: the header in the
two-column table, "I. TITLE" / "1. Title" / "a) Title" headings in bold, "- item" bullets,
"Căn cứ ..." bases as paragraphs written exactly as stored (a basis whose text lacks
"Căn cứ" keeps its text), recipients and signer in the closing table.
"""

from __future__ import annotations

from binhdang.plans.structure import PlanDocument, Section

from .decree30 import DEFAULT_LAYOUT, Layout, OfficialDocument


def _section(doc: OfficialDocument, section: Section, level: int) -> None:
    doc.heading(section.title, label=section.label, level=level)
    for block in section.blocks:
        if block.kind == "bullet":
            doc.bullet(block.text, mark=block.label or "-")
        elif block.kind == "letter":
            doc.item(block.label or "a)", block.text)
        else:
            doc.paragraph(block.text)
    for child in section.children:
        _section(doc, child, level + 1)


def build_plan_document(
    plan: PlanDocument,
    *,
    governing_body: str | None = None,
    issuing_body: str | None = None,
    layout: Layout = DEFAULT_LAYOUT,
) -> OfficialDocument:
    """The plan laid out as an `OfficialDocument`, for callers that add to it.

    `governing_body` / `issuing_body` fill in a header the plan leaves blank (text exports
    of real plans lose it); the plan's own values win.
    """
    doc = OfficialDocument(
        governing_body=plan.governing_body or governing_body or "",
        issuing_body=plan.issuing_body or issuing_body or "",
        number=plan.number,
        symbol=plan.symbol,
        place=plan.place,
        date=plan.date,
        year=plan.year,
        doc_type=plan.doc_type or "KẾ HOẠCH",
        title=plan.title,
        layout=layout,
    )
    for basis in plan.legal_bases:
        doc.paragraph(basis.text, italic=False)
    for text in plan.preamble:
        doc.paragraph(text)
    for section in plan.sections:
        _section(doc, section, 1)
    if plan.recipients:
        doc.recipients(plan.recipients)
    signer = plan.signer
    if signer.authority or signer.position or signer.name:
        doc.signature(signer.authority, signer.position, signer.name)
    return doc


def render_plan_docx(
    plan: PlanDocument,
    *,
    governing_body: str | None = None,
    issuing_body: str | None = None,
    layout: Layout = DEFAULT_LAYOUT,
) -> bytes:
    """The plan as an official .docx (bytes)."""
    return build_plan_document(
        plan, governing_body=governing_body, issuing_body=issuing_body, layout=layout
    ).to_bytes()
