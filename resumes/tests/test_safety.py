"""Content checks and the parsing sandbox, on real hostile files built by the tests."""

import os
import signal
import time
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cvplatform.exceptions import ApplicationError
from resumes import parsing, safety
from resumes.sandbox import SandboxLimitError, run_limited
from resumes.tests.hostile import builders
from resumes.tests.hostile.measure import cost


def raw_deflate(data: bytes) -> bytes:
    stream = zlib.compressobj(9, zlib.DEFLATED, -15)
    return stream.compress(data) + stream.flush()


def upload(data: bytes, name: str, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


class TestContentType:
    def test_real_formats_are_recognised_by_content(self):
        assert safety.check_content(builders.pdf_text(["Jane Doe"]), filename="cv.pdf") == "pdf"
        assert safety.check_content(builders.docx(), filename="cv.docx") == "docx"
        latex = rb"\documentclass{article}\begin{document}Jane\end{document}"
        assert safety.check_content(latex, filename="cv.txt") == "latex"
        assert safety.check_content(b"# Jane Doe\n\n## Experience\n- Built things", filename="") == "markdown"
        assert safety.check_content(b"Jane Doe\nEngineer", filename="cv") == "text"

    def test_a_pdf_is_a_pdf_whatever_its_name(self):
        assert safety.check_content(builders.pdf_text(["Jane"]), filename="resume.txt") == "pdf"

    @pytest.mark.parametrize(
        ("data", "name", "message"),
        [
            (builders.windows_exe(), "cv.pdf", "Windows executable"),
            (builders.windows_exe(), "cv.exe", "Windows executable"),
            (builders.html_page(), "cv.pdf", "HTML"),
            (builders.html_page(), "cv.html", "HTML"),
            (builders.pdf_text(["Jane"]), "cv.docx", "not a DOCX"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "cv.doc", "legacy Office"),
            (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "photo.png", "PNG image"),
        ],
        ids=["exe-as-pdf", "exe", "html-as-pdf", "html", "pdf-as-docx", "legacy-doc", "png"],
    )
    def test_lies_and_foreign_types_are_refused(self, data, name, message):
        with pytest.raises(safety.UnsupportedFile, match=message):
            safety.check_content(data, filename=name)

    def test_uploads_and_the_parser_judge_a_file_alike(self):
        from resumes.ingest import IngestError, detect_format

        samples = [
            "Jane Doe\nEngineer".encode("utf-16"),  # Notepad's "Unicode": text, not binary
            b"Jane Doe\n- Built things\n- Shipped things",  # bullets alone are plain text
            b"Jane Doe\nEngineer",
            rb"\documentclass{article}\begin{document}Jane\end{document}",
        ]
        for data in samples:
            assert safety.check_content(data, filename="cv") == detect_format(data, filename="cv")
        assert safety.check_content(samples[0], filename="cv.txt") == "text"
        assert safety.check_content(samples[1], filename="cv.txt") == "text"
        for refused in (builders.html_page(), b"Jane\x01Doe\x02" + b"x" * 100):
            with pytest.raises(IngestError):
                detect_format(refused)
            with pytest.raises(safety.UnsupportedFile):
                safety.check_content(refused, filename="cv.txt")

    def test_the_extension_breaks_ties_between_text_dialects_only(self):
        assert safety.check_content(b"Jane Doe\nEngineer", filename="cv.tex") == "latex"
        assert safety.check_content(b"Jane Doe\nEngineer", filename="cv.md") == "markdown"
        latex = rb"\documentclass{article}\begin{document}Jane\end{document}"
        assert safety.check_content(latex, filename="cv.md") == "latex"

    def test_a_plain_zip_is_not_a_docx(self):
        archive = builders.docx({"word/document.xml": "x"})
        plain_zip = archive.replace(b"word/document.xml", b"notes/readme.xml")
        with pytest.raises(safety.UnsupportedFile):
            safety.check_content(plain_zip, filename="cv.docx")


class TestUploadReading:
    def test_size_limit_answers_413_with_the_limit(self, settings):
        settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
        big = builders.pdf_text(["Jane"]) + b"\n%" + b"x" * (10 * 1024 * 1024)
        with pytest.raises(safety.FileTooLarge, match="10 MB") as caught:
            safety.read_upload(upload(big, "cv.pdf"))
        assert caught.value.status_code == 413

    def test_limit_is_configurable(self, settings):
        settings.UPLOAD_MAX_BYTES = 2048
        with pytest.raises(safety.FileTooLarge, match="2048 bytes"):
            safety.read_upload(upload(b"a" * 4096, "cv.txt", "text/plain"))
        assert safety.read_upload(upload(b"a" * 2048, "cv.txt", "text/plain")).size == 2048

    def test_user_filename_is_kept_only_as_a_display_name(self):
        checked = safety.read_upload(upload(b"Jane Doe", "../../etc/\x00passwd.txt", "text/plain"))
        assert checked.filename == "passwd.txt"

    def test_empty_file_is_refused(self):
        with pytest.raises(safety.UnsupportedFile, match="empty"):
            safety.read_upload(upload(b"", "cv.pdf"))


class TestDocxGuards:
    def test_zip_bomb_is_refused_from_the_directory(self):
        with pytest.raises(safety.UnsupportedFile, match="zip bomb"):
            safety.check_content(builders.docx_zip_bomb(60), filename="cv.docx")

    def test_member_count_bomb_is_refused(self):
        with pytest.raises(safety.UnsupportedFile, match="5002 files"):
            safety.check_content(builders.docx_many_members(5000), filename="cv.docx")

    @pytest.mark.parametrize(
        "build", [builders.docx_billion_laughs, builders.docx_xxe, builders.docx_utf16_doctype]
    )
    def test_any_doctype_is_refused(self, build):
        with pytest.raises(safety.UnsupportedFile, match="DOCTYPE"):
            safety.check_content(build(), filename="cv.docx")

    def test_a_part_that_lies_about_its_size_is_refused_without_inflating_it(self):
        # The issue: "a word/document.xml whose zip directory says 1 KB but whose 1.2 MB stream
        # inflates to 1.2 GB gets a 400 only after 3-5 s, with the web worker at 2.2 GB".
        lying = builders.docx_lying_size(1200, declared=1024)
        assert len(lying) < 2 * 1024 * 1024
        with cost() as spent, pytest.raises(safety.UnsupportedFile, match="damaged"):
            safety.check_content(lying, filename="cv.docx")
        assert spent.seconds < 2
        assert spent.peak_growth_mb < 50

    def test_a_lying_part_with_a_matching_crc_is_refused_too(self):
        # The declared 1 KB is a valid prefix with its own CRC: a reader that stops at the
        # declared size sees nothing wrong and hands a truncated part on (a file over the
        # inline-parse size was stored and queued). The check inflates one chunk past the
        # declared size, and that is the lie.
        lying = builders.docx_lying_size(1200, declared=1024, crc_of_declared=True)
        with cost() as checked, pytest.raises(safety.UnsupportedFile, match="inflates past the size"):
            safety.check_content(lying, filename="cv.docx")
        assert checked.seconds < 2 and checked.peak_growth_mb < 50

    @pytest.mark.parametrize("kind", ["short", "crc"])
    def test_a_part_that_holds_less_or_other_than_declared_is_refused(self, kind):
        xml = builders.DOCUMENT.format(text="Jane Doe").encode()
        types = builders.CONTENT_TYPES.encode()
        size, crc = (len(xml) + 10, zlib.crc32(xml)) if kind == "short" else (len(xml), zlib.crc32(xml) ^ 1)
        archive = builders.zip_archive(
            [
                ("[Content_Types].xml", raw_deflate(types), zlib.crc32(types), len(types)),
                ("word/document.xml", raw_deflate(xml), crc, size),
            ]
        )
        with pytest.raises(safety.UnsupportedFile, match="does not hold what its directory entry declares"):
            safety.check_content(archive, filename="cv.docx")

    def test_an_honest_hand_written_archive_passes(self):
        xml = builders.DOCUMENT.format(text="Jane Doe").encode()
        types = builders.CONTENT_TYPES.encode()
        archive = builders.zip_archive(
            [
                ("[Content_Types].xml", raw_deflate(types), zlib.crc32(types), len(types)),
                ("word/document.xml", raw_deflate(xml), zlib.crc32(xml), len(xml)),
            ]
        )
        assert safety.check_content(archive, filename="cv.docx") == "docx"

    @pytest.mark.parametrize(("tail", "refused"), [("<!-- a comment -->", False), ("<!DOCTYPE d>", True)])
    def test_a_declaration_cut_by_a_chunk_boundary_is_still_seen(self, tail, refused):
        start = builders.DOCUMENT.split("{text}")[0]
        # "<!" lands on the last two bytes of the first 64 KB the check inflates.
        xml = start + " " * (65534 - len(start)) + tail + "Jane</w:t></w:r></w:p></w:body></w:document>"
        archive = builders.docx({"word/document.xml": xml})
        if refused:
            with pytest.raises(safety.UnsupportedFile, match="DOCTYPE"):
                safety.check_content(archive, filename="cv.docx")
        else:
            assert safety.check_content(archive, filename="cv.docx") == "docx"

    def test_an_ordinary_docx_passes(self):
        assert safety.check_content(builders.docx(text="Jane Doe, engineer"), filename="cv.docx") == "docx"


class TestPdfGuards:
    def test_huge_page_count_is_refused(self):
        with pytest.raises(safety.UnsupportedFile, match="500 pages"):
            parsing.check_pdf_pages(builders.pdf_many_pages(500))

    def test_cyclic_page_tree_is_refused(self):
        with pytest.raises(safety.UnsupportedFile):
            parsing.check_pdf_pages(builders.pdf_cyclic_page_tree())

    def test_malformed_pdf_is_refused(self):
        with pytest.raises(safety.UnsupportedFile, match="damaged"):
            parsing.check_pdf_pages(builders.pdf_malformed())


# --- the sandbox -----------------------------------------------------------------------------
def _double(value):
    return value * 2


def _eat_memory():
    hoard = []
    while True:
        hoard.append(bytearray(50 * 1024 * 1024))


def _spin():
    while True:
        pass


def _sleep():
    time.sleep(60)


def _crash():
    os.kill(os.getpid(), signal.SIGSEGV)


def _abort():
    os.abort()


def _recurse(depth=0):
    return _recurse(depth + 1)


def _refuse():
    raise safety.UnsupportedFile("not a CV")


def _explode():
    raise ValueError("parser bug on odd input")


LIMITS = {"timeout": 10, "cpu_seconds": 5, "memory_bytes": 256 * 1024 * 1024}


class TestSandbox:
    def test_result_comes_back(self):
        assert run_limited(_double, 21, **LIMITS) == 42

    def test_memory_hog_ends_in_a_clear_error(self):
        with pytest.raises(SandboxLimitError, match="too much memory"):
            run_limited(_eat_memory, **LIMITS)

    def test_cpu_spin_is_stopped_by_the_cpu_limit(self):
        with pytest.raises(SandboxLimitError, match="processing time"):
            run_limited(_spin, timeout=10, cpu_seconds=1, memory_bytes=LIMITS["memory_bytes"])

    def test_a_hang_is_stopped_by_the_wall_clock(self):
        with pytest.raises(SandboxLimitError, match="longer than 1 seconds"):
            run_limited(_sleep, timeout=1, cpu_seconds=5, memory_bytes=LIMITS["memory_bytes"])

    def test_a_crash_is_a_clear_error(self):
        with pytest.raises(SandboxLimitError, match="crashed"):
            run_limited(_crash, **LIMITS)

    def test_a_c_library_abort_under_the_memory_limit_reads_as_memory(self):
        with pytest.raises(SandboxLimitError, match="too much memory"):
            run_limited(_abort, **LIMITS)

    def test_runaway_recursion_is_a_clear_error(self):
        with pytest.raises(SandboxLimitError, match="nested too deeply"):
            run_limited(_recurse, **LIMITS)

    def test_application_errors_keep_their_message_and_code(self):
        with pytest.raises(ApplicationError, match="not a CV") as caught:
            run_limited(_refuse, **LIMITS)
        assert caught.value.code == "unsupported_file"
        assert caught.value.status_code == 400

    def test_other_failures_become_a_400(self):
        with pytest.raises(ApplicationError, match="damaged") as caught:
            run_limited(_explode, **LIMITS)
        assert caught.value.status_code == 400
        # the parser's own exception text stays in our logs, not in the answer
        assert "parser bug" not in caught.value.message and "ValueError" not in caught.value.message
