"""The load balancer's health check: is this server able to reach its database? It also says how
this server scores, so servers that would score the same answer differently stand out."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from content.concepts import semantic_scoring_enabled
from content.scoring import SCORER_VERSION

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok", ...} when a trivial query succeeds, 503 when the database is
    unreachable. Every server behind one balancer must report the same scorer version and the same
    `semantic_scoring`: the optional semantic layer changes scores, and `rescore` goes by the
    scorer version alone (each stored score records whether the layer was used, but nothing
    re-scores by it)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check failed: the database is unreachable")
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse(
        {
            "status": "ok",
            "scorer_version": SCORER_VERSION,
            "semantic_scoring": semantic_scoring_enabled(),
        }
    )
