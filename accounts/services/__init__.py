"""Account writes, one module per concern; every public name is importable from here."""

from .api_keys import API_KEY_PREFIX, api_key_authenticate, api_key_create, api_key_hash, api_key_regenerate
from .google import google_id_token_verify, user_google_link, user_google_sign_in, user_google_unlink
from .housekeeping import accounts_housekeeping
from .passwords import password_reset_confirm, password_reset_request, user_change_password
from .profile import PROFILE_FIELDS, user_profile_update
from .registration import user_register
from .signin import (
    AccountLocked,
    InvalidCredentials,
    user_password_verify,
    user_sign_in,
    user_sign_in_failed,
    user_sign_in_succeeded,
)
from .teams import team_invite, team_invite_accept
from .tokens import token_blacklist, token_refresh, user_tokens, user_tokens_revoke_all

__all__ = [
    "API_KEY_PREFIX",
    "PROFILE_FIELDS",
    "AccountLocked",
    "InvalidCredentials",
    "accounts_housekeeping",
    "api_key_authenticate",
    "api_key_create",
    "api_key_hash",
    "api_key_regenerate",
    "google_id_token_verify",
    "password_reset_confirm",
    "password_reset_request",
    "team_invite",
    "team_invite_accept",
    "token_blacklist",
    "token_refresh",
    "user_change_password",
    "user_google_link",
    "user_google_sign_in",
    "user_google_unlink",
    "user_password_verify",
    "user_profile_update",
    "user_register",
    "user_sign_in",
    "user_sign_in_failed",
    "user_sign_in_succeeded",
    "user_tokens",
    "user_tokens_revoke_all",
]
