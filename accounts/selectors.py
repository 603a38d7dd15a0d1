from django.db.models import Q
from django.utils import timezone

from .models import ApiKey, User


def user_by_identifier(*, identifier: str) -> User | None:
    identifier = identifier.strip()
    field = Q(email__iexact=identifier) if "@" in identifier else Q(username__iexact=identifier)
    return User.objects.filter(field).first()


def user_is_locked(*, user: User) -> bool:
    return bool(user.locked_until and user.locked_until > timezone.now())


def user_lock_minutes_left(*, user: User) -> int:
    if not user_is_locked(user=user):
        return 0
    seconds = (user.locked_until - timezone.now()).total_seconds()
    return max(1, int(seconds // 60) + (1 if seconds % 60 else 0))


def api_key_lookup(*, key_hash: str) -> ApiKey | None:
    return ApiKey.objects.select_related("user").filter(key_hash=key_hash, revoked_at__isnull=True).first()


def api_keys_of(*, user: User):
    return ApiKey.objects.filter(user=user, revoked_at__isnull=True)


def team_members_of(*, user: User):
    """Everyone in the user's team (the user included); nobody when not in a team."""
    if user.team_id is None:
        return User.objects.none()
    return User.objects.filter(team_id=user.team_id, is_active=True).order_by("id")
