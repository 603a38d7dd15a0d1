"""Profile images are judged by their bytes: web formats only, bounded in bytes and pixels."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt: str, size=(8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, format=fmt)
    return out.getvalue()


def patch_image(client, data: bytes, name: str):
    return client.patch(
        "/api/v1/auth/profile/",
        {"profile_image": SimpleUploadedFile(name, data, "image/png")},
        format="multipart",
    )


@pytest.mark.parametrize(
    ("fmt", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("WEBP", "webp")]
)
def test_a_web_image_is_stored_under_the_extension_of_what_it_is(owner_client, owner, fmt, extension):
    # Named .html by the client: the stored name follows the content, so it is served as an image.
    response = patch_image(owner_client, image_bytes(fmt), "me.html.png")
    assert response.status_code == 200, response.content
    owner.refresh_from_db()
    assert owner.profile_image.name.startswith("profile-images/")
    assert owner.profile_image.name.endswith(f".{extension}")
    owner.profile_image.delete(save=False)


def test_an_image_over_the_byte_limit_is_413(owner_client, owner, settings):
    settings.PROFILE_IMAGE_MAX_BYTES = 1000
    response = patch_image(owner_client, image_bytes("BMP", (64, 64)), "me.png")
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    owner.refresh_from_db()
    assert not owner.profile_image


def test_a_format_pillow_reads_but_a_browser_does_not_show_is_refused(owner_client, owner):
    response = patch_image(owner_client, image_bytes("BMP"), "me.bmp")
    assert response.status_code == 400
    assert "not BMP" in response.json()["fields"]["profile_image"][0]
    owner.refresh_from_db()
    assert not owner.profile_image


def test_an_image_too_many_pixels_wide_is_refused(owner_client, owner, settings):
    settings.PROFILE_IMAGE_MAX_SIDE = 100
    response = patch_image(owner_client, image_bytes("PNG", (101, 10)), "me.png")
    assert response.status_code == 400
    assert "101x10 pixels" in response.json()["fields"]["profile_image"][0]
    owner.refresh_from_db()
    assert not owner.profile_image
