from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("doc_type", "number", "symbol", "date", "issuer", "valid_to", "is_active")
    list_filter = ("doc_type", "is_active")
    search_fields = ("number", "symbol", "issuer", "subject", "search_text")
    readonly_fields = ("reference_key", "search_text", "version")
