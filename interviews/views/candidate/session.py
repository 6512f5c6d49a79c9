"""The interview page: one view per action, each answering htmx with the #stage fragment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from config.busy import retry_when_database_busy
from content.scoring import MAX_ANSWER_CHARS
from interviews import state
from interviews.access import questions_held_for_interview, session_own_get
from interviews.forms.candidate import AnswerPostForm
from interviews.forms.ids import number_read
from interviews.models import InterviewSession, SessionItem
from interviews.selectors.attempts import progress_attach
from interviews.selectors.sessions import session_score
from interviews.selectors.transcripts import model_answers_attach
from interviews.services import (
    DEADLINE_PASSED_MESSAGE,
    ITEM_CLOSED_MESSAGE,
    NEWER_TEXT_KEPT_MESSAGE,
    AnswerRefused,
    FinishResult,
    ItemNotFound,
    answer_autosave,
    item_activate,
    item_finish,
    session_abandon,
    session_catch_up,
    session_start,
)
from interviews.timing import remaining_seconds
from interviews.views.candidate.late_text import (
    late_text,
    late_text_keep,
    late_text_nul_shown,
    late_text_take,
    login_back_to_session,
)

Item = SessionItem.Status

SESSION_TIME_UP_MESSAGE = (
    "The time for this session is up, so no further question starts: the questions not reached "
    "are skipped."
)


NUL_SUBMIT_REFUSED_MESSAGE = (
    "Your answer was not submitted: it contains a NUL character (\\0), which cannot be stored. "
    "Your text is below, with it shown as \ufffd: copy it into the answer box without it, "
    "and submit again."
)


NUL_END_REFUSED_MESSAGE = (
    "Your latest text was not saved: it contains a NUL character (\\0), which cannot be stored, "
    "so the answer saved before it stands. Your text is below, with it shown as \ufffd."
)


def _warn_seconds(limit: int | None) -> int:
    return 30 if limit is None else min(30, max(3, limit // 3))


def _held_question_ids(session: InterviewSession) -> set[int]:
    """Questions whose feedback must wait: the candidate has yet to answer them in an interview."""
    held = questions_held_for_interview(session.candidate)
    return set(held.values_list("question_id", flat=True))


def stage_context(session: InterviewSession, *, notice: str = "", late: dict | None = None) -> dict:
    """What the #stage region shows: the running question, or the feedback of the last one."""
    items = list(
        session.items.select_related("question").prefetch_related("question__model_answers")
    )
    active = next((item for item in items if item.status == Item.ACTIVE), None)
    answered = [item for item in items if item.status in state.ITEM_ANSWERED]
    model_answers_attach(answered[-1:])
    context = {
        "session": session,
        "item": active,
        "total": len(items),
        "notice": notice,
        "late_text": late,
        "last": _with_progress(answered[-1:], session, shown=active is None),
        "show_feedback": (
            session.feedback_mode == InterviewSession.FeedbackMode.AFTER_EACH
            and not session.hide_scores
        ),
        "has_pending": any(item.status == Item.PENDING for item in items),
        "max_answer_chars": MAX_ANSWER_CHARS,
        "max_answer_chars_shown": f"{MAX_ANSWER_CHARS:,}",
        "held_question_ids": _held_question_ids(session),
    }
    now = timezone.now()
    if active is not None:
        context["remaining_seconds"] = remaining_seconds(active.deadline_at, now=now)
        context["warn_seconds"] = _warn_seconds(active.limit_seconds)
        context["next_revision"] = active.autosave_revision + 1
    elif session.is_running and session.deadline_at is not None:
        # Between questions the session's own time keeps running while the feedback is read.
        context["session_remaining_seconds"] = remaining_seconds(session.deadline_at, now=now)
        context["warn_seconds"] = _warn_seconds(session.total_seconds)
    return context


def _with_progress(
    last: list[SessionItem], session: InterviewSession, *, shown: bool
) -> SessionItem | None:
    """The last answered item, compared with earlier attempts when its feedback is on screen."""
    if shown and session.feedback_mode == InterviewSession.FeedbackMode.AFTER_EACH:
        progress_attach(last, candidate_id=session.candidate_id)
    return last[0] if last else None


def _stage_response(
    request: HttpRequest, session: InterviewSession, *, notice: str = "", late: dict | None = None
):
    """htmx gets the fresh #stage; a plain form post is redirected back to the page (PRG).
    `late` is a refused text to show back (late_text)."""
    session.refresh_from_db()
    finished_at_end = (
        not session.is_running and session.feedback_mode == InterviewSession.FeedbackMode.AT_END
    )
    if request.htmx:
        if finished_at_end:
            # The results page is the next one shown: the notice and the text go there.
            if notice:
                messages.warning(request, notice)
            late_text_keep(request, session, late)
            return HttpResponseClientRedirect(
                redirect("interviews:session_results", pk=session.pk).url
            )
        return render(
            request,
            "interviews/candidate/session.html#stage",
            stage_context(session, notice=notice, late=late),
        )
    if notice:
        messages.warning(request, notice)
    late_text_keep(request, session, late)
    return redirect(session)


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The interview page; deadlines that passed while the candidate was away apply first."""
    session = session_own_get(request, pk)
    session_catch_up(session=session)
    if not session.is_running:
        results = redirect("interviews:session_results", pk=session.pk)
        return HttpResponseClientRedirect(results.url) if request.htmx else results
    template = (
        "interviews/candidate/session.html#stage"
        if request.htmx
        else "interviews/candidate/session.html"
    )
    return render(request, template, stage_context(session, late=late_text_take(request, session)))


@require_POST
@login_back_to_session
def session_begin(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_own_get(request, pk)
    session_start(session=session)
    return _stage_response(request, session)


@require_POST
@login_back_to_session
@retry_when_database_busy
def item_submit(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Submit the answer (the button, or the browser's timer at zero)."""
    session = session_own_get(request, pk)
    item = get_object_or_404(session.items, position=position)
    form = AnswerPostForm(request.POST, revision_required=False)
    if not form.is_valid():
        if "answer_text" in form.errors and not request.htmx:
            # Without JavaScript nothing would show a bare 400: the page comes back instead,
            # with the text to copy (NUL made visible, so the copy can be stored).
            late = late_text_nul_shown(position, request.POST["answer_text"])
            return _stage_response(request, session, notice=NUL_SUBMIT_REFUSED_MESSAGE, late=late)
        return HttpResponseBadRequest(form.refusal(), content_type="text/plain; charset=utf-8")
    # No answer_text at all means "as autosaved"; an empty one is an empty answer.
    text = form.cleaned_data["answer_text"] if "answer_text" in request.POST else None
    revision = form.cleaned_data["revision"]
    try:
        result = item_finish(item_id=item.pk, text=text, revision=revision)
    except AnswerRefused as refused:
        return _stage_response(request, session, notice=refused.message)
    notice, late = _text_not_kept(result, position=position, text=text)
    session.refresh_from_db()
    if session.is_running and session.feedback_mode == InterviewSession.FeedbackMode.AT_END:
        item_activate(session=session)
    return _stage_response(request, session, notice=notice, late=late)


@require_POST
@login_back_to_session
def item_next(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the next question; its clock starts now, not while the feedback was read."""
    session = session_own_get(request, pk)
    session_catch_up(session=session)
    item_activate(session=session)
    session.refresh_from_db()
    # Past the session's deadline no question starts (the page's clock sends this at zero).
    expired = session.status == InterviewSession.Status.EXPIRED
    return _stage_response(request, session, notice=SESSION_TIME_UP_MESSAGE if expired else "")


@require_POST
@login_back_to_session
def session_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop early: the running answer is submitted as on screen, the rest skipped."""
    session = session_own_get(request, pk)
    if session.is_running:
        on_screen = _answer_on_screen(request)
        if refused_text := _nul_text_on_screen(request):
            messages.warning(request, NUL_END_REFUSED_MESSAGE)
            late_text_keep(request, session, refused_text)
        try:
            finished = session_abandon(session=session, **on_screen)
        except AnswerRefused as refused:  # refused before anything changed: end as saved
            messages.warning(request, refused.message)
            session_abandon(session=session)
        else:
            notice, shown = _text_not_kept(
                finished, position=on_screen.get("position", 0), text=on_screen.get("text")
            )
            if notice:
                messages.warning(request, notice)
                late_text_keep(request, session, shown)
    url = redirect("interviews:session_results", pk=session.pk).url
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
@login_back_to_session
def session_end_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """End session without JavaScript asks here first (htmx asks in the page). The answer on
    screen is saved now, so going back to the question loses nothing, and ending keeps it."""
    session = session_own_get(request, pk)
    session_catch_up(session=session)
    if not session.is_running:
        return redirect("interviews:session_results", pk=session.pk)
    on_screen = _answer_on_screen(request)
    notice, late = "", None
    if on_screen and on_screen["revision"] is not None:
        items = session.items.filter(position=on_screen["position"])
        try:
            answer_autosave(items=items, text=on_screen["text"], revision=on_screen["revision"])
        except AnswerRefused as refused:
            notice, late = refused.message, late_text(on_screen["position"], on_screen["text"])
        except ItemNotFound:
            raise Http404 from None
    elif late := _nul_text_on_screen(request):
        notice = NUL_END_REFUSED_MESSAGE
    context = {
        "session": session,
        "answering": session.items.filter(status=Item.ACTIVE).exists(),
        "notice": notice,
        "late_text": late,
    }
    return render(request, "interviews/candidate/session_end.html", context)


def _text_not_kept(
    result: FinishResult | None, *, position: int, text: str | None
) -> tuple[str, dict | None]:
    """Why the text sent for question `position` is not the answer kept, and that text to show
    back; no notice when it was kept, or when nothing was finished."""
    if result is None or text is None:
        return "", None
    if result.text_refused:
        return DEADLINE_PASSED_MESSAGE, late_text(position, text)
    same_question = result.item.position == position
    if same_question and text == result.item.answer_text:
        return "", None
    # Finished now with another text: another tab or device had saved a newer revision.
    newer_kept = result.finished_now and same_question
    return NEWER_TEXT_KEPT_MESSAGE if newer_kept else ITEM_CLOSED_MESSAGE, late_text(position, text)


def _answer_on_screen(request: HttpRequest) -> dict:
    """The answer form's fields when End session sent them (htmx includes them; without
    JavaScript the button submits the answer form), so words typed since the last autosave count."""
    form = AnswerPostForm(request.POST, revision_required=False)
    position = number_read(request.POST.get("position", ""))
    if "answer_text" not in request.POST or position is None or not form.is_valid():
        return {}
    return {
        "position": position,
        "text": form.cleaned_data["answer_text"],
        "revision": form.cleaned_data["revision"],
    }


def _nul_text_on_screen(request: HttpRequest) -> dict | None:
    """The answer End session sent, when its NUL character kept it from counting: the text to
    show back, the NUL made visible so that a copy of it can be stored."""
    position = number_read(request.POST.get("position", ""))
    if "\x00" not in request.POST.get("answer_text", "") or position is None:
        return None
    return late_text_nul_shown(position, request.POST["answer_text"])


@login_required
def session_results(request: HttpRequest, pk: int) -> HttpResponse:
    """Total, per-question scores, time used against each limit, and every feedback."""
    session = session_own_get(request, pk)
    session_catch_up(session=session)
    if session.is_running:
        return redirect(session)
    items = list(
        session.items.select_related("question").prefetch_related("question__model_answers")
    )
    progress_attach(items, candidate_id=session.candidate_id)
    model_answers_attach(items)
    context = {
        "session": session,
        "items": items,
        "total": session_score(session),
        "held_question_ids": _held_question_ids(session),
        "late_text": late_text_take(request, session),
    }
    return render(request, "interviews/candidate/results.html", context)
