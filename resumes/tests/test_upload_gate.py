"""The hostile-file gate: every hostile file against every upload endpoint of every surface.

Each file must end in the surface's 4xx with its error body and a message that says why,
within 2 seconds, with the serving (test) process's peak resident memory growing by less
than 50 MB (whatever inflating, parsing or walking the file costs happens in the sandboxed
child, or not at all), and with nothing stored: no row, no file, a replaced saved CV intact.

The endpoints are found, not listed by hand alone: ``test_every_upload_route_is_in_the_gate``
walks the URL configuration for every view that accepts a file and fails if one is missing.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework import serializers

from accounts.models import User
from billing.factories import ClientFactory
from resumes.models import CVDocument, SavedCV
from resumes.tests.hostile import builders
from resumes.tests.hostile.measure import cost

MAX_SECONDS = 2.0
MAX_GROWTH_MB = 50.0


# --- the corpus ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hostile:
    name: str
    filename: str
    content_type: str
    reason: str | None  # a fragment of the message a CV endpoint gives (None: not a CV attack)
    status: int = 400
    # ... and the message the profile-image endpoint gives: a CV file is no image at all
    # (None: a real image, which the stored name's extension, not the bytes after it, serves).
    image_reason: str | None = "valid image"
    image_status: int = 400


def _broken_zip() -> bytes:
    return b"PK\x03\x04" + b"x" * 100


def _oversized() -> bytes:
    return builders.pdf_text(["Jane Doe"]) + b"%" + b"x" * (10 * 1024 * 1024)


_PDF, _DOCX, _BIN = "application/pdf", "application/octet-stream", "application/octet-stream"
# name -> (builder, the file as sent, what the answer must say)
_CORPUS = {
    "docx-lying-size": (
        builders.docx_lying_size,
        Hostile("docx-lying-size", "cv.docx", _DOCX, "damaged"),
    ),
    "docx-lying-size-valid-crc": (
        lambda: builders.docx_lying_size(crc_of_declared=True),
        Hostile("docx-lying-size-valid-crc", "cv.docx", _DOCX, "inflates past the size"),
    ),
    "docx-zip-bomb": (
        lambda: builders.docx_zip_bomb(60),
        Hostile("docx-zip-bomb", "cv.docx", _DOCX, "zip bomb"),
    ),
    "docx-many-members": (
        lambda: builders.docx_many_members(5000),
        Hostile("docx-many-members", "cv.docx", _DOCX, "zip bomb"),
    ),
    "docx-billion-laughs": (
        builders.docx_billion_laughs,
        Hostile("docx-billion-laughs", "cv.docx", _DOCX, "DOCTYPE"),
    ),
    "docx-xxe": (builders.docx_xxe, Hostile("docx-xxe", "cv.docx", _DOCX, "DOCTYPE")),
    "docx-utf16-doctype": (
        builders.docx_utf16_doctype,
        Hostile("docx-utf16-doctype", "cv.docx", _DOCX, "DOCTYPE"),
    ),
    "docx-broken-zip": (_broken_zip, Hostile("docx-broken-zip", "cv.docx", _DOCX, "damaged")),
    "pdf-page-tree-300k": (
        lambda: builders.pdf_page_tree(300_000),
        Hostile("pdf-page-tree-300k", "cv.pdf", _PDF, "300000 pages"),
    ),
    "pdf-many-pages": (
        lambda: builders.pdf_many_pages(500),
        Hostile("pdf-many-pages", "cv.pdf", _PDF, "500 pages"),
    ),
    "pdf-cyclic-page-tree": (
        builders.pdf_cyclic_page_tree,
        Hostile("pdf-cyclic-page-tree", "cv.pdf", _PDF, "1000000 pages"),
    ),
    "pdf-self-referencing": (
        builders.pdf_self_referencing,
        Hostile("pdf-self-referencing", "cv.pdf", _PDF, "text layer"),
    ),
    "pdf-malformed": (builders.pdf_malformed, Hostile("pdf-malformed", "cv.pdf", _PDF, "damaged")),
    "pdf-stream-bomb": (
        lambda: builders.pdf_flate_bomb(200),
        Hostile("pdf-stream-bomb", "cv.pdf", _PDF, "too much memory"),
    ),
    "exe-named-pdf": (
        builders.windows_exe,
        Hostile("exe-named-pdf", "cv.pdf", _PDF, "Windows executable"),
    ),
    "html-named-pdf": (builders.html_page, Hostile("html-named-pdf", "cv.pdf", _PDF, "HTML")),
    "pdf-named-docx": (
        lambda: builders.pdf_text(["Jane Doe"]),
        Hostile("pdf-named-docx", "cv.docx", _DOCX, "not a DOCX"),
    ),
    "exe-unnamed": (builders.windows_exe, Hostile("exe-unnamed", "cv", _BIN, "Windows executable")),
    "empty": (lambda: b"", Hostile("empty", "cv.txt", "text/plain", "empty", image_reason="empty")),
    "broken-json": (
        lambda: b'{"basics": ',
        Hostile("broken-json", "cv.json", "application/json", "not valid JSON"),
    ),
    "oversized": (
        _oversized,
        Hostile("oversized", "cv.pdf", _PDF, "10 MB", status=413),
    ),
    # Images: refused as CVs, and attacks on the profile image.
    "png-144-megapixels": (
        lambda: _png(12_000, 12_000),
        Hostile("png-144-megapixels", "me.png", "image/png", "PNG image", image_reason="12000x12000"),
    ),
    "png-10-gigapixels": (
        lambda: _png(100_000, 100_000),
        Hostile("png-10-gigapixels", "me.png", "image/png", "PNG image"),
    ),
    "gif-html-polyglot": (
        lambda: _GIF_1PX + b"<script>alert(document.cookie)</script>",
        Hostile("gif-html-polyglot", "me.png", "image/png", "GIF image", image_reason=None),
    ),
    "svg-script": (
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        Hostile("svg-script", "me.png", "image/svg+xml", "HTML and XML"),
    ),
    "eps-named-png": (
        lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
        Hostile("eps-named-png", "me.png", "image/png", None, image_reason="not EPS"),
    ),
}

_GIF_1PX = b"GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x00;"


def _png(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` 1-bit pixels, in a few bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


@cache
def hostile_bytes(name: str) -> bytes:
    """Each file is built once per run (the 1.2 GB lying DOCX costs a second to write)."""
    return _CORPUS[name][0]()


# --- the endpoints ---------------------------------------------------------------------------
def _pf_body(body: dict) -> str:
    error = body["error"]
    assert error["code"] in ("ERR_UNSUPPORTED_FILE", "ERR_FILE_TOO_LARGE"), error
    return error["message"]


def _tailor_body(body: dict) -> str:
    assert set(body) == {"error", "detail", "code", "fields"}, body
    assert isinstance(body["detail"], str), body
    return body["detail"]


def _detail_body(body: dict) -> str:
    assert set(body) == {"detail"}, body
    assert isinstance(body["detail"], str), body
    return body["detail"]


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    route: str  # as the URL walker prints it; {id} is an existing saved CV
    field: str
    message_of: object  # the surface's error body -> the user's message (asserting its shape)
    for_client: bool = False  # CV Genius saved CVs: the file belongs to one of your clients
    image: bool = False  # takes a profile image, not a CV


ENDPOINTS = [
    Endpoint("optimizer-upload", "POST", "/api/v1/resumes/upload", "file", _detail_body),
    Endpoint("personaforge-upload", "POST", "/pf/cv/upload", "file", _pf_body),
    Endpoint("cvgenius-analyze-file", "POST", "/api/cv/analyze-cv-file/", "cv_file", _detail_body),
    Endpoint("cvgenius-extract-file", "POST", "/api/cv/extract-cv-data-from-file/", "cv_file", _detail_body),
    Endpoint("cvgenius-saved-create", "POST", "/api/users/cvs/", "cv", _detail_body, for_client=True),
    Endpoint(
        "cvgenius-saved-upload", "POST", "/api/users/cvs/upload_cv/", "cv", _detail_body, for_client=True
    ),
    Endpoint("cvgenius-saved-replace", "PUT", "/api/users/cvs/{id}/", "cv", _detail_body, for_client=True),
    Endpoint("cvgenius-saved-patch", "PATCH", "/api/users/cvs/{id}/", "cv", _detail_body, for_client=True),
    Endpoint("cvtailor-import-cv", "POST", "/api/v1/artifacts/import-cv/", "file", _tailor_body),
    Endpoint(
        "cvtailor-profile-image", "PATCH", "/api/v1/auth/profile/", "profile_image", _tailor_body, image=True
    ),
]


# --- what was stored -------------------------------------------------------------------------
def _media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return (
        {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
        if root.exists()
        else set()
    )


def _stored() -> dict:
    return {
        "profile_images": list(User.objects.exclude(profile_image="").values_list("pk", "profile_image")),
        "documents": list(CVDocument.objects.values_list("pk", "status", "file")),
        "saved": list(SavedCV.objects.values_list("pk", "file", "format", "size", "original_filename")),
        "files": _media_files(),
    }


@pytest.fixture
def client_row(owner):
    return ClientFactory(owner=owner, name="Jane Doe", email="jane@example.com")


@pytest.fixture
def saved_cv(owner, client_row):
    """A saved CV already there (stored directly: its parse is not what these tests are about)."""
    saved = SavedCV(owner=owner, client=client_row, original_filename="jane.txt", format="text", size=8)
    saved.file.save("upload", ContentFile(b"Jane Doe"), save=False)
    saved.save()
    yield saved
    saved.file.delete(save=False)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """What a served worker has done before its first hostile upload: imported the parsers
    (gunicorn preloads them) and built the corpus. Neither is the hostile file's cost."""
    import cvplatform.wsgi  # noqa: F401  (the module a gunicorn worker loads)
    from resumes import parsing

    parsing.parse_file(builders.pdf_text(["Jane Doe", "jane@example.com"]), filename="cv.pdf")
    for name in _CORPUS:
        hostile_bytes(name)


# Django's image field warns about the 144-megapixel PNG before the profile check refuses it.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("hostile", list(_CORPUS), ids=list(_CORPUS))
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[endpoint.name for endpoint in ENDPOINTS])
def test_hostile_file_is_refused_fast_small_and_unstored(request, owner_client, settings, endpoint, hostile):
    # A stream bomb is judged against a bounded parse allowance (the default is 512 MB).
    settings.CV_PARSE_MEMORY_BYTES = 96 * 1024 * 1024
    spec = _CORPUS[hostile][1]
    reason = spec.image_reason if endpoint.image else spec.reason
    if reason is None:
        pytest.skip("not an attack on this endpoint")
    path = endpoint.route
    form: dict = {}
    if endpoint.for_client:
        form["client"] = request.getfixturevalue("client_row").pk
    if "{id}" in path:
        path = path.replace("{id}", str(request.getfixturevalue("saved_cv").pk))
    data = hostile_bytes(hostile)
    # The same request once unmeasured: the first request of an endpoint imports, compiles
    # and caches (URL resolution, serializers, the surface's handler) once per process.
    send = getattr(owner_client, endpoint.method.lower())
    send(
        path,
        {**form, endpoint.field: SimpleUploadedFile(spec.filename, b"", spec.content_type)},
        format="multipart",
    )
    before = _stored()

    upload = SimpleUploadedFile(spec.filename, data, spec.content_type)
    with cost() as spent:
        response = send(path, {**form, endpoint.field: upload}, format="multipart")

    assert response.status_code == (spec.image_status if endpoint.image else spec.status), response.content[
        :500
    ]
    message = endpoint.message_of(response.json())
    assert reason in message, message
    assert spent.seconds < MAX_SECONDS, f"{spent.seconds:.2f} s"
    assert spent.peak_growth_mb < MAX_GROWTH_MB, f"{spent.peak_growth_mb:.1f} MB"
    assert _stored() == before


# --- the gate covers every upload route ------------------------------------------------------
def _routes():
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.callback

    for route, callback in walk(get_resolver()):
        shown = re.sub(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)", "{id}", route)
        yield "/" + shown.replace("^", "").replace("$", "").replace("/?", ""), callback


def _takes_a_file(serializer_class) -> bool:
    if serializer_class is None:
        return False
    fields = serializer_class().fields.values()
    return any(isinstance(field, serializers.FileField) for field in fields)


def _upload_operations():
    for route, callback in _routes():
        view = getattr(callback, "cls", None)
        if view is None:
            continue
        actions = getattr(callback, "actions", None) or {
            method: method for method in ("post", "put", "patch") if hasattr(view, method)
        }
        for method, action in actions.items():
            if method not in ("post", "put", "patch"):
                continue
            handler = getattr(view, action, None)
            kwargs = getattr(handler, "kwargs", {}) or {}
            serializer_class = kwargs.get("serializer_class", getattr(view, "serializer_class", None))
            if _takes_a_file(serializer_class):
                yield method.upper(), route


def test_every_upload_route_is_in_the_gate(db):
    found = set(_upload_operations())
    assert found, "the URL walker found no upload route at all"
    assert found == {(endpoint.method, endpoint.route) for endpoint in ENDPOINTS}
