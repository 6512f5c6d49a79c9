"""Sign-up and where a login lands; logging in and out and passwords are django.contrib.auth's."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from interviews.access import is_interviewer
from interviews.forms.candidate import SignupForm

WELCOME_MESSAGE = "Welcome, {username}! Pick what to practise."


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account (every new user is a candidate) and log it in; then on to ?next= as
    after a login, so a candidate sent to log in on the way to a page who signs up gets there."""
    next_url = _safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or "interviews:practice_new")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, WELCOME_MESSAGE.format(username=user.get_username()))
        return redirect(next_url or "interviews:practice_new")
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


def _safe_next(request: HttpRequest) -> str:
    """The ?next= (or posted next) when it stays on this site, as LoginView checks it; else ""."""
    next_url = request.POST.get("next") or request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if allowed else ""


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """After a login without ?next=: interviewers to their sessions, everyone else home."""
    if is_interviewer(request.user):
        return redirect("interviewer:session_list")
    return redirect("interviews:home")
