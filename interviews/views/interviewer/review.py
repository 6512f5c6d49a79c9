"""Transcripts: reading, correcting concepts, overriding scores, notes, exports, agreement."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from config.downloads import csv_attachment
from interviews.access import (
    interviewer_required,
    item_reviewable_get,
    session_reviewable_get,
    sessions_reviewable,
)
from interviews.forms.interviewer import OverrideForm, ReviewForm
from interviews.selectors.agreement import agreement_report
from interviews.selectors.exports import transcript_csv, transcript_data
from interviews.selectors.sessions import session_score
from interviews.selectors.transcripts import transcript_items
from interviews.services import review, session_catch_up

TRANSCRIPT = "interviews/interviewer/transcript.html"
SESSION_NOT_FINISHED_MESSAGE = "The transcript is ready once the session has finished."
OVERRIDE_NOT_A_NUMBER_MESSAGE = "A score must be a number from 0 to 100."
# Notes refuse only a null character (some PDFs paste one); the browser shows it back as �.
NOTES_INVALID_MESSAGE = (
    "The notes hold a character that cannot be stored (shown as �): remove it and save again."
)
OVERRIDE_FIELD_AT_FAULT = {
    OVERRIDE_NOT_A_NUMBER_MESSAGE: "score",
    review.OVERRIDE_OUT_OF_RANGE_MESSAGE: "score",
    review.OVERRIDE_REASON_MISSING_MESSAGE: "reason",
}


def _session_caught_up(request: HttpRequest, pk: int):
    """The session with the deadlines that passed applied, so a transcript or an export agrees
    with the lists and the live view when the sweeper has not come by yet."""
    session = session_reviewable_get(request, pk)
    session_catch_up(session=session)
    return session


@require_GET
@interviewer_required
def transcript(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_caught_up(request, pk)
    if session.is_running:
        messages.info(request, SESSION_NOT_FINISHED_MESSAGE)
        return redirect("interviewer:session_detail", pk=session.pk)
    return render(request, TRANSCRIPT, _transcript_context(session))


def _transcript_context(session, **extra) -> dict:
    return {
        "session": session,
        "session_score": session_score(session),
        "rows": transcript_items(session),
        "review_form": ReviewForm(
            initial={"notes": session.notes, "recommendation": session.recommendation}
        ),
        "changes": _changes(session),
        **extra,
    }


def _changes(session):
    return session.review_changes.select_related("changed_by", "item")[:200]


def _item_fragment(request: HttpRequest, item, *, error: str = "", typed=None) -> HttpResponse:
    """The item's card for htmx, with the overall score and the review log swapped out of band.

    Without JavaScript: back to the transcript, or on a refused override the transcript itself,
    so what was typed stays in the form.
    """
    session = item.session
    if request.htmx:
        row = next(r for r in transcript_items(session) if r.item.pk == item.pk)
        context = {"session": session, "row": row, "error": error, "typed": typed}
        oob = {"session": session, "session_score": session_score(session), "oob": True}
        parts = [
            render_to_string(f"{TRANSCRIPT}#item", context, request=request),
            render_to_string(f"{TRANSCRIPT}#overall", oob, request=request),
            render_to_string(
                f"{TRANSCRIPT}#change_log", {**oob, "changes": _changes(session)}, request=request
            ),
        ]
        return HttpResponse("".join(parts))
    if error:
        messages.error(request, error)
    if typed:
        return render(request, TRANSCRIPT, _transcript_context(session, typed=typed))
    return redirect(f"{reverse('interviewer:transcript', args=[session.pk])}#item-{item.position}")


@require_POST
@interviewer_required
def concept_verdict(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = item_reviewable_get(request, pk, item_pk)
    error = ""
    try:
        review.concept_verdict_set(
            item=item,
            label=request.POST.get("label", ""),
            present=request.POST.get("present") == "1",
            by=request.user,
        )
    except review.ReviewRefused as refused:
        error = refused.message
    return _item_fragment(request, item, error=error)


@require_POST
@interviewer_required
def score_override(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = item_reviewable_get(request, pk, item_pk)
    form = OverrideForm(request.POST)
    error = ""
    if not form.is_valid():
        error = OVERRIDE_NOT_A_NUMBER_MESSAGE
    else:
        try:
            review.score_override_set(
                item=item,
                score=form.cleaned_data["score"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except review.ReviewRefused as refused:
            error = refused.message
    item.refresh_from_db()
    if not error:
        return _item_fragment(request, item)
    # A refused override keeps what was typed, so the interviewer only adds what was missing, and
    # says what is wrong beside the field at fault (tied to it for screen readers).
    typed = {
        "item_pk": item.pk,
        "score": request.POST.get("score", ""),
        "reason": request.POST.get("reason", ""),
        "field": OVERRIDE_FIELD_AT_FAULT.get(error, ""),
        "error": error,
    }
    return _item_fragment(request, item, error="" if typed["field"] else error, typed=typed)


@require_POST
@interviewer_required
def session_review(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_reviewable_get(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        # The transcript again with the form as typed, so nothing written is lost.
        notes_refused = "notes" in form.errors
        messages.error(
            request,
            NOTES_INVALID_MESSAGE if notes_refused else review.RECOMMENDATION_UNKNOWN_MESSAGE,
        )
        return render(request, TRANSCRIPT, _transcript_context(session, review_form=form))
    try:
        changed = review.session_review_update(
            session=session,
            notes=form.cleaned_data["notes"],
            recommendation=form.cleaned_data["recommendation"],
            by=request.user,
        )
        messages.success(request, "Review saved." if changed else "Nothing changed.")
    except review.ReviewRefused as refused:
        messages.error(request, refused.message)
    return redirect("interviewer:transcript", pk=session.pk)


@require_GET
@interviewer_required
def transcript_json(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_caught_up(request, pk)
    response = JsonResponse(transcript_data(session), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="transcript-{session.pk}.json"'
    return response


@require_GET
@interviewer_required
def transcript_csv_export(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_caught_up(request, pk)
    return csv_attachment(transcript_csv(session), filename=f"transcript-{session.pk}.csv")


@require_GET
@interviewer_required
def agreement(request: HttpRequest) -> HttpResponse:
    report = agreement_report(sessions_reviewable(request.user))
    return render(request, "interviews/interviewer/agreement.html", {"report": report})
