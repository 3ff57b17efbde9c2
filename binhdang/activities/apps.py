from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "binhdang.activities"
    label = "activities"
    verbose_name = "Hoạt động và Tháng hành động"

    def ready(self) -> None:
        from binhdang.core import due
        from binhdang.plans.signals import plan_issued

        from . import coverage

        due.register(coverage.due_items)
        plan_issued.connect(_plan_issued, dispatch_uid="activities.action_month_refresh")


def _plan_issued(sender, *, plan, **kwargs) -> None:
    # The issued department plan may date the Action Month: re-derive the flags.
    from .services import action_month_refresh_for_plan

    action_month_refresh_for_plan(plan=plan)
