"""The concept curation page of one question: edit, add, deactivate, re-weight, preview, re-score."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from content import scoring
from content.concepts import answer_score
from content.models import Concept, Question
from content.rendering.highlight import highlight_concepts
from interviews.access import interviewer_required, sessions_reviewable
from interviews.forms.interviewer import ConceptForm, PreviewForm
from interviews.services import curation

RESCORE_SHOWN = 200
CONCEPT_FORM_INVALID_MESSAGE = "Check the concept: it needs a label and a weight from 0 to 10."


def _question_get(request: HttpRequest, slug: str, *, write: bool = False) -> Question:
    """A question of a bank the interviewer may use; to change its concepts, one they may curate."""
    questions = Question.objects.all()
    if write:
        questions = questions.curatable_by(request.user)
    else:
        questions = questions.visible_to(request.user)
    return get_object_or_404(
        questions.select_related("topic").prefetch_related("model_answers"), slug=slug
    )


def _page_context(request: HttpRequest, question: Question) -> dict:
    """What the whole page shows besides the preview: the concepts, and forms when they may change."""
    can_curate = Question.objects.curatable_by(request.user).filter(pk=question.pk).exists()
    return {
        "concepts": question.concepts.order_by("-is_active", "rank", "id"),
        "can_curate": can_curate,
        "add_form": ConceptForm(prefix="new"),
    }


@require_GET
@interviewer_required
def concepts(request: HttpRequest, slug: str) -> HttpResponse:
    question = _question_get(request, slug)
    context = {
        "question": question,
        "preview_form": PreviewForm(),
        **_page_context(request, question),
    }
    return render(request, "interviews/interviewer/concepts.html", context)


def _refused(
    request: HttpRequest, question: Question, message: str, *, add_form=None, edited=None
) -> HttpResponse:
    """The page again with what was typed, the reason beside the form that was refused."""
    context = {
        "question": question,
        "preview_form": PreviewForm(),
        **_page_context(request, question),
    }
    if add_form is not None:
        context.update(add_form=add_form, add_error=message)
    if edited is not None:
        concepts = list(context["concepts"])
        for concept in concepts:
            if concept.pk == edited:
                _typed_show(concept, request.POST)
                concept.edit_error = message
        context["concepts"] = concepts
    return render(request, "interviews/interviewer/concepts.html", context)


def _typed_show(concept: Concept, data) -> None:
    """Put a refused edit's fields on the (unsaved) row, so its form shows them as typed."""
    concept.label = data.get("label", "")
    concept.variants = [data["variants"]] if data.get("variants") else []
    concept.weight = data.get("weight", "")
    concept.tier = data.get("tier", concept.tier)
    concept.is_active = "is_active" in data


@require_POST
@interviewer_required
def concept_edit(request: HttpRequest, slug: str, concept_pk: int) -> HttpResponse:
    question = _question_get(request, slug, write=True)
    concept = get_object_or_404(Concept, pk=concept_pk, question=question)
    form = ConceptForm(request.POST)
    if not form.is_valid():
        return _refused(request, question, CONCEPT_FORM_INVALID_MESSAGE, edited=concept.pk)
    try:
        changed = curation.concept_update(
            concept=concept, **form.concept_fields(), is_active=form.cleaned_data["is_active"]
        )
    except curation.CurationRefused as error:
        return _refused(request, question, error.message, edited=concept.pk)
    if changed:
        messages.success(request, f"Saved “{concept.label}”. Re-score transcripts to apply it.")
    return redirect("interviewer:concepts", slug=slug)


@require_POST
@interviewer_required
def concept_add(request: HttpRequest, slug: str) -> HttpResponse:
    question = _question_get(request, slug, write=True)
    form = ConceptForm(request.POST, prefix="new")
    if not form.is_valid():
        return _refused(request, question, CONCEPT_FORM_INVALID_MESSAGE, add_form=form)
    try:
        concept = curation.concept_add(question=question, **form.concept_fields())
    except curation.CurationRefused as error:
        return _refused(request, question, error.message, add_form=form)
    messages.success(request, f"Added “{concept.label}”.")
    return redirect("interviewer:concepts", slug=slug)


@require_http_methods(["GET", "POST"])
@interviewer_required
def concept_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """How a sample answer scores against the current concepts; nothing is stored."""
    question = _question_get(request, slug)
    form = PreviewForm(request.POST or request.GET or None)
    result = error = None
    if form.is_valid() and form.cleaned_data["answer"].strip():
        answer = form.cleaned_data["answer"]
        try:
            score = answer_score(question=question, answer=answer, level=form.cleaned_data["level"])
            result = {"score": score, "highlighted": highlight_concepts(answer, score.matched)}
        except scoring.AnswerTooLong as too_long:
            error = str(too_long)
    context = {"question": question, "preview_form": form, "result": result, "error": error}
    if request.htmx:
        return render(request, "interviews/interviewer/concepts.html#preview", context)
    context.update(_page_context(request, question))
    return render(request, "interviews/interviewer/concepts.html", context)


@require_POST
@interviewer_required
def concepts_rescore(request: HttpRequest, slug: str) -> HttpResponse:
    """Re-score this question's finished answers (in sessions this interviewer may see)."""
    question = _question_get(request, slug)
    sessions = sessions_reviewable(request.user)
    results = curation.transcripts_rescore(question=question, sessions=sessions, by=request.user)
    earlier = curation.answers_to_earlier_wordings(question=question, sessions=sessions)
    # A page of its own, not a list to page through: the answers that moved come first, and past
    # RESCORE_SHOWN rows the rest are counted, each change being in its transcript's review log.
    moved = [result for result in results if result.changes]
    shown = [*moved, *(result for result in results if not result.changes)][:RESCORE_SHOWN]
    earlier_shown = list(earlier[:RESCORE_SHOWN])
    context = {
        "question": question,
        "results": shown,
        "rescored_count": len(results),
        "moved_count": len(moved),
        "unlisted_count": len(results) - len(shown),
        "earlier": earlier_shown,
        "earlier_unlisted_count": earlier.count() - len(earlier_shown) if earlier_shown else 0,
    }
    return render(request, "interviews/interviewer/rescore.html", context)
