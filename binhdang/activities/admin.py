from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Campaign, Evidence


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ("original_name", "content_type", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("title", "unit", "activity_type", "start_date", "is_action_month")
    list_filter = ("activity_type", "is_action_month", "year")
    search_fields = ("search_text", "unit__code")
    raw_id_fields = ("unit", "created_by")
    readonly_fields = ("year", "is_action_month", "version")
    inlines = [EvidenceInline]


@admin.register(Campaign)
class CampaignAdmin(SimpleHistoryAdmin):
    list_display = ("year", "department", "title", "start_date", "end_date")
    list_filter = ("year",)
    raw_id_fields = ("department",)
