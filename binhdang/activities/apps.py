from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "binhdang.activities"
    label = "activities"
    verbose_name = "Hoạt động và Tháng hành động"

    def ready(self) -> None:
        from binhdang.core import due

        from . import coverage

        due.register(coverage.due_items)
