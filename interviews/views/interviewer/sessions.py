"""Interviewer pages: the session list, building sessions, templates, and the live view."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from config.pagination import paginate
from interviews.access import interviewer_required, session_reviewable_get
from interviews.forms.interviewer import (
    SessionBuildForm,
    SessionFilterForm,
    TemplateUseForm,
    questions_moved,
)
from interviews.forms.time_limits import TimeMode
from interviews.models import SessionInvite, SessionTemplate
from interviews.selectors.sessions import (
    sessions_of_interviewer,
    sessions_running_of_interviewer,
)
from interviews.selectors.transcripts import (
    progress_of,
    session_progress,
    sessions_with_progress,
)
from interviews.services import (
    building,
    invites,
    session_catch_up,
    session_close,
    sessions_catch_up,
)

QUESTIONS_SHOWN = 50
BUILD_DEFAULTS = {"level": "expert", "time_mode": TimeMode.PER_ITEM, "minutes": "3"}
SESSION_CLOSED_MESSAGE = (
    "The interview is ended: the running answer was kept as last saved and the questions "
    "not reached were skipped."
)
SESSION_ALREADY_ENDED_MESSAGE = "The interview had already ended ({status}), so nothing changed."


@require_GET
@interviewer_required
def session_list(request: HttpRequest) -> HttpResponse:
    """The interviewer's sessions, filtered and sorted, a page at a time; htmx pages the list alone."""
    # As the live view does: a session whose last question ran out reads ended here too.
    sessions_catch_up(sessions=sessions_running_of_interviewer(request.user))
    form = SessionFilterForm(request.GET or None)
    if form.is_valid():
        order = SessionFilterForm.SORTS[form.cleaned_data["sort"] or "-created"]
        sessions = sessions_of_interviewer(request.user, filters=form.cleaned_data, order=order)
    else:
        sessions = sessions_of_interviewer(request.user)
    context = {"form": form, "pagination": paginate(request, sessions, noun_plural="sessions")}
    template = "interviews/interviewer/session_list.html"
    if _list_only(request):
        template += "#session-list"
    return render(request, template, context)


def _list_only(request: HttpRequest) -> bool:
    """An htmx request for a region, not htmx restoring a page it no longer holds in its history."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@require_http_methods(["GET", "POST"])
@interviewer_required
def session_build(request: HttpRequest) -> HttpResponse:
    """Pick or draw questions, set times and the candidate; create the session, a template, or both."""
    data = (request.POST if request.method == "POST" else request.GET).copy()
    for name, value in BUILD_DEFAULTS.items():
        data.setdefault(name, value)
    if request.method == "POST" and "move" in request.POST:
        data.setlist("questions", questions_moved(data.getlist("questions"), data["move"]))
    form = SessionBuildForm(data, user=request.user)
    action = request.POST.get("action", "search")
    if request.method == "POST" and form.is_valid() and action in {"create", "template", "draw"}:
        try:
            return _build_act(request, form, action)
        except building.PlanError as error:
            form.add_error(None, str(error))
    context = _build_context(form, request.user)
    if request.htmx:
        return render(
            request, "interviews/interviewer/session_build.html#question-results", context
        )
    return render(request, "interviews/interviewer/session_build.html", context)


def _build_act(request: HttpRequest, form: SessionBuildForm, action: str) -> HttpResponse:
    data = form.cleaned_data
    if action == "draw":
        drawn = building.questions_random(
            user=request.user,
            count=data["draw_count"] or 5,
            topic_slug=data["topic"],
            level=data["level"],
        )
        data = request.POST.copy()
        data.setlist("questions", [str(question.pk) for question in drawn])
        form = SessionBuildForm(data, user=request.user)
        form.is_valid()
        return render(
            request,
            "interviews/interviewer/session_build.html",
            _build_context(form, request.user),
        )
    per_item, total = form.time_limits()
    plan = building.SessionPlan(
        title=data["title"] or "Interview",
        level=data["level"],
        questions=list(data["questions"]),
        per_item_seconds=per_item,
        total_seconds=total,
        candidate_name=data["candidate_name"],
        candidate_email=data["candidate_email"],
        notes=data["notes"],
        hide_scores=data["hide_scores"],
    )
    if action == "template":
        template = building.template_create(
            interviewer=request.user, name=data["template_name"], plan=plan
        )
        messages.success(request, f"Saved the template “{template.name}”.")
        return redirect("interviewer:template_list")
    session = building.invited_session_create(interviewer=request.user, plan=plan)
    messages.success(request, "Session created. Send the invite link to the candidate.")
    return redirect("interviewer:session_detail", pk=session.pk)


def _build_context(form: SessionBuildForm, user) -> dict:
    form.is_valid()  # cleaned_data keeps the valid filters even when other fields are not
    data = form.cleaned_data
    selected = list(data.get("questions") or [])
    results = building.questions_search(
        user=user,
        text=data.get("search", "") or "",
        topic_slug=data.get("topic", "") or "",
        level=data.get("level", "") or "",
    ).exclude(pk__in=[q.pk for q in selected])[:QUESTIONS_SHOWN]
    return {"form": form, "selected": selected, "results": results}


@require_GET
@interviewer_required
def template_list(request: HttpRequest) -> HttpResponse:
    return _template_list(request)


def _template_list(
    request: HttpRequest, *, refused: tuple[int, TemplateUseForm] | None = None, status: int = 200
) -> HttpResponse:
    """The templates; `refused` is a template's form that was sent back, shown with what was
    typed and its errors, so a mistyped address loses nothing."""
    templates = list(SessionTemplate.objects.filter(created_by=request.user))
    questions = building.templates_questions(templates, user=request.user)
    refused_pk, refused_form = refused if refused else (None, None)
    context = {
        "templates": list(zip(templates, questions, strict=True)),
        "form": TemplateUseForm(),
        "refused_pk": refused_pk,
        "refused_form": refused_form,
    }
    return render(request, "interviews/interviewer/template_list.html", context, status=status)


@require_POST
@interviewer_required
def template_use(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(SessionTemplate, pk=pk, created_by=request.user)
    form = TemplateUseForm(request.POST)
    if not form.is_valid():
        return _template_list(request, refused=(template.pk, form), status=400)
    try:
        plan = building.plan_from_template(template, user=request.user, **form.cleaned_data)
        session = building.invited_session_create(interviewer=request.user, plan=plan)
    except building.PlanError as error:
        messages.error(request, str(error))
        return _template_list(request, refused=(template.pk, form), status=400)
    messages.success(request, f"Session created from “{template.name}”.")
    return redirect("interviewer:session_detail", pk=session.pk)


@require_GET
@interviewer_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The live view: polled by htmx every 3 s while the session runs (the fragment alone then)."""
    session = session_reviewable_get(request, pk)
    _catch_up(session)
    context = {"session": session, "progress": session_progress(session)}
    if request.htmx:
        # The poll carries the status the page was drawn for. Once the candidate starts or the
        # session ends, the invite, the question order and the end button around the progress
        # are out of date (an "End the interview now" on a finished session): draw it all again.
        drawn = request.GET.get("drawn")
        if drawn and drawn != session.status:
            return HttpResponseClientRefresh()
        return render(request, "interviews/interviewer/session_detail.html#progress", context)
    invite = SessionInvite.objects.filter(session=session).first()
    context["invite"] = invite
    context["order"] = session.items.select_related("question").order_by("position")
    if invite is not None:
        context["invite_url"] = request.build_absolute_uri(invite.get_absolute_url())
    return render(request, "interviews/interviewer/session_detail.html", context)


@require_GET
@interviewer_required
def live(request: HttpRequest) -> HttpResponse:
    """Every running session of this interviewer, with progress, refreshed by htmx polling.

    Invites nobody opened count as running, so the list grows: a page at a time, polled in place.
    """
    sessions_catch_up(sessions=sessions_running_of_interviewer(request.user))
    # Asked again: a session the catch-up ended leaves the list.
    running = sessions_running_of_interviewer(request.user)
    pagination = paginate(request, sessions_with_progress(running), noun_plural="sessions")
    context = {"pagination": pagination, "progress_list": progress_of(pagination.rows)}
    if _list_only(request):
        return render(request, "interviews/interviewer/live.html#live-list", context)
    return render(request, "interviews/interviewer/live.html", context)


def _catch_up(session) -> None:
    """Apply deadlines that passed while the candidate's browser was gone, so progress is true."""
    if session.is_running and session.started_at:
        session_catch_up(session=session)
        session.refresh_from_db()


@require_POST
@interviewer_required
def invite_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_reviewable_get(request, pk)
    invites.invite_revoke(invite=get_object_or_404(SessionInvite, session=session))
    messages.success(request, "The invite link no longer works.")
    return redirect("interviewer:session_detail", pk=session.pk)


@require_POST
@interviewer_required
def invite_renew(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_reviewable_get(request, pk)
    try:
        invites.invite_renew(invite=get_object_or_404(SessionInvite, session=session))
        messages.success(request, "A new invite link was made; the old one no longer works.")
    except invites.InviteRefused as error:
        messages.error(request, error.message)
    return redirect("interviewer:session_detail", pk=session.pk)


@require_POST
@interviewer_required
def session_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a running interview the candidate left: a confirmation page first, then a plain post."""
    session = session_reviewable_get(request, pk)
    _catch_up(session)
    if session.is_running and request.POST.get("confirm") != "yes":
        context = {"session": session, "progress": session_progress(session)}
        return render(request, "interviews/interviewer/session_end.html", context)
    if session.is_running and session_close(session=session, by=request.user):
        messages.success(request, SESSION_CLOSED_MESSAGE)
    else:
        status = session.get_status_display()
        messages.warning(request, SESSION_ALREADY_ENDED_MESSAGE.format(status=status))
    return redirect("interviewer:session_detail", pk=session.pk)


@require_POST
@interviewer_required
def session_item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Move a question up or down before the candidate starts (a plain form post)."""
    session = session_reviewable_get(request, pk)
    # Another session's question in this session's address is no question of this session.
    item = get_object_or_404(session.items, pk=item_pk)
    try:
        building.session_item_move(
            session=session, item_id=item.pk, direction=request.POST.get("direction", "")
        )
    except building.PlanError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('interviewer:session_detail', args=[session.pk])}#order")
