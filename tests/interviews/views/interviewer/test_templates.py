"""A saved template checks, when used, that its interviewer may still use each bank it draws from."""

import pytest
from django.urls import reverse

from content.authoring import question_create, topic_create
from content.models import Topic
from content.revisions import QuestionState
from interviews.models import InterviewSession
from interviews.services import building

pytestmark = pytest.mark.django_db

TEMPLATES = reverse("interviewer:template_list")
GO_QUESTION = "How does a goroutine differ from a thread?"


@pytest.fixture
def go_bank(other_interviewer, interviewer):
    """Oscar's bank, shared with Ivy."""
    topic = topic_create(owner=other_interviewer, name="Go basics", shared_with=[interviewer])
    state = QuestionState(GO_QUESTION, "Goroutines are scheduled by the Go runtime.")
    question_create(topic=topic, author=other_interviewer, state=state)
    return topic


@pytest.fixture
def template(interviewer, bank, go_bank):
    plan = building.SessionPlan(
        title="Mixed screen", level="expert", questions=[bank[0], *go_bank.questions.all()]
    )
    return building.template_create(interviewer=interviewer, name="Mixed screen", plan=plan)


def use(client, template, **fields):
    url = reverse("interviewer:template_use", args=[template.pk])
    return client.post(url, {"candidate_name": "Dee", **fields}, follow=True)


def test_a_template_whose_banks_are_all_usable_creates_the_whole_session(
    client, interviewer, template, bank
):
    client.force_login(interviewer)
    page = client.get(TEMPLATES).content.decode()
    assert GO_QUESTION in page and "no longer use" not in page
    use(client, template)
    asked = InterviewSession.objects.get().items.order_by("position")
    assert [item.asked_text for item in asked] == [bank[0].text, GO_QUESTION]


@pytest.mark.parametrize(("questions", "says"), [(1, "· 1 question</p>"), (2, "· 2 questions</p>")])
def test_the_template_list_counts_the_questions_in_words(
    client, interviewer, bank, questions, says
):
    plan = building.SessionPlan(title="Screen", level="expert", questions=bank[:questions])
    building.template_create(interviewer=interviewer, name="Screen", plan=plan)
    client.force_login(interviewer)
    assert says in client.get(TEMPLATES).content.decode()


def lose_by_unsharing(go_bank, bank):
    go_bank.shared_with.clear()


def lose_by_unpublishing(go_bank, bank):
    # The same bank made a site bank that staff then unpublish and stop sharing.
    Topic.objects.filter(pk=go_bank.pk).update(
        owner=None, is_published=False, shared_with_everyone=False
    )
    go_bank.shared_with.clear()


@pytest.mark.parametrize("lose_access", [lose_by_unsharing, lose_by_unpublishing])
def test_a_bank_no_longer_usable_is_named_and_its_questions_never_handed_out(
    client, interviewer, template, go_bank, bank, lose_access
):
    lose_access(go_bank, bank)
    client.force_login(interviewer)

    response = use(client, template)
    body = response.content.decode()
    assert (
        "1 question of this template comes from a bank you can no longer use: “Go basics”. "
        "Create the session without it, or build a new template."
    ) in body
    assert not InterviewSession.objects.exists()

    # The list names the bank and leaves its question out; its button asks to go without it.
    assert GO_QUESTION not in body
    warning = "1 question of this template comes from “Go basics”, which you can no longer use."
    assert warning in " ".join(body.split())
    assert "Create a session without it" in body

    use(client, template, without_unavailable="on")
    session = InterviewSession.objects.get()
    assert [item.asked_text for item in session.items.all()] == [bank[0].text]


def test_a_template_with_nothing_left_is_refused_with_a_message(client, interviewer, go_bank, bank):
    plan = building.SessionPlan(title="Go", level="expert", questions=list(go_bank.questions.all()))
    template = building.template_create(interviewer=interviewer, name="Go only", plan=plan)
    go_bank.shared_with.clear()
    client.force_login(interviewer)

    page = client.get(TEMPLATES).content.decode()
    assert "Nothing left to ask" in page and GO_QUESTION not in page
    body = use(client, template, without_unavailable="on").content.decode()
    assert building.TEMPLATE_EMPTY_MESSAGE.replace("'", "&#x27;") in body
    assert not InterviewSession.objects.exists()


def test_a_template_whose_bank_was_deleted_is_refused_with_a_message(
    client, interviewer, go_bank, bank
):
    plan = building.SessionPlan(title="Go", level="expert", questions=list(go_bank.questions.all()))
    template = building.template_create(interviewer=interviewer, name="Go only", plan=plan)
    go_bank.delete()
    client.force_login(interviewer)
    body = use(client, template).content.decode()
    assert building.TEMPLATE_EMPTY_MESSAGE.replace("'", "&#x27;") in body
    assert not InterviewSession.objects.exists()


def test_the_service_refuses_without_the_interviewers_word(interviewer, template, go_bank):
    go_bank.shared_with.clear()
    with pytest.raises(building.PlanError, match="Go basics"):
        building.plan_from_template(template, user=interviewer)
    plan = building.plan_from_template(template, user=interviewer, without_unavailable=True)
    assert [question.topic.name for question in plan.questions] == ["Docker"]


def test_a_mistyped_email_keeps_what_was_typed_and_says_what_is_wrong(
    client, interviewer, template
):
    client.force_login(interviewer)
    url = reverse("interviewer:template_use", args=[template.pk])
    response = client.post(url, {"candidate_name": "Dee <Dev>", "candidate_email": "dee@"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Dee &lt;Dev&gt;"' in page and 'value="dee@"' in page
    assert "Enter a valid email address." in page and 'aria-invalid="true"' in page
    assert not InterviewSession.objects.exists()
