"""Create a demo interviewer, a demo candidate and a finished, scored sample session (idempotent)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from content.models import Level, Question
from interviews.access import interviewer_grant
from interviews.management.commands.create_interviewer import user_find_or_create
from interviews.models import InterviewSession
from interviews.services import item_activate, item_finish, session_start
from interviews.services.building import SessionPlan, invited_session_create

INTERVIEWER_EMAIL = "demo-interviewer@example.com"
CANDIDATE_EMAIL = "demo-candidate@example.com"
SAMPLE_TITLE = "Demo: Docker basics"
SAMPLE_QUESTIONS = 3
BANK_SOURCE = settings.BASE_DIR / "content" / "sources" / "docker.txt"
NO_BANK_MESSAGE = (
    "The question bank is empty and {source} could not be imported, so no sample session "
    "was made. Import questions with `manage.py import_questions FILE` and run seed_demo again."
)


def sample_answer(question: Question, *, share: float) -> str:
    """The first part of the expert model answer, so the sample scores are neither 0 nor 100."""
    model = question.model_answer(Level.EXPERT) or question.model_answer(Level.BEGINNER)
    text = model.text if model else ""
    return text[: max(40, int(len(text) * share))]


class Command(BaseCommand):
    help = (
        "Create a demo interviewer and candidate (printing their passwords) and a sample session."
    )

    def handle(self, *args, **options):
        interviewer = self._user(INTERVIEWER_EMAIL, "interviewer")
        interviewer_grant(user=interviewer)
        candidate = self._user(CANDIDATE_EMAIL, "candidate")
        if not Question.objects.exists():
            self._bank_import()
        existing = InterviewSession.objects.filter(created_by=interviewer, title=SAMPLE_TITLE)
        if existing.exists():
            self.stdout.write(
                f"The sample session exists: /interviewer/sessions/{existing.first().pk}/"
            )
            return
        session = self._sample_session(interviewer=interviewer, candidate=candidate)
        self.stdout.write(f"Sample session: /interviewer/sessions/{session.pk}/transcript/")

    def _user(self, email: str, role: str):
        user, password = user_find_or_create(email=email)
        if password:
            self.stdout.write(f"Demo {role}: {email} / {password}")
        else:
            self.stdout.write(
                f"Demo {role}: {email} exists (password unchanged; `manage.py changepassword` resets it)"
            )
        return user

    def _bank_import(self) -> None:
        try:
            call_command("import_questions", str(BANK_SOURCE), stdout=self.stdout)
        except (CommandError, OSError) as error:
            raise CommandError(NO_BANK_MESSAGE.format(source=BANK_SOURCE.name)) from error
        if not Question.objects.exists():
            raise CommandError(NO_BANK_MESSAGE.format(source=BANK_SOURCE.name))

    def _sample_session(self, *, interviewer, candidate) -> InterviewSession:
        questions = list(
            Question.objects.filter(model_answers__level=Level.EXPERT)
            .distinct()
            .order_by("topic__name", "position")[:SAMPLE_QUESTIONS]
        )
        plan = SessionPlan(
            title=SAMPLE_TITLE,
            level=Level.EXPERT,
            questions=questions,
            per_item_seconds=300,
            candidate_name="Demo Candidate",
            candidate_email=CANDIDATE_EMAIL,
            notes="A sample session made by seed_demo.",
        )
        with transaction.atomic():
            session = invited_session_create(interviewer=interviewer, plan=plan)
            session.candidate = candidate
            session.save(update_fields=["candidate"])
            session.invite.accepted_at = timezone.now()
            session.invite.accepted_by = candidate
            session.invite.save(update_fields=["accepted_at", "accepted_by"])
        session_start(session=session)
        for index, question in enumerate(questions):
            item = item_activate(session=session)
            text = sample_answer(question, share=(0.8, 0.4, 0.15)[index % 3])
            item_finish(item_id=item.pk, text=text, revision=1)
        session.refresh_from_db()
        return session
