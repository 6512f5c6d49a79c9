from django.apps import AppConfig
from django.core import checks

from content.checks import semantic_layer_check


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Question bank"

    def ready(self) -> None:
        checks.register(semantic_layer_check, "scoring")
