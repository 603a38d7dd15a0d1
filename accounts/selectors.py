from functools import cache

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from .models import ApiKey, User

# What a request reads off its signed-in user on every surface: throttles (tier), staff and
# team checks, names and defaults (preferred_*); updated_at so that saving it stays right.
# The rest of the 28 columns (password, profile texts and links, lockout state…) is left in
# the database until read: the first read loads them all at once (User.refresh_from_db).
REQUEST_USER_FIELDS = (
    "id",
    "username",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "is_staff",
    "is_superuser",
    "subscription_tier",
    "team_id",
    "preferred_cv_template",
    "preferred_ai_model",
    "updated_at",
)


@cache
def _request_user_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(User._meta.get_field(name).column) for name in REQUEST_USER_FIELDS)
    # Only the model's own quoted names are interpolated; the id is a bound parameter.
    table, pk = quote(User._meta.db_table), quote(User._meta.pk.column)
    return f"SELECT {columns} FROM {table} WHERE {pk} = %s"  # noqa: S608


def user_for_request(*, user_id) -> User | None:
    """The user a bearer token names, with the columns requests read (REQUEST_USER_FIELDS).

    Every authenticated request runs this. The statement is written once from the model's
    own column names: compiling ``only(...).filter(pk=...)`` afresh cost more CPU per request
    than the query itself. The instance is a deferred one, as ``only()`` would give."""
    try:
        user_id = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    return next(iter(User.objects.raw(_request_user_sql(connection.vendor), [user_id])), None)


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
