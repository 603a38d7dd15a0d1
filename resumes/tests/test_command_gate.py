"""A file given to ``manage.py parse_cv`` / ``score_cv`` is as untrusted as an upload: it is
refused by the same checks and the same sandbox, with the same message."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from resumes.tests.hostile import builders

PF_UPLOAD = "/pf/cv/upload"

HOSTILE = [
    (builders.windows_exe, "cv.pdf", "Windows executable"),
    (lambda: builders.docx_zip_bomb(60), "cv.docx", "zip bomb"),
    (builders.docx_billion_laughs, "cv.docx", "DOCTYPE"),
    (lambda: builders.pdf_many_pages(500), "cv.pdf", "500 pages"),
    (builders.pdf_malformed, "cv.pdf", "damaged"),
]
IDS = ["exe-named-pdf", "zip-bomb", "billion-laughs", "500-pages", "malformed-pdf"]


def _upload_message(client, data: bytes, name: str) -> str:
    response = client.post(
        PF_UPLOAD, {"file": SimpleUploadedFile(name, data, "application/octet-stream")}, format="multipart"
    )
    assert response.status_code == 400
    return response.json()["error"]["message"]


@pytest.mark.parametrize(("build", "name", "message"), HOSTILE, ids=IDS)
def test_parse_cv_refuses_a_hostile_file_like_an_upload(owner_client, tmp_path, capsys, build, name, message):
    data = build()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError):
        call_command("parse_cv", str(path), "--json")
    error = json.loads(capsys.readouterr().out)["error"]
    assert message in error["message"]
    assert error["message"] == _upload_message(owner_client, data, name)


@pytest.mark.parametrize(("build", "name", "message"), HOSTILE, ids=IDS)
def test_score_cv_refuses_a_hostile_file_like_an_upload(owner_client, tmp_path, build, name, message):
    data = build()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as refused:
        call_command("score_cv", str(path))
    assert message in str(refused.value)
    assert _upload_message(owner_client, data, name) in str(refused.value)


def test_commands_parse_inside_the_sandbox_with_its_limits(tmp_path, settings, capsys):
    # Only the sandbox has a deadline: a direct parse of this file would simply finish.
    settings.CV_PARSE_TIMEOUT_SECONDS = 0.05
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "\n".join(f"Senior Engineer, Company {n}, 2001 - 2002 - did things" for n in range(150_000))
    )
    with pytest.raises(CommandError):
        call_command("parse_cv", str(cv), "--json")
    assert "took longer than 0.05 seconds" in json.loads(capsys.readouterr().out)["error"]["message"]
    with pytest.raises(CommandError, match="took longer than 0.05 seconds"):
        call_command("score_cv", str(cv))


def test_commands_refuse_a_file_over_the_upload_limit(tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 2048
    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Doe\n" + "x" * 4096)
    with pytest.raises(CommandError, match="2048 bytes"):
        call_command("score_cv", str(cv))
    jd = tmp_path / "jd.txt"
    jd.write_text("Python developer\n" + "x" * 4096)
    small = tmp_path / "small.txt"
    small.write_text("Jane Doe\nPython developer")
    with pytest.raises(CommandError, match="2048 bytes"):
        call_command("score_cv", str(small), str(jd))
