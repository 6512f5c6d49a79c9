"""The model-answer renderer, on real excerpts of the Docker bank, and over the whole bank."""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from content.parsing import parse_document
from content.rendering import render_answer

BANK = Path(__file__).resolve().parents[3] / "content" / "sources" / "docker.txt"
BODIES = [
    pytest.param(answer.text, id=f"line-{answer.line}")
    for question in parse_document(BANK.read_text(encoding="utf-8")).questions
    for answer in (question.expert, question.beginner)
]


OUR_TAGS = {
    "p",
    "ul",
    "li",
    "strong",
    "code",
    "pre",
    "h3",
    "aside",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


class _Text(HTMLParser):
    """The text content of an HTML fragment, block elements separated by a space."""

    BLOCKS = {
        "p",
        "li",
        "ul",
        "pre",
        "h3",
        "table",
        "tr",
        "td",
        "th",
        "aside",
        "div",
        "thead",
        "tbody",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, [])

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def tags(html: str) -> list[str]:
    return re.findall(r"<(\w+)", html)


def test_bullet_lines_become_a_list_with_the_term_in_bold():
    html = render_answer(
        "Implementation Details:\n"
        "- Namespaces: Provide isolation for processes, network, mounts, users, and PIDs\n"
        "- Control Groups (cgroups): Limit and account for resource usage (CPU, memory, disk I/O, network)"
    )
    assert html == (
        "<h3 class='answer-heading'>Implementation Details:</h3>\n"
        "<ul><li><strong>Namespaces</strong>: Provide isolation for processes, network, mounts, users, and PIDs</li>"
        "<li><strong>Control Groups (cgroups)</strong>: Limit and account for resource usage (CPU, memory, disk I/O, network)</li></ul>"
    )


def test_pipe_rows_with_a_separator_become_a_table_with_a_header():
    html = render_answer(
        "Feature | Docker Containers | Traditional VMs |\n"
        "---|---|---|\n"
        "Boot Time | Milliseconds to seconds | Seconds to minutes |\n"
        "Kernel Sharing | Shares host OS kernel | Each VM has its own kernel |"
    )
    assert "<thead><tr><th scope='col'>Feature</th><th scope='col'>Docker Containers</th>" in html
    assert (
        "<tr><td>Boot Time</td><td>Milliseconds to seconds</td><td>Seconds to minutes</td></tr>"
        in html
    )
    assert html.count("<tr>") == 3
    assert "---" not in html


def test_a_first_cell_cut_onto_its_own_line_rejoins_its_row_as_code():
    html = render_answer(
        "Parameter | Description | Default |\n---|---|---|\n--interval |\nTime between health checks | 30s |"
    )
    assert (
        "<tr><td><code>--interval</code></td><td>Time between health checks</td><td>30s</td></tr>"
        in html
    )


def test_shell_lines_with_comments_become_one_code_block():
    html = render_answer(
        "Linux Kernel Namespace Implementation:\n"
        "# Creating a new UTS namespace with unshare\n"
        "unshare --uts /bin/bash\n"
        "# In the new namespace, we can change hostname without affecting host\n"
        "hostname container1"
    )
    assert html.endswith(
        "<pre><code># Creating a new UTS namespace with unshare\nunshare --uts /bin/bash\n"
        "# In the new namespace, we can change hostname without affecting host\nhostname container1</code></pre>"
    )


@pytest.mark.parametrize(
    "body",
    [
        'Example Dockerfile:\nFROM node:14\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["npm", "start"]',
        "Simple Example:\nversion: '3'\nservices:\nweb:\nimage: nginx\nports:\n- \"8080:80\"\ndatabase:\nimage: mysql",
        "OverlayFS Mount Example:\n# Simplified mount operation\nmount -t overlay overlay \\\n-o lowerdir=/lower2:/lower1,upperdir=/upper,workdir=/work \\\n/merged",
    ],
    ids=["dockerfile", "compose-yaml", "continued-shell"],
)
def test_dockerfile_yaml_and_continued_shell_lines_stay_in_one_code_block(body):
    html = render_answer(body)
    assert tags(html) == ["h3", "pre", "code"]
    code = re.search(r"<pre><code>(.*)</code></pre>", html, re.DOTALL)[1]
    assert unescape(code) == body.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Tip", "tip"),
        ("Advanced Consideration", "note"),
        ("Expert Tip", "tip"),
        ("Advanced Insight", "note"),
    ],
)
def test_callouts_keep_their_label_in_bold(label, kind):
    html = render_answer(
        f"{label}: The shared kernel model means Docker containers must run on compatible kernel versions."
    )
    assert html == (
        f"<aside class='callout callout-{kind}'><p><strong>{label}:</strong> The shared kernel model means "
        "Docker containers must run on compatible kernel versions.</p></aside>"
    )


def test_a_callout_that_introduces_a_list_holds_it():
    html = render_answer(
        "Tip: A common workflow pattern is:\n- Start a container with\ndocker run\n- Check running containers with\ndocker ps"
    )
    assert tags(html) == ["aside", "p", "strong", "ul", "li", "code", "li", "code"]
    assert "<li>Start a container with <code>docker run</code></li>" in html


def test_a_box_drawing_diagram_is_kept_as_is_in_a_pre():
    diagram = "┌─────────────────┐ ┌─────────────────┐ │ App A │ │ App B │ ├─────────────────┤ └─────────────────┘"
    html = render_answer(f"Simple Comparison:\n{diagram}\nvs. Virtual Machines:")
    assert f"<pre class='diagram'>{diagram}</pre>" in html


def test_inline_code_split_onto_its_own_line_is_rejoined_into_its_sentence():
    html = render_answer(
        "- Capability Management: Remove unnecessary Linux capabilities using the\n--cap-drop\n"
        "option and only add required capabilities with\n--cap-add\n.\n- Resource Limitations: Configure memory."
    )
    assert (
        "using the <code>--cap-drop</code> option and only add required capabilities with <code>--cap-add</code>.</li>"
        in html
    )
    assert html.count("<li>") == 2


def test_a_flattened_next_item_after_inline_code_becomes_its_own_item():
    html = render_answer(
        "Main Components:\n- Docker Client: The command-line tool (like\ndocker run\n"
        ") that you use to interact with Docker. - Docker Daemon/Engine: The background service that builds and runs containers."
    )
    assert "(like <code>docker run</code>) that you use to interact with Docker.</li>" in html
    assert "<li><strong>Docker Daemon/Engine</strong>: The background service" in html


def test_a_lone_command_after_a_list_item_joins_the_item():
    html = render_answer(
        "- Command:\ndocker create [OPTIONS] IMAGE [COMMAND]\n- Result: Container is created with a unique ID but remains inactive."
    )
    assert (
        "<li><strong>Command</strong>: <code>docker create [OPTIONS] IMAGE [COMMAND]</code></li>"
        in html
        or ("<li>Command: <code>docker create [OPTIONS] IMAGE [COMMAND]</code></li>" in html)
    )
    assert html.count("<li>") == 2


def test_sentences_carried_on_after_punctuation_rejoin_without_a_space():
    html = render_answer(
        "Tip: If you don't specify a tag (like :1.19\n), Docker will use :latest\nby default."
    )
    assert "(like :1.19), Docker will use :latest by default.</p></aside>" in html


def test_prose_falls_back_to_one_paragraph_per_line():
    body = (
        "Docker is a platform that uses containerization to package and run applications.\n"
        "When you change a file in a layer, Docker doesn't actually modify the original layer."
    )
    assert render_answer(body) == (
        "<p>Docker is a platform that uses containerization to package and run applications.</p>\n"
        "<p>When you change a file in a layer, Docker doesn&#x27;t actually modify the original layer.</p>"
    )


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert('x')</script>",
        "- <b>bold</b>: <img src=x onerror=alert(1)>",
        "Tip: <a href='javascript:alert(1)'>click</a>",
        "a | <i>b</i> |\n---|---|\n<td>c</td> | d |",
        'docker run <image> && echo "done" > /tmp/x',
        "┌──┐ │ <svg onload=alert(1)> │ └──┘",
    ],
)
def test_html_in_the_source_is_escaped(body):
    html = render_answer(body)
    assert isinstance(html, SafeString)
    assert set(tags(html)) <= OUR_TAGS
    assert html.count("&lt;") == body.count("<")
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<svg" not in html


def test_the_template_filter_renders_and_accepts_an_empty_body():
    template = Template("{% load content_tags %}{{ body|render_answer }}")
    assert template.render(Context({"body": "- one\n- two"})) == "<ul><li>one</li><li>two</li></ul>"
    assert template.render(Context({"body": None})) == ""


@pytest.mark.parametrize("body", BODIES)
def test_no_text_is_dropped_from_any_answer_in_the_bank(body):
    rendered = text_of(render_answer(body))
    flat = " ".join(rendered.split())

    # Every word in the same order, and every non-space run of the source present in the output.
    assert re.findall(r"\w+", rendered) == re.findall(r"\w+", body)
    missing = [
        token
        for token in body.split()
        if not re.fullmatch(r"[-|]+", token)  # bullet dashes and table pipes become markup
        and token not in flat
    ]
    assert missing == []


def test_the_bank_renders_lists_tables_code_callouts_and_diagrams():
    html = "\n".join(render_answer(param.values[0]) for param in BODIES)
    counts = {
        tag: len(re.findall(pattern, html))
        for tag, pattern in {
            "list": r"<ul>",
            "table": r"<table>",
            "code block": r"<pre><code>",
            "callout": r"<aside",
            "diagram": r"<pre class='diagram'>",
            "inline code": r"<li>[^<]*<code>|[a-z] <code>",
        }.items()
    }
    assert all(count > 0 for count in counts.values()), counts
    assert counts["table"] >= 10 and counts["callout"] >= 40 and counts["diagram"] >= 8


def test_flags_glued_after_a_closing_bracket_or_comma_become_code():
    html = render_answer("- Key flags:\n-i\n(interactive),-t\n(allocate TTY),-u\n(user)")
    assert html == (
        "<ul><li>Key flags: <code>-i</code> (interactive),<code>-t</code> (allocate TTY),"
        "<code>-u</code> (user)</li></ul>"
    )
    assert render_answer("Use non-root users (uid 1000), -rw flags") == (
        "<p>Use non-root users (uid 1000), -rw flags</p>"
    )
