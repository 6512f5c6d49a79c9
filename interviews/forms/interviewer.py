"""Forms of the interviewer pages; services do the work, forms only parse and validate input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F
from django.db.models.functions import Lower

from content.models import Level, Question, Topic
from interviews.forms.ids import IdsChoiceField
from interviews.forms.time_limits import TimeMode, time_limits
from interviews.models import InterviewSession

TIME_MINUTES_MISSING_MESSAGE = "Give the number of minutes, or choose no time limit."


def questions_moved(question_ids: list[str], move: str) -> list[str]:
    """Move one chosen question a place up or down: move is "up:<id>" or "down:<id>"."""
    direction, _, target = move.partition(":")
    ids = list(dict.fromkeys(question_ids))
    if target not in ids or direction not in ("up", "down"):
        return ids
    index = ids.index(target)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    return ids


class SessionBuildForm(forms.Form):
    title = forms.CharField(max_length=200, required=False)
    level = forms.ChoiceField(choices=Level.choices, initial=Level.EXPERT)
    search = forms.CharField(required=False, label="Search questions")
    topic = forms.ChoiceField(required=False, label="Topic")
    questions = IdsChoiceField(queryset=Question.objects.select_related("topic"), required=False)
    draw_count = forms.IntegerField(
        min_value=1, max_value=50, required=False, label="Number to draw at random"
    )
    time_mode = forms.ChoiceField(choices=TimeMode.choices, initial=TimeMode.PER_ITEM)
    minutes = forms.IntegerField(min_value=1, max_value=600, required=False, initial=3)
    candidate_name = forms.CharField(max_length=200, required=False)
    candidate_email = forms.EmailField(required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    hide_scores = forms.BooleanField(
        required=False,
        label="Hide scores from the candidate",
        help_text="They see only that each answer was submitted; you still see everything.",
    )
    template_name = forms.CharField(max_length=200, required=False, label="Template name")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the banks this interviewer may use: a posted id from another bank is invalid.
        self.fields["questions"].queryset = Question.objects.visible_to(user).select_related(
            "topic"
        )
        self.fields["topic"].choices = [("", "All topics")] + [
            (topic.slug, topic.name) for topic in Topic.objects.visible_to(user)
        ]

    def clean_questions(self) -> list[Question]:
        """The chosen questions in the order they were picked (the page lists them in that order)."""
        chosen = {question.pk: question for question in self.cleaned_data["questions"]}
        ordered = []
        for value in self.data.getlist("questions") if hasattr(self.data, "getlist") else []:
            question = chosen.pop(int(value), None) if value.isdigit() else None
            if question is not None:
                ordered.append(question)
        return ordered + list(chosen.values())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("time_mode") != TimeMode.NONE and not cleaned.get("minutes"):
            self.add_error("minutes", TIME_MINUTES_MISSING_MESSAGE)
        return cleaned

    def time_limits(self) -> tuple[int | None, int | None]:
        """(per_item_seconds, total_seconds) from the chosen mode and minutes."""
        minutes = self.cleaned_data.get("minutes")
        return time_limits(
            self.cleaned_data["time_mode"], per_item_minutes=minutes, total_minutes=minutes
        )


class TemplateUseForm(forms.Form):
    candidate_name = forms.CharField(max_length=200, required=False)
    candidate_email = forms.EmailField(required=False)
    # Set by the button shown when some of the template's banks are no longer the interviewer's.
    without_unavailable = forms.BooleanField(required=False)


class SessionFilterForm(forms.Form):
    # Sort key -> ORDER BY; sessions without a score yet go last either way.
    SORTS = {
        "-created": F("created_at").desc(),
        "created": F("created_at").asc(),
        "candidate": Lower("candidate_name").asc(),
        "-candidate": Lower("candidate_name").desc(),
        "-score": F("average_score").desc(nulls_last=True),
        "score": F("average_score").asc(nulls_last=True),
        "status": F("status").asc(),
    }
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *InterviewSession.Status.choices]
    )
    candidate = forms.CharField(required=False)
    date_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    score_min = forms.FloatField(required=False, min_value=0, max_value=100)
    score_max = forms.FloatField(required=False, min_value=0, max_value=100)
    sort = forms.ChoiceField(
        required=False,
        choices=[
            ("-created", "Newest first"),
            ("created", "Oldest first"),
            ("candidate", "Candidate A-Z"),
            ("-candidate", "Candidate Z-A"),
            ("-score", "Highest score"),
            ("score", "Lowest score"),
            ("status", "Status"),
        ],
    )


class GuestForm(forms.Form):
    name = forms.CharField(max_length=150, required=False, label="Your name")


class OverrideForm(forms.Form):
    score = forms.FloatField(required=False, label="Your score (0-100)")
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(forms.Form):
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 5}))
    recommendation = forms.ChoiceField(
        required=False, choices=InterviewSession.Recommendation.choices
    )


class ConceptForm(forms.Form):
    label = forms.CharField(max_length=200)
    variants = forms.CharField(required=False, help_text="Other wordings, separated by commas.")
    weight = forms.FloatField(min_value=0, max_value=10, initial=1.0)
    tier = forms.ChoiceField(choices=[("core", "Core"), ("advanced", "Advanced")])
    is_active = forms.BooleanField(required=False, initial=True, label="Scored")

    def clean_variants(self) -> list[str]:
        """'a, b ,, c' -> ['a', 'b', 'c']: other wordings are typed comma-separated."""
        return [part.strip() for part in self.cleaned_data["variants"].split(",") if part.strip()]

    def concept_fields(self) -> dict[str, Any]:
        """What adding and editing a concept both take, as the curation services name it."""
        return {name: self.cleaned_data[name] for name in ("label", "variants", "weight", "tier")}


class PreviewForm(forms.Form):
    answer = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 5}))
    level = forms.ChoiceField(choices=Level.choices, initial=Level.EXPERT)
