"""The review log names who made each change: a person, "a deleted user", or "system"."""

import pytest
from django.urls import reverse

from interviews.models import ReviewChange
from interviews.selectors.exports import transcript_data
from interviews.services import review

pytestmark = pytest.mark.django_db


def test_a_change_by_a_since_deleted_account_says_a_deleted_user(
    client, finished_session, interviewer, staff
):
    item = finished_session.items.get(position=1)
    review.score_override_set(item=item, score=55, reason="Strong on layers", by=staff)
    review.session_review_update(
        session=finished_session,
        notes="Checked",
        recommendation=finished_session.recommendation,
        by=staff,
    )
    # The scorer's own re-score is logged by nobody.
    ReviewChange.objects.create(
        session=finished_session, item=item, field=ReviewChange.Field.RESCORE, old_value=1
    )
    staff.delete()

    changes = ReviewChange.objects.filter(session=finished_session)
    assert {change.field: change.changed_by_shown for change in changes} == {
        ReviewChange.Field.SCORE_OVERRIDE: "a deleted user",
        ReviewChange.Field.NOTES: "a deleted user",
        ReviewChange.Field.RESCORE: "system",
    }
    client.force_login(interviewer)
    body = client.get(reverse("interviewer:transcript", args=[finished_session.pk])).content
    body = body.decode()
    assert body.count("a deleted user") == 3  # under the item, and twice in the session's log
    # Under the item, in the session's log, and in the item's last re-score line.
    assert body.count("system") == 3
    exported = transcript_data(finished_session)["changes"]
    by = {change["field"]: (change["by"], change["by_deleted"]) for change in exported}
    assert by == {
        "score_override": (None, True),
        "notes": (None, True),
        "rescore": (None, False),
    }
