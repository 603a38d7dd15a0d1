"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path

from cvplatform.api.cvgenius.views.latex import GenerateLatexView, LatexToPdfView, LatexToWordView
from cvplatform.api.cvtailor.views.templates import TailorTemplateListView
from cvplatform.api.personaforge.views.exports import (
    ExportDownloadView,
    PFExportView,
    PFTemplateDetailView,
    PFTemplateListView,
    TemplatePreviewView,
)

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = [
    path("generate/templates/", TailorTemplateListView.as_view(), name="generate-templates"),
    path("export/templates/", TailorTemplateListView.as_view(), name="export-templates"),
]
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = []
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = [
    path("generate-latex-cv/", GenerateLatexView.as_view(), name="generate-latex-cv"),
    path("latex-to-pdf/", LatexToPdfView.as_view(), name="latex-to-pdf"),
    path("latex-to-word/", LatexToWordView.as_view(), name="latex-to-word"),
]
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = [
    path("templates", PFTemplateListView.as_view(), name="templates"),
    path("templates/<slug:slug>/preview.png", TemplatePreviewView.as_view(), name="template-preview"),
    path("templates/<str:template_id>", PFTemplateDetailView.as_view(), name="template-detail"),
    path("export/<str:persona_id>", PFExportView.as_view(), name="export"),
    path("exports/<str:token>/download", ExportDownloadView.as_view(), name="export-download"),
]
