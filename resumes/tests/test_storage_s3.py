"""CV files on S3 (django-storages + boto3), against moto's S3 server on loopback."""

import re
from urllib.parse import parse_qs, urlparse

import boto3
import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from moto.server import ThreadedMotoServer

from billing.factories import ClientFactory
from resumes.tests.hostile import builders

BUCKET = "cv-test-bucket"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, monkeypatch):
    # Never let boto3 look for real credentials or instance metadata.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    client = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)
    client.create_bucket(Bucket=BUCKET)
    # The same options cvplatform/settings/base.py uses when AWS_STORAGE_BUCKET_NAME is set.
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": 600,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_upload_lands_in_the_bucket_under_a_generated_key_with_a_signed_owner_only_link(
    s3, owner, owner_client, other_client
):
    client_row = ClientFactory(owner=owner, name="Jane Doe")
    pdf = builders.pdf_text(["Jane Doe", "jane@example.com"])
    upload = SimpleUploadedFile("Jane Doe CV (final).pdf", pdf, "application/pdf")
    response = owner_client.post(
        "/api/users/cvs/upload_cv/", {"client": client_row.pk, "cv": upload}, format="multipart"
    )
    assert response.status_code == 201, response.content
    body = response.json()

    [key] = keys(s3)
    assert re.fullmatch(r"cvs/[0-9a-f]{32}\.pdf", key)
    assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == pdf

    link = urlparse(body["cv"])
    query = parse_qs(link.query)
    assert link.path.endswith(key)
    # Signed and expiring (SigV4 or SigV2 query auth, whichever the client config picks).
    assert "X-Amz-Signature" in query or "Signature" in query
    assert "X-Amz-Expires" in query or "Expires" in query
    fetched = requests.get(body["cv"], timeout=5)
    assert fetched.status_code == 200 and fetched.content == pdf

    # Only the owner is ever handed a link: another user does not even learn the CV exists.
    detail = f"/api/users/cvs/{body['id']}/"
    assert other_client.get(detail).status_code == 404
    assert other_client.get(f"{detail}download/").status_code == 404
    redirect = owner_client.get(f"{detail}download/")
    assert redirect.status_code == 302
    assert "Signature" in redirect["Location"]


def test_deleting_the_cv_deletes_the_object(s3, owner, owner_client):
    client_row = ClientFactory(owner=owner, name="Jane Doe")
    upload = SimpleUploadedFile("cv.pdf", builders.pdf_text(["Jane"]), "application/pdf")
    created = owner_client.post(
        "/api/users/cvs/upload_cv/", {"client": client_row.pk, "cv": upload}, format="multipart"
    ).json()
    assert len(keys(s3)) == 1
    assert owner_client.delete(f"/api/users/cvs/{created['id']}/").status_code == 204
    assert keys(s3) == []


def test_personaforge_upload_is_parsed_and_stored_on_s3(s3, owner_client, other_client):
    pdf = builders.pdf_text(["Jane Doe", "jane@example.com", "Experience", "Engineer, Acme, 2019 - present"])
    upload = SimpleUploadedFile("jane-cv.pdf", pdf, "application/pdf")
    created = owner_client.post("/pf/cv/upload", {"file": upload}, format="multipart").json()
    assert created["status"] == "parsed"
    [key] = keys(s3)
    assert re.fullmatch(r"cvs/[0-9a-f]{32}\.pdf", key)

    detail = owner_client.get(f"/pf/cv/{created['cv_id']}").json()
    assert detail["filename"] == "jane-cv.pdf"
    assert urlparse(detail["file_url"]).path.endswith(key)
    assert requests.get(detail["file_url"], timeout=5).content == pdf
    assert other_client.get(f"/pf/cv/{created['cv_id']}").status_code == 404


def test_a_large_upload_is_parsed_by_the_job_from_s3(
    s3, owner_client, settings, django_capture_on_commit_callbacks
):
    settings.CV_INLINE_PARSE_MAX_BYTES = 100
    pdf = builders.pdf_text(["Jane Doe", "jane@example.com"])
    with django_capture_on_commit_callbacks(execute=True):
        created = owner_client.post(
            "/pf/cv/upload",
            {"file": SimpleUploadedFile("cv.pdf", pdf, "application/pdf")},
            format="multipart",
        ).json()
    assert created["status"] == "processing"
    detail = owner_client.get(f"/pf/cv/{created['cv_id']}").json()
    assert detail["status"] == "parsed"
    assert detail["email"] == "jane@example.com"
