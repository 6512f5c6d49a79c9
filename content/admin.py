from django.contrib import admin
from django.template.defaultfilters import pluralize

from content.concepts import concepts_refresh
from content.models import Concept, ModelAnswer, Question, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "owner", "is_published", "shared_with_everyone", "updated_at"]
    list_filter = ["is_published", "shared_with_everyone"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["owner", "shared_with"]
    prepopulated_fields = {"slug": ["name"]}


class ModelAnswerInline(admin.StackedInline):
    model = ModelAnswer
    extra = 0


class ConceptInline(admin.TabularInline):
    model = Concept
    extra = 1
    fields = ["label", "variants", "weight", "tier", "negated", "origin", "is_active", "rank"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "topic", "position"]
    list_filter = ["topic"]
    search_fields = ["text", "slug"]
    inlines = [ModelAnswerInline, ConceptInline]
    actions = ["concepts_reextract"]

    @admin.action(description="Re-extract concepts")
    def concepts_reextract(self, request, queryset):
        questions = list(queryset.prefetch_related("model_answers"))
        for question in questions:
            concepts_refresh(question=question)
        self.message_user(
            request,
            f"Re-extracted the concepts of {len(questions)} question{pluralize(len(questions))}; "
            "curated ones kept.",
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Concept:
            # Same rule as ConceptAdmin.save_model: what a person edits or adds is curated.
            for concept_form in formset.forms:
                if concept_form.has_changed() and concept_form not in formset.deleted_forms:
                    concept_form.instance.origin = Concept.Origin.CURATED
        super().save_formset(request, form, formset, change)


@admin.register(ModelAnswer)
class ModelAnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "level", "posted_on"]
    list_filter = ["level", "question__topic"]
    search_fields = ["question__text", "text"]


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["label", "question", "tier", "weight", "negated", "origin", "is_active"]
    list_filter = ["tier", "origin", "is_active", "question__topic"]
    list_editable = ["weight", "tier", "is_active"]
    search_fields = ["label", "question__text"]

    def save_model(self, request, obj, form, change):
        # A person touched it: re-extraction must leave it as they set it.
        obj.origin = Concept.Origin.CURATED
        super().save_model(request, obj, form, change)
