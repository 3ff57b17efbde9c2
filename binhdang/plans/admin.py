from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    IssueCounter,
    Plan,
    PlanBasis,
    PlanDeadline,
    PlanDistribution,
    PlanEvent,
    PlanRecipient,
    PlanSection,
)


class PlanBasisInline(admin.TabularInline):
    model = PlanBasis
    extra = 0
    fields = ["order", "text", "reference", "legal_document"]
    autocomplete_fields = ["legal_document"]


class PlanDeadlineInline(admin.TabularInline):
    model = PlanDeadline
    extra = 0


class PlanRecipientInline(admin.TabularInline):
    model = PlanRecipient
    extra = 0


class PlanEventInline(admin.TabularInline):
    """The workflow log is written by the plan services only (docs/decisions/0008)."""

    model = PlanEvent
    extra = 0
    readonly_fields = ["at", "by", "action", "comment"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["year", "reference", "title", "unit", "kind", "status", "date"]
    list_filter = ["kind", "status", "year", "is_demo"]
    search_fields = ["title", "number", "symbol", "unit__name"]
    autocomplete_fields = ["unit", "parent_plan", "carried_from"]
    readonly_fields = ["version", "approved_by", "approved_at", "issued_by", "issued_at"]
    inlines = [PlanBasisInline, PlanDeadlineInline, PlanRecipientInline, PlanEventInline]


@admin.register(PlanSection)
class PlanSectionAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "label", "title", "parent", "order"]
    search_fields = ["title", "plan__title"]
    list_select_related = ["plan", "parent"]
    raw_id_fields = ["plan", "parent"]


@admin.register(PlanDistribution)
class PlanDistributionAdmin(admin.ModelAdmin):
    """Read-only: a delivery and its read receipt are facts recorded by the services, not
    kept in history, so they must not be edited by hand (docs/decisions/0008). Deleting
    stays allowed so that deleting a plan can cascade."""

    list_display = ["plan", "unit", "delivered_at", "opened_at", "opened_by"]
    list_filter = ["plan__year"]
    search_fields = ["unit__name", "plan__title"]
    raw_id_fields = ["plan", "unit", "opened_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IssueCounter)
class IssueCounterAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "symbol", "last_number"]
    list_filter = ["year"]
    autocomplete_fields = ["unit"]
