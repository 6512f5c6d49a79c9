"""A candidate's practice session in real headless chromium."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from content.scoring import MAX_ANSWER_CHARS
from interviews.forms.candidate import ANSWER_NUL_MESSAGE
from interviews.models import InterviewSession, SessionItem
from interviews.services import DEADLINE_PASSED_MESSAGE, item_finish
from interviews.views.candidate.session import SESSION_TIME_UP_MESSAGE
from tests.browser.conftest import log_in_again

pytestmark = pytest.mark.browser


def test_whole_practice_session(page, candidate, make_question):
    make_question("docker", 1)
    make_question("docker", 2)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill("a-long-passphrase-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Practise").click()

    page.get_by_label("Docker (2)").check()
    page.get_by_label("Number of questions").fill("2")
    page.get_by_label("Minutes per question").fill("3")
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^(3:00|2:5\d)$"))
    page.get_by_label("Your answer").fill("An image is a read-only template <script>x</script>")
    page.get_by_role("button", name="Submit answer").click()

    heading = page.get_by_role("heading", name="Feedback on question 1 of 2")
    expect(heading).to_be_focused()
    expect(page.locator("mark.concept-hit")).to_have_text("image")
    # Not by colour alone: the span is underlined, and the concept is named in the list below.
    line = page.locator("mark.concept-hit").evaluate(
        "mark => getComputedStyle(mark).textDecorationLine"
    )
    assert line == "underline"
    expect(page.locator("ul.covered")).to_have_text("image")
    expect(page.locator(".own-answer")).to_contain_text("<script>x</script>")
    expect(page.get_by_role("heading", name="Expert answer")).to_be_visible()
    page.get_by_role("button", name="Next question").click()

    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_focused()
    page.get_by_label("Your answer").fill("A container runs an image")
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name="Feedback on question 2 of 2")).to_be_visible()
    page.get_by_role("link", name="See your results").click()

    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    session = InterviewSession.objects.get(candidate=candidate)
    assert session.status == InterviewSession.Status.COMPLETED
    assert all(item.score is not None for item in session.items.all())
    page.get_by_role("link", name="Your sessions", exact=True).click()
    expect(page.get_by_role("cell", name="2 of 2")).to_be_visible()


def test_reload_mid_answer_restores_text_and_timer(page, login, candidate, start_practice):
    session, _ = start_practice(per_item_seconds=120)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("Layers are cached")
    # The time and the zone of the browser (test_time_zone_browser.py checks the two).
    expect(page.get_by_text(re.compile(r"^Saved at \d\d:\d\d:\d\d \S.*$"))).to_be_visible()
    item = SessionItem.objects.get(session=session)
    assert item.answer_text == "Layers are cached"

    # Go offline for saves: the next words stay in this browser until the server has them.
    page.route("**/autosave/", lambda route: route.abort())
    page.get_by_label("Your answer").press_sequentially(" and shared")
    expect(page.locator("#save-status")).to_have_text(re.compile("^Not saved: connection problem"))
    SessionItem.objects.filter(pk=item.pk).update(
        started_at=item.started_at - timedelta(seconds=30),
        deadline_at=item.deadline_at - timedelta(seconds=30),
    )
    page.unroute("**/autosave/")
    page.reload()

    expect(page.get_by_label("Your answer")).to_have_value("Layers are cached and shared")
    # The clock comes from the server: at most 90 s left after the 30 s it moved the deadline.
    clock = page.get_by_role("timer")
    expect(clock).to_have_text(re.compile(r"^(1:30|1:[0-2]\d|0:\d\d)$"))
    expect(page.get_by_text(re.compile(r"^Saved at "))).to_be_visible()
    item.refresh_from_db()
    assert item.answer_text == "Layers are cached and shared"


def test_running_out_of_time_submits_automatically(page, login, candidate, start_practice):
    session, _ = start_practice(per_item_seconds=8)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("An image, then time ran out")
    warning = page.get_by_text(re.compile("seconds left: your answer is submitted automatically"))
    expect(warning).to_be_visible(timeout=10_000)
    expect(page.locator("[data-timer-announce]")).to_contain_text("seconds left")
    expect(page.get_by_role("heading", name="Feedback on question 1 of 1")).to_be_visible(
        timeout=20_000
    )
    item = SessionItem.objects.get(session=session)
    assert item.status == SessionItem.Status.TIMED_OUT
    assert item.answer_text == "An image, then time ran out"
    assert item.finished_at <= item.deadline_at


def test_the_session_clock_runs_on_the_feedback_screen_and_ends_the_session_at_zero(
    page, login, candidate, start_practice
):
    session, first = start_practice(2, total_seconds=600)
    item_finish(item_id=first.pk, text="an image", revision=1)
    # The candidate read the feedback for most of the session: six seconds are left.
    InterviewSession.objects.filter(pk=session.pk).update(
        deadline_at=timezone.now() + timedelta(seconds=6)
    )
    login(page, candidate)
    page.goto(session.get_absolute_url())
    expect(page.get_by_role("heading", name="Feedback on question 1 of 2")).to_be_visible()
    clock = page.get_by_role("timer", name="Session time left")
    expect(clock).to_have_text(re.compile(r"^0:0[0-6]$"))
    expect(page.locator("[data-timer-ends]")).to_be_hidden()  # the no-JS sentence gives way
    expect(page.get_by_text("seconds left in this session: at zero it ends")).to_be_visible()
    # At zero the page asks the server, which ends the session: no second question starts.
    expect(page.get_by_text(SESSION_TIME_UP_MESSAGE)).to_be_visible(timeout=20_000)
    expect(page.get_by_role("link", name="See your results")).to_be_visible()
    expect(page.get_by_role("button", name="Next question")).to_have_count(0)
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.EXPIRED
    second = SessionItem.objects.get(session=session, position=2)
    assert second.status == SessionItem.Status.SKIPPED


def test_save_after_the_deadline_is_refused(page, login, candidate, start_practice, settings):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, _ = start_practice(per_item_seconds=600)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("saved in time")
    expect(page.get_by_text(re.compile(r"^Saved at "))).to_be_visible()
    # The laptop slept: on the server the deadline and the grace passed, the page still counts.
    SessionItem.objects.filter(session=session).update(
        deadline_at=timezone.now() - timedelta(seconds=6)
    )
    page.get_by_label("Your answer").press_sequentially(" and too late")
    page.get_by_label("Your answer").blur()
    expect(page.locator("#save-status")).to_have_text(DEADLINE_PASSED_MESSAGE)
    expect(page.locator("[data-save-alert]")).to_have_text(DEADLINE_PASSED_MESSAGE)  # announced
    item = SessionItem.objects.get(session=session)
    assert item.answer_text == "saved in time"


def test_leaving_the_page_sends_the_text_by_beacon(page, login, candidate, start_practice):
    session, _ = start_practice(per_item_seconds=300)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").press_sequentially("typed just before leaving")
    page.goto("/sessions/")  # well within the 2 s debounce: only pagehide's beacon can save it
    expect(page.get_by_role("heading", name="Your sessions")).to_be_visible()
    item = SessionItem.objects.get(session=session)
    for _ in range(50):
        if item.answer_text:
            break
        page.wait_for_timeout(100)
        item.refresh_from_db()
    assert item.answer_text == "typed just before leaving"


def test_without_javascript_the_form_submits_and_moves_on(
    new_context, login, candidate, start_practice
):
    session, _ = start_practice(2, per_item_seconds=180)
    page = new_context(java_script_enabled=False).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    expect(page.get_by_text(re.compile(r"^Time ends at \d\d:\d\d UTC"))).to_be_visible()
    page.get_by_label("Your answer").fill("an image without scripts")
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name="Feedback on question 1 of 2")).to_be_visible()
    page.get_by_role("button", name="Next question").click()
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    assert SessionItem.objects.get(session=session, position=1).answer_text == (
        "an image without scripts"
    )


HIDE_AND_SHOW = """() => {
  const set = (state) => {
    Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  };
  set("hidden");
  set("visible");
}"""


def test_the_timer_asks_the_server_again_after_the_tab_was_hidden(
    page, login, candidate, start_practice
):
    session, _ = start_practice(per_item_seconds=600)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    clock = page.get_by_role("timer")
    expect(clock).to_have_text(re.compile(r"^(10:00|9:5\d)$"))
    # While the laptop slept the browser's clock stood still, but the server's did not.
    SessionItem.objects.filter(session=session).update(
        deadline_at=timezone.now() + timedelta(seconds=125)
    )
    page.evaluate(HIDE_AND_SHOW)
    expect(clock).to_have_text(re.compile(r"^2:0[0-5]$"))


def test_a_failed_submit_says_so_and_can_be_repeated(page, login, candidate, start_practice):
    session, _ = start_practice(per_item_seconds=300)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("an image, submitted twice")
    page.route("**/submit/", lambda route: route.abort())
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator("#save-status")).to_have_text(re.compile("^Not submitted"))
    page.unroute("**/submit/")
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name="Feedback on question 1 of 1")).to_be_visible()
    assert SessionItem.objects.get(session=session).answer_text == "an image, submitted twice"


def test_ending_the_session_keeps_the_text_not_yet_autosaved(
    page, login, candidate, start_practice
):
    session, _ = start_practice(2, per_item_seconds=300)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("an image")
    page.get_by_role("button", name="Submit answer").click()
    page.get_by_role("button", name="Next question").click()
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_focused()
    # No autosave gets through: only the End request itself can carry the words.
    page.route("**/autosave/", lambda route: route.abort())
    page.get_by_label("Your answer").fill("a container, typed just before ending")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="End session").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    texts = dict(session.items.values_list("position", "answer_text"))
    assert texts == {1: "an image", 2: "a container, typed just before ending"}


def test_without_javascript_ending_the_session_keeps_the_typed_text(
    new_context, login, candidate, start_practice
):
    session, _ = start_practice(2, per_item_seconds=300)
    page = new_context(java_script_enabled=False).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("an image, then I stop")
    page.get_by_role("button", name="End session").click()
    # Asked first, as htmx asks with JavaScript; going back finds the text saved.
    expect(page.get_by_role("heading", name="End this session now?")).to_be_visible()
    page.get_by_role("link", name="Back to the question").click()
    expect(page.get_by_label("Your answer")).to_have_value("an image, then I stop")
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="End the session now").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.ABANDONED
    first = SessionItem.objects.get(session=session, position=1)
    assert first.answer_text == "an image, then I stop" and first.status == "submitted"


def test_saving_goes_on_after_logging_in_again_in_another_tab(
    new_context, login, candidate, start_practice
):
    """The logged-out message asks to log in again in another tab; that login renews the CSRF
    token, and the interview tab, served with the old one, must still save and submit."""
    session, _ = start_practice(2, per_item_seconds=300)
    context = new_context()
    page = context.new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    log_in_again(context.new_page(), "casey", "a-long-passphrase-1")

    page.get_by_label("Your answer").fill("saved with the renewed token")
    expect(page.locator("#save-status")).to_have_text(re.compile("^Saved at"))
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name="Feedback on question 1 of 2")).to_be_visible()
    assert SessionItem.objects.get(session=session, position=1).answer_text == (
        "saved with the renewed token"
    )


def test_a_form_that_creates_a_session_is_sent_once(page, login, candidate, make_question):
    make_question("docker", 1)
    login(page, candidate)
    page.goto("/practice/")
    page.get_by_label("Docker (1)").check()
    # Two submits in a row, as a double click sends them: count the ones the page lets through
    # (a listener on window runs after the page's own and keeps the page from navigating).
    sent = page.evaluate(
        """() => {
            let sent = 0;
            window.addEventListener("submit", (event) => {
                if (!event.defaultPrevented) { sent += 1; event.preventDefault(); }
            });
            const form = document.querySelector("form.practice-form");
            form.requestSubmit();
            form.requestSubmit();
            return sent;
        }"""
    )
    assert sent == 1
    assert not InterviewSession.objects.filter(candidate=candidate).exists()


def test_text_cut_at_the_length_limit_is_said_not_dropped_in_silence(
    page, login, candidate, start_practice
):
    """The answer box takes 20,000 characters and the browser drops the rest of a paste without a
    word: the candidate is told, once, and the box is described by the note while it applies."""
    session, _ = start_practice(per_item_seconds=600)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    answer = page.get_by_label("Your answer")
    note = page.locator("[data-answer-limit]")
    expect(note).to_be_hidden()
    answer.focus()
    page.keyboard.insert_text("Layers are cached. " * 1100)  # 20,900 characters
    assert answer.evaluate("box => box.value.length") == MAX_ANSWER_CHARS
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"{MAX_ANSWER_CHARS:,} characters")
    expect(answer).to_have_accessible_description(re.compile(f"{MAX_ANSWER_CHARS:,} characters"))
    expect(page.locator("[data-save-alert]")).to_contain_text(f"{MAX_ANSWER_CHARS:,} characters")

    page.keyboard.press("Backspace")
    expect(note).to_be_hidden()
    expect(answer).not_to_have_accessible_description(re.compile("characters"))


ARABIC_QUESTION = "ما الفرق بين الصورة والحاوية في دوكر؟"
ARABIC_ANSWER = "الحاوية نسخة قيد التشغيل من الصورة image، معزولة بـ namespaces."


def test_right_to_left_question_and_answer_read_right_to_left(
    page, login, candidate, start_practice
):
    """A question or an answer in Arabic or Hebrew runs right to left: read in the page's
    left-to-right direction, its words in another script and its punctuation land out of order."""
    session, item = start_practice(1, per_item_seconds=600)
    item.question.text = ARABIC_QUESTION
    item.question.save()
    type(item).objects.filter(pk=item.pk).update(asked_text=ARABIC_QUESTION)
    login(page, candidate)
    page.goto(session.get_absolute_url())

    def right_to_left(locator) -> bool:
        return locator.evaluate("element => element.matches(':dir(rtl)')")

    assert right_to_left(page.locator(".question-text"))
    answer = page.get_by_label("Your answer")
    answer.fill("An image is a read-only template")
    assert not right_to_left(answer)
    answer.fill(ARABIC_ANSWER)
    assert right_to_left(answer)
    page.get_by_role("button", name="Submit answer").click()
    own = page.locator(".own-answer")
    expect(own).to_contain_text("namespaces")
    assert right_to_left(own)
    page.goto(session.get_absolute_url() + "results/")
    assert right_to_left(page.locator("#item-1 .own-answer"))
    heading = page.get_by_role("heading", name=ARABIC_QUESTION)
    assert right_to_left(heading.locator("bdi"))
    assert not right_to_left(heading)  # the number before it stays where English puts it


def test_a_second_tab_typing_as_often_as_the_first_is_saved_not_just_said_saved(
    new_context, login, candidate, start_practice
):
    """Two tabs count revisions from the page they loaded: the second tab's save of the same
    number as the first tab's is another text, not a repeat, and must not end at "Saved"."""
    session, _ = start_practice(per_item_seconds=300)
    context = new_context()
    first, second = context.new_page(), context.new_page()
    login(first, candidate)
    for page in (first, second):
        page.goto(session.get_absolute_url())
    first.get_by_label("Your answer").fill("typed in the first tab")
    expect(first.locator("#save-status")).to_have_text(re.compile("^Saved at"))
    second.get_by_label("Your answer").fill("typed in the second tab")
    expect(second.locator("#save-status")).to_have_text(re.compile("^Saved at"))
    item = SessionItem.objects.get(session=session)
    for _ in range(100):
        if item.answer_text == "typed in the second tab":
            break
        second.wait_for_timeout(100)
        item.refresh_from_db()
    assert item.answer_text == "typed in the second tab"


def test_a_submit_refused_for_its_text_says_why_not_connection_problem(
    page, login, candidate, start_practice
):
    """A NUL character (pasted binary data) cannot be stored: pressing Submit again cannot help."""
    session, _ = start_practice(per_item_seconds=300)
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("an image")
    page.get_by_label("Your answer").evaluate("(box) => { box.value = 'an \\u0000image'; }")
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator("#save-status")).to_have_text(ANSWER_NUL_MESSAGE)
    expect(page.locator("[data-save-alert]")).to_have_text(ANSWER_NUL_MESSAGE)  # announced
    expect(page.get_by_label("Your answer")).to_have_value("an \x00image")
    assert SessionItem.objects.get(session=session).status == SessionItem.Status.ACTIVE
