"""Test data for resumes: Markdown resumes, parsed CV documents, personas and saved client CVs."""

import copy
import hashlib

import factory
from django.utils import timezone

from accounts.factories import UserFactory
from billing.factories import ClientFactory
from cvplatform.jobs import JobStatus
from resumes.models import CVDocument, Persona, Resume, SavedCV

CV_TEXT = """Jane Doe
jane@example.com

Experience
Backend Engineer, Acme, 2019-01 - present
- Built payment APIs in Python

Education
BSc Computer Science, MIT

Skills
Python, Go, PostgreSQL
"""

# CV_TEXT as the parser's StructuredCV (JSON Resume fields).
STRUCTURED_CV = {
    "basics": {"name": "Jane Doe", "email": "jane@example.com", "label": "Backend Engineer"},
    "work": [
        {
            "name": "Acme",
            "position": "Backend Engineer",
            "startDate": "2019-01",
            "highlights": ["Built payment APIs in Python"],
        }
    ],
    "education": [{"institution": "MIT", "studyType": "BSc", "area": "Computer Science"}],
    "skills": [{"name": "Skills", "keywords": ["Python", "Go", "PostgreSQL"]}],
    "raw_text": CV_TEXT,
}


class ResumeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resume

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Resume {n}")
    content = "# Jane Doe\n\n## Experience\n\n- Backend Engineer, Acme"


class CVDocumentFactory(factory.django.DjangoModelFactory):
    """An uploaded text CV the parser has finished with (status SUCCESS, ``STRUCTURED_CV``)."""

    class Meta:
        model = CVDocument

    user = factory.SubFactory(UserFactory)
    original_filename = "cv.txt"
    format = "text"
    file = factory.django.FileField(filename="cv.txt", data=CV_TEXT.encode())
    size = len(CV_TEXT.encode())
    sha256 = hashlib.sha256(CV_TEXT.encode()).hexdigest()
    structured = factory.LazyFunction(lambda: copy.deepcopy(STRUCTURED_CV))
    status = JobStatus.SUCCESS
    progress = 100
    finished_at = factory.LazyFunction(timezone.now)


class PersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persona

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Persona {n}")
    cv = factory.LazyFunction(lambda: copy.deepcopy(STRUCTURED_CV))


class SavedCVFactory(factory.django.DjangoModelFactory):
    """A client's CV file kept by the agency user who owns the client."""

    class Meta:
        model = SavedCV

    owner = factory.SubFactory(UserFactory)
    client = factory.SubFactory(ClientFactory, owner=factory.SelfAttribute("..owner"))
    file = factory.django.FileField(filename="cv.txt", data=CV_TEXT.encode())
    original_filename = "cv.txt"
    format = "text"
    size = len(CV_TEXT.encode())
