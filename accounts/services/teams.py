"""Teams: invitations by e-mail, accepted only by the address invited."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from cvplatform.exceptions import ApplicationError

from ..models import Invite, Team, User


@transaction.atomic
def team_invite(*, inviter: User, email: str) -> Invite:
    """Invite ``email`` to the inviter's team, creating the team on the first invite.

    The invitee joins only by accepting (with the token mailed to them): an invite never moves
    someone into a team without their consent.
    """
    email = User.objects.normalize_email(email).strip()
    if email.lower() == inviter.email.lower():
        raise ValidationError({"email": ["You cannot invite yourself."]})
    if inviter.team_id is None:
        team = Team.objects.create(
            name=f"{inviter.get_full_name() or inviter.username}'s team", owner=inviter
        )
        User.objects.filter(pk=inviter.pk).update(team=team)
        inviter.team = team
    if User.objects.filter(email__iexact=email, team_id=inviter.team_id).exists():
        raise ValidationError({"email": ["This person is already in your team."]})
    invite, created = Invite.objects.get_or_create(
        team_id=inviter.team_id,
        email=email.lower(),
        defaults={"invited_by": inviter, "token": secrets.token_urlsafe(32)},
    )
    if not created and invite.accepted_at is not None:
        invite.accepted_at, invite.token, invite.invited_by = None, secrets.token_urlsafe(32), inviter
        invite.save(update_fields=["accepted_at", "token", "invited_by"])
    send_mail(
        subject=f"{inviter.get_full_name() or inviter.username} invited you to a team on CV Platform",
        message=(
            f"You were invited to join {invite.team.name} and share personas with its members.\n\n"
            f"To accept, sign in and send this token to the team invite accept endpoint: {invite.token}\n"
            "If you do not know the sender, ignore this message."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )
    return invite


@transaction.atomic
def team_invite_accept(*, user: User, token: str) -> Team:
    invite = Invite.objects.select_related("team").filter(token=token, accepted_at__isnull=True).first()
    # Only the address that was invited may use the token.
    if invite is None or invite.email.lower() != user.email.lower():
        raise ApplicationError(
            "This invitation is not valid for your account.", code="invalid_invite", status_code=404
        )
    user.team = invite.team
    user.save(update_fields=["team", "updated_at"])
    invite.accepted_at = timezone.now()
    invite.save(update_fields=["accepted_at"])
    return invite.team
