"""Files of artifacts: checked and stored on upload, then read by a job each.

A readable document (PDF, DOCX, LaTeX, Markdown, text) goes through the gate every CV file
passes (``resumes.parsing``: size and type checks, then the sandboxed parse) and what its
text tells — length, pages, technologies, dates, links — is kept on the file and summed up in
the artifact's ``extracted_metadata``. Detected technologies are offered as suggestions; an
artifact's own list only changes when its owner changes it. Images and other files are
stored with their metadata only.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum

from accounts.models import User
from cvplatform.exceptions import ApplicationError
from cvplatform.jobs import JobStatus, job_enqueue, job_run
from resumes import parsing
from resumes.ingest import IngestError, detect_format
from resumes.models import FORMAT_EXTENSIONS
from resumes.safety import display_filename

from .. import conf, extract
from ..models import Artifact, ArtifactFile, ArtifactSource, FileKind
from .artifacts import artifact_create, suggested_technologies

EXCERPT_CHARS = 1000
DOCUMENT_MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "latex": "application/x-tex",
    "markdown": "text/markdown",
    "text": "text/plain",
    "json": "application/json",
}
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpeg", "image/jpeg"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
)
_CLAIMED = {".pdf": "pdf", ".docx": "docx"}


class FileRejected(ApplicationError):
    default_code = "invalid_file"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    data: bytes
    kind: str
    format: str
    mime_type: str
    extension: str

    @property
    def size(self) -> int:
        return len(self.data)


def _image(data: bytes) -> tuple[str, str] | None:
    for magic, fmt, mime in _IMAGES:
        if data.startswith(magic):
            return fmt, mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", "image/webp"
    return None


def file_check(*, name: str, data: bytes) -> CheckedFile:
    """What a file is, judged by its content; refuses an empty file and one whose name
    promises a PDF or DOCX its content is not."""
    shown = display_filename(name) or "file"
    if not data:
        raise FileRejected(f"{shown}: the file is empty.")
    claimed = _CLAIMED.get(PurePosixPath(shown.lower()).suffix)
    if image := _image(data):
        fmt, mime = image
        kind, extension = FileKind.IMAGE, f".{'jpg' if fmt == 'jpeg' else fmt}"
    else:
        try:
            fmt = detect_format(data, filename=shown)
            kind, mime, extension = FileKind.DOCUMENT, DOCUMENT_MIME[fmt], FORMAT_EXTENSIONS[fmt]
        except IngestError:
            fmt, kind, mime, extension = "", FileKind.OTHER, "application/octet-stream", ""
    if claimed and claimed != fmt:
        raise FileRejected(f"{shown}: the file is named like a {claimed.upper()} document but is not one.")
    return CheckedFile(name=shown, data=data, kind=kind, format=fmt, mime_type=mime, extension=extension)


def files_check(uploads: list[UploadedFile]) -> list[CheckedFile]:
    """Every upload read and checked; one error naming each bad file, or the checked files."""
    if not uploads:
        raise ApplicationError("No file was sent in 'files'.", fields={"files": ["No file was submitted."]})
    per_request = conf.files_per_request()
    if len(uploads) > per_request:
        raise ApplicationError(
            f"At most {per_request} files per request.", fields={"files": [f"At most {per_request} files."]}
        )
    limit = conf.file_max_bytes()
    checked, problems, too_large = [], [], False
    for upload in uploads:
        shown = display_filename(upload.name or "") or "file"
        if upload.size is not None and upload.size > limit:
            problems.append(f"{shown}: larger than the {_size(limit)} limit per file.")
            too_large = True
            continue
        data = upload.read(limit + 1)
        if len(data) > limit:
            problems.append(f"{shown}: larger than the {_size(limit)} limit per file.")
            too_large = True
            continue
        try:
            checked.append(file_check(name=upload.name or "", data=data))
        except FileRejected as exc:
            problems.append(exc.message)
    if problems:
        raise ApplicationError(
            " ".join(problems),
            code="file_too_large" if too_large else "invalid_file",
            status_code=413 if too_large else 400,
            fields={"files": problems},
        )
    return checked


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def _check_room(*, artifact: Artifact, files: list[CheckedFile]) -> None:
    count_limit, bytes_limit = conf.files_per_artifact(), conf.bytes_per_artifact()
    held = artifact.files.aggregate(total=Sum("size"))["total"] or 0
    count = artifact.files.count()
    if count + len(files) > count_limit:
        raise ApplicationError(
            f"An artifact may hold at most {count_limit} files; '{artifact.title}' has {count}.",
            fields={"files": [f"At most {count_limit} files per artifact."]},
        )
    if held + sum(f.size for f in files) > bytes_limit:
        raise ApplicationError(
            f"An artifact's files may add up to at most {_size(bytes_limit)}.",
            code="file_too_large",
            status_code=413,
            fields={"files": [f"At most {_size(bytes_limit)} per artifact."]},
        )


def _store(*, artifact: Artifact, checked: CheckedFile, stored: list[str]) -> ArtifactFile:
    from ..tasks import process_artifact_file

    row = ArtifactFile(
        user_id=artifact.user_id,
        artifact=artifact,
        name=checked.name,
        size=checked.size,
        mime_type=checked.mime_type,
        kind=checked.kind,
        format=checked.format,
        extension=checked.extension,
        sha256=hashlib.sha256(checked.data).hexdigest(),
    )
    # The storage name is generated (models.artifact_file_upload_to), never the user's.
    row.file.save("upload", ContentFile(checked.data), save=False)
    stored.append(row.file.name)
    row.save()
    job_enqueue(task=process_artifact_file, job=row)
    return row


def _cleanup_on_failure(stored: list[str]) -> None:
    storage = ArtifactFile.file.field.storage
    for name in stored:
        storage.delete(name)


def artifact_files_add(*, artifact: Artifact, uploads: list[UploadedFile]) -> list[ArtifactFile]:
    """Check every file, then store them all and send a job for each; nothing is stored
    when one of them is refused."""
    checked = files_check(uploads)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = Artifact.objects.select_for_update().get(pk=artifact.pk)
            _check_room(artifact=locked, files=checked)
            return [_store(artifact=locked, checked=item, stored=stored) for item in checked]
    except BaseException:
        _cleanup_on_failure(stored)
        raise


def artifacts_bulk_upload(
    *, user: User, entries: list[dict[str, Any]], uploads: list[UploadedFile]
) -> list[Artifact]:
    """Artifacts described by ``entries``, each with the uploaded files it names (its
    ``files``: file names); a single entry that names none gets them all. One transaction:
    a bad entry or file creates nothing."""
    if not entries:
        raise ApplicationError(
            "'metadata' describes no artifact.", fields={"metadata": ["No artifact described."]}
        )
    most = conf.artifacts_per_bulk_upload()
    if len(entries) > most:
        raise ApplicationError(
            f"At most {most} artifacts per bulk upload.", fields={"metadata": [f"At most {most} artifacts."]}
        )
    checked = files_check(uploads)
    assigned = _assign(entries, checked)
    stored: list[str] = []
    try:
        with transaction.atomic():
            created = []
            for entry, files in zip(entries, assigned, strict=True):
                data = {key: value for key, value in entry.items() if key != "files"}
                artifact = artifact_create(user=user, data=data, source=ArtifactSource.UPLOAD)
                _check_room(artifact=artifact, files=files)
                for item in files:
                    _store(artifact=artifact, checked=item, stored=stored)
                created.append(artifact)
            return created
    except BaseException:
        _cleanup_on_failure(stored)
        raise


def _assign(entries: list[dict[str, Any]], files: list[CheckedFile]) -> list[list[CheckedFile]]:
    """Which checked files each entry gets, by the names it lists."""
    if len(entries) == 1 and not entries[0].get("files"):
        return [list(files)]
    waiting = list(files)
    assigned: list[list[CheckedFile]] = []
    for index, entry in enumerate(entries):
        mine = []
        for wanted in entry.get("files") or []:
            shown = display_filename(str(wanted))
            match = next((item for item in waiting if item.name == shown), None)
            if match is None:
                message = f"metadata[{index}] names '{shown}', which was not uploaded."
                raise ApplicationError(message, fields={"metadata": [message]})
            waiting.remove(match)
            mine.append(match)
        assigned.append(mine)
    if waiting:
        names = ", ".join(f"'{item.name}'" for item in waiting)
        message = f"No metadata entry names the file(s) {names}."
        raise ApplicationError(message, fields={"files": [message], "metadata": [message]})
    return assigned


# --- the processing job ------------------------------------------------------------------------
def _image_size(data: bytes, fmt: str) -> dict[str, int]:
    try:
        if fmt == "png" and len(data) >= 24:
            width, height = struct.unpack(">II", data[16:24])
            return {"width": width, "height": height}
        if fmt == "gif" and len(data) >= 10:
            width, height = struct.unpack("<HH", data[6:10])
            return {"width": width, "height": height}
    except struct.error:
        pass
    return {}


def _document_metadata(data: bytes, fmt: str) -> dict[str, Any]:
    parsed = parsing.parse_bytes(data, fmt=fmt)  # the gate again, then the sandbox
    text = parsed.cv.raw_text or ""
    return {
        "text_length": len(text),
        "pages": parsed.pages,
        "technologies": extract.technologies_in(text),
        "dates": extract.dates_in(text),
        "links": extract.links_in(text),
        "excerpt": text[:EXCERPT_CHARS],
    }


def artifact_file_process(*, file_id: int) -> None:
    """The worker's side of an upload: read the stored file and record what it holds; a file
    that cannot be read ends its job as FAILURE with the reason its owner sees."""

    def work(row: ArtifactFile) -> dict:
        with row.file.open("rb") as stored:
            data = stored.read(conf.file_max_bytes() + 1)
        metadata: dict[str, Any] = {"format": row.format, "size": len(data), "mime_type": row.mime_type}
        if row.kind == FileKind.DOCUMENT:
            metadata.update(_document_metadata(data, row.format))
        elif row.kind == FileKind.IMAGE:
            metadata.update(_image_size(data, row.format))
        ArtifactFile.objects.filter(pk=row.pk).update(metadata=metadata)
        return {"kind": row.kind, "text_length": metadata.get("text_length", 0)}

    job = job_run(model=ArtifactFile, job_id=file_id, work=work)
    if job is not None:
        artifact_metadata_refresh(artifact_id=job.artifact_id)


@transaction.atomic
def artifact_metadata_refresh(*, artifact_id: int) -> None:
    """Sum up what the artifact's processed files hold in its ``extracted_metadata``."""
    artifact = Artifact.objects.select_for_update().filter(pk=artifact_id).first()
    if artifact is None:
        return
    files = list(artifact.files.order_by("created_at", "id"))
    done = [f for f in files if f.status == JobStatus.SUCCESS]
    technologies = extract.canonical_technologies(
        [t for f in done for t in f.metadata.get("technologies", [])]
    )
    metadata = dict(artifact.extracted_metadata or {})
    metadata.update(
        {
            "files": len(files),
            "files_completed": len(done),
            "files_failed": sum(f.status == JobStatus.FAILURE for f in files),
            "text_length": sum(f.metadata.get("text_length") or 0 for f in done),
            "pages": sum(f.metadata.get("pages") or 0 for f in done),
            "detected_technologies": technologies,
            "suggested_technologies": suggested_technologies(
                detected=technologies, own=artifact.technologies
            ),
            "dates": sorted({d for f in done for d in f.metadata.get("dates", [])}),
            "links": list(dict.fromkeys(link for f in done for link in f.metadata.get("links", []))),
            "file_errors": [
                {"uuid": str(f.uuid), "name": f.name, "error": f.error}
                for f in files
                if f.status == JobStatus.FAILURE
            ],
        }
    )
    Artifact.objects.filter(pk=artifact.pk).update(extracted_metadata=metadata)


@transaction.atomic
def artifact_file_delete(*, row: ArtifactFile) -> None:
    """The row and, once that commits, the stored file."""
    name, storage, artifact_id = row.file.name, row.file.storage, row.artifact_id
    row.delete()
    artifact_metadata_refresh(artifact_id=artifact_id)
    if name:
        transaction.on_commit(lambda: storage.delete(name))
