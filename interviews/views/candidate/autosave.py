"""The autosave endpoint: the hot path, so one UPDATE when all is well and JSON back."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from config.busy import retry_when_database_busy
from interviews.forms.candidate import AnswerPostForm
from interviews.models import SessionItem
from interviews.services import AnswerRefused, ItemNotFound, answer_autosave


@require_POST
@login_required
@retry_when_database_busy
def autosave(request: HttpRequest, pk: int, position: int) -> JsonResponse:
    """Store a revision of the answer (fetch while typing, sendBeacon when the page goes away)."""
    form = AnswerPostForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"ok": False, "message": form.refusal()}, status=400)
    items = SessionItem.objects.for_candidate(request.user).filter(session_id=pk, position=position)
    try:
        result = answer_autosave(
            items=items,
            text=form.cleaned_data["answer_text"],
            revision=form.cleaned_data["revision"],
        )
    except ItemNotFound:
        raise Http404 from None
    except AnswerRefused as refused:
        return JsonResponse({"ok": False, "message": refused.message}, status=409)
    saved_at = result.saved_at.isoformat() if result.saved_at else None
    return JsonResponse(
        {"ok": True, "revision": result.revision, "saved_at": saved_at, "stored": result.stored}
    )
