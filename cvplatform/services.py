"""Write helpers every app's services share."""

from collections.abc import Iterable

from django.db import models


def model_update(*, instance: models.Model, fields: Iterable[str], data: dict) -> list[str]:
    """Assign the allowed ``fields`` present in ``data`` and save only those columns.

    Anything else in ``data`` is ignored, never assigned: a client cannot reach a field the
    service did not allow. ``updated_at`` is saved along when the model has one.
    """
    changed = [field for field in fields if field in data]
    for field in changed:
        setattr(instance, field, data[field])
    if changed:
        has_updated_at = any(f.name == "updated_at" for f in instance._meta.concrete_fields)
        instance.save(update_fields=[*changed, *(["updated_at"] if has_updated_at else [])])
    return changed
