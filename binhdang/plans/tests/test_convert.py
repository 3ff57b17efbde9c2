"""Plan rows ⇄ PlanDocument: what is stored is what was imported, and back."""

import pytest

from binhdang.plans.convert import plan_from_document, plan_to_document
from binhdang.plans.importing import import_plan_file
from binhdang.plans.models import PlanItem, PlanSection
from binhdang.plans.tests.factories import seed_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2024, 2026])
def test_a_seed_stored_and_read_back_is_the_same_document(year, tree, people):
    data, name = seed_bytes(year)
    doc = import_plan_file(data, name)

    plan = plan_from_document(doc, unit=tree.department, user=people.secretariat)
    back = plan_to_document(plan)

    assert plan.year == year
    assert plan.symbol == "KH-SGDĐT"
    assert back.to_json()["sections"] == doc.to_json()["sections"]
    assert [b.text for b in back.legal_bases] == [b.text for b in doc.legal_bases]
    assert [b.citation.reference for b in back.legal_bases if b.citation] == [
        b.citation.reference for b in doc.legal_bases if b.citation
    ]
    assert back.recipients == doc.recipients
    assert back.signer == doc.signer
    assert back.preamble == doc.preamble
    assert sorted((d.kind, d.date) for d in back.deadlines) == sorted(
        (d.kind, d.date) for d in doc.deadlines
    )


def test_tasks_are_stored_as_sections_under_their_roman_section(tree, people):
    data, name = seed_bytes(2026)
    plan = plan_from_document(import_plan_file(data, name), unit=tree.department, user=None)

    tasks = PlanSection.objects.filter(plan=plan, parent__label="II").order_by("order")
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [PlanItem.objects.filter(section=t).count() for t in tasks] == [2, 1, 2, 8, 5]
    assert plan.events.get().action == "imported"
