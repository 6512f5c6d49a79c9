"""manage.py check warns when the semantic layer is switched on but this server cannot run it."""

import pytest
from django.core.checks import run_checks

from content.checks import SEMANTIC_MISSING_MESSAGE
from content.scoring import semantic

CHECK_ID = "content.W001"


@pytest.mark.parametrize(
    ("switched_on", "installed", "warned"),
    [(True, False, True), (True, True, False), (False, False, False)],
    ids=["on but not installed", "on and installed", "off"],
)
def test_check_warns_when_the_semantic_layer_is_on_but_missing(
    settings, monkeypatch, switched_on, installed, warned
):
    settings.INTERVIEW_SEMANTIC_SCORING = switched_on
    monkeypatch.setattr(semantic, "semantic_available", lambda: installed)
    found = [message for message in run_checks(tags=["scoring"]) if message.id == CHECK_ID]
    assert [message.msg for message in found] == ([SEMANTIC_MISSING_MESSAGE] if warned else [])
