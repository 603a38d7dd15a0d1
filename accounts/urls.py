"""Account routes, one list per surface; cvplatform/urls.py mounts each under its prefix."""

from django.urls import path

from . import apis

# /api/v1/auth/… — CV Tailor (trailing slash) and Resume Optimizer (none) share register and
# login: one logic, two spellings, each answering errors in its own surface's body.
v1_auth = [
    path("register/", apis.TailorRegisterView.as_view(), name="tailor-register"),
    path("login/", apis.TailorLoginView.as_view(), name="tailor-login"),
    path("logout/", apis.TailorLogoutView.as_view(), name="tailor-logout"),
    path("token/refresh/", apis.TailorTokenRefreshView.as_view(), name="tailor-token-refresh"),
    path("profile/", apis.TailorProfileView.as_view(), name="tailor-profile"),
    path("change-password/", apis.TailorChangePasswordView.as_view(), name="tailor-change-password"),
    path("password-reset/", apis.TailorPasswordResetView.as_view(), name="tailor-password-reset"),
    path(
        "password-reset/confirm/",
        apis.TailorPasswordResetConfirmView.as_view(),
        name="tailor-password-reset-confirm",
    ),
    path("google/", apis.TailorGoogleSignInView.as_view(), name="tailor-google"),
    path("google/link/", apis.TailorGoogleLinkView.as_view(), name="tailor-google-link"),
    path("google/unlink/", apis.TailorGoogleUnlinkView.as_view(), name="tailor-google-unlink"),
    path("register", apis.OptimizerRegisterView.as_view(), name="optimizer-register"),
    path("login", apis.OptimizerLoginView.as_view(), name="optimizer-login"),
    path("me", apis.OptimizerMeView.as_view(), name="optimizer-me"),
]

optimizer_enterprise = [
    path("api-key", apis.OptimizerApiKeyView.as_view(), name="optimizer-api-key"),
    path(
        "api-key/regenerate",
        apis.OptimizerApiKeyRegenerateView.as_view(),
        name="optimizer-api-key-regenerate",
    ),
]

resumate_auth = [
    path("register/", apis.ResuMateRegisterView.as_view(), name="resumate-register"),
    path("token/", apis.ResuMateTokenView.as_view(), name="resumate-token"),
    path("token/refresh/", apis.ResuMateTokenRefreshView.as_view(), name="resumate-token-refresh"),
]

personaforge = [
    path("auth/signup", apis.PFSignupView.as_view(), name="pf-signup"),
    path("auth/login", apis.PFLoginView.as_view(), name="pf-login"),
    path("users/me", apis.PFMeView.as_view(), name="pf-me"),
    path("team/members", apis.PFTeamMembersView.as_view(), name="pf-team-members"),
    path("team/personas", apis.PFTeamPersonasView.as_view(), name="pf-team-personas"),
    path("team/invite", apis.PFTeamInviteView.as_view(), name="pf-team-invite"),
    path("team/invite/accept", apis.PFTeamInviteAcceptView.as_view(), name="pf-team-invite-accept"),
]
