"""Account routes, one list per surface; cvplatform/urls.py mounts each under its prefix."""

from django.urls import path

from cvplatform.api.cvtailor.views.auth import (
    TailorChangePasswordView,
    TailorGoogleLinkView,
    TailorGoogleSignInView,
    TailorGoogleUnlinkView,
    TailorLoginView,
    TailorLogoutView,
    TailorPasswordResetConfirmView,
    TailorPasswordResetView,
    TailorProfileView,
    TailorRegisterView,
    TailorTokenRefreshView,
)
from cvplatform.api.optimizer.views.auth import OptimizerLoginView, OptimizerMeView, OptimizerRegisterView
from cvplatform.api.optimizer.views.enterprise import OptimizerApiKeyRegenerateView, OptimizerApiKeyView
from cvplatform.api.personaforge.views.auth import PFLoginView, PFMeView, PFSignupView
from cvplatform.api.personaforge.views.team import (
    PFTeamInviteAcceptView,
    PFTeamInviteView,
    PFTeamMembersView,
    PFTeamPersonasView,
)
from cvplatform.api.resumate.views.auth import (
    ResuMateRegisterView,
    ResuMateTokenRefreshView,
    ResuMateTokenView,
)

# /api/v1/auth/… — CV Tailor (trailing slash) and Resume Optimizer (none) share register and
# login: one logic, two spellings, each answering errors in its own surface's body.
v1_auth = [
    path("register/", TailorRegisterView.as_view(), name="tailor-register"),
    path("login/", TailorLoginView.as_view(), name="tailor-login"),
    path("logout/", TailorLogoutView.as_view(), name="tailor-logout"),
    path("token/refresh/", TailorTokenRefreshView.as_view(), name="tailor-token-refresh"),
    path("profile/", TailorProfileView.as_view(), name="tailor-profile"),
    path("change-password/", TailorChangePasswordView.as_view(), name="tailor-change-password"),
    path("password-reset/", TailorPasswordResetView.as_view(), name="tailor-password-reset"),
    path(
        "password-reset/confirm/",
        TailorPasswordResetConfirmView.as_view(),
        name="tailor-password-reset-confirm",
    ),
    path("google/", TailorGoogleSignInView.as_view(), name="tailor-google"),
    path("google/link/", TailorGoogleLinkView.as_view(), name="tailor-google-link"),
    path("google/unlink/", TailorGoogleUnlinkView.as_view(), name="tailor-google-unlink"),
    path("register", OptimizerRegisterView.as_view(), name="optimizer-register"),
    path("login", OptimizerLoginView.as_view(), name="optimizer-login"),
    path("me", OptimizerMeView.as_view(), name="optimizer-me"),
]

optimizer_enterprise = [
    path("api-key", OptimizerApiKeyView.as_view(), name="optimizer-api-key"),
    path(
        "api-key/regenerate",
        OptimizerApiKeyRegenerateView.as_view(),
        name="optimizer-api-key-regenerate",
    ),
]

resumate_auth = [
    path("register/", ResuMateRegisterView.as_view(), name="resumate-register"),
    path("token/", ResuMateTokenView.as_view(), name="resumate-token"),
    path("token/refresh/", ResuMateTokenRefreshView.as_view(), name="resumate-token-refresh"),
]

personaforge = [
    path("auth/signup", PFSignupView.as_view(), name="pf-signup"),
    path("auth/login", PFLoginView.as_view(), name="pf-login"),
    path("users/me", PFMeView.as_view(), name="pf-me"),
    path("team/members", PFTeamMembersView.as_view(), name="pf-team-members"),
    path("team/personas", PFTeamPersonasView.as_view(), name="pf-team-personas"),
    path("team/invite", PFTeamInviteView.as_view(), name="pf-team-invite"),
    path("team/invite/accept", PFTeamInviteAcceptView.as_view(), name="pf-team-invite-accept"),
]
