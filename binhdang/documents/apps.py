from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "binhdang.documents"
    label = "documents"
    verbose_name = "Văn bản (Nghị định 30)"
