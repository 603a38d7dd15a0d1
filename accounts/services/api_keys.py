"""Enterprise API keys: hashed at rest, the plaintext shown once."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .. import selectors
from ..models import ApiKey, User

API_KEY_PREFIX = "cvp_"


def api_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, user: User, name: str = "default") -> tuple[ApiKey, str]:
    """A new key; the plaintext is returned here once and never stored."""
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey.objects.create(
        user=user, name=name, prefix=key[: len(API_KEY_PREFIX) + 6], key_hash=api_key_hash(key)
    )
    return api_key, key


@transaction.atomic
def api_key_regenerate(*, user: User, name: str = "default") -> tuple[ApiKey, str]:
    ApiKey.objects.filter(user=user, name=name, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return api_key_create(user=user, name=name)


def api_key_authenticate(*, key: str) -> User | None:
    api_key = selectors.api_key_lookup(key_hash=api_key_hash(key))
    if api_key is None or not api_key.user.is_active:
        return None
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    return api_key.user
