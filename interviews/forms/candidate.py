"""Forms of the candidate's pages: sign-up, the practice set-up, and what an answer post carries."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.db.models import Count, Q

from content.models import Level, Topic
from interviews.forms.ids import IdsChoiceField
from interviews.forms.time_limits import TimeMode, time_limits
from interviews.models import InterviewSession
from interviews.models.sessions import REVISION_MAX
from interviews.services import BAD_REVISION_MESSAGE

TOPIC_REQUIRED_MESSAGE = "Pick at least one topic."
PER_ITEM_REQUIRED_MESSAGE = "Give the minutes per question, or choose another time limit."
TOTAL_REQUIRED_MESSAGE = "Give the minutes for the whole session, or choose another time limit."
TOO_FEW_QUESTIONS_MESSAGE = (
    "The chosen topics have {available} question{plural}: ask for {available} or fewer, "
    "or pick more topics."
)

EMAIL_TAKEN_MESSAGE = (
    "An account already uses this email address. Log in, or reset your password if you forgot it."
)
ANSWER_NUL_MESSAGE = (
    "The answer contains a NUL character (\\0), which cannot be stored. "
    "Remove it (it often comes from pasting binary data) and save again."
)


class AnswerPostForm(forms.Form):
    """What an autosave or a submit posts: the answer text and its revision number."""

    revision = forms.IntegerField(
        min_value=0,
        max_value=REVISION_MAX,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), BAD_REVISION_MESSAGE
        ),
    )
    answer_text = forms.CharField(
        required=False,
        strip=False,
        error_messages={"null_characters_not_allowed": ANSWER_NUL_MESSAGE},
    )

    def __init__(self, *args, revision_required: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["revision"].required = revision_required

    def clean_answer_text(self) -> str:
        """The text with plain line breaks: browsers send each as CR LF, two characters, while
        the answer box counted one against its maxlength, so a text it accepted came over the cap."""
        return self.cleaned_data["answer_text"].replace("\r\n", "\n")

    def refusal(self) -> str:
        """The first problem, worded for the candidate."""
        return next(iter(self.errors.values()))[0]


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For resetting your password. Never shown to anyone.")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self) -> str:
        """One account per address, whatever its case: an address is how an admin finds a person."""
        email = self.cleaned_data["email"]
        owners = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        if owners.exists():
            raise forms.ValidationError(EMAIL_TAKEN_MESSAGE)
        return email


def practice_level_field() -> forms.ChoiceField:
    """The level a candidate picks for a practice session, as every practice set-up offers it."""
    return forms.ChoiceField(
        choices=Level.choices,
        initial=Level.EXPERT,
        widget=forms.RadioSelect,
        help_text="Which model answer and key concepts your answers are judged against.",
    )


def per_item_minutes_field(*, help_text: str = "") -> forms.IntegerField:
    """The minutes a candidate may take for each question of a practice session."""
    return forms.IntegerField(
        label="Minutes per question",
        min_value=1,
        max_value=60,
        initial=3,
        required=False,
        help_text=help_text,
    )


class PracticeForm(forms.Form):
    topics = IdsChoiceField(
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": TOPIC_REQUIRED_MESSAGE},
    )
    count = forms.IntegerField(label="Number of questions", min_value=1, max_value=30, initial=5)
    level = practice_level_field()
    time_mode = forms.ChoiceField(
        label="Time limit",
        choices=TimeMode.choices,
        initial=TimeMode.PER_ITEM,
        widget=forms.RadioSelect,
    )
    per_item_minutes = per_item_minutes_field()
    total_minutes = forms.IntegerField(
        label="Minutes for the whole session",
        min_value=1,
        max_value=600,
        initial=20,
        required=False,
    )
    feedback_mode = forms.ChoiceField(
        label="Show feedback",
        choices=InterviewSession.FeedbackMode.choices,
        initial=InterviewSession.FeedbackMode.AFTER_EACH,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Candidates practise only on banks published for practice.
        topics = (
            Topic.objects.published()
            .annotate(question_count=Count("questions"))
            .filter(question_count__gt=0)
        )
        self.fields["topics"].queryset = topics
        self.fields["topics"].label_from_instance = lambda topic: (
            f"{topic.name} ({topic.question_count})"
        )

    def clean(self) -> dict:
        data = super().clean()
        mode = data.get("time_mode")
        if mode == TimeMode.PER_ITEM and not data.get("per_item_minutes"):
            self.add_error("per_item_minutes", PER_ITEM_REQUIRED_MESSAGE)
        if mode == TimeMode.TOTAL and not data.get("total_minutes"):
            self.add_error("total_minutes", TOTAL_REQUIRED_MESSAGE)
        topics, count = data.get("topics"), data.get("count")
        if topics and count:
            available = sum(topic.question_count for topic in topics)
            if count > available:
                plural = "" if available == 1 else "s"
                self.add_error(
                    "count", TOO_FEW_QUESTIONS_MESSAGE.format(available=available, plural=plural)
                )
        return data

    def time_limits(self) -> tuple[int | None, int | None]:
        """(per_item_seconds, total_seconds) from the chosen mode."""
        return time_limits(
            self.cleaned_data["time_mode"],
            per_item_minutes=self.cleaned_data.get("per_item_minutes"),
            total_minutes=self.cleaned_data.get("total_minutes"),
        )
