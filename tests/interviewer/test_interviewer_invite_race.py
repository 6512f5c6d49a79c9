"""Five guests opening one invite link at the same moment: exactly one becomes the candidate."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections

from interviews.interviewer.invites import INVITE_USED_MESSAGE, InviteRefused, invite_accept


@pytest.mark.django_db(transaction=True)
def test_simultaneous_accepts_let_exactly_one_person_in(invited_session, django_user_model):
    token = invited_session.invite.token
    barrier = threading.Barrier(5)
    accepted, refused, errors = [], [], []

    def accept(name):
        try:
            barrier.wait(timeout=10)
            session, user = invite_accept(token=token, user=AnonymousUser(), guest_name=name)
            accepted.append(user.first_name)
        except InviteRefused as error:
            refused.append(error.message)
        except Exception as error:  # the assertion below reports it
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(f"Guest {n}",)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(accepted) == 1
    assert refused == [INVITE_USED_MESSAGE] * 4
    invited_session.refresh_from_db()
    assert invited_session.candidate.first_name == accepted[0]
    # Refused guests leave no account behind: the guest is made inside the winning transaction.
    assert django_user_model.objects.filter(username__startswith="guest-").count() == 1
