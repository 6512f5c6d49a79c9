"""Forms of the bank pages: the upload form, and the authoring forms (content.authoring writes)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import ProhibitNullCharactersValidator
from django.template.defaultfilters import filesizeformat

from content.banks import name_holder, name_taken_message
from content.formats import FORMATS, document_parse, format_guess
from content.importer import bytes_text
from content.models import Question, Topic, is_author
from content.parsing import (
    ANSWER_MARKERS,
    ANSWER_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    QUESTIONS_MARKER,
    DocumentError,
    ParsedDocument,
    description_lines,
    question_line,
    structure_line,
)
from content.revisions import QuestionState

FORMAT_LABELS = {
    "seed": "Seed document (.txt)",
    "markdown": "Markdown (.md)",
    "csv": "CSV (.csv)",
    "json": "JSON (.json)",
}
TOO_LARGE = "This file is {size}; a bank upload may be at most {limit}."
EMPTY_FILE = "{name}: expected a question bank, found an empty file."
FORMAT_CHOICE = "a format chosen in the Format list"

NUL_MESSAGE = "Remove the NUL character (\\x00): it cannot be stored."
TEXT_TAKEN_MESSAGE = "This bank already has a question with exactly this wording."
COPY_WORDING_TAKEN_MESSAGE = (
    "This bank already has a question with exactly this wording: pick another bank, or adapt "
    "the question there."
)
EXPERT_REQUIRED_MESSAGE = "Write the expert answer: concepts are extracted from it."
UNKNOWN_USERS_MESSAGE = "No interviewer has the username {names}."
STRUCTURE_LINE_MESSAGE = (
    "The line “{line}” reads like the bank file's own markup (an answer heading, a posting date "
    "or an id): reword it, say by adding a word, so an export reads back the same."
)
DESCRIPTION_LINE_MESSAGE = (
    "A line of the description cannot read just “{line}”: bank files use that line to mark "
    "where the questions and answers start."
)


class BankUploadForm(forms.Form):
    # An empty file gets a message naming it (Django's own does not), from clean().
    file = forms.FileField(label="Bank file", allow_empty_file=True)
    format_name = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "From the file name"), *((name, FORMAT_LABELS[name]) for name in FORMATS)],
    )
    topic_name = forms.CharField(
        label="Topic (CSV only)",
        required=False,
        max_length=200,
        help_text="A CSV file has no topic line: name it here, or the file name is used.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        limit = settings.BANK_UPLOAD_MAX_BYTES
        if not upload.size:
            self.add_error("file", EMPTY_FILE.format(name=upload.name))
            return cleaned
        if upload.size > limit:
            size, most = filesizeformat(upload.size), filesizeformat(limit)
            self.add_error("file", TOO_LARGE.format(size=size, limit=most))
            return cleaned
        try:
            text = bytes_text(upload.read(), source=upload.name)
            format_name = cleaned.get("format_name") or format_guess(
                upload.name, format_choice=FORMAT_CHOICE
            )
            document = document_parse(
                text,
                source=upload.name,
                format_name=format_name,
                topic_name=cleaned.get("topic_name") or None,
            )
        except DocumentError as error:
            self.add_error("file", str(error))
            return cleaned
        cleaned.update(text=text, format_name=format_name, document=document)
        return cleaned

    @property
    def document(self) -> ParsedDocument:
        return self.cleaned_data["document"]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise forms.ValidationError(NUL_MESSAGE)
    return value


def _no_structure_line(value: str) -> str:
    """Refuse a line the seed format would read as its own structure, naming it."""
    for line in value.replace("\r", "\n").split("\n"):
        if structure_line(line):
            raise forms.ValidationError(STRUCTURE_LINE_MESSAGE.format(line=line.strip()))
    return value


class _TextField(forms.CharField):
    """Text with LF line ends, as it is stored, before the length limit counts it: a browser posts
    a textarea's line breaks as CRLF, so an answer saved at the limit could not be saved again.
    A NUL character gets one message, _no_nul's, which says what to do about it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value: object) -> str:
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


def _answer_field(label: str, *, rows: int) -> forms.CharField:
    """An answer as typed: optional here, its indentation kept (code blocks), no NUL."""
    return _TextField(
        label=label,
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        validators=[_no_nul, _no_structure_line],
    )


def _answer_tidied(answer: str) -> str:
    """As every bank file keeps an answer: LF line ends, no trailing spaces, no blank lines.

    Indentation of later lines stays (code). The page renders an answer line by line and skips blank lines, so
    nothing shown changes, and an export imported back finds the answer as it was.
    """
    lines = answer.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # The first line loses its indentation too: each file format reads the answer stripped.
    return "\n".join(line.rstrip() for line in lines if line.strip()).lstrip()


class TopicForm(forms.ModelForm):
    share_with = forms.CharField(
        required=False,
        label="Share with interviewers",
        help_text="Usernames, separated by commas. They may use its questions in their sessions.",
    )

    class Meta:
        model = Topic
        fields = ["name", "description", "shared_with_everyone", "is_published"]
        labels = {"shared_with_everyone": "Share with every interviewer"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A new bank is its author's; an edited one keeps its owner (staff edit others' too).
        self.user = user
        self.owner = self.instance.owner if self.instance.pk else user
        if self.instance.pk is None:
            # The model's defaults suit site banks; an interviewer's new bank starts private.
            self.initial.update(shared_with_everyone=False, is_published=False)
        if self.instance.pk and not self.is_bound:
            names = self.instance.shared_with.values_list("username", flat=True)
            self.initial["share_with"] = ", ".join(names)

    def clean_name(self) -> str:
        """A name no other bank of the same owner has, in any case: files find banks by it."""
        name = self.cleaned_data["name"]
        if self.instance.pk and name == self.instance.name:
            return name  # not renamed: saving the other fields is never refused for the name
        holder = name_holder(name=name, owner=self.owner, exclude=self.instance.pk)
        if holder is not None:
            raise forms.ValidationError(name_taken_message(holder, user=self.user))
        return name

    def clean_description(self) -> str:
        """Stored as the bank files keep it (stripped lines, no blank ones), so an export reads back
        the same; the page shows a description as one paragraph anyway."""
        lines = description_lines(self.cleaned_data["description"])
        for line in lines:
            if line in (QUESTIONS_MARKER, *ANSWER_MARKERS):
                raise forms.ValidationError(DESCRIPTION_LINE_MESSAGE.format(line=line))
        return "\n".join(lines)

    def clean_share_with(self) -> list:
        names = [
            name.strip() for name in self.cleaned_data["share_with"].split(",") if name.strip()
        ]
        users = {
            user.username: user for user in get_user_model().objects.filter(username__in=names)
        }
        unknown = [name for name in names if name not in users or not is_author(users[name])]
        if unknown:
            raise forms.ValidationError(UNKNOWN_USERS_MESSAGE.format(names=", ".join(unknown)))
        return list(users.values())

    def topic_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields}
        fields["shared_with"] = data["share_with"]
        return fields


class QuestionForm(forms.Form):
    text = _TextField(
        label="Question",
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_no_nul, _no_structure_line],
    )
    expert_answer = _answer_field("Expert answer", rows=14)
    beginner_answer = _answer_field("Beginner answer", rows=10)

    def __init__(self, *args, topic: Topic, question: Question | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.topic, self.question = topic, question

    def clean_text(self) -> str:
        # One line, as every bank file writes a question; a line break becomes a space.
        text = question_line(self.cleaned_data["text"])
        others = Question.objects.filter(topic=self.topic, text=text)
        if self.question is not None:
            others = others.exclude(pk=self.question.pk)
        if others.exists():
            raise forms.ValidationError(TEXT_TAKEN_MESSAGE)
        return text

    def clean_expert_answer(self) -> str:
        answer = self.cleaned_data["expert_answer"]
        if not answer.strip():
            raise forms.ValidationError(EXPERT_REQUIRED_MESSAGE)
        return _answer_tidied(answer)

    def clean_beginner_answer(self) -> str:
        return _answer_tidied(self.cleaned_data["beginner_answer"])

    def state(self) -> QuestionState:
        data = self.cleaned_data
        return QuestionState(data["text"], data["expert_answer"], data["beginner_answer"])


class CopyForm(forms.Form):
    topic = forms.ModelChoiceField(queryset=Topic.objects.none(), label="Into your bank")

    def __init__(self, *args, user, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["topic"].queryset = Topic.objects.editable_by(user)

    def clean_topic(self) -> Topic:
        # One wording once per bank, as the question form has it: an export must not repeat it.
        topic = self.cleaned_data["topic"]
        if topic.questions.filter(text=self.question.text).exists():
            raise forms.ValidationError(COPY_WORDING_TAKEN_MESSAGE)
        return topic
