"""Reviewing a transcript in the browser: the log, the scores and typed text update in place."""

import pytest
from playwright.sync_api import expect

from interviews.access import interviewer_grant
from interviews.services import item_activate, item_finish, session_start
from interviews.services.building import SessionPlan, invited_session_create
from interviews.services.review import OVERRIDE_REASON_MISSING_MESSAGE
from tests.browser.conftest import log_in_again

pytestmark = pytest.mark.browser


@pytest.fixture
def reviewed(make_question, django_user_model, candidate):
    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)
    question = make_question("docker", 1, concepts=("image", "container", "layers"))
    plan = SessionPlan(title="Review me", level="expert", questions=[question])
    session = invited_session_create(interviewer=ivy, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    session_start(session=session)
    item = item_activate(session=session)
    item_finish(item_id=item.pk, text="An image is a template.", revision=1)
    return ivy, session


def test_ticks_and_overrides_update_the_log_and_scores_without_a_reload(page, login, reviewed):
    ivy, session = reviewed
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/transcript/")
    log = page.locator("#change-log")
    expect(log).to_contain_text("No changes yet")
    overall_before = page.locator(".overall-score").inner_text()
    page.evaluate("window.notReloaded = true")

    item = page.locator("#item-1")
    item.get_by_role("button", name="Mark “layers” present").click()
    expect(log).to_contain_text("Concept ticked or unticked: layers")
    expect(log).not_to_contain_text("No changes yet")
    expect(item.locator(".reviewed-score")).to_be_visible()
    expect(page.locator(".overall-score")).not_to_have_text(overall_before)

    # A refused override keeps the typed score; adding the reason then saves it.
    item = page.locator("#item-1")
    item.get_by_label("Override score (0-100, empty to clear)").fill("42")
    item.get_by_role("button", name="Save score").click()
    item = page.locator("#item-1")
    reason = item.get_by_label("Reason")
    expect(reason).to_be_focused()
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(reason).to_have_accessible_description(OVERRIDE_REASON_MISSING_MESSAGE)
    expect(item.get_by_label("Override score (0-100, empty to clear)")).to_have_value("42")
    item.get_by_label("Reason").fill("Good enough for the role")
    item.get_by_role("button", name="Save score").click()
    expect(page.locator("#item-1 .human-score")).to_have_text("42")
    expect(log).to_contain_text("Score override")
    expect(page.locator(".overall-score")).to_have_text("42")
    assert page.evaluate("window.notReloaded") is True


def test_buttons_work_after_logging_in_again_in_another_tab(new_context, login, reviewed):
    """Logging in again renews the CSRF token; the open transcript, served with the old one,
    must still send its htmx requests with the new one instead of failing with a 403."""
    ivy, session = reviewed
    context = new_context()
    page = context.new_page()
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/transcript/")
    log_in_again(context.new_page(), "ivy", "x-pw-123!")

    page.locator("#item-1").get_by_role("button", name="Mark “layers” present").click()
    expect(page.locator("#change-log")).to_contain_text("Concept ticked or unticked: layers")


def test_keyboard_focus_stays_on_the_control_used_after_the_card_is_swapped(page, login, reviewed):
    """The card is replaced after every tick and override: focus must not fall back to the page,
    or a keyboard user starts again from the top (and a screen reader loses the place)."""
    ivy, session = reviewed
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/transcript/")
    item = page.locator("#item-1")
    item.get_by_role("button", name="Mark “layers” present").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#change-log")).to_contain_text("layers")
    expect(item.get_by_role("button", name="Mark “layers” missing")).to_be_focused()

    item.get_by_label("Override score (0-100, empty to clear)").fill("42")
    item.get_by_label("Reason").fill("Clear enough")
    item.get_by_role("button", name="Save score").focus()
    page.keyboard.press("Enter")
    expect(item.locator(".human-score")).to_have_text("42")
    expect(item.get_by_role("button", name="Save score")).to_be_focused()


def test_an_answer_in_a_right_to_left_script_reads_right_to_left(page, login, reviewed):
    ivy, session = reviewed
    item = session.items.get()
    type(item).objects.filter(pk=item.pk).update(
        answer_text="الحاوية نسخة قيد التشغيل من الصورة image.", matched=[]
    )
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/transcript/")
    answer = page.locator("#item-1 .answer-text")
    expect(answer).to_contain_text("image")
    assert answer.evaluate("element => element.matches(':dir(rtl)')")


CODE_ANSWER = (
    "An image is a template:\n"
    "```python\n"
    "def layers(image):\n"
    "    for layer in image.layers:\n"
    "        yield layer.digest\n"
    "```\n"
    "Each  layer  is cached."
)


def test_an_answer_with_code_keeps_its_indentation_and_spaces(page, login, reviewed):
    ivy, session = reviewed
    item = session.items.get()
    type(item).objects.filter(pk=item.pk).update(answer_text=CODE_ANSWER, matched=[])
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/transcript/")
    answer = page.locator("#item-1 .answer-text")
    expect(answer).to_contain_text("Each")
    assert answer.inner_text() == CODE_ANSWER
