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
    model = PlanEvent
    extra = 0
    readonly_fields = ["at", "by", "action", "comment"]
    can_delete = False


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
    list_display = ["plan", "unit", "delivered_at", "opened_at", "opened_by"]
    list_filter = ["plan__year"]
    search_fields = ["unit__name", "plan__title"]
    raw_id_fields = ["plan", "unit", "opened_by"]


@admin.register(IssueCounter)
class IssueCounterAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "symbol", "last_number"]
    list_filter = ["year"]
    autocomplete_fields = ["unit"]
