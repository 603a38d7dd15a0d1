"""A multi-file LaTeX project (an Overleaf-style ``.zip``) -> one LaTeX source.

The main file is the ``.tex`` member that has ``\\documentclass`` (the one with
``\\begin{document}`` first, then the shallowest path, then ``main.tex``); every
``\\input{..}``/``\\include{..}``/``\\subfile{..}`` is replaced by that member's text,
resolved inside the archive only: absolute paths, ``..`` and names not in the archive are
left out (with a warning), never looked up on the disk. Members are inflated a chunk at a
time and never past the size their directory entry declares; the archive-level guards
(member count, total size, encryption, unsafe names) run at upload time in
``resumes.safety.check_latex_zip`` and again here, so a parse never trusts a file it was
handed directly.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from .. import conf
from ..errors import IngestError

_TEXT_SUFFIXES = (".tex", ".sty", ".cls", ".def", ".ltx")
_INCLUDE = re.compile(r"\\(?:input|include|subfile|InputIfFileExists)\s*\{\s*([^{}]+?)\s*\}")
_MAX_DEPTH = 8
_MAX_SOURCE = 5_000_000


def is_latex_project(names: list[str]) -> bool:
    """An archive with at least one ``.tex`` member (and not a Word document)."""
    return any(n.lower().endswith(".tex") for n in names)


def unsafe_member(name: str) -> bool:
    """A name that would reach outside the archive if it were ever written out."""
    n = name.replace("\\", "/")
    return n.startswith("/") or bool(re.match(r"^[A-Za-z]:", n)) or ".." in n.split("/")


def check_directory(members: list[zipfile.ZipInfo]) -> None:
    """The DOCX guards for a LaTeX project: member count, total size, encryption, names."""
    if len(members) > conf.archive_max_members():
        raise IngestError(
            f"The LaTeX project holds {len(members)} files, more than the {conf.archive_max_members()} "
            "a CV may have; it looks like a zip bomb and was rejected.",
            code="unsupported_file",
        )
    total = sum(m.file_size for m in members)
    if total > conf.archive_max_bytes():
        raise IngestError(
            f"The LaTeX project would unpack to {total // (1024 * 1024)} MB, more than the "
            f"{conf.archive_max_bytes() // (1024 * 1024)} MB limit; it looks like a zip bomb "
            "and was rejected.",
            code="unsupported_file",
        )
    if any(m.flag_bits & 0x1 for m in members):
        raise IngestError(
            "The archive is encrypted; remove the password and upload it again.", code="unsupported_file"
        )
    if any(unsafe_member(m.filename) for m in members):
        raise IngestError(
            "The archive names a file outside itself (an absolute path or '..'); it was rejected.",
            code="unsupported_file",
        )


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member's bytes, never more than its directory entry declares."""
    out = bytearray()
    limit = member.file_size
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(65536):
                out += chunk
                if len(out) > limit:
                    raise IngestError(
                        "A file in the archive inflates past its declared size.", code="malformed_file"
                    )
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"The archive is damaged ({exc}).", code="malformed_file") from None
    return bytes(out)


def project_sources(data: bytes) -> dict[str, str]:
    """path -> text of the archive's LaTeX text members."""
    from ..detect import decode_text

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(f"The archive is damaged ({exc}).", code="malformed_file") from None
    with archive:
        members = archive.infolist()
        check_directory(members)
        return {
            m.filename.replace("\\", "/"): decode_text(_inflate(archive, m))
            for m in members
            if not m.is_dir() and m.filename.lower().endswith(_TEXT_SUFFIXES)
        }


def main_file(sources: dict[str, str]) -> str:
    candidates = [p for p, t in sources.items() if p.lower().endswith(".tex") and "\\documentclass" in t]
    if not candidates:
        raise IngestError("The archive has no .tex file with \\documentclass.", code="unsupported_file")

    def rank(path: str) -> tuple[int, int, int, str]:
        text = sources[path]
        return (
            "\\begin{document}" not in text,
            path.count("/"),
            posixpath.basename(path) != "main.tex",
            path,
        )

    return min(candidates, key=rank)


def resolve(sources: dict[str, str], base: str, target: str) -> str | None:
    """The archive member an ``\\input{target}`` in a file under ``base`` names, if any."""
    target = target.strip().strip('"')
    if unsafe_member(target):
        return None
    for root in (base, ""):
        path = posixpath.normpath(posixpath.join(root, target))
        if path.startswith("../") or path == "..":
            continue
        for candidate in (path, path + ".tex"):
            if candidate in sources:
                return candidate
    return None


def flatten(data: bytes) -> tuple[str, list[str]]:
    """The project's main file with its inputs inlined, and warnings for inputs left out."""
    sources = project_sources(data)
    main = main_file(sources)
    base = posixpath.dirname(main)
    warnings: list[str] = []
    size = 0

    def expand(path: str, stack: tuple[str, ...]) -> str:
        nonlocal size
        text = re.sub(r"(?<!\\)%.*", "", sources[path])

        def sub(m: re.Match) -> str:
            nonlocal size
            found = resolve(sources, base, m.group(1))
            if found is None:
                warnings.append(f"\\input{{{m.group(1)}}} is not in the archive; it was left out.")
                return ""
            if found in stack or len(stack) >= _MAX_DEPTH:
                warnings.append(f"\\input{{{m.group(1)}}} includes itself; it was read once.")
                return ""
            body = expand(found, (*stack, found))
            size += len(body)
            if size > _MAX_SOURCE:
                raise IngestError("The LaTeX project is too large to be a CV.", code="malformed_file")
            return body

        return _INCLUDE.sub(lambda m: sub(m) + "\n", text)

    return expand(main, (main,)), warnings
