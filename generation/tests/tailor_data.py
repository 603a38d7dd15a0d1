"""A career record to tailor: a backend engineer's artifacts, and jobs to tailor them for."""

import datetime

from artifacts.factories import ArtifactFactory, EvidenceLinkFactory, LabelFactory
from artifacts.models import ArtifactStatus, ArtifactType

BACKEND_JOB = """Senior Backend Engineer at Initech

Requirements:
- 5+ years of experience building APIs in Python and Django
- PostgreSQL and Redis in production
- Kubernetes and Docker
Nice to have: GraphQL, Terraform
"""

FRONTEND_JOB = (
    """Frontend Engineer. Requirements: React, TypeScript and CSS; accessibility. Nice to have: GraphQL."""
)


def career(user) -> dict:
    """Two jobs, two projects, a degree, a certificate, and an archived artifact."""
    backend = LabelFactory(user=user, name="Backend")
    frontend = LabelFactory(user=user, name="Frontend")
    acme = ArtifactFactory(
        user=user,
        title="Senior Software Engineer",
        organisation="Acme Payments",
        artifact_type=ArtifactType.EXPERIENCE,
        start_date=datetime.date(2019, 3, 1),
        end_date=None,
        description=(
            "Responsible for the settlement API in Python and Django, serving 2 million requests a day.\n"
            "Cut p99 latency from 900 ms to 120 ms by moving hot paths to Redis.\n"
            "I mentored four engineers and ran the on-call rota."
        ),
        technologies=["Python", "Django", "PostgreSQL", "Redis", "Docker"],
        labels=[backend],
    )
    EvidenceLinkFactory(artifact=acme, url="https://acme.example.com/settlement")
    ArtifactFactory(
        user=user,
        title="Software Developer",
        organisation="Globe Media",
        artifact_type=ArtifactType.EXPERIENCE,
        start_date=datetime.date(2015, 6, 1),
        end_date=datetime.date(2019, 2, 28),
        description=(
            "Built the React front end of the newsroom tools in TypeScript.\n"
            "Worked on accessibility fixes that took the CMS to WCAG AA."
        ),
        technologies=["React", "TypeScript", "CSS"],
        labels=[frontend],
    )
    kube = ArtifactFactory(
        user=user,
        title="Cluster autoscaler",
        organisation="",
        artifact_type=ArtifactType.PROJECT,
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2021, 9, 1),
        description="Built a Kubernetes autoscaler in Go that cut cloud spend 35%.",
        technologies=["Kubernetes", "Go", "Docker"],
        labels=[backend],
    )
    EvidenceLinkFactory(artifact=kube, url="https://github.com/example/autoscaler")
    ArtifactFactory(
        user=user,
        title="Design system",
        organisation="",
        artifact_type=ArtifactType.PROJECT,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2018, 12, 1),
        description="Designed a React component library used by 12 product teams.",
        technologies=["React", "CSS"],
        labels=[frontend],
    )
    ArtifactFactory(
        user=user,
        title="MSc Computer Science",
        organisation="University of Leeds",
        artifact_type=ArtifactType.EDUCATION,
        start_date=datetime.date(2013, 9, 1),
        end_date=datetime.date(2014, 9, 1),
        description="Thesis on distributed consensus.",
        technologies=[],
    )
    ArtifactFactory(
        user=user,
        title="Certified Kubernetes Administrator",
        organisation="CNCF",
        artifact_type=ArtifactType.CERTIFICATION,
        start_date=datetime.date(2022, 5, 1),
        end_date=None,
        description="",
        technologies=["Kubernetes"],
    )
    ArtifactFactory(
        user=user,
        title="Archived blockchain startup",
        organisation="Chainly",
        artifact_type=ArtifactType.EXPERIENCE,
        status=ArtifactStatus.ARCHIVED,
        start_date=datetime.date(2014, 9, 1),
        end_date=datetime.date(2015, 5, 1),
        description="Built a Solidity exchange that grew revenue 400%.",
        technologies=["Solidity"],
    )
    return {"backend": backend, "frontend": frontend}
