"""Google sign-in, link and unlink, with ID tokens signed by a key the test generates and a
certificate endpoint served from loopback (google-auth fetches it like Google's own)."""

import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from google.auth import crypt
from google.auth import jwt as google_jwt

from accounts.models import User
from conftest import bearer_client

pytestmark = pytest.mark.django_db
CLIENT_ID = "cvplatform-test.apps.googleusercontent.com"


def make_key_and_cert():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test-google-certs")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


@pytest.fixture(scope="module")
def google_keys():
    return make_key_and_cert()


@pytest.fixture
def google_certs(settings, google_keys):
    _, cert_pem = google_keys
    body = json.dumps({"test-kid": cert_pem}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.GOOGLE_OAUTH_CLIENT_IDS = [CLIENT_ID]
    settings.GOOGLE_OAUTH_CERTS_URL = f"http://127.0.0.1:{server.server_port}/certs"
    yield
    server.shutdown()


def id_token(google_keys, *, key_pem=None, **claims) -> str:
    now = int(time.time())
    payload = {
        "iss": "https://accounts.google.com",
        "aud": CLIENT_ID,
        "sub": "google-sub-123",
        "email": "new.person@gmail.com",
        "email_verified": True,
        "given_name": "New",
        "family_name": "Person",
        "iat": now,
        "exp": now + 600,
    }
    payload.update(claims)
    signer = crypt.RSASigner.from_string(key_pem or google_keys[0], key_id="test-kid")
    return google_jwt.encode(signer, payload).decode()


def test_google_sign_in_creates_an_account(api_client, google_certs, google_keys):
    response = api_client.post("/api/v1/auth/google/", {"credential": id_token(google_keys)}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["created"] is True
    assert body["user"]["email"] == "new.person@gmail.com"
    user = User.objects.get(email="new.person@gmail.com")
    assert user.google_sub == "google-sub-123" and not user.has_usable_password()
    # signing in again finds the same account
    again = api_client.post("/api/v1/auth/google/", {"credential": id_token(google_keys)}, format="json")
    assert again.json()["created"] is False and again.json()["user_id"] == user.id


def test_google_sign_in_links_an_existing_account_by_verified_email(
    api_client, google_certs, google_keys, owner
):
    response = api_client.post(
        "/api/v1/auth/google/", {"credential": id_token(google_keys, email=owner.email)}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["user_id"] == owner.id


@pytest.mark.parametrize(
    "claims, reason",
    [
        ({"aud": "someone-else.apps.googleusercontent.com"}, "audience"),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, "expired"),
        ({"iss": "https://evil.example.com"}, "issuer"),
        ({"email_verified": False}, "unverified email"),
    ],
)
def test_google_bad_tokens_are_refused(api_client, google_certs, google_keys, claims, reason):
    response = api_client.post(
        "/api/v1/auth/google/", {"credential": id_token(google_keys, **claims)}, format="json"
    )
    assert response.status_code == 401, reason
    assert response.json()["code"] == "invalid_google_token"
    assert not User.objects.filter(email="new.person@gmail.com").exists()


def test_google_token_signed_by_another_key_is_refused(api_client, google_certs, google_keys):
    other_key, _ = make_key_and_cert()
    response = api_client.post(
        "/api/v1/auth/google/", {"credential": id_token(google_keys, key_pem=other_key)}, format="json"
    )
    assert response.status_code == 401


def test_link_and_unlink(google_certs, google_keys, owner, other_user):
    client = bearer_client(owner)
    response = client.post("/api/v1/auth/google/link/", {"credential": id_token(google_keys)}, format="json")
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.google_sub == "google-sub-123"
    # the same Google account cannot be linked to a second user
    conflict = bearer_client(other_user).post(
        "/api/v1/auth/google/link/", {"credential": id_token(google_keys)}, format="json"
    )
    assert conflict.status_code == 409
    assert client.post("/api/v1/auth/google/unlink/").status_code == 200
    owner.refresh_from_db()
    assert owner.google_sub is None
    assert client.post("/api/v1/auth/google/unlink/").status_code == 400


def test_unlink_refused_without_a_password(api_client, google_certs, google_keys):
    token = api_client.post(
        "/api/v1/auth/google/", {"credential": id_token(google_keys)}, format="json"
    ).json()["access"]
    response = api_client.post("/api/v1/auth/google/unlink/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400
    assert response.json()["code"] == "password_required"


def test_google_not_configured_is_503(api_client, settings):
    settings.GOOGLE_OAUTH_CLIENT_IDS = []
    response = api_client.post("/api/v1/auth/google/", {"credential": "x"}, format="json")
    assert response.status_code == 503
