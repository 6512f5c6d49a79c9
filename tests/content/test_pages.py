"""The question-bank pages: topic list, a topic's questions, a question with its rendered answers."""

from datetime import date

import pytest

from content.models import ModelAnswer, Question, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def question() -> Question:
    topic = Topic.objects.create(
        name="Docker", slug="docker", description="Containers, images and more."
    )
    question = Question.objects.create(
        topic=topic,
        text="What is a Docker image?",
        slug="what-is-a-docker-image-0123456789",
        position=1,
    )
    ModelAnswer.objects.create(
        question=question,
        level="expert",
        posted_on=date(2025, 3, 26),
        text="Images are read-only templates.\nKey Concepts:\n- Layers: Each instruction adds one\n"
        "Tip: Use <small> base images.\n# Build it\ndocker build -t app .",
    )
    ModelAnswer.objects.create(
        question=question, level="beginner", text="A blueprint for containers."
    )
    Question.objects.create(
        topic=topic, text="What is a volume?", slug="what-is-a-volume-abc", position=2
    )
    return question


@pytest.fixture
def staff_client(client, django_user_model):
    """Model answers show to staff (and to candidates who answered): tests/interviews covers who."""
    client.force_login(
        django_user_model.objects.create_user("staff", is_staff=True, is_superuser=True)
    )
    return client


def test_topic_list_shows_each_topic_with_its_question_count(client, question):
    response = client.get("/topics/")

    assert response.status_code == 200
    assert b"Docker" in response.content and b"Containers, images and more." in response.content
    assert b"2 questions" in response.content


def test_topic_page_lists_its_questions_in_order(client, question):
    response = client.get("/topics/docker/")

    assert response.status_code == 200
    content = response.content.decode()
    assert content.index("What is a Docker image?") < content.index("What is a volume?")
    assert 'href="/questions/what-is-a-docker-image-0123456789/"' in content


def test_topic_page_claims_both_answer_levels_only_when_every_question_has_them(client, question):
    claim = "each with model answers at expert and beginner level"
    assert claim not in client.get("/topics/docker/").content.decode()  # the volume has none
    volume = Question.objects.get(text="What is a volume?")
    ModelAnswer.objects.create(question=volume, level="expert", text="Kept data.")
    assert claim not in client.get("/topics/docker/").content.decode()
    ModelAnswer.objects.create(question=volume, level="beginner", text="Kept data.")
    assert claim in client.get("/topics/docker/").content.decode()


def test_question_page_shows_both_answers_rendered_and_escaped(staff_client, question):
    response = staff_client.get(question.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert '<h1 class="question-title">What is a Docker image?</h1>' in content
    assert content.index("Expert answer") < content.index("Beginner answer")
    assert '<time datetime="2025-03-26">Mar 26, 2025</time>' in content
    assert "<li><strong>Layers</strong>: Each instruction adds one</li>" in content
    assert (
        "<aside class='callout callout-tip'><p><strong>Tip:</strong> Use &lt;small&gt; base images.</p></aside>"
        in content
    )
    assert "<pre><code># Build it\ndocker build -t app .</code></pre>" in content
    assert "<p>A blueprint for containers.</p>" in content


def test_a_question_without_answers_says_so(staff_client, question):
    response = staff_client.get("/questions/what-is-a-volume-abc/")
    assert response.status_code == 200
    assert b"no model answers yet" in response.content


@pytest.mark.parametrize("url", ["/topics/nope/", "/questions/nope/"])
def test_unknown_slugs_are_404(client, question, url):
    assert client.get(url).status_code == 404


def test_home_page_says_what_the_product_does_and_links_the_topics(client, question):
    response = client.get("/")

    assert response.status_code == 200
    assert b'href="/topics/docker/"' in response.content


def test_pages_work_with_an_empty_bank(client):
    assert client.get("/topics/").status_code == 200
    assert b"import_questions" in client.get("/").content


def test_the_question_page_queries_stay_few(client, question, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(question.get_absolute_url())
