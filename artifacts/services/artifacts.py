"""Writes on artifacts and labels."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from cvplatform.exceptions import ApplicationError, ConflictError, NotFoundError
from resumes.selectors import parse_id

from ..models import Artifact, ArtifactFile, ArtifactStatus, Label
from ..selectors import artifacts_owned, labels_of

_SIMPLE_FIELDS = ("title", "description", "artifact_type", "organisation", "start_date", "end_date", "status")
LIST_MAX = 100
ITEM_MAX = 100


def clean_names(values: list[Any], *, field: str) -> list[str]:
    """Stripped, non-empty, without repeats (in any case), in the order given."""
    seen: dict[str, str] = {}
    for value in values or []:
        if not isinstance(value, str):
            raise ApplicationError(
                f"Each of {field} must be a string.",
                fields={field: [f"Expected a string, got {type(value).__name__}."]},
            )
        text = value.strip()
        if len(text) > ITEM_MAX:
            raise ApplicationError(
                f"Each of {field} may be at most {ITEM_MAX} characters.",
                fields={field: [f"'{text[:40]}…' is longer than {ITEM_MAX} characters."]},
            )
        if text:
            seen.setdefault(text.lower(), text)
    if len(seen) > LIST_MAX:
        raise ApplicationError(
            f"An artifact may list at most {LIST_MAX} {field}.",
            fields={field: [f"At most {LIST_MAX} items."]},
        )
    return list(seen.values())


def suggested_technologies(*, detected: list[str], own: list[str]) -> list[str]:
    """Detected technologies the artifact does not list yet: offered, never added silently."""
    mine = {name.lower() for name in own or []}
    return [name for name in detected if name.lower() not in mine]


def check_dates(start: datetime.date | None, end: datetime.date | None) -> None:
    if start and end and end < start:
        message = "The end date is before the start date."
        raise ApplicationError(message, fields={"start_date": [message], "end_date": [message]})


def own_labels(*, user: User, label_ids: list[Any], field: str = "labels") -> list[Label]:
    """The user's labels with these ids; an id that is not one of theirs is refused by name
    (another user's label reads exactly like a missing one)."""
    wanted = list(dict.fromkeys(label_ids or []))
    # An id past what the database stores is no one's label (and would overflow the query).
    possible = [pk for pk in wanted if parse_id(pk) is not None]
    found = {label.pk: label for label in labels_of(user=user).filter(pk__in=possible)}
    missing = [str(pk) for pk in wanted if pk not in found]
    if missing:
        raise ApplicationError(
            f"Label(s) {', '.join(missing)} not found.",
            fields={field: [f"Label {pk} not found." for pk in missing]},
        )
    return [found[pk] for pk in wanted]


def _apply(artifact: Artifact, data: dict[str, Any]) -> None:
    for name in _SIMPLE_FIELDS:
        if name in data:
            value = data[name]
            setattr(artifact, name, value.strip() if isinstance(value, str) and name != "status" else value)
    if "description" in data and data["description"] is None:
        artifact.description = ""
    if "technologies" in data:
        artifact.technologies = clean_names(data["technologies"], field="technologies")
        detected = (artifact.extracted_metadata or {}).get("detected_technologies")
        if detected:
            artifact.extracted_metadata = {
                **artifact.extracted_metadata,
                "suggested_technologies": suggested_technologies(
                    detected=detected, own=artifact.technologies
                ),
            }
    if "collaborators" in data:
        artifact.collaborators = clean_names(data["collaborators"], field="collaborators")
    if not (artifact.title or "").strip():
        raise ApplicationError(
            "An artifact needs a title.", fields={"title": ["This field may not be blank."]}
        )
    check_dates(artifact.start_date, artifact.end_date)


@transaction.atomic
def artifact_create(*, user: User, data: dict[str, Any], source: str = "manual") -> Artifact:
    """A new artifact with its labels and, if given, its first evidence links."""
    from .links import evidence_link_create

    artifact = Artifact(user=user, source=source)
    _apply(artifact, data)
    labels = own_labels(user=user, label_ids=data.get("labels") or [])
    artifact.save()
    if labels:
        artifact.labels.set(labels)
    for index, link in enumerate(data.get("evidence_links") or []):
        try:
            evidence_link_create(artifact=artifact, data=link)
        except ApplicationError as exc:
            raise ApplicationError(
                f"evidence_links[{index}]: {exc.message}",
                fields={"evidence_links": [f"[{index}] {exc.message}"]},
            ) from None
    return artifact


@transaction.atomic
def artifact_update(*, artifact: Artifact, data: dict[str, Any]) -> Artifact:
    if "evidence_links" in data:
        raise ApplicationError(
            "Evidence links are changed through their own endpoints.",
            fields={"evidence_links": ["Use POST artifacts/{id}/evidence-links/ and evidence-links/{id}/."]},
        )
    _apply(artifact, data)
    labels = own_labels(user=artifact.user, label_ids=data["labels"]) if "labels" in data else None
    artifact.save()
    if labels is not None:
        artifact.labels.set(labels)
    return artifact


@transaction.atomic
def artifact_delete(*, artifact: Artifact) -> None:
    """The artifact, its links and its files (from storage too, once the delete commits)."""
    names = [name for name in artifact.files.values_list("file", flat=True) if name]
    storage = ArtifactFile.file.field.storage
    artifact.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


BULK_ACTIONS = (
    "add_technologies",
    "remove_technologies",
    "archive",
    "activate",
    "add_labels",
    "remove_labels",
)


@transaction.atomic
def artifacts_bulk_update(*, user: User, artifact_ids: list[int], action: str, values: Any) -> int:
    """One action on many of the user's artifacts; all or nothing.

    An id that is not one of the user's artifacts (or, for labels, one of their labels) fails
    the whole request with 404 and changes nothing. Answers how many artifacts were updated."""
    wanted = list(dict.fromkeys(artifact_ids))
    artifacts = list(artifacts_owned(user=user, artifact_ids=wanted).select_for_update().order_by("id"))
    if len(artifacts) != len(wanted):
        found = {artifact.pk for artifact in artifacts}
        missing = ", ".join(str(pk) for pk in wanted if pk not in found)
        raise NotFoundError(f"Artifact(s) {missing} not found.")
    if action in ("archive", "activate"):
        status = ArtifactStatus.ARCHIVED if action == "archive" else ArtifactStatus.ACTIVE
        for artifact in artifacts:
            artifact.status = status
            artifact.save(update_fields=["status", "updated_at"])
    elif action in ("add_technologies", "remove_technologies"):
        names = clean_names(_values(values, "technologies"), field="values")
        if not names:
            raise ApplicationError("Name the technologies.", fields={"values": ["No technologies given."]})
        for artifact in artifacts:
            if action == "add_technologies":
                artifact.technologies = clean_names([*artifact.technologies, *names], field="technologies")
            else:
                dropped = {name.lower() for name in names}
                artifact.technologies = [t for t in artifact.technologies if t.lower() not in dropped]
            artifact.save(update_fields=["technologies", "updated_at"])
    elif action in ("add_labels", "remove_labels"):
        ids = _label_ids(_values(values, "labels"))
        try:
            labels = own_labels(user=user, label_ids=ids, field="values")
        except ApplicationError as exc:
            raise NotFoundError(exc.message) from None
        for artifact in artifacts:
            if action == "add_labels":
                artifact.labels.add(*labels)
            else:
                artifact.labels.remove(*labels)
            artifact.save(update_fields=["updated_at"])
    else:
        raise ApplicationError(
            f"Unknown action; one of: {', '.join(BULK_ACTIONS)}.", fields={"action": ["Unknown action."]}
        )
    return len(artifacts)


def _values(values: Any, key: str) -> list:
    """``values`` as the document's ``{key: [...]}``, or the list itself."""
    if isinstance(values, dict):
        values = values.get(key, values.get("values"))
    if not isinstance(values, list):
        raise ApplicationError(
            f"'values' must be a list of {key} (or {{\"{key}\": [...]}}).",
            fields={"values": [f"A list of {key}."]},
        )
    return values


def _label_ids(values: list) -> list[int]:
    ids = []
    for value in values:
        text = str(value).strip()
        # ASCII digits only: "²" is a digit to str.isdigit() but not to int().
        if (
            isinstance(value, bool)
            or not isinstance(value, int | str)
            or not (text.isascii() and text.isdigit())
        ):
            raise ApplicationError(
                "Label ids must be integers.", fields={"values": ["Label ids are integers."]}
            )
        ids.append(int(text))
    if not ids:
        raise ApplicationError("Name the labels.", fields={"values": ["No labels given."]})
    return ids


# --- labels ------------------------------------------------------------------------------------
def _label_save(label: Label) -> Label:
    label.name = (label.name or "").strip()
    if not label.name:
        raise ApplicationError("A label needs a name.", fields={"name": ["This field may not be blank."]})
    if labels_of(user=label.user).filter(name__iexact=label.name).exclude(pk=label.pk).exists():
        raise ConflictError(
            f"You already have a label named '{label.name}'.",
            fields={"name": ["A label with this name already exists."]},
        )
    try:
        with transaction.atomic():
            label.save()
    except IntegrityError:  # the same name saved by a concurrent request
        raise ConflictError(
            f"You already have a label named '{label.name}'.",
            fields={"name": ["A label with this name already exists."]},
        ) from None
    return label


@transaction.atomic
def label_create(*, user: User, data: dict[str, Any]) -> Label:
    label = Label(user=user, name=data.get("name", ""), description=data.get("description") or "")
    if data.get("color"):
        label.color = data["color"].lower()
    return _label_save(label)


@transaction.atomic
def label_update(*, label: Label, data: dict[str, Any]) -> Label:
    if "name" in data:
        label.name = data["name"]
    if data.get("color"):
        label.color = data["color"].lower()
    if "description" in data:
        label.description = data["description"] or ""
    return _label_save(label)


@transaction.atomic
def label_delete(*, label: Label) -> None:
    label.delete()
