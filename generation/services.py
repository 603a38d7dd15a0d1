"""Writes: optimisations (with the monthly allowance), gap analyses and clarified facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cvplatform.exceptions import ApplicationError, NotFoundError, QuotaExceeded
from cvplatform.jobs import job_enqueue, job_run
from llm.services import run_task
from resumes import selectors as resume_selectors
from resumes import services as resume_services
from resumes.analysis import optimise as optimiser
from resumes.analysis.gaps import (
    FIXED_QUESTIONS,
    GapReport,
    Question,
    persona_gaps,
    role_match_gaps,
    team_gaps,
)
from resumes.analysis.terms import canonical

from . import selectors
from .models import AnalysisEnrichment, Clarification, ClarificationKind, Optimization


# --- optimisations -------------------------------------------------------------------------------
def _check_allowance(*, user: User) -> None:
    limit = selectors.optimization_limit(user=user)
    if limit is None:
        return
    used = selectors.optimizations_this_month(user=user)
    if used >= limit:
        tier = user.subscription_tier
        raise QuotaExceeded(
            f"Monthly optimization limit reached: the {tier} plan allows {limit} optimization"
            f"{'s' if limit != 1 else ''} per month and you have used {used}. "
            "Upgrade your plan or wait until the 1st of next month.",
            code="quota_exceeded",
            extra={"optimizations_this_month": used, "optimizations_limit": limit},
        )


@transaction.atomic
def optimization_run(
    *, user: User, resume_id: Any, optimization_type: str, job_title: str = "", job_description: str = ""
) -> Optimization:
    """Run one optimisation on the user's resume and record it against the monthly allowance."""
    kind = optimiser.optimisation_type(optimization_type)
    if kind is None:
        names = ", ".join(t.name for t in optimiser.CATALOGUE)
        raise ApplicationError(
            f"Unknown optimization type “{optimization_type}”. Choose one of: {names}.",
            fields={"optimization_type": [f"Choose one of: {names}."]},
        )
    document = resume_selectors.cv_document_get(user=user, cv_id=resume_id)
    cv = resume_selectors.cv_document_parsed(document=document)
    # May read the file once (a CV parsed before signals were stored): before taking the lock.
    signals = resume_services.cv_document_signals(document=document)
    # Lock the user's row so two concurrent requests cannot both take the last optimisation.
    User.objects.select_for_update().filter(pk=user.pk).first()
    _check_allowance(user=user)
    result = optimiser.optimise(
        cv,
        optimization_type=kind.name,
        job_title=job_title or "",
        job_description=job_description or "",
        signals=signals,
    )
    return Optimization.objects.create(
        user=user,
        document=document,
        optimization_type=kind.name,
        job_title=(job_title or "")[:255],
        job_description=job_description or "",
        score_before=result.score_before,
        score_after=result.score_after,
        result={
            "suggestions": result.suggestions,
            "rewritten": result.rewritten,
            "changes": result.changes,
            "keyword_match": result.keyword_match,
            "optimized_cv": result.cv.model_dump(mode="json", exclude={"raw_text", "provenance"}),
        },
    )


# --- gap analysis ----------------------------------------------------------------------------------
def _record_questions(*, user: User, questions: list[Question]) -> None:
    """Remember what was asked, so an answer keyed by the question's text finds its id."""
    for question in questions:
        Clarification.objects.update_or_create(
            user=user,
            question_id=question.id,
            defaults={"question": question.text, "kind": question.kind, "subject": question.subject[:255]},
        )


@transaction.atomic
def persona_gap_analysis(*, user: User, persona_id: Any) -> dict:
    cv = resume_selectors.persona_structured_cv(user=user, persona_id=persona_id)
    report = persona_gaps(cv, known=selectors.known_facts(user=user))
    return _answer(user=user, report=report)


@transaction.atomic
def persona_role_match(*, user: User, persona_id: Any, job_description: str) -> dict:
    cv = resume_selectors.persona_structured_cv(user=user, persona_id=persona_id)
    report = role_match_gaps(cv, job_description=job_description, known=selectors.known_facts(user=user))
    return _answer(user=user, report=report)


@transaction.atomic
def team_gap_analysis(*, user: User, persona_ids: list[Any], team_description: str) -> dict:
    members = []
    for persona_id in dict.fromkeys(str(p) for p in persona_ids):
        try:
            # teams share personas: a teammate's persona may be part of the analysis
            persona = resume_selectors.persona_get_shared(user=user, persona_id=persona_id)
        except NotFoundError:
            raise NotFoundError(f"Persona {persona_id} not found.") from None
        members.append((persona.title, resume_selectors.persona_cv(persona=persona)))
    report = team_gaps(members, team_description=team_description, known=selectors.known_facts(user=user))
    return _answer(user=user, report=report)


def _answer(*, user: User, report: GapReport) -> GapReport:
    _record_questions(user=user, questions=report.questions)
    return report


# --- knowledge base ----------------------------------------------------------------------------------
_ID_SHAPE = re.compile(
    r"^(skill|team_skill|metric|outcome|dates|years|preference):[\w:. +#/-]+$"
    r"|^(target_role|skills|education)$"
)


def _normalised(text: str) -> str:
    return " ".join(str(text).lower().split()).rstrip("?")


class _Asked:
    """The user's clarifications by question id and by question text, read once per request.

    Text matches prefer the most recently updated, as ``clarifications_of`` orders them; a
    clarification saved during the request becomes the newest."""

    def __init__(self, *, user: User) -> None:
        self.by_id: dict[str, Clarification] = {}
        self.by_text: dict[str, Clarification] = {}
        for clarification in selectors.clarifications_of(user=user):
            self.by_id.setdefault(clarification.question_id, clarification)
            self.by_text.setdefault(_normalised(clarification.question), clarification)

    def saved(self, clarification: Clarification) -> None:
        self.by_id[clarification.question_id] = clarification
        self.by_text[_normalised(clarification.question)] = clarification


def _find_question(*, user: User, key: str, asked: _Asked) -> Clarification | None:
    found = asked.by_id.get(key)
    if found:
        return found
    wanted = _normalised(key)
    found = asked.by_text.get(wanted)
    if found:
        return found
    # A fixed question answered before any analysis asked it.
    fixed = FIXED_QUESTIONS.get(key) or next(
        (q for q in FIXED_QUESTIONS.values() if _normalised(q.text) == wanted), None
    )
    if fixed:
        return Clarification(
            user=user, question_id=fixed.id, question=fixed.text, kind=fixed.kind, subject=fixed.subject
        )
    return None


@transaction.atomic
@dataclass(frozen=True)
class ClarifyOutcome:
    answered: list[str]  # ids of the questions answered
    added: list[str]  # ids of facts nobody asked for, kept all the same
    knowledgebase: dict


def knowledge_clarify(*, user: User, answers: dict[str, Any]) -> ClarifyOutcome:
    """Store answers keyed by question id or question text; later analyses use them.

    An answer to a question we never asked is kept as a note (or, when its key has the shape of
    one of our ids, as that fact), so nothing the user tells us is lost.
    """
    if not isinstance(answers, dict) or not answers:
        raise ApplicationError(
            "answers must be a non-empty object of {question: answer}.",
            fields={"answers": ["This field is required."]},
        )
    _check_answers(answers)
    matched, new = [], []
    asked = _Asked(user=user)
    for key, answer in answers.items():
        clarification = _find_question(user=user, key=str(key), asked=asked)
        if clarification is None:
            clarification = _new_fact(user=user, key=str(key))
            new.append(clarification.question_id)
        else:
            matched.append(clarification.question_id)
        clarification.answer = answer.strip()
        clarification.answered_at = timezone.now()
        clarification.save()
        asked.saved(clarification)
    return ClarifyOutcome(answered=matched, added=new, knowledgebase=selectors.knowledge_base(user=user))


MAX_ANSWERS_PER_CALL = 50
MAX_QUESTION_CHARS = 500
MAX_ANSWER_CHARS = 2000


def _check_answers(answers: dict[str, Any]) -> None:
    """Refuse the whole request when any answer is malformed: each one becomes a stored fact
    that later analyses and prompts read, so size and shape are bounded here."""
    problems = []
    if len(answers) > MAX_ANSWERS_PER_CALL:
        problems.append(f"At most {MAX_ANSWERS_PER_CALL} answers per request (got {len(answers)}).")
    for key, value in answers.items():
        # Quote a bounded piece of the key: an oversized one is not echoed back whole.
        label = f"“{key[:60]}…”" if len(key) > 60 else f"“{key}”"
        if not key.strip():
            problems.append("A question key is blank.")
        elif len(key) > MAX_QUESTION_CHARS:
            problems.append(f"The question {label} is longer than {MAX_QUESTION_CHARS} characters.")
        if not isinstance(value, str):
            problems.append(f"The answer to {label} must be a string.")
        elif len(value) > MAX_ANSWER_CHARS:
            problems.append(f"The answer to {label} is longer than {MAX_ANSWER_CHARS} characters.")
        if len(problems) >= 3:
            break
    if problems:
        raise ApplicationError(" ".join(problems), fields={"answers": problems})


def _new_fact(*, user: User, key: str) -> Clarification:
    if _ID_SHAPE.match(key):
        kind, _, subject = key.partition(":")
        kind = "metric" if kind == "outcome" else kind if kind in ClarificationKind.values else "note"
        if kind in {ClarificationKind.SKILL, ClarificationKind.TEAM_SKILL}:
            subject = canonical(subject) or subject
        return Clarification(user=user, question_id=key, question=key, kind=kind, subject=subject)
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")[:150] or "note"
    return Clarification(
        user=user, question_id=f"note:{slug}", question=key[:2000], kind=ClarificationKind.NOTE
    )


# --- AI enrichment of an analysis --------------------------------------------------------------------
@transaction.atomic
def analysis_enrichment_start(
    *, user: User, cv: dict, job_description: str, scores: dict, overall_score: int
) -> AnalysisEnrichment | None:
    """Queue an AI rephrasing of a deterministic analysis, when a remote model is configured.

    None when no remote model is usable: the builtin analysis already answered inline.
    """
    if not selectors.remote_model_available():
        return None
    from .tasks import enrich_analysis

    job = AnalysisEnrichment.objects.create(
        user=user, cv=cv, job_description=job_description, scores=scores, overall_score=overall_score
    )
    job_enqueue(task=enrich_analysis, job=job)
    return job


def analysis_enrichment_run(*, job_id: int) -> None:
    """The worker's side: ask the model, keep only its words; the scores stay the engine's."""

    def work(job: AnalysisEnrichment) -> dict:
        result = run_task(
            task="analyse_cv",
            inputs={"cv": job.cv, "job_description": job.job_description},
            user=job.user,
        )
        output, call = result.output, result.call
        job.model_label = call.model_label[:100]
        job.save(update_fields=["model_label"])
        return {
            "strengths": [str(s)[:500] for s in output.strengths[:10]],
            "issues": [str(s)[:500] for s in output.issues[:15]],
            "suggestions": [str(s)[:500] for s in output.suggestions[:15]],
            "model": call.model_label,
            "failed_over": result.failed_over,
        }

    # A failed call ends the job as FAILURE with the reason the client reads; a provider's
    # outage is retried first.
    job_run(model=AnalysisEnrichment, job_id=job_id, work=work)
