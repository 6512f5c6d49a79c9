"""The form a guest keeps their account with: a username (or email) and a password."""

from __future__ import annotations

import copy

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.contrib.auth.validators import UnicodeUsernameValidator

from interviews.services.guests import USERNAME_TAKEN_MESSAGE, username_taken


class GuestKeepForm(SetPasswordMixin, forms.Form):
    username = forms.CharField(
        label="Username or email address",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="You log in with it. Letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, user, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if username_taken(username, user=self.user):
            raise forms.ValidationError(USERNAME_TAKEN_MESSAGE)
        return username

    def clean(self) -> dict:
        self.validate_passwords()
        # Django's similarity rule compares the password with the username being chosen, not
        # with the guest-… one it replaces; a copy, so the page keeps showing who is logged in.
        chosen = copy.copy(self.user)
        chosen.username = self.cleaned_data.get("username", "")
        self.validate_password_for_user(chosen)
        return super().clean()
