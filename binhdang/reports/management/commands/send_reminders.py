"""Send the reminders due now (safe to run every hour): prints `sent N` last."""

from django.core.management.base import BaseCommand

from binhdang.reports.reminders import send_due


class Command(BaseCommand):
    help = "Gửi nhắc việc đến hạn (báo cáo định kỳ, kế hoạch của đơn vị)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không gửi.")

    def handle(self, *args, dry_run: bool = False, **options):
        sent = send_due(dry_run=dry_run)
        self.stdout.write(f"sent {sent}")
