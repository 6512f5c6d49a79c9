"""Whether a text reads as English, the one language the scorer reads."""

import pytest

from content.scoring.language import SAMPLE, reads_as_english


@pytest.mark.parametrize(
    "text",
    [
        "A container is a running instance of an image; the image itself never changes.",
        "FROM: sets the base image. RUN: executes commands during the build, and each one adds a"
        " layer.",
        "",  # nothing to judge: no warning
        "Volumes keep data.",  # too short to judge
        "Контейнер",  # too short to judge
    ],
)
def test_english_or_too_little_text_reads_as_english(text: str) -> None:
    assert reads_as_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Un conteneur est une instance en cours d'exécution d'une image. L'image est en lecture"
        " seule et le conteneur ajoute une couche inscriptible par-dessus.",
        "Ein Container ist eine laufende Instanz eines Images. Das Image ist schreibgeschützt und"
        " der Container fügt eine beschreibbare Schicht hinzu.",
        "Контейнер — это запущенный экземпляр образа. Образ неизменяем, а контейнер добавляет"
        " слой для записи, и все изменения остаются в этом слое.",
        "容器是镜像的运行实例。镜像是只读的，容器在镜像之上添加一个可写层，所有修改都保存在这一层中。",
    ],
)
def test_text_in_another_language_does_not(text: str) -> None:
    assert not reads_as_english(text)


def test_a_long_bank_is_judged_on_its_beginning() -> None:
    english = "A container is a running instance of an image; the image itself never changes. "
    french = "Un conteneur est une instance en cours d'exécution d'une image. "
    assert reads_as_english(english * (SAMPLE // len(english) + 1) + french * 10_000)
    assert not reads_as_english(french * (SAMPLE // len(french) + 1) + english * 10_000)
