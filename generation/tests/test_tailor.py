"""CV Tailor generation as a user notices it: the stages, the artifacts chosen, what each
preference changes, the job description read once, and grounding whoever writes."""

import pytest

from cvplatform.jobs import JobStatus
from generation.models import GeneratedDocument, JobDescription
from generation.tailor import jobdescriptions, services
from llm.factories import AIModelFactory
from llm.models import Provider, ResponseFormat
from llm.tests.fakes import FakeOpenAI, error, ok
from resumes.analysis.text import starts_with_action_verb

from .tailor_data import BACKEND_JOB, career

pytestmark = pytest.mark.django_db


@pytest.fixture
def labels(owner):
    owner.first_name, owner.last_name = "Ada", "Lovelace"
    owner.save()
    return career(owner)


@pytest.fixture
def generate(owner, labels, django_capture_on_commit_callbacks):
    def run(*, type="cv", job=BACKEND_JOB, **kwargs) -> GeneratedDocument:
        kwargs.setdefault("company_name", "Initech")
        kwargs.setdefault("role_title", "Senior Backend Engineer")
        with django_capture_on_commit_callbacks(execute=True):
            document = services.generation_start(user=owner, type=type, job_description=job, **kwargs)
        document.refresh_from_db()
        assert document.status == JobStatus.SUCCESS, document.error
        return document

    return run


def _all_text(content: dict) -> str:
    parts = [content.get("professionalSummary", ""), *content.get("keySkills", [])]
    for entry in content.get("experience", []):
        parts += [entry["title"], entry["organization"], entry["duration"], *entry["achievements"]]
    for entry in content.get("projects", []):
        parts += [entry["name"], entry["description"], entry["impactMetrics"]]
    for entry in content.get("education", []):
        parts += [entry["degree"], entry["institution"]]
    parts += [p for p in (content.get("coverLetter") or {}).get("paragraphs", [])]
    return "\n".join(parts)


def test_progress_moves_through_the_real_stages(generate, monkeypatch):
    seen = []
    real = services.job_progress_set

    def record(*, job, progress):
        seen.append(int(progress))
        return real(job=job, progress=progress)

    monkeypatch.setattr(services, "job_progress_set", record)
    generate()
    assert seen == [20, 40, 70, 90]


def test_the_builtin_cv_reads_like_a_cv(generate):
    content = generate().content
    first = content["experience"][0]
    # The most relevant role first, its bullets the artifact's own, led by action verbs, metrics kept.
    assert first["organization"] == "Acme Payments"
    assert all(starts_with_action_verb(b) for e in content["experience"] for b in e["achievements"])
    achievements = " ".join(first["achievements"])
    assert "2 million requests a day" in achievements and "900 ms to 120 ms" in achievements
    assert not any(b.lower().startswith(("responsible for", "i ")) for b in first["achievements"])
    # Skills the job asks for and the user shows come first.
    assert content["keySkills"][:4] == ["Python", "Django", "PostgreSQL", "Redis"]
    assert content["projects"][0]["name"] == "Cluster autoscaler"  # Kubernetes and Docker: asked for


def test_missing_skills_are_the_jobs_requirements_no_artifact_shows(generate):
    metadata = generate().metadata
    assert "GraphQL" in metadata["missingSkills"] and "Terraform" in metadata["missingSkills"]
    assert "Python" not in metadata["missingSkills"] and "Kubernetes" not in metadata["missingSkills"]
    assert metadata["modelUsed"] == "Builtin" and metadata["grounding"]["claims_checked"] > 20


def test_archived_artifacts_are_never_used(generate):
    document = generate(length="detailed")
    text = _all_text(document.content)
    assert "Chainly" not in text and "Solidity" not in text and "400%" not in text


def test_label_ids_choose_the_artifacts(generate, labels):
    content = generate(label_ids=[labels["frontend"].pk]).content
    assert [e["organization"] for e in content["experience"]] == ["Globe Media"]
    assert [p["name"] for p in content["projects"]] == ["Design system"]


def test_tone_changes_the_wording(generate):
    professional = generate(tone="professional").content["professionalSummary"]
    technical = generate(tone="technical").content["professionalSummary"]
    creative = generate(tone="creative").content["professionalSummary"]
    assert len({professional, technical, creative}) == 3
    assert creative.startswith("I am a") and "building with" in technical and "Skilled in" in professional


def test_length_changes_how_much_is_said(generate):
    concise = generate(length="concise").content
    detailed = generate(length="detailed").content
    assert len(_all_text(detailed)) > len(_all_text(concise)) * 1.2
    assert len(detailed["keySkills"]) > len(concise["keySkills"])
    assert len(concise["professionalSummary"].split(". ")) < len(detailed["professionalSummary"].split(". "))


FULL_STACK_JOB = "Software Engineer. Requirements: Python and React."


def test_focus_areas_change_what_comes_first(generate):
    backend = generate(job=FULL_STACK_JOB, focus_areas=["backend"]).content
    frontend = generate(job=FULL_STACK_JOB, focus_areas=["frontend"]).content
    assert backend["experience"][0]["organization"] == "Acme Payments"
    assert frontend["experience"][0]["organization"] == "Globe Media"
    assert backend["professionalSummary"] != frontend["professionalSummary"]


def test_custom_sections_appear_in_the_result(generate):
    sections = {"Languages": "English (native)\nFrench (fluent)", "Volunteering": ["Code club mentor"]}
    content = generate(custom_sections=sections).content
    assert content["customSections"] == {
        "Languages": ["English (native)", "French (fluent)"],
        "Volunteering": ["Code club mentor"],
    }


def test_the_job_description_is_stored_once_and_its_analysis_reused(generate, monkeypatch):
    calls = []
    real = jobdescriptions.analyse_job
    monkeypatch.setattr(jobdescriptions, "analyse_job", lambda text: calls.append(text) or real(text))
    first = generate()
    second = generate(type="cover_letter")
    assert JobDescription.objects.count() == 1 and len(calls) == 1
    assert first.job_description_id == second.job_description_id
    assert JobDescription.objects.get().use_count == 2


def test_the_cover_letter_names_company_and_role_cites_artifacts_and_fits_one_page(generate, owner):
    from exports.render.pipeline import render_cv
    from exports.tests.helpers import pdf_pages
    from generation.tailor.mapping import content_cv, letter_of
    from generation.tailor.sources import profile_source

    document = generate(type="cover_letter", length="detailed")
    letter = document.content["coverLetter"]
    text = " ".join(letter["paragraphs"])
    assert "Initech" in text and "Senior Backend Engineer" in text
    assert 2 <= len(letter["citedArtifacts"]) <= 3 and "Acme Payments" in text
    pdf = render_cv(
        cv=content_cv(document.content, profile_source(owner)),
        template_id="letter-classic",
        fmt="pdf",
        letter=letter_of(document.content),
    )
    assert len(pdf_pages(pdf.content)) == 1


# --- grounding, whoever writes ------------------------------------------------------------------
INVENTED_CV = {
    "professionalSummary": (
        "Senior Software Engineer at Acme Payments. Former CTO at Globex Corporation. "
        "Increased revenue 300% in one year."
    ),
    "keySkills": ["Python", "Django", "Rust", "Kubernetes"],
    "experience": [
        {
            "title": "Senior Software Engineer",
            "organization": "Acme Payments",
            "duration": "Mar 2019 – Present",
            "achievements": [
                "Owned the settlement API in Python and Django, serving 2 million requests a day.",
                "Increased revenue 300% by launching a new pricing engine.",
            ],
            "technologiesUsed": ["Python", "Rust"],
            "evidenceReferences": ["https://acme.example.com/settlement", "https://evil.example.com"],
        },
        {
            "title": "Chief Technology Officer",
            "organization": "Globex Corporation",
            "duration": "2010 – 2015",
            "achievements": ["Grew the engineering team to 200 people."],
            "technologiesUsed": ["Java"],
            "evidenceReferences": [],
        },
    ],
    "projects": [],
    "education": [
        {
            "degree": "PhD Astrophysics",
            "institution": "Massachusetts Institute of Technology",
            "duration": "2008 – 2012",
        },
        {"degree": "MSc Computer Science", "institution": "University of Leeds", "duration": "2013 – 2014"},
    ],
    "certifications": [],
}
INVENTED_LETTER = {
    "subject": "Application",
    "greeting": "Dear Initech hiring team,",
    "paragraphs": [
        "I am writing to apply for the Senior Backend Engineer role at Initech.",
        "At Globex Corporation I increased revenue 300% and earned a PhD in Astrophysics.",
        "At Acme Payments, I owned the settlement API in Python and Django, serving 2 million requests a day.",
        "I would welcome the chance to discuss how I can help at Initech.",
    ],
    "closing": "Kind regards,",
    "citedArtifacts": [424242],
}


@pytest.fixture
def remote_model(monkeypatch):
    server = FakeOpenAI().start()
    monkeypatch.setenv("FAKE_TAILOR_KEY", "sk-test")
    AIModelFactory(
        display_name="Fake GPT",
        provider=Provider.OPENAI,
        model_name="gpt-fake",
        base_url=server.base_url,
        api_key_env="FAKE_TAILOR_KEY",
        priority=10,
        response_format=ResponseFormat.JSON_SCHEMA,
    )
    yield server
    server.stop()


def test_a_remote_models_inventions_never_reach_the_cv(generate, remote_model):
    remote_model.script(ok(INVENTED_CV))
    document = generate()
    text = _all_text(document.content)
    for invention in (
        "Globex",
        "300%",
        "PhD",
        "Astrophysics",
        "Massachusetts",
        "Rust",
        "evil.example.com",
        "200 people",
    ):
        assert invention not in text, invention
    assert document.metadata["modelUsed"] == "Fake GPT"
    removed = " ".join(r["claim"] for r in document.metadata["grounding"]["removed"])
    assert "Globex Corporation" in removed and "PhD Astrophysics" in removed and "300%" in removed
    # What the sources support stays: the real role, its real bullet, the real degree.
    first = document.content["experience"][0]
    assert first["organization"] == "Acme Payments" and "2 million requests a day" in " ".join(
        first["achievements"]
    )
    assert [e["institution"] for e in document.content["education"]] == ["University of Leeds"]
    assert document.content["education"][0]["duration"] == "Sep 2013 – Sep 2014"  # rewritten from the source
    # The model saw the artifacts as data, not the archived one.
    prompt = remote_model.chat_requests[0].body["messages"][1]["content"]
    assert "Acme Payments" in prompt and "Chainly" not in prompt


def test_a_remote_models_inventions_never_reach_the_cover_letter(generate, remote_model):
    remote_model.script(ok(INVENTED_LETTER))
    document = generate(type="cover_letter")
    text = " ".join(document.content["coverLetter"]["paragraphs"])
    assert "Globex" not in text and "300%" not in text and "PhD" not in text
    assert "Acme Payments" in text and "Initech" in text
    assert document.content["coverLetter"]["citedArtifacts"] == []  # 424242 is nobody's artifact


# --- a provider's outage: retried with backoff, and never the end of a generation ------------------
@pytest.fixture
def countdowns(monkeypatch, settings):
    """The backoff of each retry the job toolkit schedules (the eager default runs it at once)."""
    from cvplatform.jobs import JobTask

    settings.LLM_MAX_RETRIES = 0  # the SDK's own retries would hide the outage from the job
    waits = []
    real_retry = JobTask.retry

    def recording_retry(self, *args, **kwargs):
        waits.append(kwargs["countdown"])
        return real_retry(self, *args, **kwargs)

    monkeypatch.setattr(JobTask, "retry", recording_retry)
    return waits


def test_a_provider_answering_503_is_retried_with_backoff_and_then_writes(
    generate, remote_model, countdowns, settings
):
    remote_model.script(error(503), ok(INVENTED_CV))
    document = generate()
    assert document.attempts == 2 and len(countdowns) == 1
    assert 0 <= countdowns[0] <= settings.JOB_RETRY_BACKOFF_SECONDS  # the first wait of the backoff
    assert document.metadata["modelUsed"] == "Fake GPT" and document.metadata["failedOver"] is False
    assert len(remote_model.chat_requests) == 2  # no builtin answer in between


def test_a_long_outage_ends_with_the_builtin_engine_writing(generate, remote_model, countdowns, settings):
    settings.GENERATION_REMOTE_ATTEMPTS = 3
    remote_model.script(error(503), error(502), error(503))
    document = generate()
    assert document.attempts == 3 and len(countdowns) == 2
    assert document.metadata["modelUsed"] == "Builtin" and document.metadata["failedOver"] is True
    assert document.content["experience"][0]["organization"] == "Acme Payments"


def test_a_provider_error_a_retry_cannot_mend_falls_back_at_once(generate, remote_model, countdowns):
    remote_model.script(error(401))
    document = generate()
    assert document.attempts == 1 and countdowns == []
    assert document.metadata["modelUsed"] == "Builtin" and document.metadata["failedOver"] is True


def test_without_retries_left_an_outage_still_ends_with_a_document(
    generate, remote_model, countdowns, settings
):
    settings.JOB_MAX_RETRIES = 0
    remote_model.script(error(503))
    document = generate()
    assert document.attempts == 1 and countdowns == []
    assert document.metadata["modelUsed"] == "Builtin"
