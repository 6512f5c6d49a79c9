"""Admin for interview data. Interviewers are made by adding a user to the "Interviewer" group."""

from django.contrib import admin

from interviews.models import (
    InterviewSession,
    ReviewChange,
    SessionInvite,
    SessionItem,
    SessionTemplate,
    SessionTemplateQuestion,
)


class SessionTemplateQuestionInline(admin.TabularInline):
    model = SessionTemplateQuestion
    extra = 0
    raw_id_fields = ["question"]


@admin.register(SessionTemplate)
class SessionTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "level", "per_item_seconds", "total_seconds"]
    search_fields = ["name"]
    inlines = [SessionTemplateQuestionInline]


@admin.register(SessionInvite)
class SessionInviteAdmin(admin.ModelAdmin):
    list_display = ["session", "status", "expires_at", "accepted_at", "revoked_at"]
    readonly_fields = ["token", "accepted_at", "accepted_by", "created_at"]
    raw_id_fields = ["session"]


@admin.register(ReviewChange)
class ReviewChangeAdmin(admin.ModelAdmin):
    """The review log is evidence: readable in the admin, never edited there."""

    list_display = ["changed_at", "changed_by", "session", "field", "concept_label"]
    list_filter = ["field"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class SessionItemInline(admin.TabularInline):
    model = SessionItem
    extra = 0
    can_delete = False
    fields = ["position", "question", "status", "score", "score_override", "finished_at"]
    readonly_fields = fields


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    """Sessions are run through the app; the admin shows them for support and audits."""

    list_display = ["__str__", "kind", "status", "candidate", "created_by", "created_at"]
    list_filter = ["kind", "status", "level"]
    search_fields = ["title", "candidate__username", "candidate_name", "candidate_email"]
    raw_id_fields = ["candidate", "created_by"]
    readonly_fields = ["started_at", "deadline_at", "finished_at", "created_at"]
    inlines = [SessionItemInline]


@admin.register(SessionItem)
class SessionItemAdmin(admin.ModelAdmin):
    """The candidate's answer and its automatic score are evidence: read-only here."""

    list_display = ["session", "position", "question", "status", "score", "score_override"]
    list_filter = ["status"]
    search_fields = ["question__text", "answer_text"]
    raw_id_fields = ["session", "question"]
    readonly_fields = [
        "answer_text",
        "autosave_revision",
        "autosaved_at",
        "started_at",
        "deadline_at",
        "finished_at",
        "score",
        "semantic_scoring",
        "matched",
        "missed",
        "level_estimate",
        "feedback",
    ]
