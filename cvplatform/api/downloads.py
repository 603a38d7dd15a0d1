"""Owner-only downloads of stored CV files (local storage; S3 links are presigned by S3)."""

from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from rest_framework.exceptions import NotAuthenticated

from cvplatform.exceptions import NotFoundError
from exports.models import ExportJob
from resumes import selectors


def serve_stored_file(request, *, file, filename: str):
    """Stream the file, or send the caller to a presigned URL when the storage makes one."""
    if getattr(file.storage, "querystring_auth", False):
        return HttpResponseRedirect(file.storage.url(file.name))
    handle = file.storage.open(file.name, "rb")
    return FileResponse(handle, as_attachment=True, filename=filename or file.name.rsplit("/", 1)[-1])


class OwnerOnlyDownloadMixin:
    """Stored files go to their owner only, signed link or not.

    The signed link (``?signature=``) is not a bearer credential: the caller must be signed
    in (anonymous → 401) as the user the link was minted for, who must own the file (anyone
    else → 404). A tampered, expired or foreign link is a 404 too. Without a link, the owner
    still gets their own file (the S3 redirect relies on that).
    """

    download_kind = ""

    def find_for_owner(self, user, pk):
        raise NotImplementedError

    def resolve_download(self, request, raw_pk):
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        pk = selectors.parse_id(raw_pk)
        if pk is None:
            raise NotFoundError("CV not found.")
        token = request.query_params.get("signature")
        if token is not None:
            selectors.download_token_check(token=token, kind=self.download_kind, pk=pk, user=request.user)
        return self.find_for_owner(request.user, pk)


def file_response(job: ExportJob, *, filename: str) -> HttpResponse:
    with job.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=job.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
