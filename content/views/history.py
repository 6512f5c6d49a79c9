"""A question's revisions with their diffs, and restoring an earlier one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from config.pagination import paginate
from content import authoring
from content.access import author_required, question_editable_get
from content.revisions import revision_changes

# Fewer than a list's rows: each revision shows its whole diff.
HISTORY_PER_PAGE = 20


@require_GET
@author_required
def question_history(request: HttpRequest, slug: str) -> HttpResponse:
    """The question's revisions, newest first, a page at a time, each with its diff."""
    question = question_editable_get(request.user, slug)
    revisions = question.revisions.select_related("author").order_by("-number")
    pagination = paginate(request, revisions, noun_plural="revisions", per_page=HISTORY_PER_PAGE)
    changes = revision_changes(question, newest_first=pagination.rows)
    context = {"question": question, "changes": changes, "pagination": pagination}
    return render(request, "content/question_history.html", context)


@require_POST
@author_required
def revision_restore(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    question = question_editable_get(request.user, slug)
    revision = get_object_or_404(question.revisions, number=number)
    try:
        restored = authoring.revision_restore(revision=revision, author=request.user)
    except authoring.RestoreRefused as refused:
        messages.error(request, str(refused))
    else:
        if restored:
            messages.success(request, f"Restored revision {number} as a new revision.")
        else:
            messages.info(request, f"Revision {number} is already the current text.")
    return redirect("content:question_history", slug=question.slug)
