"""CV Tailor (seed 001) — Document Export System, walked as documented: the Export Request
Format in, 202 ``{id, status}``, status, detail with a signed expiring link, the download (the
owner's only), lists, templates and analytics."""

import io

import pytest
from docx import Document

from cvplatform.jobs import JobStatus
from exports.tests.helpers import pdf_text
from generation.factories import GeneratedDocumentFactory
from generation.tests.tailor_data import BACKEND_JOB, career

from .test_auth import assert_tailor_error

pytestmark = pytest.mark.django_db

EXPORT_REQUEST = {
    "format": "pdf",
    "templateId": None,
    "options": {
        "includeEvidence": True,
        "evidenceFormat": "hyperlinks",
        "pageMargins": "normal",
        "fontSize": 11,
        "colorScheme": "accent",
    },
    "sections": {"includeProfessionalSummary": True, "includeProjects": False},
    "watermark": {"text": "Draft", "opacity": 0.1},
}


@pytest.fixture
def generation(owner, owner_client, django_capture_on_commit_callbacks):
    career(owner)
    body = {"jobDescription": BACKEND_JOB, "companyName": "Initech", "roleTitle": "Senior Backend Engineer"}
    with django_capture_on_commit_callbacks(execute=True):
        generation_id = owner_client.post("/api/v1/generate/cv/", body, format="json").json()["id"]
    return owner_client.get(f"/api/v1/generate/{generation_id}/detail/").json()


@pytest.fixture
def export(owner_client, django_capture_on_commit_callbacks):
    def run(generation_id, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return owner_client.post(
                f"/api/v1/export/{generation_id}/", {**EXPORT_REQUEST, **overrides}, format="json"
            )

    return run


def test_export_a_generation_to_pdf_and_download_it(owner_client, generation, export):
    started = export(generation["id"])
    assert started.status_code == 202, started.content
    body = started.json()
    assert set(body) == {"id", "status"} and body["status"] == "processing"

    status = owner_client.get(f"/api/v1/export/{body['id']}/status/").json()
    assert status["status"] == "completed" and status["progressPercentage"] == 100
    assert status["generationId"] == generation["id"]

    detail = owner_client.get(f"/api/v1/export/{body['id']}/detail/").json()
    assert detail["format"] == "pdf" and detail["fileSize"] > 1000
    assert detail["options"]["margins"] == "normal" and detail["options"]["watermark_text"] == "Draft"
    assert "signature=" in detail["downloadUrl"] and detail["expiresIn"] > 0

    downloaded = owner_client.get(detail["downloadUrl"])
    assert downloaded.status_code == 200
    content = b"".join(downloaded.streaming_content)
    text = pdf_text(content)
    experience = generation["content"]["experience"][0]
    assert experience["organization"] in text and experience["title"] in text
    assert experience["achievements"][0][:40] in " ".join(text.split())
    assert generation["content"]["projects"][0]["name"] not in text  # includeProjects: false
    plain = owner_client.get(f"/api/v1/export/{body['id']}/download/")
    assert plain.status_code == 200 and b"".join(plain.streaming_content) == content


def test_export_to_docx(owner_client, generation, export):
    export_id = export(generation["id"], format="docx").json()["id"]
    response = owner_client.get(f"/api/v1/export/{export_id}/download/")
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert generation["content"]["experience"][0]["organization"] in text


def test_custom_sections_reach_the_pdf_and_the_docx_in_the_users_order(
    owner, owner_client, export, django_capture_on_commit_callbacks
):
    career(owner)
    # Longest title first: PostgreSQL's jsonb would put "Awards" first if the order were not kept.
    sections = {"Volunteering": ["Code club mentor", "Charity 10k organiser"], "Awards": ["Hackathon winner"]}
    body = {"jobDescription": BACKEND_JOB, "companyName": "Initech", "customSections": sections}
    with django_capture_on_commit_callbacks(execute=True):
        generation_id = owner_client.post("/api/v1/generate/cv/", body, format="json").json()["id"]
    detail = owner_client.get(f"/api/v1/generate/{generation_id}/detail/").json()
    assert list(detail["content"]["customSections"].items()) == list(sections.items())

    pdf_id = export(generation_id).json()["id"]
    text = " ".join(
        pdf_text(b"".join(owner_client.get(f"/api/v1/export/{pdf_id}/download/").streaming_content)).split()
    )
    assert text.index("Volunteering") < text.index("Code club mentor") < text.index("Charity 10k organiser")
    assert text.index("Charity 10k organiser") < text.index("Awards") < text.index("Hackathon winner")

    docx_id = export(generation_id, format="docx").json()["id"]
    response = owner_client.get(f"/api/v1/export/{docx_id}/download/")
    paragraphs = Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Volunteering", "Awards"]
    assert [p.text for p in paragraphs if p.style.name == "List Bullet"][-2:] == sections["Volunteering"]
    assert paragraphs[-1].text == "Hackathon winner"


def test_a_cover_letter_exports_with_a_letter_template(
    owner_client, owner, generation, export, django_capture_on_commit_callbacks
):
    body = {"jobDescription": BACKEND_JOB, "companyName": "Initech", "roleTitle": "Senior Backend Engineer"}
    with django_capture_on_commit_callbacks(execute=True):
        letter_id = owner_client.post("/api/v1/generate/cover-letter/", body, format="json").json()["id"]
    export_id = export(letter_id).json()["id"]
    content = b"".join(owner_client.get(f"/api/v1/export/{export_id}/download/").streaming_content)
    text = " ".join(pdf_text(content).split())
    assert "Dear Initech hiring team" in text and "Senior Backend Engineer" in text


def test_only_a_completed_generation_is_exported(owner, owner_client):
    running = GeneratedDocumentFactory(user=owner, status=JobStatus.STARTED, progress=40)
    body = assert_tailor_error(
        owner_client.post(f"/api/v1/export/{running.pk}/", EXPORT_REQUEST, format="json"), 409
    )
    assert body["code"] == "generation_not_completed"
    failed = GeneratedDocumentFactory(user=owner, status=JobStatus.FAILURE)
    assert_tailor_error(owner_client.post(f"/api/v1/export/{failed.pk}/", EXPORT_REQUEST, format="json"), 409)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"format": "odt"}, "format"),
        ({"options": {"pageMargins": "huge"}}, "options"),
        ({"options": {"fontSize": 40}}, "options"),
        ({"options": {"evidenceFormat": "carrier_pigeon"}}, "options"),
        ({"options": {"colorScheme": "neon"}}, "options"),
        ({"watermark": {"text": "Draft", "opacity": 2}}, "watermark"),
        ({"templateId": 999999}, "templateId"),
    ],
)
def test_bad_export_input_is_400_naming_the_field(owner, owner_client, overrides, field):
    done = GeneratedDocumentFactory(user=owner)
    response = owner_client.post(f"/api/v1/export/{done.pk}/", {**EXPORT_REQUEST, **overrides}, format="json")
    assert_tailor_error(response, 400, fields={field})


def test_a_cover_letter_template_cannot_render_a_cv(owner, owner_client):
    from exports.models import CVTemplate

    letter = CVTemplate.objects.filter(kind="cover_letter").first()
    done = GeneratedDocumentFactory(user=owner)
    response = owner_client.post(
        f"/api/v1/export/{done.pk}/", {**EXPORT_REQUEST, "templateId": letter.pk}, format="json"
    )
    assert_tailor_error(response, 400, fields={"templateId"})


def test_lists_templates_and_analytics(owner, owner_client, other_client, export):
    done = GeneratedDocumentFactory(user=owner)
    export(done.pk)
    export(done.pk, format="docx")
    listed = owner_client.get("/api/v1/export/").json()
    assert set(listed) == {"count", "next", "previous", "results"} and listed["count"] == 2
    assert {r["format"] for r in listed["results"]} == {"pdf", "docx"}
    templates = owner_client.get("/api/v1/export/templates/").json()
    assert templates["count"] >= 2
    stats = owner_client.get("/api/v1/export/analytics/").json()
    assert stats["byFormat"] == {"pdf": 1, "docx": 1} and stats["byStatus"]["completed"] == 2
    assert stats["totalBytes"] > 0 and stats["averageExportTime"] is not None
    assert other_client.get("/api/v1/export/").json()["count"] == 0
    assert other_client.get("/api/v1/export/analytics/").json()["total"] == 0


def test_other_users_get_404_and_anonymous_401(
    owner, owner_client, api_client, other_client, other_user, export
):
    done = GeneratedDocumentFactory(user=owner)
    export_id = export(done.pk).json()["id"]
    detail = owner_client.get(f"/api/v1/export/{export_id}/detail/").json()
    for path in (
        f"/api/v1/export/{export_id}/status/",
        f"/api/v1/export/{export_id}/detail/",
        f"/api/v1/export/{export_id}/download/",
    ):
        assert_tailor_error(other_client.get(path), 404)
        assert_tailor_error(api_client.get(path), 401)
    # The signed link is not a bearer credential: another user (or nobody) cannot use it.
    assert_tailor_error(other_client.get(detail["downloadUrl"]), 404)
    assert_tailor_error(api_client.get(detail["downloadUrl"]), 401)
    assert_tailor_error(owner_client.get(f"/api/v1/export/{export_id}/download/?signature=forged"), 404)
    assert_tailor_error(other_client.post(f"/api/v1/export/{done.pk}/", EXPORT_REQUEST, format="json"), 404)
    assert_tailor_error(api_client.post(f"/api/v1/export/{done.pk}/", EXPORT_REQUEST, format="json"), 401)
    for path in ("/api/v1/export/", "/api/v1/export/analytics/"):
        assert_tailor_error(api_client.get(path), 401)


def test_an_unfinished_export_is_not_downloadable(owner, owner_client):
    from exports.factories import ExportJobFactory

    job = ExportJobFactory(user=owner, generation=GeneratedDocumentFactory(user=owner), format="pdf")
    assert owner_client.get(f"/api/v1/export/{job.pk}/status/").json()["status"] == "processing"
    assert owner_client.get(f"/api/v1/export/{job.pk}/detail/").json()["downloadUrl"] is None
    assert_tailor_error(owner_client.get(f"/api/v1/export/{job.pk}/download/"), 409)


def test_exports_are_limited_to_twenty_an_hour(owner, owner_client, settings):
    assert settings.THROTTLE_RATES["export"] == "20/hour"
    done = GeneratedDocumentFactory(user=owner)
    codes = [
        owner_client.post(f"/api/v1/export/{done.pk}/", EXPORT_REQUEST, format="json").status_code
        for _ in range(20)
    ]
    assert codes == [202] * 20
    assert_tailor_error(owner_client.post(f"/api/v1/export/{done.pk}/", EXPORT_REQUEST, format="json"), 429)


# --- every option of the Export Request Format changes the downloaded file ----------------------
EVIDENCE = "https://acme.example.com/settlement"  # the generated CV's first role's evidence


def _download(client, export_response) -> bytes:
    assert export_response.status_code == 202, export_response.content
    export_id = export_response.json()["id"]
    return b"".join(client.get(f"/api/v1/export/{export_id}/download/").streaming_content)


def _pdf_facts(content: bytes) -> dict:
    from collections import Counter

    import pdfplumber
    import pypdfium2
    import zxingcpp
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(io.BytesIO(content)) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        states = resolve1(page.page_obj.resources.get("ExtGState")) or {}
        facts = {
            "width": round(float(page.width)),
            "left": round(min(c["x0"] for c in chars)),
            "body_size": Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0],
            # Text drawn in any colour but black (grey or RGB).
            "colours": {
                tuple(round(v, 2) for v in c["non_stroking_color"])
                for c in chars
                if c["non_stroking_color"] and any(v > 0.01 for v in c["non_stroking_color"])
            },
            "fills": {
                tuple(round(v, 2) for v in r["non_stroking_color"] or ())
                for r in page.rects
                if r["fill"] and r["non_stroking_color"] and min(r["non_stroking_color"]) < 0.99
            },
            "uris": {link["uri"] for p in pdf.pages for link in p.hyperlinks},
            "big_text": "".join(c["text"] for c in chars if c["size"] > 30),
            "alphas": {round(float(resolve1(s).get("ca", 1)), 2) for s in states.values()},
            "fonts": {c["fontname"].split("+")[-1] for c in chars},
        }
    facts["text"] = " ".join(pdf_text(content).split())
    image = pypdfium2.PdfDocument(content)[0].render(scale=4).to_pil()
    facts["qr"] = {code.text for code in zxingcpp.read_barcodes(image)}
    return facts


def test_every_export_option_changes_the_downloaded_file(
    owner_client, generation, django_capture_on_commit_callbacks
):
    from exports.models import CVTemplate

    def facts(**request):
        with django_capture_on_commit_callbacks(execute=True):
            started = owner_client.post(
                f"/api/v1/export/{generation['id']}/", {"format": "pdf", **request}, format="json"
            )
        return _pdf_facts(_download(owner_client, started))

    base = facts()
    assert EVIDENCE in base["uris"] and not base["qr"] and not base["big_text"]
    skills = generation["content"]["keySkills"]
    assert "Skills" in base["text"] and skills[0] in base["text"]

    narrow, wide = facts(options={"pageMargins": "narrow"}), facts(options={"pageMargins": "wide"})
    assert narrow["left"] < base["left"] < wide["left"]
    assert (
        facts(options={"fontSize": 9})["body_size"] == 9
        and facts(options={"fontSize": 12})["body_size"] == 12
    )
    assert facts(options={"pageSize": "letter"})["width"] == 612 and base["width"] == 595

    mono, full = facts(options={"colorScheme": "monochrome"}), facts(options={"colorScheme": "full_color"})
    assert not mono["colours"] and base["colours"] and full["colours"]
    assert full["fills"] - base["fills"]  # full colour tints the heading bands

    assert EVIDENCE not in facts(options={"includeEvidence": False})["uris"]
    footnotes = facts(options={"evidenceFormat": "footnotes"})
    assert "Evidence1" in footnotes["text"].replace(" ", "") and "Evidence1" not in base["text"].replace(
        " ", ""
    )
    assert EVIDENCE in facts(options={"evidenceFormat": "qr_codes"})["qr"]

    no_skills = facts(sections={"includeSkills": False, "includeProfessionalSummary": False})
    assert "Skills" not in no_skills["text"]
    assert generation["content"]["professionalSummary"][:40] not in no_skills["text"]

    marked = facts(watermark={"text": "DRAFT", "opacity": 0.35})
    assert marked["big_text"] == "DRAFT" and 0.35 in marked["alphas"]

    compact = CVTemplate.objects.get(slug="compact")
    assert facts(templateId=compact.pk)["fonts"] != base["fonts"]


def test_a_failed_export_shows_a_clear_error_in_status_and_detail(owner, owner_client, export, monkeypatch):
    from cvplatform.exceptions import ApplicationError
    from exports import services as export_services

    def broken(**kwargs):
        raise ApplicationError("The template could not be rendered: font missing", code="render_failed")

    monkeypatch.setattr(export_services, "render_cv", broken)
    done = GeneratedDocumentFactory(user=owner)
    export_id = export(done.pk).json()["id"]
    status = owner_client.get(f"/api/v1/export/{export_id}/status/").json()
    assert (
        status["status"] == "failed" and status["error"] == "The template could not be rendered: font missing"
    )
    detail = owner_client.get(f"/api/v1/export/{export_id}/detail/").json()
    assert detail["error"] == status["error"] and detail["downloadUrl"] is None
    assert_tailor_error(owner_client.get(f"/api/v1/export/{export_id}/download/"), 409)

    def crash(**kwargs):
        raise RuntimeError("segfault in a renderer")

    monkeypatch.setattr(export_services, "render_cv", crash)
    crashed = owner_client.get(f"/api/v1/export/{export(done.pk).json()['id']}/status/").json()
    assert crashed["status"] == "failed" and "internal error (RuntimeError)" in crashed["error"]
    assert "segfault" not in crashed["error"]  # the internals stay in the log
