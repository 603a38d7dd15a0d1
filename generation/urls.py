"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path, re_path

from cvplatform.api.optimizer.views import optimize as optimizer_apis
from cvplatform.api.personaforge.views import gaps as pf

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = []
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = [
    path(
        "resumes/optimize", optimizer_apis.OptimizerOptimizeView.as_view(), name="optimizer-resume-optimize"
    ),
    path(
        "resumes/optimization-types",
        optimizer_apis.OptimizerOptimizationTypesView.as_view(),
        name="optimizer-optimization-types",
    ),
]
# ResuMate (/api/, trailing slashes)
resumate: list = []
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes; a trailing slash is accepted too). The fixed paths come
# before ``gap_analysis/{persona_id}`` so "role_match" is never read as an id.
personaforge: list = [
    re_path(r"^gap_analysis/role_match/?$", pf.PFRoleMatchView.as_view(), name="pf-gap-role-match"),
    re_path(r"^gap_analysis/team/?$", pf.PFTeamGapView.as_view(), name="pf-gap-team"),
    re_path(r"^gap_analysis/(?P<persona_id>[^/]+)/?$", pf.PFGapAnalysisView.as_view(), name="pf-gap-persona"),
    re_path(
        r"^knowledgebase/clarify/?$", pf.PFKnowledgeClarifyView.as_view(), name="pf-knowledgebase-clarify"
    ),
    re_path(r"^knowledgebase/?$", pf.PFKnowledgeBaseView.as_view(), name="pf-knowledgebase"),
]
