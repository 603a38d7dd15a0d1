import json
import shutil

import pytest

from exports.models import CVTemplate
from exports.render.registry import TEMPLATES_DIR
from exports.services import template_manifests, template_sync

pytestmark = pytest.mark.django_db


def test_the_catalogue_has_four_cv_designs_and_two_cover_letters(templates):
    kinds = [t.kind for t in templates]
    assert kinds.count("cv") >= 4
    assert kinds.count("cover_letter") >= 2


@pytest.mark.parametrize("manifest", template_manifests(), ids=lambda m: m["id"])
def test_every_template_ships_every_format_and_a_preview(manifest):
    folder = TEMPLATES_DIR / manifest["id"]
    assert set(manifest["formats"]) >= {"pdf", "tex", "docx", "md"}
    for role in ("typst", "latex", "markdown"):
        assert (folder / manifest["files"][role]).is_file()
    preview = folder / manifest.get("preview", "preview.png")
    assert preview.read_bytes().startswith(b"\x89PNG")


def test_a_new_folder_becomes_a_template_without_code(tmp_path):
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, root)
    manifest = json.loads((root / "classic" / "manifest.json").read_text())
    manifest.update(id="classic-wide", name="Classic wide")
    shutil.copytree(root / "classic", root / "classic-wide")
    (root / "classic-wide" / "manifest.json").write_text(json.dumps(manifest))

    template_sync(root=root)

    row = CVTemplate.objects.get(slug="classic-wide")
    assert row.name == "Classic wide" and row.is_active


def test_a_removed_folder_is_deactivated(tmp_path, templates):
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, root, ignore=shutil.ignore_patterns("modern"))
    template_sync(root=root)
    assert not CVTemplate.objects.get(slug="modern").is_active


def test_tailor_template_lists_use_the_envelope(owner_client, templates):
    for url in ("/api/v1/generate/templates/", "/api/v1/export/templates/"):
        body = owner_client.get(url).json()
        assert body["count"] == len(templates)
        assert {"next", "previous"} <= set(body)
        first = body["results"][0]
        assert first["name"] and "pdf" in first["formats"]
        assert first["sample_preview_url"].startswith("http://testserver/pf/templates/")


def test_tailor_templates_need_a_token(api_client, templates):
    assert api_client.get("/api/v1/export/templates/").status_code == 401


def test_personaforge_lists_templates_as_a_plain_array(owner_client, templates):
    response = owner_client.get("/pf/templates")
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body, list)
    item = next(t for t in body if t["id"] == "classic")
    assert item["format"] == "pdf" and item["name"] == "Classic"
    assert item["sample_preview_url"].endswith("/pf/templates/classic/preview.png")


def test_personaforge_template_detail_and_missing_template(owner_client, templates):
    detail = owner_client.get("/pf/templates/sidebar").json()
    assert "skills" in detail["config"]["sidebar_sections"]
    assert "watermark" in detail["options"]
    missing = owner_client.get("/pf/templates/nope")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "ERR_NOT_FOUND"


def test_the_preview_url_serves_a_png_without_sign_in(api_client, owner_client, templates):
    url = owner_client.get("/pf/templates").json()[0]["sample_preview_url"]
    api_client.credentials(HTTP_AUTHORIZATION="Bearer expired.or.bogus")
    response = api_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
