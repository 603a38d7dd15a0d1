"""Resume Optimizer: walk the published document endpoint by endpoint — each is routed to a
Resume Optimizer view that handles its method and is in the OpenAPI schema."""

from tests.contract.document import assert_document_served, endpoints

NOT_YET: set[tuple[str, str]] = {
    # Chat, analytics and the enterprise configuration (a later piece of work).
    ("POST", "/api/v1/chat/sessions"),
    ("GET", "/api/v1/chat/sessions"),
    ("GET", "/api/v1/chat/sessions/{session_id}/messages"),
    ("WebSocket", "/api/v1/chat/ws/{session_id}"),
    ("GET", "/api/v1/analytics/user"),
    ("GET", "/api/v1/analytics/usage"),
    ("GET", "/api/v1/analytics/resumes"),
    ("GET", "/api/v1/analytics/optimizations"),
    ("GET", "/api/v1/enterprise/config"),
    ("PUT", "/api/v1/enterprise/config"),
    ("GET", "/api/v1/enterprise/metrics"),
    ("GET", "/api/v1/enterprise/export"),
}


def test_the_document_is_read_endpoint_by_endpoint():
    assert endpoints("optimizer")[0][0] in ("GET", "POST")


def test_every_documented_endpoint_is_served(openapi_schema):
    assert_document_served("optimizer", openapi_schema, not_yet=NOT_YET)
