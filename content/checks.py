"""System checks of the question bank, registered by ContentConfig.ready(): `manage.py check`
(and `check --deploy`) run them."""

from django.conf import settings
from django.core import checks

from content.scoring import semantic

SEMANTIC_MISSING_MESSAGE = (
    "INTERVIEW_SEMANTIC_SCORING is on, but the semantic layer is not installed here, so this "
    "server scores lexically only and its scores differ from those of servers that have it."
)


def semantic_layer_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the semantic layer is switched on but missing: scores would silently differ."""
    if settings.INTERVIEW_SEMANTIC_SCORING and not semantic.semantic_available():
        return [
            checks.Warning(
                SEMANTIC_MISSING_MESSAGE,
                hint="Run `make install-semantic` on every app server, or switch it off on all.",
                id="content.W001",
            )
        ]
    return []
