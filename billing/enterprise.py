"""Enterprise organisations: their configuration (writes and reads) and who their members are.

An organisation is its owner's team, or the owner alone when not in one. Its configuration
takes effect here: only members whose e-mail domain is allowed count as the organisation's
(metrics, export), ``default_optimization_types`` is what a chat optimisation without a type
runs, and ``data_retention_days`` bounds how long members' chat history is kept.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts import selectors as account_selectors
from accounts.models import SubscriptionTier, User
from cvplatform.exceptions import ApplicationError

from .models import EnterpriseConfig

_DOMAIN = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")
MAX_DOMAINS = 50
MAX_RETENTION_DAYS = 3650


def enterprise_require(*, user: User) -> None:
    """403 for anyone not on the enterprise tier."""
    if user.subscription_tier != SubscriptionTier.ENTERPRISE:
        raise ApplicationError(
            "This is an enterprise feature; upgrade the subscription to use it.",
            code="enterprise_only",
            status_code=403,
        )


def organisation_owner(*, user: User) -> User:
    if user.team_id is not None and user.team.owner_id:
        return user.team.owner
    return user


def enterprise_config_get(*, user: User) -> EnterpriseConfig:
    """The configuration of the user's organisation (unsaved defaults until first set)."""
    owner = organisation_owner(user=user)
    config = EnterpriseConfig.objects.filter(owner=owner).first()
    if config is None:
        config = EnterpriseConfig(owner=owner, name=owner.team.name if owner.team_id else "")
    return config


def organisation_members(*, user: User) -> QuerySet[User]:
    """The organisation's accounts: the owner and the team's active members on allowed domains."""
    owner = organisation_owner(user=user)
    members = account_selectors.team_members_of(user=owner)
    if not members.exists():
        members = User.objects.filter(pk=owner.pk)
    domains = enterprise_config_get(user=owner).allowed_email_domains
    if domains:
        allowed = [m.pk for m in members if m.pk == owner.pk or email_domain(m.email) in domains]
        members = User.objects.filter(pk__in=allowed)
    return members.order_by("id")


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def retention_cutoff(*, user: User) -> datetime | None:
    """Chat history before this moment is past the organisation's retention (None: kept)."""
    days = enterprise_config_get(user=user).data_retention_days
    return timezone.now() - timedelta(days=days) if days else None


def retention_configs() -> QuerySet[EnterpriseConfig]:
    return EnterpriseConfig.objects.filter(data_retention_days__isnull=False).select_related("owner")


@transaction.atomic
def enterprise_config_update(*, user: User, data: dict, known_types: dict[str, str]) -> EnterpriseConfig:
    """Change the organisation's settings; only its owner may. ``known_types`` maps each
    spelling a default may use (lower-case name, slug) to the optimisation type's name."""
    owner = organisation_owner(user=user)
    if owner.pk != user.pk:
        raise ApplicationError(
            "Only the organisation's owner can change its configuration.", code="not_owner", status_code=403
        )
    config = enterprise_config_get(user=user)
    if "name" in data:
        config.name = data["name"].strip()[:200]
    if "allowed_email_domains" in data:
        config.allowed_email_domains = _domains(data["allowed_email_domains"])
    if "default_optimization_types" in data:
        config.default_optimization_types = _types(data["default_optimization_types"], known_types)
    if "data_retention_days" in data:
        days = data["data_retention_days"]
        if days is not None and not 1 <= days <= MAX_RETENTION_DAYS:
            raise ValidationError({"data_retention_days": [f"Between 1 and {MAX_RETENTION_DAYS}, or null."]})
        config.data_retention_days = days
    config.save()
    return config


def _domains(values: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(v.strip().lower().lstrip("@") for v in values if v.strip()))
    bad = [v for v in cleaned if not _DOMAIN.match(v)]
    if bad:
        raise ValidationError({"allowed_email_domains": [f"Not a domain name: {bad[0][:80]}."]})
    if len(cleaned) > MAX_DOMAINS:
        raise ValidationError({"allowed_email_domains": [f"At most {MAX_DOMAINS} domains."]})
    return cleaned


def _types(values: list[str], known: dict[str, str]) -> list[str]:
    chosen = []
    for value in values:
        name = known.get(value.strip().lower())
        if name is None:
            names = ", ".join(dict.fromkeys(known.values()))
            raise ValidationError(
                {"default_optimization_types": [f"Unknown optimization type; choose from: {names}."]}
            )
        chosen.append(name)
    return list(dict.fromkeys(chosen))
