from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "binhdang.plans"
    label = "plans"
    verbose_name = "Kế hoạch"

    def ready(self) -> None:
        from binhdang.core import due

        from . import selectors

        due.register(selectors.due_items)
