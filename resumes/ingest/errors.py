"""The one error the ingest package raises: a 400 with a code the client can act on."""

from cvplatform.exceptions import ApplicationError


class IngestError(ApplicationError):
    """A file that cannot be read as a CV.

    Codes: ``unsupported_file`` (not a format we read), ``malformed_file`` (claims a format but
    is broken), ``no_text_layer`` (a scanned PDF), ``empty_document`` (readable but no text).
    """

    status_code = 400
    default_code = "unsupported_file"
