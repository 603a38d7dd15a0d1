"""CV Tailor: walk the published document endpoint by endpoint — each is routed to a
CV Tailor view that handles its method and is in the OpenAPI schema."""

from tests.contract.document import assert_document_served, endpoints

NOT_YET: set[tuple[str, str]] = {
    # The artifact management system (the next piece of work).
    ("GET", "/api/v1/artifacts/"),
    ("POST", "/api/v1/artifacts/"),
    ("GET", "/api/v1/artifacts/{id}/"),
    ("PATCH", "/api/v1/artifacts/{id}/"),
    ("DELETE", "/api/v1/artifacts/{id}/"),
    ("POST", "/api/v1/artifacts/{id}/upload/"),
    ("POST", "/api/v1/artifacts/upload/"),
    ("GET", "/api/v1/artifacts/{id}/status/"),
    ("POST", "/api/v1/artifacts/{id}/evidence-links/"),
    ("PUT", "/api/v1/artifacts/evidence-links/{id}/"),
    ("DELETE", "/api/v1/artifacts/evidence-links/{id}/"),
    ("DELETE", "/api/v1/artifacts/files/{uuid}/"),
    ("PATCH", "/api/v1/artifacts/bulk/"),
    ("GET", "/api/v1/artifacts/suggestions/"),
}


def test_the_document_is_read_endpoint_by_endpoint():
    assert endpoints("cvtailor")[0][0] in ("GET", "POST")


def test_every_documented_endpoint_is_served(openapi_schema):
    assert_document_served("cvtailor", openapi_schema, not_yet=NOT_YET)
