from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "binhdang.core"
    label = "core"
    verbose_name = "Nền tảng"
