"""Guards every uploaded CV passes before anything parses or stores it.

The type is decided by the content (magic bytes), never by the extension or the
Content-Type the client sent; a file whose name claims a binary document type it is not is
rejected as a lie. DOCX archives are judged from their zip directory *before* anything is
decompressed; every member is then inflated a chunk at a time (never past the size the
directory declares, whatever the stream holds: a member that holds more, less or other bytes
than declared is refused) and any XML DOCTYPE (billion laughs, XXE) is refused. Everything
that would inflate more runs in the parse sandbox (``resumes.sandbox``).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.uploadedfile import UploadedFile

from cvplatform.exceptions import ApplicationError

from . import conf
from .ingest import IngestError, detect_format

# Extensions that promise one specific binary format: the content must keep the promise.
_BINARY_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".zip": "latex-zip"}


class UnsupportedFile(ApplicationError):
    """A file that is not a CV we can read, for whatever reason (its type, its damage, its
    size once unpacked, a limit its parse hit): one code, the reason in the message."""

    default_code = "unsupported_file"


class FileTooLarge(ApplicationError):
    status_code = 413
    default_code = "file_too_large"


@dataclass(frozen=True)
class CheckedUpload:
    data: bytes
    format: str  # pdf | docx | latex | latex-zip | markdown | text | json
    filename: str  # the user's name for the file: shown back to its owner, never used to store
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def display_filename(name: str) -> str:
    """The base name only, without control characters, at most 255 characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    return "".join(ch for ch in base if ch.isprintable())[:255]


def read_upload(upload: UploadedFile | None, *, field: str = "file") -> CheckedUpload:
    """Size-check, read and type-check an upload; raises a clear 4xx for anything else."""
    if upload is None:
        raise ApplicationError(f"No file was sent in '{field}'.", fields={field: ["No file was submitted."]})
    limit = conf.upload_max_bytes()
    if upload.size is not None and upload.size > limit:
        raise _too_large(limit)
    return check_bytes(upload.read(limit + 1), filename=upload.name or "")


def check_bytes(data: bytes, *, filename: str = "") -> CheckedUpload:
    """The checks every CV file passes, however it arrived (an upload, a stored file a job
    parses, a file given to a management command): size, then type by content."""
    limit = conf.upload_max_bytes()
    if len(data) > limit:
        raise _too_large(limit)
    if not data:
        raise UnsupportedFile("The file is empty.")
    shown = display_filename(filename)
    fmt = check_content(data, filename=shown)
    return CheckedUpload(data=data, format=fmt, filename=shown, sha256=hashlib.sha256(data).hexdigest())


def _too_large(limit: int) -> FileTooLarge:
    shown = f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return FileTooLarge(f"The file is larger than the {shown} upload limit.")


def check_content(data: bytes, *, filename: str = "") -> str:
    """The CV format the bytes really are; raises ``UnsupportedFile`` for anything else."""
    try:
        fmt = detect_format(data, filename=filename)
    except IngestError as exc:  # empty, damaged, foreign: one kind of refusal for the caller
        raise UnsupportedFile(exc.message) from None
    claimed = _BINARY_EXTENSIONS.get(PurePosixPath(filename.lower()).suffix)
    if claimed and claimed != fmt:
        what = "a zipped LaTeX project" if claimed == "latex-zip" else f"a {claimed.upper()} document"
        raise UnsupportedFile(f"The file is named '{filename}' but its content is not {what}.")
    if fmt == "docx":
        check_docx(data)
    elif fmt == "latex-zip":
        check_latex_zip(data)
    return fmt


def check_latex_zip(data: bytes) -> None:
    """A zipped LaTeX project gets the DOCX guards from its directory (member count, unpacked
    size, encryption) plus a refusal of names outside the archive, before anything inflates;
    its main file must be there. Its members are read only by the parse, in the sandbox."""
    from .ingest.readers.latex_project import check_directory

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            check_directory(members)
    except IngestError as exc:
        raise UnsupportedFile(exc.message) from None
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnsupportedFile(f"The archive is damaged ({exc}).") from None


# --- DOCX ------------------------------------------------------------------------------------
def check_docx(data: bytes) -> None:
    """Judge a DOCX from its zip directory before unpacking, then prove every member holds
    what its directory entry declares (inflated by us, a chunk at a time, never past the
    declared size) and refuse any DOCTYPE in an XML part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnsupportedFile(f"The file looks like a ZIP/DOCX but is damaged ({exc}).") from None
    with archive:
        members = archive.infolist()
    _check_directory(members)
    for member in members:
        _check_member(data, member)


def _check_directory(members: list[zipfile.ZipInfo]) -> None:
    max_members = conf.docx_max_members()
    if len(members) > max_members:
        raise UnsupportedFile(
            f"The DOCX holds {len(members)} files, more than the {max_members} a CV may have; "
            "it looks like a zip bomb and was rejected."
        )
    total = sum(member.file_size for member in members)
    max_total = conf.docx_max_uncompressed_bytes()
    if total > max_total:
        raise UnsupportedFile(
            f"The DOCX would unpack to {total // (1024 * 1024)} MB, more than the "
            f"{max_total // (1024 * 1024)} MB limit; it looks like a zip bomb and was rejected."
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise UnsupportedFile("The DOCX is encrypted; remove the password and upload it again.")


def _check_member(data: bytes, member: zipfile.ZipInfo) -> None:
    try:
        chunks = _member_chunks(data, member)
        if member.filename.lower().endswith((".xml", ".rels")) and _has_declarations(chunks):
            raise UnsupportedFile(
                "The DOCX contains an XML DOCTYPE or entity declaration (a billion-laughs or XXE "
                "attack pattern); it was rejected."
            )
        for _ in chunks:  # the rest of the member: its size and CRC are proven all the same
            pass
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise UnsupportedFile(f"The DOCX is damaged ({exc}).") from None


# A member is inflated here a chunk at a time, by zlib directly: ``ZipFile.read`` asks zlib
# for everything at once, and a member whose directory entry lies about its size inflates far
# past it (to gigabytes) before the size and CRC checks run; ``ZipFile.open`` stops at the
# declared size and so hides the lie, passing a truncated part on to the parser. Here the
# declared size is a hard cap (one chunk past it and the file is refused), and a stream that
# ends short of it, or whose CRC-32 is not the declared one, is refused too: once a file has
# passed, its directory is the truth, and the directory total bounds what reading it costs.
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def _member_chunks(data: bytes, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes as its stream holds them, checked against its directory entry."""
    header = data[member.header_offset : member.header_offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"no local header for {member.filename!r}")
    fields = _LOCAL_HEADER.unpack(header)
    start = member.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1]
    raw = memoryview(data)[start : start + member.compress_size]
    if len(raw) < member.compress_size:
        raise zipfile.BadZipFile(f"{member.filename!r} is cut short")
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != member.file_size:
            raise zipfile.BadZipFile(f"{member.filename!r} is not the size its directory entry declares")
        inflate = None
    elif member.compress_type == zipfile.ZIP_DEFLATED:
        inflate = zlib.decompressobj(-15)
    else:
        raise zipfile.BadZipFile(f"{member.filename!r} uses a compression method a DOCX does not use")
    left, crc = member.file_size, 0
    for offset in range(0, len(raw), _CHUNK):
        pending = bytes(raw[offset : offset + _CHUNK])
        while pending or inflate is not None:
            out = pending if inflate is None else inflate.decompress(pending, _CHUNK)
            pending = b"" if inflate is None else inflate.unconsumed_tail
            left -= len(out)
            if left < 0:
                raise zipfile.BadZipFile(
                    f"{member.filename!r} inflates past the size its directory entry declares"
                )
            if out:
                crc = zlib.crc32(out, crc)
                yield out
            if inflate is None or inflate.eof or not (pending or out):
                break
        if inflate is not None and inflate.eof:
            break
    if left or (inflate is not None and not inflate.eof) or crc != member.CRC:
        raise zipfile.BadZipFile(f"{member.filename!r} does not hold what its directory entry declares")


# WordprocessingML only ever opens ``<!`` for a comment or a CDATA section; anything else is
# a DOCTYPE or one of its declarations. The carry-over covers a match cut by a chunk boundary.
_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[)")
_CARRY = len("<![CDATA[")


def _has_declarations(chunks: Iterator[bytes]) -> bool:
    """Whether an XML part holds a DTD construct; stops at the first one."""
    decoder = None
    carry = ""
    for chunk in chunks:
        if decoder is None:
            decoder = codecs.getincrementaldecoder(_xml_encoding(chunk))(errors="replace")
        text = carry + decoder.decode(chunk)
        if _declares(text, final=False):
            return True
        carry = text[-_CARRY:]
    return decoder is not None and _declares(carry + decoder.decode(b"", final=True), final=True)


def _declares(text: str, *, final: bool) -> bool:
    # A "<!" in the last few characters may still turn into "<!--": decided with the next chunk.
    return any(final or match.start() + _CARRY <= len(text) for match in _DECLARATION.finditer(text))


def _xml_encoding(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head[:4] == b"<\x00?\x00":
        return "utf-16-le"
    if head[:4] == b"\x00<\x00?":
        return "utf-16-be"
    return "utf-8"


# Room for the multipart boundaries and the other form fields around the file.
_MULTIPART_ALLOWANCE = 64 * 1024


def check_request_size(meta: dict) -> None:
    """Refuse an upload whose declared body is already over the limit, before Django spools
    it to a temporary file: a 2 GB POST is answered at once instead of after the transfer."""
    try:
        declared = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    limit = conf.upload_max_bytes()
    if declared > limit + _MULTIPART_ALLOWANCE:
        raise _too_large(limit)
