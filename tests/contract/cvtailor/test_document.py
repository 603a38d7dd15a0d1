"""CV Tailor: walk the published document endpoint by endpoint — each is routed to a
CV Tailor view that handles its method and is in the OpenAPI schema."""

from tests.contract.document import assert_document_served, endpoints

NOT_YET: set[tuple[str, str]] = {
    # Document generation and export jobs.
    ("POST", "/api/v1/generate/cv/"),
    ("GET", "/api/v1/generate/{generation_id}/"),
    ("GET", "/api/v1/generate/{generation_id}/detail/"),
    ("POST", "/api/v1/generate/{generation_id}/rate/"),
    ("POST", "/api/v1/generate/cover-letter/"),
    ("GET", "/api/v1/generate/analytics/"),
    ("GET", "/api/v1/generate/"),
    ("POST", "/api/v1/export/{generation_id}/"),
    ("GET", "/api/v1/export/{export_id}/status/"),
    ("GET", "/api/v1/export/{export_id}/download/"),
    ("GET", "/api/v1/export/{export_id}/detail/"),
    ("GET", "/api/v1/export/"),
    ("GET", "/api/v1/export/analytics/"),
}


def test_the_document_is_read_endpoint_by_endpoint():
    assert endpoints("cvtailor")[0][0] in ("GET", "POST")


def test_every_documented_endpoint_is_served(openapi_schema):
    assert_document_served("cvtailor", openapi_schema, not_yet=NOT_YET)
