from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "binhdang.reports"
    label = "reports"
    verbose_name = "Báo cáo định kỳ và chỉ tiêu"
