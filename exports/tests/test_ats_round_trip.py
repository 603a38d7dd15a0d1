"""Every PDF and DOCX we produce, read back by our own parser, gives back the same facts."""

import pytest

from exports.render.ats import ats_field_scores, ats_missing
from exports.render.demo import demo_cv
from exports.render.options import RenderOptions
from exports.render.pipeline import render_cv
from exports.services import template_manifests
from resumes.ingest import parse_document

from .cvs import SECOND_CV

CV_SLUGS = [m["id"] for m in template_manifests() if m["kind"] == "cv"]


def _round_trip(slug: str, fmt: str, *, pages: int = 1, options: RenderOptions | None = None):
    original = demo_cv(pages=pages)
    rendered = render_cv(cv=original, template_id=slug, fmt=fmt, options=options)
    parsed = parse_document(rendered.content, filename=f"cv.{rendered.extension}")
    return ats_field_scores(original, parsed), ats_missing(original, parsed)


@pytest.mark.parametrize("pages", [1, 2])
@pytest.mark.parametrize("slug", CV_SLUGS)
def test_pdf_round_trip_keeps_every_field(slug, pages):
    scores, missing = _round_trip(slug, "pdf", pages=pages)
    assert all(score == 1.0 for score in scores.values()), missing


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("slug", CV_SLUGS)
def test_a_second_cv_round_trips_too(slug, fmt):
    rendered = render_cv(cv=SECOND_CV, template_id=slug, fmt=fmt)
    parsed = parse_document(rendered.content, filename=f"cv.{rendered.extension}")
    scores = ats_field_scores(SECOND_CV, parsed)
    assert all(score == 1.0 for score in scores.values()), ats_missing(SECOND_CV, parsed)


@pytest.mark.parametrize("evidence", ["footnotes", "qr_codes"])
@pytest.mark.parametrize("slug", CV_SLUGS)
def test_evidence_links_do_not_leak_into_fields(slug, evidence):
    scores, missing = _round_trip(slug, "pdf", options=RenderOptions(evidence_format=evidence))
    assert all(score == 1.0 for score in scores.values()), missing


@pytest.mark.parametrize("slug", CV_SLUGS)
def test_docx_round_trip_keeps_every_field(slug):
    scores, missing = _round_trip(slug, "docx")
    assert all(score == 1.0 for score in scores.values()), missing
