"""Hostile files sent to the real upload endpoints: each ends in a clear 4xx, stores nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes.models import CVDocument
from resumes.tests.hostile import builders

PF = "/pf/cv/upload"
OPTIMIZER = "/api/v1/resumes/upload"
CVGENIUS = "/api/cv/extract-cv-data-from-file/"


def pf_upload(client, data: bytes, name: str, content_type: str = "application/pdf"):
    return client.post(PF, {"file": SimpleUploadedFile(name, data, content_type)}, format="multipart")


def pf_message(response) -> str:
    return response.json()["error"]["message"]


@pytest.fixture(autouse=True)
def _nothing_stored(db):
    yield
    assert not CVDocument.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "content_type", "message"),
    [
        (builders.windows_exe(), "cv.pdf", "application/pdf", "Windows executable"),
        (builders.html_page(), "cv.pdf", "application/pdf", "HTML"),
        (builders.pdf_text(["Jane"]), "cv.docx", "application/pdf", "not a DOCX"),
    ],
    ids=["exe-named-pdf", "html-named-pdf", "pdf-named-docx"],
)
def test_type_lies_are_refused(owner_client, data, name, content_type, message):
    response = pf_upload(owner_client, data, name, content_type)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ERR_UNSUPPORTED_FILE"
    assert message in pf_message(response)


@pytest.mark.parametrize(
    ("build", "name", "message"),
    [
        (lambda: b"PK\x03\x04" + b"x" * 100, "cv.docx", "damaged"),
        (builders.pdf_malformed, "cv.pdf", "damaged"),
        (lambda: b"", "cv.txt", "empty"),
        (lambda: b"   \n  ", "cv.txt", "empty"),
        (lambda: builders.pdf_page_tree(300_000), "cv.pdf", "300000 pages"),
        (lambda: builders.pdf_flate_bomb(200), "cv.pdf", "too much memory"),
        (builders.pdf_self_referencing, "cv.pdf", "text layer"),
        (lambda: b'{"basics": ', "cv.json", "not valid JSON"),
        (lambda: builders.docx_lying_size(1200), "cv.docx", "damaged"),
    ],
    ids=[
        "broken-zip",
        "broken-pdf",
        "empty",
        "blank",
        "page-tree",
        "stream-bomb",
        "no-text-layer",
        "broken-json",
        "lying-zip",
    ],
)
def test_every_file_that_cannot_be_read_answers_one_code(owner_client, settings, build, name, message):
    # The issue: "PersonaForge uses two error codes for the same kind of parse failure" - a
    # damaged ZIP or a blank file answered ERR_INVALID_REQUEST, a damaged PDF or an empty file
    # ERR_UNSUPPORTED_FILE; limits hit in the sandbox one, limits checked before it the other.
    settings.CV_PARSE_MEMORY_BYTES = 96 * 1024 * 1024
    response = pf_upload(owner_client, build(), name)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ERR_UNSUPPORTED_FILE"
    assert message in pf_message(response)


def test_oversized_file_is_413_with_the_limit_on_every_surface(owner_client):
    big = builders.pdf_text(["Jane"]) + b"%" + b"x" * (10 * 1024 * 1024)
    response = pf_upload(owner_client, big, "cv.pdf")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "ERR_FILE_TOO_LARGE"
    assert "10 MB" in pf_message(response)
    optimizer = owner_client.post(
        OPTIMIZER, {"file": SimpleUploadedFile("cv.pdf", big, "application/pdf")}, format="multipart"
    )
    assert optimizer.status_code == 413
    assert "10 MB" in optimizer.json()["detail"]


def test_docx_zip_bomb_is_refused_before_unpacking(owner_client):
    response = pf_upload(owner_client, builders.docx_zip_bomb(60), "cv.docx")
    assert response.status_code == 400
    assert "zip bomb" in pf_message(response)


def test_docx_with_thousands_of_members_is_refused(owner_client):
    response = owner_client.post(
        CVGENIUS,
        {
            "cv_file": SimpleUploadedFile(
                "cv.docx", builders.docx_many_members(5000), "application/octet-stream"
            )
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "zip bomb" in response.json()["detail"]


@pytest.mark.parametrize(
    "build", [builders.docx_billion_laughs, builders.docx_xxe], ids=["billion-laughs", "xxe"]
)
def test_docx_doctype_is_refused(owner_client, build):
    response = owner_client.post(
        OPTIMIZER, {"file": SimpleUploadedFile("cv.docx", build(), "application/pdf")}, format="multipart"
    )
    assert response.status_code == 400
    assert "DOCTYPE" in response.json()["detail"]


def test_pdf_with_a_huge_page_count_is_refused(owner_client):
    response = pf_upload(owner_client, builders.pdf_many_pages(500), "cv.pdf")
    assert response.status_code == 400
    assert "500 pages" in pf_message(response)


def test_pdf_with_a_cyclic_page_tree_is_refused(owner_client):
    response = pf_upload(owner_client, builders.pdf_cyclic_page_tree(), "cv.pdf")
    assert response.status_code == 400


def test_pdf_with_self_referencing_objects_is_refused(owner_client):
    response = pf_upload(owner_client, builders.pdf_self_referencing(), "cv.pdf")
    assert response.status_code == 400
    assert "text layer" in pf_message(response)


def test_malformed_pdf_is_refused(owner_client):
    response = pf_upload(owner_client, builders.pdf_malformed(), "cv.pdf")
    assert response.status_code == 400
    assert "damaged" in pf_message(response)


def test_pdf_stream_bomb_hits_the_memory_limit(owner_client, settings):
    # 200 KB on the wire, 200 MB once the content stream is inflated: over a 96 MB allowance.
    settings.CV_PARSE_MEMORY_BYTES = 96 * 1024 * 1024
    response = pf_upload(owner_client, builders.pdf_flate_bomb(200), "cv.pdf")
    assert response.status_code == 400
    assert "too much memory" in pf_message(response)


def test_a_parse_that_outlasts_the_deadline_is_stopped(owner_client, settings):
    settings.CV_PARSE_TIMEOUT_SECONDS = 0.05
    settings.CV_INLINE_PARSE_MAX_BYTES = 10 * 1024 * 1024
    lines = "\n".join(
        f"Senior Engineer, Company {index}, 2001 - 2002 - did things" for index in range(150_000)
    )
    response = pf_upload(owner_client, lines.encode(), "cv.txt", "text/plain")
    assert response.status_code == 400
    assert "took longer than 0.05 seconds" in pf_message(response)


def test_a_huge_declared_body_is_refused_before_it_is_read(owner_client):
    # The client announces 2 GB: the answer comes before any of it would be spooled to disk.
    response = owner_client.post(
        PF,
        {"file": SimpleUploadedFile("cv.pdf", b"%PDF-1.4", "application/pdf")},
        format="multipart",
        CONTENT_LENGTH=str(2 * 1024**3),
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "ERR_FILE_TOO_LARGE"
