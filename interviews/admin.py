"""Admin for interview data. Interviewers are made by adding a user to the "Interviewer" group."""

from django.contrib import admin

from interviews.models import (
    ReviewChange,
    SessionInvite,
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
