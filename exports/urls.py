"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path

from . import apis

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = [
    path("generate/templates/", apis.TailorTemplateListView.as_view(), name="generate-templates"),
    path("export/templates/", apis.TailorTemplateListView.as_view(), name="export-templates"),
]
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = []
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = [
    path("generate-latex-cv/", apis.GenerateLatexView.as_view(), name="generate-latex-cv"),
    path("latex-to-pdf/", apis.LatexToPdfView.as_view(), name="latex-to-pdf"),
    path("latex-to-word/", apis.LatexToWordView.as_view(), name="latex-to-word"),
]
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = [
    path("templates", apis.PFTemplateListView.as_view(), name="templates"),
    path("templates/<slug:slug>/preview.png", apis.TemplatePreviewView.as_view(), name="template-preview"),
    path("templates/<str:template_id>", apis.PFTemplateDetailView.as_view(), name="template-detail"),
    path("export/<str:persona_id>", apis.PFExportView.as_view(), name="export"),
    path("exports/<str:token>/download", apis.ExportDownloadView.as_view(), name="export-download"),
]
