"""Checking that an evidence link answers, without becoming an SSRF hole.

The URL is the user's, the request is the server's: so only http/https, no credentials in
the URL, and the host is resolved here and every address it resolves to must be a public
one (not loopback, private, link-local — the cloud metadata address 169.254.169.254 is one —
shared, reserved, multicast or unspecified). The connection then goes to the address that
was checked, never to a second lookup of the name, so a DNS answer that changes between the
check and the connect (rebinding) cannot send it elsewhere; TLS still verifies the
certificate against the host name. Each redirect is checked the same way, up to a limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from . import conf

USER_AGENT = "CVPlatform-LinkCheck/1.0 (+evidence link validation)"
_REDIRECTS = {301, 302, 303, 307, 308}
# Answers that say "not with HEAD", after which a GET is tried.
_HEAD_REFUSED = {403, 405, 501}


class UnsafeURL(ValueError):
    """The URL may not be fetched by the server; the message says why."""


@dataclass(frozen=True)
class CheckOutcome:
    accessible: bool
    status_code: int | None = None
    final_url: str = ""
    error: str = ""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    address: str  # the checked IP the connection goes to
    path: str  # path and query, as sent


def url_problem(url: str) -> str | None:
    """Why ``url`` can never be checked (scheme, credentials, no host), before any lookup."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"The URL is malformed ({exc})."
    if parts.scheme.lower() not in ("http", "https"):
        return "Only http and https links are accepted."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "Links may not carry a user name or password."
    if not parts.hostname:
        return "The URL has no host."
    if port == 0:
        return "The URL's port is invalid."
    return None


def _address_refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        # 6to4 (2002::/16) carries an IPv4 address that a host with a 6to4 route tunnels to
        # directly: 2002:a00:1:: reaches 10.0.0.1. It is judged as that address.
        return _address_refused(ip.sixtofour)
    if ip.is_loopback:
        return None if conf.link_check_allow_loopback() else "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata lives there)"
    if ip.is_private:
        return "a private address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return "a reserved or non-public address"
    return None


def resolve_target(url: str) -> Target:
    """The URL's host resolved and checked; raises ``UnsafeURL`` when it may not be fetched."""
    problem = url_problem(url)
    if problem:
        raise UnsafeURL(problem)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(f"The host '{host}' could not be resolved ({exc}).") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        refused = _address_refused(ip)
        if refused:
            # One bad address refuses the name: a client may pick any of them.
            raise UnsafeURL(f"The host '{host}' resolves to {refused} ({ip}); it is not fetched.")
        addresses.append(str(ip))
    if not addresses:
        raise UnsafeURL(f"The host '{host}' has no address.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(scheme=scheme, host=host, port=port, address=addresses[0], path=path)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request(target: Target, method: str, timeout: float) -> tuple[int, str | None]:
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, timeout)
    try:
        host = f"[{target.host}]" if ":" in target.host else target.host  # an IPv6 literal
        host_header = host if target.port in (80, 443) else f"{host}:{target.port}"
        connection.request(
            method,
            target.path,
            headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": "*/*"},
        )
        response = connection.getresponse()
        if method == "GET":
            response.read(4096)  # enough to see the answer; the body is not wanted
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def check_url(url: str) -> CheckOutcome:
    """Whether ``url`` answers with a non-error status, following redirects safely.

    Never raises for a refused or unreachable URL: the outcome says why it is not accessible."""
    timeout = conf.link_check_timeout_seconds()
    current = url
    for _ in range(conf.link_check_max_redirects() + 1):
        try:
            target = resolve_target(current)
            status, location = _request(target, "HEAD", timeout)
            if status in _HEAD_REFUSED:
                status, location = _request(target, "GET", timeout)
        except UnsafeURL as exc:
            return CheckOutcome(accessible=False, final_url=current, error=str(exc))
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            reason = str(exc) or exc.__class__.__name__
            return CheckOutcome(accessible=False, final_url=current, error=f"No answer: {reason}"[:500])
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        return CheckOutcome(accessible=status < 400, status_code=status, final_url=current)
    return CheckOutcome(
        accessible=False,
        final_url=current,
        error=f"More than {conf.link_check_max_redirects()} redirects.",
    )
