"""Writes of the chat: sessions, every message both ways, and the answers to each client message.

Each client message is stored as it came, then answered: ``chat`` through the AI engine's
``chat_reply`` task (the router, or the builtin assistant), ``resume_upload`` through the upload
gate and parser like any upload, ``optimization_request`` through the optimiser and its monthly
allowance. A user's mistake (an unreadable resume, an exhausted allowance) becomes an ``error``
message in the session rather than an exception: the socket stays open.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from accounts.models import User
from billing import enterprise
from cvplatform.exceptions import ApplicationError
from llm.services import run_task
from resumes import selectors as resume_selectors
from resumes import services as resume_services
from resumes.analysis import analyse_cv
from resumes.analysis.optimise import CATALOGUE
from resumes.models import CVDocument

from .. import selectors as generation_selectors
from .. import services as generation_services
from ..models import ChatMessage, ChatSender, ChatSession, Optimization
from . import assistant, selectors

DEFAULT_OPTIMIZATION = CATALOGUE[0].name


@transaction.atomic
def chat_session_create(*, user: User, resume_id: Any) -> ChatSession:
    document = resume_selectors.cv_document_get(user=user, cv_id=resume_id)
    return ChatSession.objects.create(user=user, document=document, title=document.title[:255])


def chat_message_store(
    *, session: ChatSession, sender: str, type: str, content: str = "", data: dict | None = None
) -> ChatMessage:
    message = ChatMessage.objects.create(
        session=session, sender=sender, type=type[:32], content=content, data=data or {}
    )
    ChatSession.objects.filter(pk=session.pk).update(updated_at=message.created_at)
    return message


def chat_error(*, session: ChatSession, message: str, code: str = "invalid_message") -> ChatMessage:
    return chat_message_store(
        session=session, sender=ChatSender.ASSISTANT, type="error", content=message, data={"code": code}
    )


def chat_processing(*, session: ChatSession, message: str) -> ChatMessage:
    return chat_message_store(
        session=session, sender=ChatSender.ASSISTANT, type="processing", content=message
    )


# --- chat -----------------------------------------------------------------------------------
def chat_reply(*, session: ChatSession, user: User, message: str) -> list[ChatMessage]:
    """Store the user's message and the assistant's answer, which knows the session: its resume
    and analysis, the last job description discussed and the earlier turns."""
    history = [_turn(m) for m in selectors.chat_history(session=session)]
    chat_message_store(session=session, sender=ChatSender.USER, type="chat", content=message)
    if assistant.looks_like_job_description(message):
        session.job_description = message
        session.save(update_fields=["job_description", "updated_at"])
    inputs = _inputs(session=session, message=message, history=history)
    result = run_task(task="chat_reply", inputs=inputs, user=user)
    answer = chat_message_store(
        session=session,
        sender=ChatSender.ASSISTANT,
        type="assistant",
        content=result.output.reply,
        data={
            "suggestions": list(result.output.suggestions[:5]),
            "intent": assistant.resolved_intent(message, history),
            "model": result.call.model_label,
        },
    )
    return [answer]


def _turn(message: ChatMessage) -> dict:
    role = "assistant" if message.sender == ChatSender.ASSISTANT else "user"
    return {"role": role, "content": message.content[:2000], "intent": message.data.get("intent", "")}


def _inputs(*, session: ChatSession, message: str, history: list[dict]) -> dict:
    """The task's inputs: for a remote model they are labelled data, never instructions."""
    inputs: dict = {
        "message": message,
        "history": history,
        "job_title": session.job_title,
        "job_description": session.job_description,
    }
    document = session.document
    if document is not None and document.status_word == "parsed":
        cv = resume_selectors.cv_document_structured(document=document)
        inputs["cv"] = cv.model_dump(mode="json", exclude={"provenance"})
        if not generation_selectors.remote_model_available():
            return inputs  # the builtin assistant analyses the CV itself
        analysis = analyse_cv(cv, job_text=session.job_description or None)
        inputs["analysis"] = {
            "score": analysis.overall_score,
            "issues": analysis.issues[:10],
            "missing_keywords": (
                analysis.keyword.missing_required + analysis.keyword.missing_preferred
                if analysis.keyword
                else []
            )[:15],
        }
    return inputs


# --- resume upload --------------------------------------------------------------------------
def chat_resume_upload(*, session: ChatSession, user: User, content: str, title: str) -> list[ChatMessage]:
    """Store the pasted resume as an upload (the same gate and parser), make it the session's."""
    chat_message_store(
        session=session,
        sender=ChatSender.USER,
        type="resume_upload",
        content=title,
        data={"chars": len(content)},
    )
    upload = SimpleUploadedFile("resume.txt", content.encode("utf-8"), content_type="text/plain")
    try:
        document = resume_services.cv_document_upload(user=user, upload=upload, title=title)
    except ApplicationError as exc:
        return [chat_error(session=session, message=exc.message, code=exc.code)]
    session.document = document
    session.title = session.title or document.title
    session.save(update_fields=["document", "title", "updated_at"])
    return [
        chat_message_store(
            session=session,
            sender=ChatSender.ASSISTANT,
            type="assistant",
            content=_upload_note(document),
            data={"resume_id": document.pk, "intent": "upload"},
        )
    ]


def _upload_note(document: CVDocument) -> str:
    if document.status_word != "parsed":
        return (
            f"Stored “{document.title}” (resume {document.pk}); it is being parsed, ask me again in a moment."
        )
    cv = resume_selectors.cv_document_structured(document=document)
    analysis = analyse_cv(cv)
    top = analysis.findings[0] if analysis.findings else None
    text = (
        f"Stored “{document.title}” (resume {document.pk}): ATS score {analysis.overall_score}/100, "
        f"{document.industry or 'general'} industry, {document.experience_level or 'unknown'} level."
    )
    return text + (f" First fix: {top.message} {top.recommendation}" if top else " I found nothing to fix.")


# --- optimisation ---------------------------------------------------------------------------
def chat_optimization(
    *, session: ChatSession, user: User, optimization_type: str, job_title: str, job_description: str
) -> list[ChatMessage]:
    """Run the optimiser on the session's resume (counted against the monthly allowance)."""
    chosen = optimization_type or _default_type(user=user)
    chat_message_store(
        session=session,
        sender=ChatSender.USER,
        type="optimization_request",
        content=job_description,
        data={"optimization_type": chosen, "job_title": job_title},
    )
    if job_title or job_description:
        session.job_title, session.job_description = job_title[:255], job_description
        session.save(update_fields=["job_title", "job_description", "updated_at"])
    if session.document_id is None:
        return [
            chat_error(session=session, message="Upload a resume first (resume_upload).", code="no_resume")
        ]
    try:
        optimization = generation_services.optimization_run(
            user=user,
            resume_id=session.document_id,
            optimization_type=chosen,
            job_title=session.job_title,
            job_description=session.job_description,
        )
    except ApplicationError as exc:
        return [chat_error(session=session, message=exc.message, code=exc.code)]
    return [
        chat_message_store(
            session=session,
            sender=ChatSender.ASSISTANT,
            type="optimization_result",
            content=optimization_markdown(optimization),
            data={"optimization_type": optimization.optimization_type, "optimization_id": optimization.pk},
        )
    ]


def _default_type(*, user: User) -> str:
    defaults = enterprise.enterprise_config_get(user=user).default_optimization_types
    return defaults[0] if defaults else DEFAULT_OPTIMIZATION


def optimization_markdown(optimization: Optimization) -> str:
    result = optimization.result
    lines = [
        "## Optimization Results",
        "",
        f"**{optimization.optimization_type}**"
        + (f" for {optimization.job_title}" if optimization.job_title else "")
        + f": score {optimization.score_before} → {optimization.score_after}",
    ]
    if result.get("suggestions"):
        lines += ["", "### Suggestions", *[f"- {s}" for s in result["suggestions"]]]
    for section, text in (result.get("rewritten") or {}).items():
        lines += ["", f"### Rewritten {section.replace('_', ' ')}", "", text]
    if result.get("changes"):
        lines += ["", "### Changes", *[f"- {c}" for c in result["changes"]]]
    return "\n".join(lines)


# --- retention ------------------------------------------------------------------------------
@transaction.atomic
def chat_history_purge() -> int:
    """Delete chat messages older than their organisation's retention period."""
    deleted = 0
    for config in enterprise.retention_configs():
        cutoff = enterprise.retention_cutoff(user=config.owner)
        members = enterprise.organisation_members(user=config.owner)
        deleted += ChatMessage.objects.filter(session__user__in=members, created_at__lt=cutoff).delete()[0]
    return deleted
