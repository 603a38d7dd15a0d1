"""CV Tailor: walk the published document endpoint by endpoint — each is routed to a
CV Tailor view that handles its method and is in the OpenAPI schema."""

from tests.contract.document import assert_document_served, endpoints

# Every endpoint of the document is served.
NOT_YET: set[tuple[str, str]] = set()


def test_the_document_is_read_endpoint_by_endpoint():
    assert endpoints("cvtailor")[0][0] in ("GET", "POST")


def test_every_documented_endpoint_is_served(openapi_schema):
    assert_document_served("cvtailor", openapi_schema, not_yet=NOT_YET)
