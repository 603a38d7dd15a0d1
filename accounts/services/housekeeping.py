"""Periodic clean-up (the beat schedule runs it every six hours)."""

from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from ..models import User


@transaction.atomic
def accounts_housekeeping() -> dict[str, int]:
    """Drop expired refresh-token records (their blacklist rows go with them) and clear
    lockouts that have run out, so the tables do not grow without bound."""
    now = timezone.now()
    tokens, _ = OutstandingToken.objects.filter(expires_at__lt=now).delete()
    unlocked = User.objects.filter(locked_until__lt=now).update(locked_until=None, failed_login_count=0)
    return {"expired_tokens_deleted": tokens, "locks_cleared": unlocked}
