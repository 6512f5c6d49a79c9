"""A guest's account: keeping it (the password page) and logging out of it (a warning first).

A guest came in through an invite link and has no password: once they log out, or their login
session ends, nothing leads back to their interview (the link opens only once, so that it cannot
re-admit whoever finds it in a shared computer's history).
"""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from interviews.forms.guests import GuestKeepForm
from interviews.services.guests import GuestKeepRefused, guest_account_keep

KEPT_MESSAGE = (
    "Your account is yours to keep: from now on, log in as {username} with your password to get "
    "back to your interviews and results."
)

_password_change = PasswordChangeView.as_view()


@sensitive_post_parameters("password1", "password2")
@login_required
@require_http_methods(["GET", "POST"])
def password_page(request: HttpRequest) -> HttpResponse:
    """Everyone changes their password here (Django's view); a guest, who has none, keeps their
    account instead by choosing a username and a first password."""
    if request.user.has_usable_password():
        return _password_change(request)
    form = GuestKeepForm(request.user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            user = guest_account_keep(
                user=request.user,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
            )
        except GuestKeepRefused as refused:
            form.add_error("username", refused.message)
        else:
            # The new password changes the session's hash: keep this browser logged in.
            update_session_auth_hash(request, user)
            messages.success(request, KEPT_MESSAGE.format(username=user.get_username()))
            return redirect("interviews:history")
    return render(request, "registration/password_change_form.html", {"form": form})


@login_required
@require_safe
def logout_confirm(request: HttpRequest) -> HttpResponse:
    """The page a guest's "Log out" leads to: what they lose, a way to keep it, and the real
    log-out form (a POST, as Django's logout requires)."""
    return render(request, "registration/logout_confirm.html")
