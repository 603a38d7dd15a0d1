"""Reads on CV documents, personas, saved client CVs and resumes — always scoped to a user.

A row that belongs to someone else is reported exactly like a missing one, so an id never
tells another user that it exists. A user's own rows are read through the user's related
manager: each row's ``user`` is then the very object passed in (already loaded), never a join
on the user table nor a query per row.
"""

import re
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from billing.selectors import clients_of
from cvplatform import downloads
from cvplatform.exceptions import ApplicationError, NotFoundError

from .models import CVDocument, Persona, Resume, SavedCV
from .schema import StructuredCV

# Every primary key is a BigAutoField: an id past it can name no row, and the database driver
# would overflow on it (a 500) if it reached a query.
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")
_Row = TypeVar("_Row")


def parse_id(value: Any) -> int | None:
    """A row id from a request, or None for anything that cannot be one: not a plain decimal
    number, below 1 or past MAX_ID. Ids arrive as ints or as strings (PersonaForge documents
    ``string`` ids)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        pk = value
    else:
        text = str(value).strip()
        if not _DIGITS.fullmatch(text):
            return None
        pk = int(text)
    return pk if 1 <= pk <= MAX_ID else None


def _object_id(value: Any, *, what: str) -> int:
    pk = parse_id(value)
    if pk is None:
        raise NotFoundError(f"{what} not found.")
    return pk


def _get_one(queryset: QuerySet[_Row], value: Any, *, what: str) -> _Row:
    """The row of ``queryset`` with this request id; a malformed, missing or out-of-scope id
    is the same 404."""
    found = queryset.filter(pk=_object_id(value, what=what)).first()
    if found is None:
        raise NotFoundError(f"{what} not found.")
    return found


# --- CV documents ----------------------------------------------------------------------------
def cv_documents_of(*, user: User) -> QuerySet[CVDocument]:
    return user.cv_documents.order_by("-created_at", "-id")


def cv_document_get(*, user: User, cv_id: Any) -> CVDocument:
    return _get_one(cv_documents_of(user=user), cv_id, what="CV")


def cv_document_structured(*, document: CVDocument) -> StructuredCV:
    return StructuredCV.model_validate(document.structured or {})


def cv_document_parsed_cv(*, user: User, cv_id: Any) -> StructuredCV:
    """The parsed CV of a document; a clear 400 while it is still processing or failed."""
    return cv_document_parsed(document=cv_document_get(user=user, cv_id=cv_id))


def cv_document_parsed(*, document: CVDocument) -> StructuredCV:
    """The parsed CV of a document already fetched for its owner; the same 400 while it is
    still processing or failed."""
    if document.status_word != "parsed":
        raise ApplicationError(
            f"CV {document.pk} is {document.status_word}: it has no extracted data yet.",
            code="cv_not_parsed",
        )
    return cv_document_structured(document=document)


# --- personas --------------------------------------------------------------------------------
def personas_of(*, user: User) -> QuerySet[Persona]:
    return user.personas.order_by("-updated_at", "-id")


def persona_get(*, user: User, persona_id: Any) -> Persona:
    return _get_one(personas_of(user=user), persona_id, what="Persona")


def team_personas_of(*, user: User) -> QuerySet[Persona]:
    """Personas of everyone in the user's team (their own included); theirs alone without a team."""
    if user.team_id is None:
        return personas_of(user=user)
    return (
        Persona.objects.filter(user__team_id=user.team_id)
        .select_related("user")
        .order_by("-updated_at", "-id")
    )


def persona_get_shared(*, user: User, persona_id: Any) -> Persona:
    """A persona the user may read: their own or a teammate's (teams share personas)."""
    return _get_one(team_personas_of(user=user), persona_id, what="Persona")


def persona_cv(*, persona: Persona) -> StructuredCV:
    return StructuredCV.model_validate(persona.cv or {})


def persona_structured_cv(*, user: User, persona_id: Any) -> StructuredCV:
    """The StructuredCV a persona stands for (export and analysis render it)."""
    return persona_cv(persona=persona_get(user=user, persona_id=persona_id))


# --- CV Genius saved client CVs --------------------------------------------------------------
def saved_cvs_of(*, user: User) -> QuerySet[SavedCV]:
    # Only client_id is ever read off a saved CV: no join on the client.
    return SavedCV.objects.filter(owner=user).order_by("-created_at", "-id")


def saved_cvs_of_client(*, user: User, client_id: Any) -> QuerySet[SavedCV]:
    """The CVs kept for one of the user's clients; another agency's client is a 404, exactly
    like a missing one (an empty list would confirm that it exists)."""
    pk = _object_id(client_id, what="Client")
    if not clients_of(user=user).filter(pk=pk).exists():
        raise NotFoundError("Client not found.")
    return saved_cvs_of(user=user).filter(client_id=pk)


def saved_cv_get(*, user: User, saved_cv_id: Any) -> SavedCV:
    return _get_one(saved_cvs_of(user=user), saved_cv_id, what="CV")


# --- ResuMate resumes ------------------------------------------------------------------------
def resumes_of(*, user: User) -> QuerySet[Resume]:
    # The serializer reads each row's user (its username): the related manager hands back
    # ``user`` itself for it, where a join would fetch every column of the user table again.
    return user.resumes.order_by("-updated_at", "-id")


def resume_get(*, user: User, resume_id: Any) -> Resume:
    return _get_one(resumes_of(user=user), resume_id, what="Resume")


# --- download links (the one scheme: cvplatform.downloads) ----------------------------------
def download_token(*, kind: str, pk: int, user_id: int) -> str:
    return downloads.download_token(kind=kind, pk=pk, owner_id=user_id)


def download_token_check(*, token: str, kind: str, pk: int, user: User) -> None:
    """Accept only an unexpired token minted for this very file and for this very user; a
    tampered, expired or foreign one reads as a missing file (404)."""
    downloads.download_token_check(token=token, kind=kind, pk=pk, user=user, what="CV")


def stored_file_url(*, file: FieldFile, request: HttpRequest, kind: str, pk: int, user_id: int) -> str:
    """A link to a stored CV that works for its owner only: signed and expiring.

    On S3 the storage presigns the object URL itself; on the local filesystem the link points
    at our download view with a signed token (``/media/`` is never handed out).
    """
    if not file:
        return ""
    presigned = downloads.presigned_url(file)
    if presigned:
        return presigned
    view = "personaforge:pf-cv-file" if kind == "cv" else "cvgenius:saved-cv-download"
    path = reverse(view, args=[pk])
    token = download_token(kind=kind, pk=pk, user_id=user_id)
    return request.build_absolute_uri(f"{path}?{urlencode({'signature': token})}")
