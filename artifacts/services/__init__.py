"""Writes of the artifact app: artifacts and labels, evidence links and their checks, files
and their processing, and the import of a parsed CV."""

from .artifacts import (
    BULK_ACTIONS,
    artifact_create,
    artifact_delete,
    artifact_update,
    artifacts_bulk_update,
    label_create,
    label_delete,
    label_update,
)
from .files import (
    artifact_file_delete,
    artifact_file_process,
    artifact_files_add,
    artifact_metadata_refresh,
    artifacts_bulk_upload,
    file_check,
)
from .imports import ImportResult, artifacts_import_cv, cv_entries
from .links import (
    evidence_link_check_request,
    evidence_link_create,
    evidence_link_delete,
    evidence_link_update,
    evidence_link_validate,
    evidence_links_revalidate,
    link_check_run,
)

__all__ = [
    "BULK_ACTIONS",
    "ImportResult",
    "artifact_create",
    "artifact_delete",
    "artifact_file_delete",
    "artifact_file_process",
    "artifact_files_add",
    "artifact_metadata_refresh",
    "artifact_update",
    "artifacts_bulk_update",
    "artifacts_bulk_upload",
    "artifacts_import_cv",
    "cv_entries",
    "evidence_link_check_request",
    "evidence_link_create",
    "evidence_link_delete",
    "evidence_link_update",
    "evidence_link_validate",
    "evidence_links_revalidate",
    "file_check",
    "label_create",
    "label_delete",
    "label_update",
    "link_check_run",
]
