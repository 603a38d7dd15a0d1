"""Test data for generation: optimisation records, knowledge-base clarifications, AI enrichments,
CV Tailor job descriptions and generated documents."""

import copy
import hashlib

import factory
from django.utils import timezone

from accounts.factories import UserFactory
from cvplatform.jobs import JobStatus
from generation.models import (
    AnalysisEnrichment,
    ChatMessage,
    ChatSender,
    ChatSession,
    Clarification,
    ClarificationKind,
    DocumentType,
    GeneratedDocument,
    JobDescription,
    Optimization,
)
from resumes.factories import STRUCTURED_CV, CVDocumentFactory


class OptimizationFactory(factory.django.DjangoModelFactory):
    """An optimisation the user ran on one of their own documents."""

    class Meta:
        model = Optimization

    user = factory.SubFactory(UserFactory)
    document = factory.SubFactory(CVDocumentFactory, user=factory.SelfAttribute("..user"))
    optimization_type = "Action Verb Enhancer"
    job_title = "Backend Engineer"
    job_description = "We need a backend engineer with Python and PostgreSQL."
    score_before = 60
    score_after = 75


class ClarificationFactory(factory.django.DjangoModelFactory):
    """An answered skill question."""

    class Meta:
        model = Clarification

    user = factory.SubFactory(UserFactory)
    question_id = factory.Sequence(lambda n: f"skill:skill-{n}")
    question = factory.LazyAttribute(lambda obj: f"Have you used {obj.subject}?")
    kind = ClarificationKind.SKILL
    subject = factory.Sequence(lambda n: f"Skill {n}")
    answer = "Yes, for two years in production."
    answered_at = factory.LazyFunction(timezone.now)


class AnalysisEnrichmentFactory(factory.django.DjangoModelFactory):
    """A pending enrichment of the default CV's analysis."""

    class Meta:
        model = AnalysisEnrichment

    user = factory.SubFactory(UserFactory)
    cv = factory.LazyFunction(lambda: copy.deepcopy(STRUCTURED_CV))
    job_description = "We need a backend engineer with Python and PostgreSQL."
    scores = factory.LazyFunction(lambda: {"experience": 70, "skills": 80})
    overall_score = 75
    status = JobStatus.PENDING


class ChatSessionFactory(factory.django.DjangoModelFactory):
    """A chat about one of the user's own parsed resumes."""

    class Meta:
        model = ChatSession

    user = factory.SubFactory(UserFactory)
    document = factory.SubFactory(CVDocumentFactory, user=factory.SelfAttribute("..user"))
    title = factory.LazyAttribute(lambda obj: obj.document.title if obj.document else "Chat")


class ChatMessageFactory(factory.django.DjangoModelFactory):
    """A user's chat message."""

    class Meta:
        model = ChatMessage

    session = factory.SubFactory(ChatSessionFactory)
    sender = ChatSender.USER
    type = "chat"
    content = "How can I improve my resume?"


JOB_TEXT = "Backend engineer. Requirements: Python, Django and PostgreSQL; Kubernetes is a plus."


class JobDescriptionFactory(factory.django.DjangoModelFactory):
    """A stored job description (its analysis left empty: the service fills it)."""

    class Meta:
        model = JobDescription

    text = factory.Sequence(lambda n: f"{JOB_TEXT} Posting {n}.")
    content_hash = factory.LazyAttribute(lambda obj: hashlib.sha256(obj.text.encode()).hexdigest())
    title = "Backend engineer"


GENERATED_CONTENT = {
    "professionalSummary": "Backend engineer with 5+ years of experience at Acme. Skilled in Python, Django.",
    "keySkills": ["Python", "Django", "PostgreSQL"],
    "experience": [
        {
            "title": "Senior Engineer",
            "organization": "Acme",
            "duration": "Jan 2019 – Jun 2021",
            "achievements": ["Built a payments platform that handles a million requests a day."],
            "technologiesUsed": ["Python", "Django"],
            "evidenceReferences": ["https://example.com/payments"],
        }
    ],
    "projects": [],
    "education": [],
    "certifications": [],
    "customSections": {},
}


class GeneratedDocumentFactory(factory.django.DjangoModelFactory):
    """A completed tailored CV."""

    class Meta:
        model = GeneratedDocument

    user = factory.SubFactory(UserFactory)
    type = DocumentType.CV
    job_description = factory.SubFactory(JobDescriptionFactory)
    company_name = "Initech"
    role_title = "Backend Engineer"
    content = factory.LazyFunction(lambda: copy.deepcopy(GENERATED_CONTENT))
    metadata = factory.LazyFunction(
        lambda: {
            "artifactsUsed": [],
            "skillMatchScore": 0.8,
            "missingSkills": ["Kubernetes"],
            "modelUsed": "Builtin",
        }
    )
    model_used = "Builtin"
    status = JobStatus.SUCCESS
    progress = 100
    generation_seconds = 0.4
    finished_at = factory.LazyFunction(timezone.now)
