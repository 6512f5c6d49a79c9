"""Forms for practice on decided questions: the due reviews and the candidate's own picks."""

from __future__ import annotations

from django import forms

from interviews.forms.candidate import per_item_minutes_field, practice_level_field
from interviews.forms.ids import IdsChoiceField
from interviews.services.learning import (
    QUESTION_UNAVAILABLE_MESSAGE,
    REVIEW_MAX_QUESTIONS,
    PracticeSettings,
)

QUESTIONS_REQUIRED_MESSAGE = "Pick at least one question."


class QuestionsPracticeForm(forms.Form):
    """Level and time per question; feedback comes after each answer, as practice wants."""

    level = practice_level_field()
    per_item_minutes = per_item_minutes_field(help_text="Leave empty for no time limit.")

    def practice_settings(self) -> PracticeSettings:
        minutes = self.cleaned_data.get("per_item_minutes")
        return PracticeSettings(
            level=self.cleaned_data["level"], per_item_seconds=minutes * 60 if minutes else None
        )


class ReviewForm(QuestionsPracticeForm):
    count = forms.IntegerField(
        label="Questions at most",
        min_value=1,
        max_value=REVIEW_MAX_QUESTIONS,
        initial=10,
        help_text="The most overdue come first.",
    )


class ChosenForm(QuestionsPracticeForm):
    questions = IdsChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": QUESTIONS_REQUIRED_MESSAGE,
            "invalid_choice": QUESTION_UNAVAILABLE_MESSAGE,
            "invalid_pk_value": QUESTION_UNAVAILABLE_MESSAGE,
        },
    )

    def __init__(self, *args, questions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questions"].queryset = questions
        self.fields["questions"].label_from_instance = lambda question: question.text
