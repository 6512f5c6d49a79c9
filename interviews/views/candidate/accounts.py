"""Sign-up and where a login lands; logging in and out and passwords are django.contrib.auth's."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from interviews.access import is_interviewer
from interviews.forms.candidate import SignupForm

WELCOME_MESSAGE = "Welcome, {username}! Pick what to practise."


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account (every new user is a candidate) and log it in."""
    if request.user.is_authenticated:
        return redirect("interviews:practice_new")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, WELCOME_MESSAGE.format(username=user.get_username()))
        return redirect("interviews:practice_new")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """After a login without ?next=: interviewers to their sessions, everyone else home."""
    if is_interviewer(request.user):
        return redirect("interviewer:session_list")
    return redirect("interviews:home")
