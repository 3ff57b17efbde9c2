"""Load the demo data of every domain app, idempotently, and print the demo logins.

Each app may provide `binhdang.<app>.demo.load(stdout) -> None`; they run in the order of
INSTALLED_APPS so that plans come after units and activities after plans. Every demo row is
marked `is_demo` (or lives under demo units) so that it is never mistaken for real data.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from binhdang.accounts.demo import DEMO_LOGINS


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (chạy lại nhiều lần vẫn an toàn) và in tài khoản minh họa."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if not config.name.startswith("binhdang."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(stdout=self.stderr)
        for role, username, password in DEMO_LOGINS:
            self.stdout.write(f"{role} {username} {password}")
