"""Staff can read interviewer data in the admin; the review log cannot be edited there."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_lists_invites_templates_and_the_read_only_review_log(
    client, admin_user, finished_session
):
    client.force_login(admin_user)
    for name in ("sessioninvite", "sessiontemplate", "reviewchange"):
        assert client.get(reverse(f"admin:interviews_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:interviews_reviewchange_add")).status_code == 403


def test_admin_grants_the_interviewer_role_through_the_group(client, admin_user, candidate):
    from django.contrib.auth.models import Group

    from interviews.access import INTERVIEWER_GROUP, is_interviewer

    client.force_login(admin_user)
    group = Group.objects.get(name=INTERVIEWER_GROUP)
    page = client.get(reverse("admin:auth_user_change", args=[candidate.pk])).content.decode()
    assert f'value="{group.pk}"' in page
    candidate.groups.add(group)
    assert is_interviewer(type(candidate).objects.get(pk=candidate.pk))
