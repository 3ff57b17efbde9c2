from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "binhdang.dashboards"
    label = "dashboards"
    verbose_name = "Bảng điều khiển"
