"""What every view that receives a file (a CV, a profile image) shares."""

from resumes import safety


class UploadSizeGuardMixin:
    """Checks the declared request size before DRF parses (and Django spools) the body."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("POST", "PUT", "PATCH"):
            safety.check_request_size(request.META)
