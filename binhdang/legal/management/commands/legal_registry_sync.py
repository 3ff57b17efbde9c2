from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.legal.models import LegalDocument
from binhdang.legal.registry_sync import sync_registry


class Command(BaseCommand):
    help = "Thêm vào danh mục các văn bản pháp lý có trong data/registry.json mà CSDL chưa có."

    def handle(self, *args, **options):
        with transaction.atomic():
            added = sync_registry(LegalDocument)
        self.stdout.write(
            _("Đã thêm %(n)s văn bản; tổng số %(total)s.")
            % {"n": added, "total": LegalDocument.objects.count()}
        )
