"""Owner-only downloads of stored CV files (local storage; S3 links are presigned by S3)."""

from django.http import FileResponse, HttpResponseRedirect
from rest_framework.exceptions import NotAuthenticated

from resumes import selectors


def serve_stored_file(request, *, file, filename: str):
    """Stream the file, or send the caller to a presigned URL when the storage makes one."""
    if getattr(file.storage, "querystring_auth", False):
        return HttpResponseRedirect(file.storage.url(file.name))
    handle = file.storage.open(file.name, "rb")
    return FileResponse(handle, as_attachment=True, filename=filename or file.name.rsplit("/", 1)[-1])


class SignedOrOwnerDownloadMixin:
    """A valid signed link opens the file without a session (a browser following it); without
    one the caller must be signed in, and only the owner ever finds the file."""

    download_kind = ""

    def find_for_owner(self, user, pk):
        raise NotImplementedError

    def find_any(self, pk):
        raise NotImplementedError

    def resolve_download(self, request, pk):
        token = request.query_params.get("signature", "")
        if token and selectors.download_token_valid(token=token, kind=self.download_kind, pk=pk):
            return self.find_any(pk)
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        return self.find_for_owner(request.user, pk)
