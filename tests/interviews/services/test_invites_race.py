"""Five guests opening one invite link at the same moment: exactly one becomes the candidate."""

import pytest
from django.contrib.auth.models import AnonymousUser

from interviews.services.invites import INVITE_USED_MESSAGE, InviteRefused, invite_accept


@pytest.mark.django_db(transaction=True)
def test_simultaneous_accepts_let_exactly_one_person_in(
    invited_session, django_user_model, run_together
):
    token = invited_session.invite.token
    accepted, refused = [], []

    def accept(name):
        try:
            session, user = invite_accept(token=token, user=AnonymousUser(), guest_name=name)
            accepted.append(user.first_name)
        except InviteRefused as error:
            refused.append(error.message)

    _, errors = run_together(accept, [f"Guest {n}" for n in range(5)])

    assert errors == []
    assert len(accepted) == 1
    assert refused == [INVITE_USED_MESSAGE] * 4
    invited_session.refresh_from_db()
    assert invited_session.candidate.first_name == accepted[0]
    # Refused guests leave no account behind: the guest is made inside the winning transaction.
    assert django_user_model.objects.filter(username__startswith="guest-").count() == 1
