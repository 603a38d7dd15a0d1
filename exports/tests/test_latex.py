"""Untrusted LaTeX: the CV Genius endpoints and the sandbox underneath them."""

import io
import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from django.test import override_settings

from .helpers import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)  # jobs are queued on commit

HAS_TEX = shutil.which("pdflatex") is not None
needs_tex = pytest.mark.skipif(not HAS_TEX, reason="pdflatex is not installed")
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"
HELLO = "\\documentclass{article}\n\\begin{document}\nHello World\n\\end{document}"


def _doc(body: str) -> str:
    return "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"


def test_generate_latex_cv_chains_into_latex_to_pdf(owner_client):
    payload = {
        "personal_info": {"name": "John Doe", "email": "john@example.com"},
        "summary": "Experienced professional with 100% focus & drive.",
        "experience": [{"title": "Software Engineer", "company": "Tech Corp"}],
        "education": [{"degree": "Bachelor of Science", "institution": "University"}],
        "skills": {"technical": "Programming, Web Development"},
    }
    response = owner_client.post("/api/cv/generate-latex-cv/", payload, format="json")
    assert response.status_code == 200
    latex = response.json()["latex_content"]
    assert "\\documentclass" in latex and "100\\% focus \\& drive" in latex

    pdf = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "John Doe" in text and "Tech Corp" in text


def test_generate_latex_cv_needs_a_name(owner_client):
    response = owner_client.post("/api/cv/generate-latex-cv/", {"personal_info": {}}, format="json")
    assert response.status_code == 400
    assert "personal_info" in response.json()


def test_latex_endpoints_need_sign_in(api_client):
    assert (
        api_client.post("/api/cv/latex-to-pdf/", {"latex_content": HELLO}, format="json").status_code == 401
    )


@needs_tex
def test_latex_to_pdf_names_the_tex_engine(owner_client):
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": HELLO}, format="json")
    assert response.status_code == 200
    assert response["X-LaTeX-Engine"] == "pdflatex"
    assert "Hello World" in pdf_text(response.content)


@override_settings(LATEX_ENGINE="pandoc")
def test_without_a_tex_engine_pandoc_and_typst_make_the_pdf(owner_client):
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": HELLO}, format="json")
    assert response.status_code == 200
    assert response["X-LaTeX-Engine"] == "pandoc+typst"
    assert "Hello World" in pdf_text(response.content)


@needs_tex
def test_a_cjk_name_falls_back_to_typst_when_pdflatex_has_no_glyphs(owner_client):
    payload = {"personal_info": {"name": "王小明", "email": "wang@example.com"}, "summary": "Engineer."}
    latex = owner_client.post("/api/cv/generate-latex-cv/", payload, format="json").json()["latex_content"]
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 200
    assert response["X-LaTeX-Engine"] == "pandoc+typst"
    assert "王小明" in pdf_text(response.content)


@needs_tex
@pytest.mark.parametrize(
    "preamble",
    ["\\documentclass{cvp-no-such-class}", "\\documentclass{article}\\usepackage{cvp-no-such-package}"],
)
def test_a_class_or_package_tex_lacks_falls_back_to_typst(owner_client, preamble):
    latex = preamble + "\n\\begin{document}\n\\section{Experience}Jane Roe, engineer.\n\\end{document}\n"
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 200
    assert response["X-LaTeX-Engine"] == "pandoc+typst"
    assert "Jane Roe" in pdf_text(response.content)


@needs_tex
@override_settings(LATEX_ENGINE="pdflatex")
def test_a_pinned_tex_engine_names_the_class_it_lacks(owner_client):
    latex = "\\documentclass{cvp-no-such-class}\n\\begin{document}\nJane Roe\n\\end{document}\n"
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 400
    assert "cvp-no-such-class.cls" in response.json()["detail"]


@needs_tex
def test_an_image_the_upload_lacks_is_a_400_naming_it_after_the_fallback(owner_client):
    latex = (
        "\\documentclass{cvp-no-such-class}\n\\usepackage{graphicx}\n\\begin{document}\n"
        "\\includegraphics{portrait.png}\nJane Roe\n\\end{document}\n"
    )
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 400
    assert "portrait.png" in response.json()["detail"]


def _corpus_source(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    return path.read_text("utf-8")


def _tex_has(filename: str) -> bool:
    kpsewhich = shutil.which("kpsewhich")
    return (
        bool(kpsewhich)
        and subprocess.run([kpsewhich, filename], capture_output=True, check=False).stdout.strip() != b""
    )


@needs_tex
def test_jakes_resume_compiles_with_pdflatex(owner_client):
    latex = _corpus_source("latex-jakegut/resume.tex")
    if not _tex_has("fullpage.sty"):
        pytest.skip("texlive-latex-extra (fullpage.sty) is not installed")
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 200
    assert response["X-LaTeX-Engine"] == "pdflatex"
    assert "Jake Ryan" in pdf_text(response.content)


@needs_tex
@pytest.mark.parametrize("name", ["latex-moderncv/template.tex", "latex-altacv/sample.tex"])
def test_moderncv_and_altacv_give_a_pdf_without_their_bib_and_images(owner_client, name):
    # Only the .tex is uploaded: the .bib and photo they name are not there.
    latex = _corpus_source(name)
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": latex}, format="json")
    assert response.status_code == 200
    assert "Job description" in pdf_text(response.content) or "Experience" in pdf_text(response.content)


def test_latex_to_word_returns_a_docx(owner_client):
    response = owner_client.post(
        "/api/cv/latex-to-word/", {"latex_content": _doc("\\section{Skills}Python and Go")}, format="json"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


@needs_tex
def test_broken_latex_is_a_400_with_the_log_trimmed(owner_client):
    response = owner_client.post(
        "/api/cv/latex-to-pdf/", {"latex_content": _doc("\\undefinedmacro{x}")}, format="json"
    )
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "Undefined control sequence" in detail and "main.tex:" in detail
    assert "/tmp/" not in detail and len(detail) < 2000


def test_empty_latex_is_a_400(owner_client):
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": "  "}, format="json")
    assert response.status_code == 400


# --- the sandbox: every attack ends in a 400, or a PDF without the file's contents ------------
ATTACKS = {
    "write18": _doc("\\immediate\\write18{touch {marker}}Hello"),
    "input_passwd": _doc("\\input{/etc/passwd}"),
    "openin": _doc("\\newread\\f\\openin\\f=/etc/passwd \\read\\f to\\x \\x"),
    "include_outside": _doc("\\include{../../../../etc/passwd}"),
    "openout_outside": _doc(
        "\\newwrite\\f\\immediate\\openout\\f={marker}\\immediate\\write\\f{x}\\immediate\\closeout\\f ok"
    ),
    "infinite_loop": _doc("\\def\\x{\\x}\\x"),
    "includegraphics": "\\documentclass{article}\\usepackage{graphicx}\\begin{document}"
    "\\includegraphics{/etc/passwd}\\end{document}",
}


@pytest.fixture
def marker():
    folder = tempfile.mkdtemp(prefix="cvp-outside-")
    yield os.path.join(folder, "pwned")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("engine", ["pdflatex", "pandoc"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_latex_is_contained(owner_client, attack, engine, marker, tmp_path, monkeypatch):
    if engine == "pdflatex" and not HAS_TEX:
        pytest.skip("pdflatex is not installed")
    source = ATTACKS[attack].replace("{marker}", marker)
    # Scratch directories go to a temporary root of this test's own, so another process's
    # compilations in the shared /tmp cannot look like ours.
    scratch_root = tmp_path / "scratch"
    scratch_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_root))
    started = time.monotonic()
    with override_settings(LATEX_ENGINE=engine, LATEX_TIMEOUT_SECONDS=3, LATEX_CPU_SECONDS=3):
        response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": source}, format="json")
    assert time.monotonic() - started < 30  # bounded: the wall clock stopped it
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert b"root:" not in response.content
        assert "root:" not in pdf_text(response.content)
    else:
        assert response.json()["detail"]
    assert not os.path.exists(marker)  # nothing written outside the scratch directory
    leftovers = {n for n in os.listdir(scratch_root) if n.startswith("cvp-latex-")}
    assert not leftovers  # and the scratch directory itself is gone


LOOP = _doc("\\def\\x{\\x}\\x")


@needs_tex
@override_settings(LATEX_CPU_SECONDS=2, LATEX_TIMEOUT_SECONDS=60)
def test_a_loop_stopped_by_the_cpu_limit_says_so(owner_client):
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": LOOP}, format="json")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "2 seconds of CPU" in detail and "loop" in detail


@needs_tex
def test_a_loop_ends_in_a_few_seconds_by_default(owner_client):
    started = time.monotonic()
    response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": LOOP}, format="json")
    assert response.status_code == 400
    assert "seconds of CPU" in response.json()["detail"]
    assert time.monotonic() - started < 12


@pytest.mark.parametrize(
    ("latex", "hint"),
    [
        ("\\documentclass{article}\\begin{document}\\undefinedmacro{\\end{document}", "braces"),
        (_doc("\\input{/etc/passwd}"), "/etc/passwd"),
    ],
)
def test_latex_to_word_that_reads_no_text_is_a_400_not_an_empty_document(owner_client, latex, hint):
    response = owner_client.post("/api/cv/latex-to-word/", {"latex_content": latex}, format="json")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "no text" in detail and hint in detail


def test_latex_to_word_with_an_empty_body_is_still_a_document(owner_client):
    response = owner_client.post(
        "/api/cv/latex-to-word/", {"latex_content": _doc("% nothing yet")}, format="json"
    )
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize("attack", ["input_passwd", "include_outside", "openin"])
def test_latex_to_word_does_not_read_files_either(owner_client, attack):
    response = owner_client.post("/api/cv/latex-to-word/", {"latex_content": ATTACKS[attack]}, format="json")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
            assert "root:" not in docx.read("word/document.xml").decode()


@pytest.mark.django_db(transaction=False)
def test_the_engine_runs_without_a_network_interface(tmp_path):
    from exports.latex.limits import _no_network_prefix, run_limited

    if not _no_network_prefix():
        pytest.skip("this kernel does not allow network namespaces here")
    run = run_limited(["cat", "/proc/net/dev"], workdir=tmp_path)
    interfaces = {line.split(":")[0].strip() for line in run.stdout.splitlines() if ":" in line}
    assert interfaces == {"lo"}


@pytest.mark.django_db(transaction=False)
def test_the_engine_sees_none_of_our_environment(tmp_path, monkeypatch):
    from exports.latex.limits import run_limited

    monkeypatch.setenv("DJANGO_SECRET_KEY", "do-not-leak")
    run = run_limited(["env"], workdir=tmp_path)
    assert "do-not-leak" not in run.stdout
    assert "openin_any=p" in run.stdout and "openout_any=p" in run.stdout


def test_a_job_no_worker_picks_up_ends_in_a_bounded_503(owner_client, monkeypatch):
    from exports import tasks
    from exports.models import ExportJob

    monkeypatch.setattr(tasks.export_job_task, "delay", lambda job_id: None)  # a broker with no worker
    started = time.monotonic()
    with override_settings(EXPORT_JOB_WAIT_SECONDS=0.3):
        response = owner_client.post("/api/cv/latex-to-pdf/", {"latex_content": HELLO}, format="json")
    assert response.status_code == 503
    assert "try again" in response.json()["detail"]
    assert time.monotonic() - started < 10
    job = ExportJob.objects.get()
    # left queued, marked as given up: a worker that gets to it later fails it, unrun
    assert job.status == "PENDING" and job.abandon_after is not None
