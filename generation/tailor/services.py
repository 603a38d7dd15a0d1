"""CV Tailor writes: generations as jobs (job descriptions are in ``jobdescriptions``; rating and
exporting a completed generation in ``completed``).

A generation runs in stages, each recorded as the progress clients poll: the job description
is analysed (or its stored analysis reused), the artifacts are chosen and ranked, a model
(remote or builtin, through the AI router) writes the draft, and the grounding verifier
removes or rewrites whatever the sources do not support.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from django.db import transaction

from accounts.models import User
from cvplatform.exceptions import (
    ApplicationError,
    QuotaExceeded,
    ServiceUnavailable,
)
from cvplatform.jobs import (
    is_transient,
    job_enqueue,
    job_max_attempts,
    job_progress_set,
    job_run,
)
from llm.services import run_task
from resumes.analysis.engine import analyse_cv
from resumes.analysis.jd import JobRequirements
from resumes.analysis.text import defuse

from .. import conf
from ..models import DocumentType, GeneratedDocument, GenerationStage
from . import selectors
from .grounding import Corpus, verify_cv, verify_letter
from .jobdescriptions import job_description_store, job_requirements
from .mapping import content_cv
from .ranking import rank_artifacts
from .sources import artifact_source, profile_source, source_cv
from .writer import LIMITS, summary, write_cover_letter, years_of_experience

TONES = ("professional", "technical", "creative")
LENGTHS = ("concise", "detailed")


# --- starting a generation --------------------------------------------------------------------------
def _check_allowance(*, user: User) -> None:
    limit = conf.generation_limit(user.subscription_tier)
    if limit is None:
        return
    used = selectors.generations_this_month(user=user)
    if used >= limit:
        raise QuotaExceeded(
            f"Monthly generation limit reached: the {user.subscription_tier} plan allows {limit} "
            f"generation{'s' if limit != 1 else ''} per month and you have used {used}.",
            code="quota_exceeded",
        )


def _custom_sections(raw: dict) -> list[dict]:
    """``{title: text or [lines]}`` → ``[{"title", "lines"}]`` in the order given, without
    lines addressed to an AI."""
    sections: dict[str, list[str]] = {}
    for title, value in (raw or {}).items():
        lines = value if isinstance(value, list) else str(value).splitlines()
        kept = [defuse(str(line))[0].strip() for line in lines]
        kept = [line for line in kept if line]
        if str(title).strip() and kept:
            sections[str(title).strip()[:100]] = kept
    return [{"title": title, "lines": lines} for title, lines in sections.items()]


def custom_sections_dict(document: GeneratedDocument) -> dict[str, list[str]]:
    """The generation's customSections as the document shows them, ``{title: [lines]}``, in
    the user's order."""
    return {section["title"]: list(section["lines"]) for section in document.custom_sections or []}


@transaction.atomic
def generation_start(
    *,
    user: User,
    type: str,
    job_description: str,
    company_name: str = "",
    role_title: str = "",
    label_ids: list[int] | None = None,
    template_id: Any = None,
    custom_sections: dict | None = None,
    tone: str = "professional",
    length: str = "concise",
    focus_areas: list[str] | None = None,
) -> GeneratedDocument:
    """Check the request, store the job description and queue the generation."""
    from ..tasks import generate_document  # tasks import services: import here, not at the top

    if not (job_description or "").strip():
        raise ApplicationError(
            "jobDescription is required.", fields={"jobDescription": ["This field is required."]}
        )
    if tone not in TONES or length not in LENGTHS:
        field, choices = ("tone", TONES) if tone not in TONES else ("length", LENGTHS)
        raise ApplicationError(
            f"Unknown {field}.",
            fields={f"generationPreferences.{field}": [f"Choose one of: {', '.join(choices)}."]},
        )
    label_ids = list(dict.fromkeys(label_ids or []))
    unknown = selectors.labels_not_owned(user=user, label_ids=label_ids)
    if unknown:
        raise ApplicationError(
            f"Unknown label ids: {', '.join(map(str, unknown))}.",
            fields={"labelIds": [f"No label with id {pk}." for pk in unknown]},
        )
    template = selectors.template_for(template_id=template_id, kind=type)
    # Lock the user's row so two concurrent requests cannot both take the last generation.
    User.objects.select_for_update().filter(pk=user.pk).first()
    _check_allowance(user=user)
    document = GeneratedDocument.objects.create(
        user=user,
        type=type,
        job_description=job_description_store(text=job_description),
        company_name=(company_name or "").strip()[:255],
        role_title=(role_title or "").strip()[:255],
        label_ids=label_ids,
        template=template,
        custom_sections=_custom_sections(custom_sections or {}),
        preferences={
            "tone": tone,
            "length": length,
            "focus_areas": [str(f)[:60] for f in focus_areas or []][:10],
        },
    )
    job_enqueue(task=generate_document, job=document)
    return document


# --- running it (the worker's side) -----------------------------------------------------------------
def _sources(document: GeneratedDocument) -> tuple[list[dict], list[dict], dict]:
    """(every active artifact of the user, those this generation may use, the profile)."""
    rows = list(selectors.artifacts_for_generation(user=document.user))
    wanted = set(document.label_ids)
    all_artifacts, usable = [], []
    for artifact in rows:
        labels = [label.pk for label in artifact.labels.all()]
        item = artifact_source(
            artifact, links=[link.url for link in artifact.evidence_links.all()], label_ids=labels
        )
        all_artifacts.append(item)
        if not wanted or wanted & set(labels):
            usable.append(item)
    return all_artifacts, usable, profile_source(document.user)


def _artifacts_used(content: dict, artifacts: list[dict]) -> list[int]:
    named = {
        *(e.get("organization", "") + "|" + e.get("title", "") for e in content.get("experience") or []),
        *(e.get("name", "") for e in content.get("projects") or []),
        *(e.get("institution", "") + "|" + e.get("degree", "") for e in content.get("education") or []),
        *(e.get("name", "") for e in content.get("certifications") or []),
    }
    used = []
    for item in artifacts:
        keys = {item["title"], item["organisation"] + "|" + item["title"]}
        if keys & named:
            used.append(item["id"])
    return used


def _keyword(cv, requirements: JobRequirements):
    return analyse_cv(cv, job=requirements, use_target_role=False).keyword


def generation_run(*, job_id: Any) -> None:
    """Claim the generation and run its stages; a failure is recorded with a message the client reads."""

    def work(document: GeneratedDocument) -> dict:
        started = time.monotonic()
        requirements = job_requirements(job_description=document.job_description)
        job_progress_set(job=document, progress=GenerationStage.JOB_ANALYSED)

        all_artifacts, usable, profile = _sources(document)
        if not usable:
            where = " with the chosen labels" if document.label_ids else ""
            raise ApplicationError(
                f"There are no active artifacts{where} to build the document from; add some first.",
                code="no_artifacts",
                status_code=409,
            )
        prefs = document.preferences or {}
        focus = list(prefs.get("focus_areas") or [])
        ranked = rank_artifacts(
            usable,
            job_text=document.job_description.text,
            requirements=asdict(requirements),
            focus_areas=focus,
            user=document.user,
        )
        job_progress_set(job=document, progress=GenerationStage.ARTIFACTS_SELECTED)

        is_letter = document.type == DocumentType.COVER_LETTER
        requirement_data = requirements.as_dict()
        inputs = {
            "job_description": defuse(document.job_description.text)[0],
            "job_requirements": {
                "title": requirements.title,
                "required_skills": requirements.required_skills,
                "preferred_skills": requirements.preferred_skills,
                "qualifications": requirement_data["qualifications"],
                "years_min": requirements.years_min,
            },
            "artifacts": ranked,
            "profile": profile,
            "preferences": prefs,
            "company_name": document.company_name,
            "role_title": document.role_title or requirements.title,
        }
        result, fell_back = _draft(document, "generate_cover_letter" if is_letter else "generate_cv", inputs)
        draft = result.output.model_dump(mode="json")
        job_progress_set(job=document, progress=GenerationStage.DRAFT_WRITTEN)

        extra = [line for lines in custom_sections_dict(document).values() for line in lines]
        corpus = Corpus(
            artifacts=ranked, profile=profile, extra_texts=extra, years=years_of_experience(ranked, profile)
        )
        if is_letter:
            content, report = _letter_content(draft, corpus, document, inputs)
        else:
            length = prefs.get("length") or "concise"
            fallback = summary(inputs, ranked, [], prefs.get("tone") or "professional", length)
            content, report = verify_cv(draft, corpus, fallback_summary=fallback)
            content = _trimmed(content, length)
        content["customSections"] = custom_sections_dict(document)
        job_progress_set(job=document, progress=GenerationStage.VERIFIED)

        final_cv = content_cv(content, profile)
        matched = _keyword(final_cv, requirements)
        shown = _keyword(source_cv(artifacts=all_artifacts, profile=profile), requirements)
        elapsed = round(time.monotonic() - started, 3)
        document.content = content
        document.metadata = {
            "artifactsUsed": content.get("coverLetter", {}).get("citedArtifacts")
            if is_letter
            else _artifacts_used(content, ranked),
            "skillMatchScore": round(matched.score / 100, 2) if matched else 0.0,
            "missingSkills": (shown.missing_required + shown.missing_preferred) if shown else [],
            "generationTime": elapsed,
            "modelUsed": result.call.model_label,
            "failedOver": result.failed_over or fell_back,
            "grounding": report.as_dict(),
            "relevance": {str(a["id"]): a["relevance"] for a in ranked},
        }
        document.model_used = result.call.model_label[:100]
        document.generation_seconds = elapsed
        document.save(update_fields=["content", "metadata", "model_used", "generation_seconds"])
        return {"artifactsUsed": document.metadata["artifactsUsed"], "modelUsed": document.model_used}

    job_run(model=GeneratedDocument, job_id=job_id, work=work)


def _draft(document: GeneratedDocument, task: str, inputs: dict) -> tuple[Any, bool]:
    """The draft and whether the builtin engine wrote it in place of a remote model that failed.

    While attempts remain below ``GENERATION_REMOTE_ATTEMPTS``, only the remote models write: an
    outage (timeout, 5xx, rate limit) is raised for the job toolkit to retry with backoff. Any
    other failure, or the last of those attempts, lets the builtin engine write, so a provider
    never fails a generation."""
    # Never past the job's own last attempt: that one must end with a document.
    remote_first = document.attempts < min(conf.generation_remote_attempts(), job_max_attempts())
    try:
        result = run_task(
            task=task, inputs=inputs, user=document.user, engine="remote" if remote_first else "any"
        )
    except ServiceUnavailable as exc:
        if remote_first and is_transient(exc):
            raise
        return run_task(task=task, inputs=inputs, user=document.user, engine="builtin"), True
    return result, False


def _trimmed(content: dict, length: str) -> dict:
    """Whoever wrote the draft, ``length`` bounds it: a concise CV keeps fewer roles and bullets."""
    limits = LIMITS[length]
    content["experience"] = content.get("experience", [])[: limits["experience"]]
    for entry in content["experience"]:
        entry["achievements"] = entry.get("achievements", [])[: limits["bullets"]]
    content["projects"] = content.get("projects", [])[: limits["projects"]]
    content["keySkills"] = content.get("keySkills", [])[: limits["skills"]]
    return content


def _letter_content(
    draft: dict, corpus: Corpus, document: GeneratedDocument, inputs: dict
) -> tuple[dict, Any]:
    allowed = [document.company_name, inputs["role_title"], corpus.profile.get("name", "")]
    letter, report = verify_letter(draft, corpus, allowed_names=allowed)
    if len(letter["paragraphs"]) < 2:
        # Too little survived the check: the builtin letter is grounded by construction.
        builtin = write_cover_letter(inputs)
        letter = {**builtin, "paragraphs": builtin["paragraphs"]}
        report.rewrite("paragraphs", " ".join(draft.get("paragraphs") or []), "builtin letter")
    cited = set(letter["citedArtifacts"])
    skills = [s for s in inputs["job_requirements"]["required_skills"] if s.lower() in corpus.skills][:6]
    content = {
        "professionalSummary": "",
        "keySkills": skills,
        "experience": [],
        "projects": [],
        "education": [],
        "certifications": [],
        "coverLetter": {
            "company": document.company_name,
            "role": inputs["role_title"],
            "subject": letter.get("subject", ""),
            "greeting": letter.get("greeting") or "Dear hiring team,",
            "paragraphs": letter["paragraphs"],
            "closing": letter.get("closing") or "Kind regards,",
            "signature": corpus.profile.get("name", ""),
            "citedArtifacts": [a["id"] for a in corpus.artifacts if a["id"] in cited],
        },
    }
    return content, report
