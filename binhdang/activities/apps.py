from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "binhdang.activities"
    label = "activities"
    verbose_name = "Hoạt động và Tháng hành động"
