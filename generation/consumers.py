"""WebSocket consumers: the Resume Optimizer chat (``/api/v1/chat/ws/{session_id}``) and live job
progress (``/api/v1/ws/jobs``).

``scope["user"]`` is set by ``cvplatform.api.websocket.TokenAuthMiddleware`` (``?token=`` JWT or
enterprise API key, or ``Authorization: Bearer``). A socket that may not open is accepted and
closed at once with a code and a reason a browser can read: 4401 not signed in (no, invalid or
expired credentials), 4404 no such session of this user (another user's looks the same).

Server messages go to the session's group on the channel layer, so every socket open on the
session hears them, whichever web process it is connected to (the Redis layer in production).
"""

from __future__ import annotations

import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from cvplatform.exceptions import NotFoundError
from cvplatform.jobs import job_progress_group

from .chat import selectors, services
from .chat.frames import ClientFrame, FrameError, read_frame, server_frame
from .models import ChatSender

logger = logging.getLogger(__name__)

NOT_SIGNED_IN = 4401
NOT_FOUND = 4404


async def _refuse(consumer: AsyncWebsocketConsumer, code: int, reason: str) -> None:
    await consumer.accept()
    await consumer.close(code=code, reason=reason)


def _signed_in(scope) -> bool:
    user = scope.get("user")
    return bool(user is not None and user.is_authenticated)


class ChatConsumer(AsyncWebsocketConsumer):
    group = ""

    async def connect(self) -> None:
        if not _signed_in(self.scope):
            await _refuse(self, NOT_SIGNED_IN, self.scope.get("auth_error") or "Authentication required.")
            return
        self.user = self.scope["user"]
        try:
            self.session = await database_sync_to_async(selectors.chat_session_get)(
                user=self.user, session_id=self.scope["url_route"]["kwargs"]["session_id"]
            )
        except NotFoundError as exc:
            await _refuse(self, NOT_FOUND, exc.message)
            return
        self.group = f"chat.session.{self.session.pk}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        try:
            frame = read_frame(text_data, bytes_data)
        except FrameError as exc:
            await self._reject(text_data, bytes_data, exc)
            return
        try:
            await self._answer(frame)
        except Exception:  # a bug answers this message with an error; the socket stays usable
            logger.exception("Chat session %s could not answer a %s message", self.session.pk, frame.type)
            error = await database_sync_to_async(services.chat_error)(
                session=self.session, message="Something went wrong answering that message.", code="internal"
            )
            await self.send(text_data=json.dumps(server_frame(error)))

    async def _answer(self, frame: ClientFrame) -> None:
        db = database_sync_to_async
        if frame.type == "chat":
            answers = await db(services.chat_reply)(session=self.session, user=self.user, **frame.fields)
        elif frame.type == "resume_upload":
            await self._publish(
                [await db(services.chat_processing)(session=self.session, message="Reading your resume...")]
            )
            answers = await db(services.chat_resume_upload)(
                session=self.session, user=self.user, **frame.fields
            )
        else:
            await self._publish(
                [await db(services.chat_processing)(session=self.session, message="Analyzing your resume...")]
            )
            answers = await db(services.chat_optimization)(
                session=self.session, user=self.user, **frame.fields
            )
        await self._publish(answers)

    async def _reject(self, text_data, bytes_data, exc: FrameError) -> None:
        """Keep the bad frame (bounded) and answer it with an error to this socket only."""

        def store():
            raw = text_data if text_data is not None else f"<{len(bytes_data or b'')} binary bytes>"
            services.chat_message_store(
                session=self.session, sender=ChatSender.USER, type="invalid", content=raw[:2000]
            )
            return services.chat_error(session=self.session, message=exc.message, code=exc.code)

        error = await database_sync_to_async(store)()
        await self.send(text_data=json.dumps(server_frame(error)))

    async def _publish(self, messages) -> None:
        for message in messages:
            await self.channel_layer.group_send(
                self.group, {"type": "chat.message", "frame": server_frame(message)}
            )

    async def chat_message(self, event) -> None:
        await self.send(text_data=json.dumps(event["frame"]))


class JobProgressConsumer(AsyncWebsocketConsumer):
    """Pushes ``{type: "progress", id, kind, status, progressPercentage, timestamp}`` for the
    signed-in user's own jobs as their rows change (``cvplatform.jobs`` announces them)."""

    group = ""

    async def connect(self) -> None:
        if not _signed_in(self.scope):
            await _refuse(self, NOT_SIGNED_IN, self.scope.get("auth_error") or "Authentication required.")
            return
        self.group = job_progress_group(self.scope["user"].pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        await self.send(
            text_data=json.dumps(
                {"type": "error", "message": "This socket only sends job progress.", "timestamp": 0}
            )
        )

    async def job_progress(self, event) -> None:
        await self.send(
            text_data=json.dumps(
                {
                    "type": "progress",
                    "id": event["id"],
                    "kind": event["kind"],
                    "status": event["status"],
                    "progressPercentage": event["progress"],
                    "timestamp": event["timestamp"],
                }
            )
        )
