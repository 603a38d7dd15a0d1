"""LaTeX → PDF (a real TeX engine, or pandoc → Typst) and LaTeX → DOCX (pandoc)."""

import io
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cvplatform.exceptions import ApplicationError, ServiceUnavailable

from .. import conf
from .limits import run_limited, scratch_dir, timeout_error
from .log import trim_log

TEX_ENGINES = ("pdflatex", "xelatex")
_UNICODE_ERROR = re.compile(r"Unicode character.{0,120}?not set up for use with LaTeX|Invalid UTF-8", re.S)
# A class or package this TeX installation lacks (moderncv, altacv, fontawesome5…): pandoc reads
# the document without them.
_MISSING_STYLE = re.compile(r"File `[^'\n]+\.(?:cls|sty)' not found")


@dataclass
class Converted:
    content: bytes
    engine: str


def prepare_source(latex: str) -> str:
    """Reject what no engine should see; wrap a bare fragment in a minimal document."""
    if not latex or not latex.strip():
        raise ApplicationError(
            "latex_content is empty.", code="invalid_latex", fields={"latex_content": ["Empty."]}
        )
    if len(latex.encode("utf-8")) > conf.latex_max_input_bytes():
        raise ApplicationError("latex_content is too large.", code="invalid_latex", status_code=413)
    if "\\documentclass" not in latex:
        latex = "\\documentclass{article}\n\\begin{document}\n" + latex + "\n\\end{document}\n"
    return latex.replace("\x00", "")


def pdf_engine() -> str:
    """The engine latex-to-pdf uses: the configured one, else the best installed."""
    choice = conf.latex_engine()
    if choice in TEX_ENGINES:
        if not shutil.which(choice):
            raise ServiceUnavailable(f"The LaTeX engine '{choice}' is not installed.")
        return choice
    if choice == "pandoc":
        return "pandoc+typst"
    return "pdflatex" if shutil.which("pdflatex") else "pandoc+typst"


def latex_to_pdf(latex: str) -> Converted:
    latex = prepare_source(latex)
    engine = pdf_engine()
    if engine in TEX_ENGINES:
        try:
            return Converted(_tex_compile(latex, engine), engine)
        except ApplicationError as exc:
            # pdfTeX has no glyphs for CJK or Arabic names, and the installed TeX may lack the
            # document's class or packages; when the engine was our choice (auto), pandoc and
            # Typst can still set the document.
            if conf.latex_engine() != "auto" or not _falls_back(exc.message):
                raise
    return Converted(_pandoc_typst_pdf(latex), "pandoc+typst")


def _falls_back(message: str) -> bool:
    return bool(_UNICODE_ERROR.search(message) or _MISSING_STYLE.search(message))


def latex_to_docx(latex: str) -> Converted:
    latex = prepare_source(latex)
    with scratch_dir() as workdir:
        (workdir / "main.tex").write_text(latex, encoding="utf-8")
        warnings = _pandoc(workdir, ["main.tex", "-f", "latex", "-t", "docx", "-o", "out.docx"])
        docx = _read_output(workdir / "out.docx")
        # Pandoc skips what it cannot read instead of failing: broken LaTeX would come back as
        # an empty Word file that looks like a success.
        if _body_has_content(latex) and not _docx_has_text(docx):
            raise latex_error(_NO_TEXT + (f"\n{warnings}" if warnings else ""))
        return Converted(docx, "pandoc")


_NO_TEXT = (
    "Pandoc read no text from the document body, so the Word file would be empty. Check for "
    "unbalanced braces and macros pandoc does not know; \\input and \\include files are not "
    "read (only the uploaded source is)."
)
_BODY = re.compile(r"\\begin\{document\}(.*?)(?:\\end\{document\}|\Z)", re.S)
_COMMENT = re.compile(r"(?<!\\)%.*")
_DOCX_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _body_has_content(latex: str) -> bool:
    body = _BODY.search(latex)
    return bool(body and _COMMENT.sub("", body.group(1)).strip())


def _docx_has_text(docx: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8", "replace")
    return any(text.strip() for text in _DOCX_TEXT.findall(xml))


def _tex_compile(latex: str, engine: str) -> bytes:
    with scratch_dir() as workdir:
        (workdir / "main.tex").write_text(latex, encoding="utf-8")
        cmd = [
            shutil.which(engine) or engine,
            "-no-shell-escape",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-file-line-error",
            "-output-directory",
            str(workdir),
            "main.tex",
        ]
        run = run_limited(cmd, workdir=workdir)
        if run.timed_out:
            raise timeout_error("LaTeX compilation")
        pdf = workdir / "main.pdf"
        if run.returncode != 0 or not pdf.is_file():
            log_file = workdir / "main.log"
            log = log_file.read_text("utf-8", "replace") if log_file.is_file() else run.stdout
            # The scratch path means nothing to the author: show file:line as "main.tex:N".
            raise latex_error(trim_log(log.replace(f"{workdir}/", "")))
        return _read_output(pdf)


def latex_error(details: str) -> ApplicationError:
    return ApplicationError(
        f"The LaTeX document could not be compiled:\n{details}".strip(),
        code="invalid_latex",
    )


def _pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _pandoc(workdir: Path, args: list[str]) -> str:
    """Run pandoc; its warnings (trimmed) when it succeeds."""
    # --sandbox: pandoc reads and writes nothing but its input and output, fetches no URL.
    cmd = [_pandoc_path(), "--sandbox", *args]
    run = run_limited(cmd, workdir=workdir)
    if run.timed_out:
        raise timeout_error("LaTeX conversion")
    if run.returncode != 0:
        raise latex_error(_pandoc_message(run.stdout))
    return _pandoc_message(run.stdout)


def _pandoc_message(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return "\n".join(lines[:12])[:1500]


# Typst runs in a child process too: its input came from untrusted LaTeX, and an in-process
# compile could not be stopped at the wall clock.
_TYPST_CHILD = (
    "import sys, typst\n"
    "pdf = typst.compile('main.typ', format='pdf', root='.', font_paths=sys.argv[1:])\n"
    "open('main.pdf', 'wb').write(pdf)\n"
)


def _pandoc_typst_pdf(latex: str) -> bytes:
    with scratch_dir() as workdir:
        (workdir / "main.tex").write_text(latex, encoding="utf-8")
        _pandoc(workdir, ["main.tex", "-f", "latex", "-t", "typst", "-s", "-o", "main.typ"])
        source = (workdir / "main.typ").read_text("utf-8")
        # Pandoc's Typst may name fonts we do not have; let Typst fall back silently.
        source = re.sub(r"(?m)^#set text\(font: .*\)$", "", source)
        # Only main.tex is uploaded, so a .bib file is never there; pdflatex (which never runs
        # BibTeX here) leaves the bibliography out too, instead of failing.
        source = _BIBLIOGRAPHY.sub("", source)
        (workdir / "main.typ").write_text(source, encoding="utf-8")
        run = run_limited([sys.executable, "-I", "-c", _TYPST_CHILD, *conf.font_paths()], workdir=workdir)
        if run.timed_out:
            raise timeout_error("LaTeX conversion")
        if run.returncode != 0:
            raise latex_error(_typst_message(run.stdout.replace(str(workdir), "")))
        return _read_output(workdir / "main.pdf")


_BIBLIOGRAPHY = re.compile(r"(?m)^#bibliography\(.*\)$")
_TYPST_MISSING_FILE = re.compile(r"file not found \(searched at /?([^)]+)\)")


def _typst_message(output: str) -> str:
    missing = _TYPST_MISSING_FILE.search(output)
    if missing:
        return (
            f"The document needs the file '{missing.group(1)}', which was not uploaded: only the "
            "LaTeX source itself is compiled. Remove the reference to it (an image, an \\input…)."
        )
    # The child's traceback ends with typst's own message: keep that, not the Python frames.
    lines = [
        line for line in output.splitlines() if line.strip() and not line.startswith(("  ", "Traceback"))
    ]
    return "\n".join(lines[-8:]).replace("typst.TypstError: ", "")[:1500]


def _read_output(path: Path) -> bytes:
    if not path.is_file():
        raise latex_error("No output was produced.")
    if path.stat().st_size > conf.latex_max_output_bytes():
        raise ApplicationError("The converted document is too large.", code="output_too_large")
    return path.read_bytes()
