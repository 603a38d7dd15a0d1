"""Reads: optimisation usage and history, the knowledge base, clarifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from cvplatform.exceptions import NotFoundError
from llm.models import Provider
from llm.selectors import ai_model_list
from resumes import selectors as resume_selectors
from resumes.analysis import terms
from resumes.analysis.classify import classify_industry
from resumes.analysis.gaps import Known, affirmative
from resumes.schema import StructuredCV

from . import conf
from .models import AnalysisEnrichment, Clarification, ClarificationKind, Optimization


# --- optimisations -------------------------------------------------------------------------------
def month_start(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def optimizations_of(*, user: User) -> QuerySet[Optimization]:
    return Optimization.objects.filter(user=user).order_by("-created_at", "-id")


def optimizations_this_month(*, user: User) -> int:
    return optimizations_of(user=user).filter(created_at__gte=month_start()).count()


def optimization_limit(*, user: User) -> int | None:
    """The user's monthly allowance (None: unlimited)."""
    return conf.optimization_limit(user.subscription_tier)


# --- knowledge base ------------------------------------------------------------------------------
def clarifications_of(*, user: User) -> QuerySet[Clarification]:
    return Clarification.objects.filter(user=user).order_by("-updated_at", "-id")


def known_facts(*, user: User) -> Known:
    """The user's answers by question id, and the skills their knowledge base holds."""
    answered = list(clarifications_of(user=user).exclude(answer=""))
    answers = {c.question_id: c.answer for c in answered}
    skills = {
        c.subject
        for c in answered
        if c.kind in {ClarificationKind.SKILL, ClarificationKind.TEAM_SKILL}
        and c.subject
        and affirmative(c.answer)
    }
    for c in answered:
        if c.kind == ClarificationKind.SKILLS:
            skills.update(terms.find_terms(c.answer))
    return Known(answers=answers, skills=skills)


def _user_cvs(*, user: User) -> list[StructuredCV]:
    cvs = [
        resume_selectors.cv_document_structured(document=d)
        for d in resume_selectors.cv_documents_of(user=user)
        if d.structured
    ]
    cvs += [resume_selectors.persona_cv(persona=p) for p in resume_selectors.personas_of(user=user)]
    return cvs


def knowledge_base(*, user: User) -> dict:
    """Skills, tools, industries, soft skills and preferences from the user's CVs, personas and
    clarified answers; every list in order of first appearance, without repeats."""
    index = terms.index()
    found: dict[str, dict[str, None]] = {"skills": {}, "tools": {}, "soft_skills": {}, "industries": {}}

    def add_term(name: str) -> None:
        category = index.category(name)
        bucket = (
            "soft_skills"
            if category == terms.SOFT_SKILL
            else "tools"
            if category in terms.TOOL_CATEGORIES
            else "skills"
        )
        found[bucket].setdefault(name, None)

    for cv in _user_cvs(user=user):
        for name in [
            *(terms.canonical(s) or s.strip() for s in cv.skill_names()),
            *terms.find_terms(cv.raw_text),
        ]:
            if name:
                add_term(name)
        industry = classify_industry(cv)
        if industry != "general":
            found["industries"].setdefault(industry, None)
    known = known_facts(user=user)
    for skill in sorted(known.skills):
        add_term(skill)
    preferences: dict[str, str] = {}
    for c in clarifications_of(user=user).exclude(answer="").order_by("created_at", "id"):
        if c.kind == ClarificationKind.PREFERENCE:
            preferences[c.subject or c.question_id] = c.answer
        elif c.kind == ClarificationKind.TARGET_ROLE:
            preferences["target_role"] = c.answer
        elif c.kind == ClarificationKind.NOTE:
            # A fact the user volunteered: kept under their own question.
            preferences[c.question] = c.answer
    return {**{key: list(values) for key, values in found.items()}, "preferences": preferences}


# --- AI enrichment -------------------------------------------------------------------------------
def remote_model_available() -> bool:
    """Whether an AI model other than the builtin engine is configured and usable now."""
    return any(m.is_available for m in ai_model_list().exclude(provider=Provider.BUILTIN))


def analysis_enrichment_get(*, user: User, job_id: Any) -> AnalysisEnrichment:
    try:
        pk = int(str(job_id))
    except ValueError:
        raise NotFoundError("Analysis not found.") from None
    job = AnalysisEnrichment.objects.filter(user=user, pk=pk).first()
    if job is None:
        raise NotFoundError("Analysis not found.")
    return job
