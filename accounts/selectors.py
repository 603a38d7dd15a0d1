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
def _request_user_statement(vendor: str) -> tuple[str, tuple[str, ...], tuple]:
    """The SELECT of REQUEST_USER_FIELDS, their attribute names, and each column's converters
    from database value to Python value (what a queryset's compiler would apply; on SQLite
    booleans and datetimes come back as integers and text without them). A converter of the
    backend is kept by name, to be taken from the connection of the thread that runs it."""
    quote = connection.ops.quote_name
    # In the model's order of fields, which Model.from_db assumes of a partial row.
    wanted = {User._meta.get_field(name) for name in REQUEST_USER_FIELDS}
    fields = [field for field in User._meta.concrete_fields if field in wanted]
    converters = []
    for field in fields:
        column = field.get_col(User._meta.db_table)
        backend = [converter.__name__ for converter in connection.ops.get_db_converters(column)]
        converters.append((*backend, *column.get_db_converters(connection)))
    columns = ", ".join(quote(field.column) for field in fields)
    # Only the model's own quoted names are interpolated; the id is a bound parameter.
    table, pk = quote(User._meta.db_table), quote(User._meta.pk.column)
    statement = f"SELECT {columns} FROM {table} WHERE {pk} = %s"  # noqa: S608
    return statement, tuple(field.attname for field in fields), tuple(converters)


def user_for_request(*, user_id) -> User | None:
    """The user a bearer token names, with the columns requests read (REQUEST_USER_FIELDS).

    Every authenticated request runs this, so it is one statement written once from the
    model's own column names and run on a plain cursor: compiling ``only(...).filter(pk=...)``
    afresh, or mapping a raw query's columns back to fields, cost more CPU per request than
    the query itself. The instance is a deferred one, as ``only()`` would give."""
    try:
        user_id = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    statement, attnames, converters = _request_user_statement(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(statement, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, column_converters in zip(row, converters, strict=True):
        for converter in column_converters:
            if isinstance(converter, str):
                converter = getattr(connection.ops, converter)
            value = converter(value, None, connection)
        values.append(value)
    return User.from_db(connection.alias, attnames, values)


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
