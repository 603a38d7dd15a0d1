"""Live job progress: every change of a job row is announced, once committed, to its owner's
group on the channel layer (``job_progress_group``); the ``/api/v1/ws/jobs`` WebSocket forwards
it. Polling the row stays the documented way; a layer that is down costs a log line, never
the job."""

from __future__ import annotations

import logging
import time
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def job_progress_group(user_id: Any) -> str:
    """The channel-layer group of one user's job progress messages."""
    return f"jobs.user.{user_id}"


def job_kind(job) -> str:
    """What the job does, as clients read it (``cv_parse``, ``export``…)."""
    return getattr(job, "progress_kind", "") or job._meta.model_name


def job_announce(job) -> None:
    user_id = getattr(job, "user_id", None)
    if user_id is None:
        return
    message = {
        "type": "job.progress",
        # A UUID key (generated documents) travels as its text: channel layers send msgpack.
        "id": job.pk if isinstance(job.pk, int) else str(job.pk),
        "kind": job_kind(job),
        "status": job.status,
        "progress": job.progress,
        "timestamp": int(time.time() * 1000),
    }
    # Sent once committed: a socket must never hear of a state a rollback undoes.
    transaction.on_commit(lambda: _send(job_progress_group(user_id), message))


def _send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # the layer is an extra: a job never fails because nobody could be told
        logger.warning(
            "Could not announce %s %s on the channel layer", message["kind"], message["id"], exc_info=True
        )
