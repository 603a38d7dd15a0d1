"""PersonaForge (``../shared/seeds/004_5f8e6adbb5e310aa.txt``), mounted at /pf/: every route of
the document, in the document's order, without trailing slashes (one is accepted too).

Where the document lists a parametrised path before a fixed one beside it (``cv/{cv_id}``
before ``cv/list``, ``gap_analysis/{persona_id}`` before ``role_match``), the fixed path comes
first here, so "list" or "role_match" is never read as an id.
"""

from django.urls import path, re_path

from .views import auth, cvs, exports, gaps, team

app_name = "personaforge"

urlpatterns = [
    # Authentication
    path("auth/signup", auth.PFSignupView.as_view(), name="pf-signup"),
    path("auth/login", auth.PFLoginView.as_view(), name="pf-login"),
    path("users/me", auth.PFMeView.as_view(), name="pf-me"),
    # CV management
    re_path(r"^cv/upload/?$", cvs.PFCVUploadView.as_view(), name="pf-cv-upload"),
    re_path(r"^cv/list/?$", cvs.PFCVListView.as_view(), name="pf-cv-list"),
    # Our addition: the stored file, behind the signed owner-only link in ``file_url``.
    re_path(r"^cv/(?P<cv_id>[^/]+)/file/?$", cvs.PFCVFileView.as_view(), name="pf-cv-file"),
    re_path(r"^cv/(?P<cv_id>[^/]+)/?$", cvs.PFCVDetailView.as_view(), name="pf-cv-detail"),
    # Personas
    re_path(r"^personas/?$", cvs.PFPersonaListView.as_view(), name="pf-persona-list"),
    re_path(
        r"^personas/(?P<persona_id>[^/]+)/?$", cvs.PFPersonaDetailView.as_view(), name="pf-persona-detail"
    ),
    # Gap analysis
    re_path(r"^gap_analysis/role_match/?$", gaps.PFRoleMatchView.as_view(), name="pf-gap-role-match"),
    re_path(r"^gap_analysis/team/?$", gaps.PFTeamGapView.as_view(), name="pf-gap-team"),
    re_path(
        r"^gap_analysis/(?P<persona_id>[^/]+)/?$", gaps.PFGapAnalysisView.as_view(), name="pf-gap-persona"
    ),
    # Export
    path("export/<str:persona_id>", exports.PFExportView.as_view(), name="export"),
    # Our addition: the signed download link an export answers.
    path("exports/<str:token>/download", exports.ExportDownloadView.as_view(), name="export-download"),
    # Templates
    path("templates", exports.PFTemplateListView.as_view(), name="templates"),
    path("templates/<slug:slug>/preview.png", exports.TemplatePreviewView.as_view(), name="template-preview"),
    path("templates/<str:template_id>", exports.PFTemplateDetailView.as_view(), name="template-detail"),
    # Team
    path("team/members", team.PFTeamMembersView.as_view(), name="pf-team-members"),
    path("team/personas", team.PFTeamPersonasView.as_view(), name="pf-team-personas"),
    path("team/invite", team.PFTeamInviteView.as_view(), name="pf-team-invite"),
    path("team/invite/accept", team.PFTeamInviteAcceptView.as_view(), name="pf-team-invite-accept"),
    # Knowledge base
    re_path(r"^knowledgebase/?$", gaps.PFKnowledgeBaseView.as_view(), name="pf-knowledgebase"),
    re_path(
        r"^knowledgebase/clarify/?$", gaps.PFKnowledgeClarifyView.as_view(), name="pf-knowledgebase-clarify"
    ),
]
