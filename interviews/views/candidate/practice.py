"""Setting up a practice session."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from interviews.forms.candidate import PracticeForm
from interviews.selectors.sessions import last_practice_level
from interviews.services import NotEnoughQuestions, practice_session_create, session_start


@login_required
@require_http_methods(["GET", "POST"])
def practice_new(request: HttpRequest) -> HttpResponse:
    """Choose topics, number, level, time limits and feedback; start at once."""
    form = PracticeForm(request.POST or None, initial={"level": last_practice_level(request.user)})
    if request.method == "POST" and form.is_valid():
        per_item_seconds, total_seconds = form.time_limits()
        try:
            session = practice_session_create(
                candidate=request.user,
                topics=list(form.cleaned_data["topics"]),
                count=form.cleaned_data["count"],
                level=form.cleaned_data["level"],
                per_item_seconds=per_item_seconds,
                total_seconds=total_seconds,
                feedback_mode=form.cleaned_data["feedback_mode"],
            )
        except NotEnoughQuestions as shortage:  # questions removed since the form was checked
            form.add_error("count", str(shortage))
        else:
            session_start(session=session)
            return redirect(session)
    return render(request, "interviews/candidate/practice_new.html", {"form": form})
