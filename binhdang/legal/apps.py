from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "binhdang.legal"
    label = "legal"
    verbose_name = "Văn bản pháp lý"
