"""Reads of chat sessions and their history, owner-scoped and within the retention period."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from accounts.models import User
from billing import enterprise
from cvplatform.exceptions import NotFoundError
from resumes.selectors import parse_id

from ..models import ChatMessage, ChatSession


def _kept(*, user: User) -> Q:
    cutoff = enterprise.retention_cutoff(user=user)
    return Q(messages__created_at__gte=cutoff) if cutoff else Q()


def chat_sessions_of(*, user: User) -> QuerySet[ChatSession]:
    kept = _kept(user=user)
    return (
        ChatSession.objects.filter(user=user)
        .annotate(message_count=Count("messages", filter=kept), last_message_at=Max("messages__created_at"))
        .order_by("-updated_at", "-id")
    )


def chat_session_get(*, user: User, session_id: Any) -> ChatSession:
    """One of the user's sessions; anyone else's, or a malformed id, is the same 404."""
    pk = parse_id(session_id)
    session = ChatSession.objects.select_related("document").filter(user=user, pk=pk).first() if pk else None
    if session is None:
        raise NotFoundError("Chat session not found.")
    return session


def chat_messages_of(*, session: ChatSession) -> QuerySet[ChatMessage]:
    """The session's history in the order it was sent; none past the retention period."""
    messages = ChatMessage.objects.filter(session=session).order_by("id")
    cutoff = enterprise.retention_cutoff(user=session.user)
    return messages.filter(created_at__gte=cutoff) if cutoff else messages


def chat_history(*, session: ChatSession, limit: int = 20) -> list[ChatMessage]:
    """The last ``limit`` turns the assistant reads (user chat and assistant answers)."""
    turns = chat_messages_of(session=session).filter(type__in=("chat", "assistant")).order_by("-id")[:limit]
    return list(reversed(turns))


def optimization_type_keys() -> dict[str, str]:
    """Every spelling of an optimisation type (lower-case name, slug) → its name."""
    from resumes.analysis.optimise import CATALOGUE

    return {key: kind.name for kind in CATALOGUE for key in (kind.name.lower(), kind.slug)}
