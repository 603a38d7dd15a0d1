import factory

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    PASSWORD = "Correct-Horse-42"

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.com")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or UserFactory.PASSWORD)
        if create:
            self.save(update_fields=["password"])
