"""Test data for accounts: users (who all sign in with ``PASSWORD``), teams, invites, API keys."""

import hashlib

import factory

from accounts.models import ApiKey, Invite, Team, User

# Every factory user signs in with this password.
PASSWORD = "Correct-Horse-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.com")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    owner = factory.SubFactory(UserFactory)


class InviteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invite

    team = factory.SubFactory(TeamFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    invited_by = factory.SelfAttribute("team.owner")
    token = factory.Sequence(lambda n: f"invite-token-{n:08d}")


class ApiKeyFactory(factory.django.DjangoModelFactory):
    """A key whose plaintext is ``key`` (pass your own to sign in with it); only its hash is stored,
    as the accounts service stores it."""

    class Meta:
        model = ApiKey

    class Params:
        key = factory.Sequence(lambda n: f"cvp_factory-key-{n:08d}")

    user = factory.SubFactory(UserFactory, subscription_tier="enterprise")
    name = "default"
    prefix = factory.LazyAttribute(lambda obj: obj.key[:10])
    key_hash = factory.LazyAttribute(lambda obj: hashlib.sha256(obj.key.encode()).hexdigest())
