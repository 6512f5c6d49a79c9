"""Roles: candidates (every user), interviewers (a group with permissions) and staff (see all)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission

INTERVIEWER_GROUP = "Interviewer"
RUN_INTERVIEWS = "interviews.run_interviews"

# (app_label, codename) pairs the interviewer group holds.
INTERVIEWER_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("interviews", "run_interviews"),
    ("interviews", "add_sessiontemplate"),
    ("interviews", "change_sessiontemplate"),
    ("interviews", "delete_sessiontemplate"),
    ("interviews", "view_sessiontemplate"),
    ("content", "view_question"),
    ("content", "add_concept"),
    ("content", "change_concept"),
    ("content", "view_concept"),
)


def interviewer_group_ensure() -> Group:
    """Create the interviewer group if needed and give it exactly its permissions."""
    group, _ = Group.objects.get_or_create(name=INTERVIEWER_GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in INTERVIEWER_PERMISSIONS
    ]
    group.permissions.add(*wanted)
    return group


def is_interviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for users who may run interviews: the interviewer group, staff and superusers."""
    return user.is_authenticated and (user.is_staff or user.has_perm(RUN_INTERVIEWS))


def interviewer_grant(*, user: AbstractBaseUser) -> None:
    """Put a user in the interviewer group."""
    user.groups.add(interviewer_group_ensure())
