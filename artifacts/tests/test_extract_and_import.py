"""What an artifact's text tells, the CV import's mapping, and the demo user's artifacts."""

import datetime

import pytest
from django.core.management import call_command

from accounts.models import User
from artifacts import extract, services
from artifacts.models import Artifact, ArtifactType
from cvplatform.management.commands.seed_demo import DEMO_USER
from resumes.schema import StructuredCV


def test_dates_links_and_technologies_in_text():
    text = "From March 2019 to 2021-06 (and 07/2022) we built it in JS on k8s. See https://example.com/x."
    assert extract.dates_in(text) == ["2019-03", "2021-06", "2022-07"]
    assert extract.links_in(text) == ["https://example.com/x"]
    assert {"JavaScript", "Kubernetes"} <= set(extract.technologies_in(text))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03", datetime.date(2019, 3, 1)),
        ("2019", datetime.date(2019, 1, 1)),
        ("2019-03-14", datetime.date(2019, 3, 14)),
        ("Mar 2019", datetime.date(2019, 3, 1)),
        ("present", None),
        ("", None),
        ("2019-13", None),
    ],
)
def test_cv_dates(value, expected):
    assert extract.cv_date(value) == expected


CV = StructuredCV.model_validate(
    {
        "work": [
            {
                "name": "Acme",
                "position": "Engineer",
                "startDate": "2020-05",
                "endDate": "2019-01",  # misread: the end is dropped, the start kept
                "highlights": ["Shipped on Kubernetes, docs at https://acme.example/docs"],
            }
        ],
        "projects": [{"name": "Compiler", "keywords": ["rust", "LLVM"], "url": "https://github.com/me/c"}],
        "certificates": [{"name": "CKA", "issuer": "CNCF", "date": "2021-02"}],
        "publications": [{"name": "On parsers", "publisher": "ACM", "releaseDate": "2018"}],
        "education": [{"institution": "MIT", "studyType": "BSc", "area": "CS"}],
    }
)


@pytest.mark.django_db
def test_import_maps_every_section_with_links_and_dedupes(owner):
    first = services.artifacts_import_cv(user=owner, cv=CV)
    by_type = {artifact.artifact_type: artifact for artifact in first.created}
    assert set(by_type) == {
        ArtifactType.EXPERIENCE,
        ArtifactType.PROJECT,
        ArtifactType.CERTIFICATION,
        ArtifactType.PUBLICATION,
        ArtifactType.EDUCATION,
    }
    job = by_type[ArtifactType.EXPERIENCE]
    assert (job.title, job.organisation, job.start_date, job.end_date) == (
        "Engineer",
        "Acme",
        datetime.date(2020, 5, 1),
        None,
    )
    assert "Kubernetes" in job.technologies
    assert [link.url for link in job.evidence_links.all()] == ["https://acme.example/docs"]
    project = by_type[ArtifactType.PROJECT]
    assert {"Rust", "LLVM"} <= set(project.technologies)  # the vocabulary's spelling where it has one
    assert project.evidence_links.get().link_type == "github"
    assert by_type[ArtifactType.EDUCATION].title == "BSc CS"
    second = services.artifacts_import_cv(user=owner, cv=CV)
    assert second.created == [] and len(second.existing) == 5
    assert Artifact.objects.filter(user=owner).count() == 5


@pytest.mark.django_db
def test_import_matches_an_artifact_the_user_typed_in(owner):
    services.artifact_create(
        user=owner,
        data={
            "title": "engineer",
            "organisation": "ACME",
            "artifact_type": "experience",
            "start_date": datetime.date(2020, 5, 1),
        },
    )
    result = services.artifacts_import_cv(user=owner, cv=CV)
    assert ArtifactType.EXPERIENCE not in {a.artifact_type for a in result.created}
    assert Artifact.objects.filter(user=owner, artifact_type="experience").count() == 1


@pytest.mark.django_db
def test_the_demo_user_has_artifacts_from_the_demo_cv():
    call_command("seed_demo")
    demo = User.objects.get(email=DEMO_USER["email"])
    titles = set(Artifact.objects.filter(user=demo).values_list("title", flat=True))
    assert {"Senior Software Engineer", "Software Engineer"} <= titles
    count = Artifact.objects.filter(user=demo).count()
    call_command("seed_demo")
    assert Artifact.objects.filter(user=demo).count() == count
    job = Artifact.objects.get(user=demo, title="Senior Software Engineer")
    assert job.organisation == "Acme Analytics" and "Kubernetes" in job.technologies
