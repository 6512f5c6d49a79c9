from django.contrib import admin

from content.models import Concept, ModelAnswer, Question, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "source_name", "updated_at"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class ModelAnswerInline(admin.StackedInline):
    model = ModelAnswer
    extra = 0


class ConceptInline(admin.TabularInline):
    model = Concept
    extra = 1
    fields = ["label", "variants", "weight", "tier", "origin", "is_active", "rank"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "topic", "position"]
    list_filter = ["topic"]
    search_fields = ["text", "slug"]
    inlines = [ModelAnswerInline, ConceptInline]


@admin.register(ModelAnswer)
class ModelAnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "level", "posted_on"]
    list_filter = ["level", "question__topic"]
    search_fields = ["question__text", "text"]


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["label", "question", "tier", "weight", "origin", "is_active"]
    list_filter = ["tier", "origin", "is_active", "question__topic"]
    list_editable = ["weight", "tier", "is_active"]
    search_fields = ["label", "question__text"]

    def save_model(self, request, obj, form, change):
        # A person touched it: re-extraction must leave it as they set it.
        obj.origin = Concept.Origin.CURATED
        super().save_model(request, obj, form, change)
