"""Every model of the binhdang apps is audited through django-simple-history, unless it is
on the allow-list below with its reason (docs/decisions/0008-audit-history.md). A new model
that is neither fails here, so nothing escapes the audit silently."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from binhdang.plans.models import IssueCounter

# Not historised, on purpose; each is itself a record of what happened, or is frozen or
# captured elsewhere (see decision 0008 for the full reasoning).
NOT_HISTORISED = {
    # An issued plan delivered to a unit and its first-opening receipt: written once by the
    # issue service (bulk_create) and once by the first opening (an UPDATE); the admin shows
    # them read-only. The issue itself is a PlanEvent and a Plan history row.
    "plans.PlanDistribution",
    # The plan's workflow log (who approved, issued, returned, when): append-only.
    "plans.PlanEvent",
    # One row per reminder e-mail sent (who sent it, when, to whom): append-only.
    "plans.UnitPlanReminder",
    # A report's figures: created in bulk when a period opens, rewritten on every draft
    # save; who saved and when is in the UnitReport history, and each submission freezes
    # every figure with its override reason in a ReportVersion.
    "reports.ReportValue",
    # The frozen copy of a report at each submission: never changed after it is written.
    "reports.ReportVersion",
    # A reviewer's comment (author, time, submission it applies to): never edited.
    "reports.ReportComment",
    # The key that keeps the reminder command idempotent, one per reminder sent.
    "reports.ReminderLog",
    # A person's in-app message; only its read time changes. No domain data.
    "reports.Notification",
    # The comparison with a target, frozen when first recorded: never rewritten.
    "reports.TargetResult",
}


def _is_history_table(model) -> bool:
    return getattr(model, "instance_type", None) is not None


def _binhdang_models() -> dict[str, type]:
    return {
        model._meta.label: model
        for config in apps.get_app_configs()
        if config.name.startswith("binhdang.")
        for model in config.get_models()
        if not _is_history_table(model)
    }


def test_every_model_is_historised_or_allowed_with_a_reason():
    models = _binhdang_models()
    historised = {
        label
        for label, model in models.items()
        if hasattr(model._meta, "simple_history_manager_attribute")
    }
    assert sorted(set(models) - historised - NOT_HISTORISED) == []
    # The list stays true: no stale names, no model both historised and allowed.
    assert sorted(NOT_HISTORISED - set(models)) == []
    assert sorted(NOT_HISTORISED & historised) == []


@pytest.mark.django_db
def test_a_hand_correction_of_the_number_register_is_audited(client, people, tree):
    counter = IssueCounter.objects.create(unit=tree.department, year=2026, symbol="KH-SGDĐT")
    client.force_login(people.admin)
    response = client.post(
        reverse("admin:plans_issuecounter_change", args=[counter.pk]),
        {"unit": tree.department.pk, "year": 2026, "symbol": "KH-SGDĐT", "last_number": 41},
    )
    assert response.status_code == 302
    change = counter.history.latest()
    assert (change.last_number, change.history_user, change.history_type) == (
        41,
        people.admin,
        "~",
    )
