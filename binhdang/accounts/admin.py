from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Committee, CommitteeDecision, CommitteeMember, OrgUnit, RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    inlines = [RoleGrantInline]
    list_display = ["username", "full_name", "email", "home_unit", "is_active"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (
            "BinhDang",
            {"fields": ("full_name", "job_title", "sex", "phone", "home_unit", "is_demo")},
        ),
    )
    autocomplete_fields = ["home_unit"]


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_type", "district", "parent"]
    list_filter = ["unit_type", "is_active"]
    search_fields = ["code", "name", "search_text"]
    autocomplete_fields = ["parent"]


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    fk_name = "committee"
    extra = 0


class CommitteeDecisionInline(admin.TabularInline):
    model = CommitteeDecision
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit"]
    search_fields = ["name", "unit__name"]
    inlines = [CommitteeDecisionInline, CommitteeMemberInline]
