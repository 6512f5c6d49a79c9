"""The Interviewer group exists after migrate and grants exactly what interviewers need."""

import pytest
from django.contrib.auth.models import Group

from interviews.access import (
    INTERVIEWER_GROUP,
    INTERVIEWER_PERMISSIONS,
    interviewer_grant,
    is_interviewer,
)

pytestmark = pytest.mark.django_db


def test_migration_creates_interviewer_group_with_permissions():
    group = Group.objects.get(name=INTERVIEWER_GROUP)
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert held == set(INTERVIEWER_PERMISSIONS)


def test_grant_makes_a_candidate_an_interviewer(django_user_model):
    user = django_user_model.objects.create_user("cand@example.com", password="x")
    assert not is_interviewer(user)
    interviewer_grant(user=user)
    user = django_user_model.objects.get(pk=user.pk)  # fresh permission cache
    assert is_interviewer(user)
    assert user.has_perm("content.change_concept")


def test_staff_count_as_interviewers(django_user_model):
    staff = django_user_model.objects.create_user("staff@example.com", is_staff=True)
    assert is_interviewer(staff)


def test_anonymous_is_not_an_interviewer():
    from django.contrib.auth.models import AnonymousUser

    assert not is_interviewer(AnonymousUser())
