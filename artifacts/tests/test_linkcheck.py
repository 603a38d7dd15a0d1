"""The evidence link check: an SSRF guard in front of a short HEAD/GET.

The guard is tested with the production setting (loopback refused); the fetches go to a
loopback server of the test's own, with the test-only setting that lets loopback through."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from artifacts import linkcheck, services
from artifacts.factories import EvidenceLinkFactory
from artifacts.models import EvidenceLink, LinkCheck
from cvplatform.jobs import JobStatus


class Handler(BaseHTTPRequestHandler):
    seen: list = []

    def _answer(self):
        Handler.seen.append((self.command, self.path, self.headers.get("Host")))
        routes = {
            "/ok": (200, None),
            "/missing": (404, None),
            "/no-head": (405 if self.command == "HEAD" else 200, None),
            "/to-ok": (302, "/ok"),
            "/to-private": (302, "http://10.0.0.1/admin"),
            "/to-metadata": (301, "http://169.254.169.254/latest/meta-data/"),
            "/loop": (302, "/loop"),
        }
        code, location = routes.get(self.path, (404, None))
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_allowed(settings):
    settings.ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK = True
    settings.ARTIFACT_LINK_CHECK_TIMEOUT_SECONDS = 2.0


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://192.168.1.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_the_guard_refuses_internal_addresses_with_production_settings(settings, url):
    settings.ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK = False
    with pytest.raises(linkcheck.UnsafeURL):
        linkcheck.resolve_target(url)
    outcome = linkcheck.check_url(url)
    assert outcome.accessible is False and "not fetched" in outcome.error


@pytest.mark.parametrize(
    "url",
    [
        "http://[2002:a00:1::]/",  # 6to4 of 10.0.0.1: the host tunnels it to that IPv4 address
        "http://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[2002:c0a8:101::]/",  # 6to4 of 192.168.1.1
    ],
)
def test_the_guard_refuses_6to4_addresses_of_internal_ones(settings, url):
    settings.ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK = False
    with pytest.raises(linkcheck.UnsafeURL):
        linkcheck.resolve_target(url)


def test_a_6to4_address_of_a_public_one_is_fetched(settings):
    settings.ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK = False
    assert linkcheck.resolve_target("http://[2002:808:808::1]/").address == "2002:808:808::1"


def test_the_test_setting_lets_only_loopback_through(loopback_allowed):
    assert linkcheck.resolve_target("http://127.0.0.1:9/").address == "127.0.0.1"
    for url in ("http://10.0.0.1/", "http://169.254.169.254/", "http://172.16.0.5/"):
        with pytest.raises(linkcheck.UnsafeURL):
            linkcheck.resolve_target(url)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "file:///etc/passwd",
        "https://user:pw@example.com/",
        "http:///nohost",
        "gopher://x",
    ],
)
def test_only_plain_http_and_https_urls(url):
    assert linkcheck.url_problem(url)
    assert linkcheck.check_url(url).accessible is False


def test_a_host_resolving_to_loopback_is_refused(settings, monkeypatch):
    settings.ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK = False
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80))],
    )
    with pytest.raises(linkcheck.UnsafeURL, match="loopback"):
        linkcheck.resolve_target("http://innocent.example/")


def test_one_internal_address_among_public_ones_refuses_the_host(monkeypatch):
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80)),
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(linkcheck.UnsafeURL, match="private"):
        linkcheck.resolve_target("http://mixed.example/")


def test_accessible_missing_and_head_refused(server, loopback_allowed):
    assert linkcheck.check_url(f"{server}/ok") == linkcheck.CheckOutcome(True, 200, f"{server}/ok")
    missing = linkcheck.check_url(f"{server}/missing")
    assert missing.accessible is False and missing.status_code == 404
    assert linkcheck.check_url(f"{server}/no-head").accessible is True
    assert ("GET", "/no-head") in [(m, p) for m, p, _ in Handler.seen]


def test_redirects_are_followed_and_checked_again(server, loopback_allowed):
    followed = linkcheck.check_url(f"{server}/to-ok")
    assert followed.accessible and followed.final_url == f"{server}/ok"
    for path, needle in (("/to-private", "private"), ("/to-metadata", "link-local")):
        outcome = linkcheck.check_url(f"{server}{path}")
        assert outcome.accessible is False and needle in outcome.error
    looped = linkcheck.check_url(f"{server}/loop")
    assert looped.accessible is False and "redirects" in looped.error
    assert sum(1 for _, p, _ in Handler.seen if p == "/loop") == 4  # the first request and 3 redirects


def test_the_connection_goes_to_the_checked_address(server, loopback_allowed, monkeypatch):
    """A name is resolved once: the request goes to the address the guard checked (no second
    lookup a rebinding DNS could answer differently), with the name in the Host header."""
    port = int(server.rsplit(":", 1)[1])
    lookups = []

    def resolve(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert linkcheck.check_url(f"http://rebind.example:{port}/ok").accessible
    # the name is looked up once; the connect only "resolves" the checked IP literal
    assert [host for host in lookups if host != "127.0.0.1"] == ["rebind.example"]
    assert Handler.seen[-1][2] == f"rebind.example:{port}"


def test_unreachable_is_not_accessible(loopback_allowed):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = linkcheck.check_url(f"http://127.0.0.1:{port}/")
    assert outcome.accessible is False and outcome.error.startswith("No answer")


@pytest.mark.django_db
def test_saving_a_link_runs_a_check_job(
    server, loopback_allowed, settings, django_capture_on_commit_callbacks
):
    settings.ARTIFACT_LINK_CHECKS = True
    link = EvidenceLinkFactory(url=f"{server}/missing")
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_link_update(link=link, data={"url": f"{server}/ok"})
    link.refresh_from_db()
    assert link.is_accessible is True and link.last_status_code == 200 and link.last_validated
    check = LinkCheck.objects.get(link=link)
    assert check.status == JobStatus.SUCCESS and check.result["accessible"] is True


@pytest.mark.django_db
def test_the_beat_checks_stale_links_once(
    server, loopback_allowed, settings, django_capture_on_commit_callbacks
):
    settings.ARTIFACT_LINK_CHECKS = True
    stale = EvidenceLinkFactory(url=f"{server}/ok")
    fresh = EvidenceLinkFactory(url=f"{server}/ok", last_validated=timezone.now(), is_accessible=True)
    private = EvidenceLinkFactory(url="http://10.0.0.1/")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.evidence_links_revalidate() == 2
    assert not LinkCheck.objects.filter(link=fresh).exists()
    stale.refresh_from_db(), private.refresh_from_db()
    assert stale.is_accessible is True
    assert private.is_accessible is False and "private" in private.last_error
    assert EvidenceLink.objects.filter(last_validated__isnull=True).count() == 0


def test_the_beat_sends_the_link_sweep():
    from cvplatform.celery import app

    entry = app.conf.beat_schedule["artifact-links-revalidate"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks and entry["schedule"] <= 3600


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def test_an_ipv6_literal_is_sent_in_brackets_in_the_host_header(loopback_allowed):
    try:
        httpd = _IPv6Server(("::1", 0), Handler)
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    Handler.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        assert linkcheck.check_url(f"http://[::1]:{port}/ok").accessible
        assert Handler.seen[-1][2] == f"[::1]:{port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
