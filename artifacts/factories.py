"""Test data for artifacts: labels, artifacts, evidence links, their checks and files."""

import datetime

import factory
from django.utils import timezone

from accounts.factories import UserFactory
from artifacts.models import (
    Artifact,
    ArtifactFile,
    ArtifactType,
    EvidenceLink,
    FileKind,
    Label,
    LinkCheck,
    LinkType,
)
from cvplatform.jobs import JobStatus

NOTES_TEXT = b"Payments platform\nBuilt with Python, Django and PostgreSQL from 2019-01 to 2021-06.\n"


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Label {n}")
    color = "#3b82f6"
    description = "A group of artifacts"


class ArtifactFactory(factory.django.DjangoModelFactory):
    """An active project with two technologies."""

    class Meta:
        model = Artifact
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    description = "Built a payments platform that handles a million requests a day."
    artifact_type = ArtifactType.PROJECT
    organisation = "Acme"
    start_date = datetime.date(2019, 1, 1)
    end_date = datetime.date(2021, 6, 30)
    technologies = factory.LazyFunction(lambda: ["Python", "Django"])
    collaborators = factory.LazyFunction(list)

    @factory.post_generation
    def labels(self, create, extracted, **kwargs):
        if create and extracted:
            self.labels.set(extracted)


class EvidenceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceLink

    artifact = factory.SubFactory(ArtifactFactory)
    url = factory.Sequence(lambda n: f"https://example.com/project-{n}")
    link_type = LinkType.WEBSITE
    description = "Project page"


class LinkCheckFactory(factory.django.DjangoModelFactory):
    """A pending check of a link, owned by the link's owner."""

    class Meta:
        model = LinkCheck

    link = factory.SubFactory(EvidenceLinkFactory)
    user = factory.LazyAttribute(lambda obj: obj.link.artifact.user)


class ArtifactFileFactory(factory.django.DjangoModelFactory):
    """A processed text file of an artifact."""

    class Meta:
        model = ArtifactFile

    artifact = factory.SubFactory(ArtifactFactory)
    user = factory.LazyAttribute(lambda obj: obj.artifact.user)
    name = factory.Sequence(lambda n: f"notes-{n}.txt")
    size = len(NOTES_TEXT)
    mime_type = "text/plain"
    kind = FileKind.DOCUMENT
    format = "text"
    extension = ".txt"
    file = factory.django.FileField(filename="notes.txt", data=NOTES_TEXT)
    metadata = factory.LazyFunction(lambda: {"text_length": len(NOTES_TEXT)})
    status = JobStatus.SUCCESS
    progress = 100
    finished_at = factory.LazyFunction(timezone.now)
