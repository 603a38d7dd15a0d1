"""Throttles whose rates are read from settings at request time, counted in fixed windows.

DRF's stock throttles copy their rates when the module is imported; reading them per request
lets operators tune ``THROTTLE_*`` variables and lets tests lower a rate to see the 429.

DRF keeps a pickled list of every request's timestamp per client, read and rewritten on each
request (a 1000/hour budget is kilobytes a call). Here a client's first request opens a window
of the rate's period and each request increments one counter that expires with it: at most
``N`` requests per window, and a refused client is told to retry when the window closes.
"""

import math

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from cvplatform.cache import window_hit


class SettingsRateThrottle(SimpleRateThrottle):
    scope = "user"

    def __init__(self) -> None:
        # SimpleRateThrottle reads the rate in __init__; defer it to get_rate per request.
        self.seconds_left = 0.0

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        hits, self.seconds_left = window_hit(self.cache, self.key, seconds=self.duration)
        return hits <= self.num_requests

    def wait(self) -> float:
        # Whole seconds, at least one: the Retry-After header rounds down.
        return max(1, math.ceil(self.seconds_left))

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            ident = f"u{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonThrottle(SettingsRateThrottle):
    scope = "anon"

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class UserThrottle(SettingsRateThrottle):
    scope = "user"

    def get_cache_key(self, request, view) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class SignInThrottle(SettingsRateThrottle):
    """Per client address on sign-in and registration endpoints, against credential spraying."""

    scope = "auth"

    def get_cache_key(self, request, view) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TierThrottle(SettingsRateThrottle):
    """Hourly request budget by subscription tier (Resume Optimizer: free 100, pro 1000)."""

    def allow_request(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return True
        self.scope = f"tier_{getattr(request.user, 'subscription_tier', 'free')}"
        if self.get_rate() is None:  # enterprise: unlimited
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class ScopedUserThrottle(SettingsRateThrottle):
    """Throttle keyed by the view's ``throttle_scope`` (e.g. generation, export)."""

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, "throttle_scope", None)
        if not self.scope:
            return True
        return super().allow_request(request, view)
