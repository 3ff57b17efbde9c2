from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "binhdang.reports"
    label = "reports"
    verbose_name = "Báo cáo định kỳ và chỉ tiêu"

    def ready(self) -> None:
        from binhdang.activities.locks import register_lock
        from binhdang.core import due

        from . import selectors

        due.register(selectors.due_items)
        register_lock(selectors.locked_message)
