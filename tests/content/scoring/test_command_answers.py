"""Answers given as command lines, a Dockerfile or a Compose file are statements, not keyword
lists: they are scored on their evidence like prose. A bare list of terms, command names
included, stays under the keyword-list cap.

The expected order was fixed before any of these answers was scored: a correct command answer
above the bank's wrong prose answer, its keyword list, an off-topic answer and the empty one; a
wrong command answer (commands or flags that do something else) not above the bank's
plain-spoken partial answer. Where the scorer misses it for reasons outside the keyword-list
guard, the case is a known failure with its reason."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import code_lines, score
from content.scoring.code_lines import code_spans
from content.scoring.scoring import KEYWORD_LIST_CAP
from tests.content.scoring.docker_answers import ANSWERS, OFF_TOPIC
from tests.content.scoring.test_docker_bank_ordering import bank

# (question index, correct command answer, wrong command answer or "")
COMMAND_ANSWERS = (
    (
        5,
        "docker create --name web nginx\ndocker start web\ndocker pause web\n"
        "docker unpause web\ndocker stop web\ndocker rm web",
        "docker pull nginx\ndocker images\ndocker rmi nginx",
    ),
    (
        5,
        "docker create nginx / docker start <id> / docker stop <id> / docker rm <id>",
        "",
    ),
    (
        7,
        "docker run -d --name web -p 8080:80 nginx\ndocker ps -a\ndocker stop web\ndocker rm web",
        "docker build -t web .\ndocker push web\ndocker rmi web",
    ),
    (
        9,
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install -r requirements.txt\nCOPY . .\nENV PORT=8000\nEXPOSE 8000\n"
        'USER app\nCMD ["python", "app.py"]',
        "",
    ),
    (
        11,
        "$ docker login -u myuser\n$ docker pull nginx:1.25\n"
        "$ docker tag myapp myuser/myapp:1.0\n$ docker push myuser/myapp:1.0",
        "docker save -o myapp.tar myapp\ndocker load -i myapp.tar",
    ),
    (
        14,
        "docker volume create pgdata\n"
        "docker run -d -v pgdata:/var/lib/postgresql/data postgres:16\ndocker volume ls",
        "docker run -d --tmpfs /var/lib/postgresql/data postgres:16",
    ),
    (
        17,
        'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n'
        "    environment:\n      - DATABASE_URL=postgres://db/app\n    depends_on:\n"
        "      - db\n  db:\n    image: postgres:16\n    volumes:\n"
        "      - dbdata:/var/lib/postgresql/data\nvolumes:\n  dbdata:",
        "FROM nginx:alpine\nCOPY site/ /usr/share/nginx/html\nEXPOSE 80",
    ),
    (
        18,
        "docker run -d --memory 512m --memory-reservation 256m --cpus 1.5 "
        "--pids-limit 100 myapp\ndocker stats",
        "docker run -d --restart always --name myapp -p 80:80 myapp",
    ),
    (
        19,
        "HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ "
        "|| exit 1\ndocker run -d --restart unless-stopped myapp",
        "docker run -d --memory 512m --cpus 1 myapp",
    ),
    (
        21,
        "FROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN go build -o /app\n"
        "FROM gcr.io/distroless/static\nCOPY --from=builder /app /app\n"
        'ENTRYPOINT ["/app"]',
        'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]',
    ),
    (
        22,
        "docker run --read-only --cap-drop ALL --security-opt no-new-privileges myapp",
        "docker run --privileged --cap-add ALL -v /var/run/docker.sock:/var/run/docker.sock myapp",
    ),
    (
        13,
        "docker network create -d bridge mynet\ndocker run --network host nginx\n"
        "docker network create -d overlay --attachable swarmnet\n"
        "docker run --network none alpine",
        "",
    ),
    (
        12,
        "docker network create app\ndocker run -d --name db --network app postgres\n"
        "docker run -d --name web --network app -p 8080:80 myweb\n"
        "Containers on the app network reach each other by name; -p publishes port 80 on "
        "host port 8080.",
        "",
    ),
)

# Lists of terms, commands named without arguments among them: they stay capped.
LISTS = (
    (7, "docker run, docker ps, docker stop, docker rm"),
    (5, "docker create\ndocker start\ndocker stop\ndocker rm\ndocker ps"),
    (18, "--memory, --cpus, --cpu-shares, --pids-limit, cgroups, docker stats"),
    (21, "FROM, AS builder, COPY --from, distroless, scratch, alpine"),
    (17, "- services\n- volumes\n- networks\n- ports\n- depends_on\n- environment"),
    (13, "docker network bridge host overlay macvlan none drivers"),
)


def scored(index: int, answer: str, level: str = "expert") -> float:
    question, concepts, references = bank()[index]
    return score(answer, concepts, question=question, level=level, references=references).value


CASES = [
    pytest.param(i, right, wrong, id=f"q{i}-{n}")
    for n, (i, right, wrong) in enumerate(COMMAND_ANSWERS)
]
# Where a correct command answer still scores below the bank's wrong prose answer: measured
# after the change, kept as known failures (strict: they fail loudly once they are fixed).
_ECHOED = "the question names the terms the commands use, so they earn nothing"
BEHIND_WRONG_PROSE = {
    ("q7-2", "beginner"): "the wrong answer names the same four commands; its swapped facts pass",
    ("q14-5", "expert"): _ECHOED,
    ("q14-5", "beginner"): _ECHOED,
    ("q13-11", "expert"): _ECHOED,
    ("q13-11", "beginner"): _ECHOED,
    ("q22-10", "beginner"): "the beginner level judges plain-word concepts only, no flags",
}


def _against_wrong_prose() -> list:
    params = []
    for case in CASES:
        for level in ("expert", "beginner"):
            reason = BEHIND_WRONG_PROSE.get((case.id, level))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(*case.values, level, id=f"{case.id}-{level}", marks=marks))
    return params


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize(("index", "right", "wrong"), CASES)
def test_a_correct_command_answer_outranks_listed_off_topic_and_empty_ones(
    index: int, right: str, wrong: str, level: str
) -> None:
    found = scored(index, right, level)
    weaker = {
        "keywords": scored(index, ANSWERS[index]["keywords"], level),
        "off-topic": scored(index, OFF_TOPIC[index % len(OFF_TOPIC)], level),
        "empty": 0.0,
    }
    assert found > KEYWORD_LIST_CAP
    assert all(found > value for value in weaker.values()), (found, weaker)


@pytest.mark.parametrize(("index", "right", "wrong", "level"), _against_wrong_prose())
def test_a_correct_command_answer_outranks_a_wrong_prose_one(
    index: int, right: str, wrong: str, level: str
) -> None:
    assert scored(index, right, level) > scored(index, ANSWERS[index]["wrong"], level)


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize(("index", "right", "wrong"), [c for c in CASES if c.values[2]])
def test_a_wrong_command_answer_does_not_outrank_a_correct_plain_one(
    index: int, right: str, wrong: str, level: str
) -> None:
    assert scored(index, wrong, level) < scored(index, ANSWERS[index]["partial"], level)


@pytest.mark.parametrize(("index", "listed"), LISTS)
def test_a_list_of_terms_or_command_names_stays_capped(index: int, listed: str) -> None:
    assert scored(index, listed) <= KEYWORD_LIST_CAP


def test_a_keyword_list_beside_a_command_stays_capped() -> None:
    listed = "docker run --read-only myapp\nroot capabilities seccomp AppArmor secrets scanning"
    assert scored(22, listed) <= KEYWORD_LIST_CAP


def spans(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in code_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("docker run -d nginx", ["docker run -d nginx"]),
        ("$ unshare --uts bash", ["$ unshare --uts bash"]),
        ("sudo docker ps -a", ["sudo docker ps -a"]),
        (
            "docker create nginx / docker start <id>",
            ["docker create nginx", "docker start <id>"],
        ),
        ("First docker stop web, then docker rm web.", ["docker stop web", "docker rm web"]),
        ("Use `kubectl get pods -A` to see them", ["kubectl get pods -A"]),
        ("FROM node:20 AS build\nRUN npm ci", ["FROM node:20 AS build", "RUN npm ci"]),
        ("restart: always\nimage: nginx", ["restart: always", "image: nginx"]),
        ("docker run -d nginx\ndocker ps", ["docker run -d nginx", "docker ps"]),
    ],
)
def test_code_spans_find_command_dockerfile_and_yaml_lines(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "docker run, docker ps, docker stop, docker rm",
        "volumes, persistence, docker volume create, -v, drivers, data",
        "kubectl get, kubectl apply, helm install",
        "docker ps\ndocker images",
        "Docker images are read-only templates.",
        "FROM, RUN, COPY, CMD",
        "the docker daemon runs containers",
        "Volumes: named volumes, bind mounts, tmpfs",
        "- namespaces\n- cgroups\n- layers",
        "docker run namespaces cgroups layers seccomp",
        "Docker build cache layers registry tags",
        "export the image to a tar file",
        "restart: always",
    ],
)
def test_lists_names_and_prose_are_not_code(text: str) -> None:
    assert spans(text) == []


def _segment_commands_word_by_word(segment: str) -> list[tuple[int, int, bool]]:
    # The command search as first written: every word in turn, a command tried at each tool's
    # name (or at a prompt), the search going on after the end of each command found.
    words = segment.split()
    found = []
    index = 0
    prompt = bool(words) and words[0] == "$"
    while index < len(words):
        if not (words[index] in code_lines._TOOL_WORDS or (prompt and index == 0)):
            index += 1
            continue
        parsed = code_lines._command_at(words, index, prompt and index == 0)
        if parsed is None:
            index += 1
            continue
        last, has_arguments = parsed
        found.append((index, last, has_arguments))
        index = last + 1
    if not found:
        return []
    tokens = [m.span() for m in code_lines._TOKEN_RE.finditer(segment)]
    return [
        (tokens[first][0], tokens[last][0] + len(words[last].rstrip(",.:") or words[last]), has)
        for first, last, has in found
    ]


COMMAND_WORDS = [
    "$",
    "sudo",
    "docker",
    "Docker",
    "podman",
    "kubectl",
    "git",
    "run",
    "ps",
    "rm",
    "volume",
    "create",
    "get",
    "the",
    "and",
    "a",
    "to",
    "nginx",
    "web",
    "-d",
    "--rm",
    "-p",
    "8080:80",
    "<id>",
    ".",
    ",",
    "ALL",
    "images",
]


@settings(max_examples=1000, deadline=None)
@given(words=st.lists(st.sampled_from(COMMAND_WORDS), max_size=14))
def test_commands_are_found_where_the_word_by_word_search_finds_them(words: list[str]) -> None:
    segment = " ".join(words)
    assert code_lines._segment_commands(segment) == _segment_commands_word_by_word(segment)


@settings(max_examples=1000, deadline=None)
@given(line=st.text(alphabet="a /;&|`\t-", max_size=14))
def test_a_line_without_the_separators_characters_has_no_separator(line: str) -> None:
    # _commands looks for separators only in lines with one of their characters.
    if not code_lines._SEGMENT_CHARS_RE.search(line):
        assert not code_lines._SEGMENT_RE.search(line)


# The YAML key pattern as first written: a lazy value, so the trailing whitespace stays out.
PLAIN_YAML_KEY_RE = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w.-]*):(?:\s+(\S.*?))?\s*$")


@settings(max_examples=1000, deadline=None)
@given(line=st.text(alphabet="aB_.-: ,\t\u00a0[", max_size=14))
def test_the_yaml_key_pattern_reads_what_the_lazy_one_reads(line: str) -> None:
    plain, found = PLAIN_YAML_KEY_RE.match(line), code_lines._YAML_KEY_RE.match(line)
    assert (plain is None) == (found is None)
    if found:
        value = found.group(3)
        assert found.groups()[:2] == plain.groups()[:2]
        assert (value and value.rstrip()) == plain.group(3)
