import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from docx import Document

from exports.render.demo import DEMO_LETTER, demo_cv
from exports.render.options import RenderOptions
from exports.render.pipeline import render_cv
from exports.services import template_manifests
from resumes.schema import StructuredCV

from .helpers import pdf_fonts, pdf_pages, pdf_text

SLUGS = [m["id"] for m in template_manifests()]
CV_SLUGS = [m["id"] for m in template_manifests() if m["kind"] == "cv"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_renders_every_format(slug):
    cv = demo_cv()
    pdf = render_cv(cv=cv, template_id=slug, fmt="pdf", letter=DEMO_LETTER)
    assert pdf.content.startswith(b"%PDF") and "Amélie Laurent" in pdf_text(pdf.content)
    docx = render_cv(cv=cv, template_id=slug, fmt="docx", letter=DEMO_LETTER)
    assert "Amélie Laurent" in "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    md = render_cv(cv=cv, template_id=slug, fmt="md", letter=DEMO_LETTER).content.decode()
    assert "Amélie Laurent" in md
    tex = render_cv(cv=cv, template_id=slug, fmt="tex", letter=DEMO_LETTER).content.decode()
    assert tex.lstrip().startswith("\\documentclass") and tex.rstrip().endswith("\\end{document}")


@pytest.mark.parametrize("slug", CV_SLUGS)
def test_cv_pdf_carries_every_employer_and_skill(slug):
    text = pdf_text(render_cv(cv=demo_cv(), template_id=slug, fmt="pdf").content)
    for fact in ("Northwind Payments", "DataHarbor", "Université Grenoble Alpes", "Kubernetes", "Mar 2021"):
        assert fact in text


def test_a_long_cv_paginates():
    pages = pdf_pages(render_cv(cv=demo_cv(pages=3), template_id="classic", fmt="pdf").content)
    assert len(pages) >= 2


def test_page_size_letter_and_a4():
    a4 = pdf_pages(render_cv(cv=demo_cv(), template_id="modern", fmt="pdf").content)[0]
    letter = pdf_pages(
        render_cv(
            cv=demo_cv(), template_id="modern", fmt="pdf", options=RenderOptions(page_size="letter")
        ).content
    )[0]
    assert round(a4[0]) == 595 and round(letter[0]) == 612


def test_sections_can_be_switched_off_and_reordered():
    options = RenderOptions(sections={"experience": False}, section_order=["education", "summary"])
    text = pdf_text(render_cv(cv=demo_cv(), template_id="modern", fmt="pdf", options=options).content)
    assert "Northwind Payments" not in text
    assert 0 <= text.index("EDUCATION") < text.index("SUMMARY")


def _with_first_job(**changes) -> StructuredCV:
    cv = demo_cv()
    cv.work[0] = cv.work[0].model_copy(update=changes)
    return cv


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_summary_that_repeats_the_bullets_is_printed_once(fmt):
    # CVs parsed before the parser kept them apart hold one paragraph in both fields.
    bullets = ["Designed the settlement service.", "Cut p99 API latency from 900 ms to 120 ms."]
    cv = _with_first_job(summary=" ".join(bullets), highlights=bullets)
    content = render_cv(cv=cv, template_id="classic", fmt=fmt).content
    text = content.decode() if fmt == "md" else pdf_text(content)
    assert " ".join(text.split()).count("Designed the settlement service") == 1


def test_a_summary_that_says_something_else_is_kept():
    cv = _with_first_job(summary="Payments platform team of six.")
    text = render_cv(cv=cv, template_id="classic", fmt="md").content.decode()
    assert "Payments platform team of six." in text
    assert "Designed the settlement service" in text


def _ink(content: bytes) -> int:
    page = pypdfium2.PdfDocument(content)[0]
    image = page.render(scale=0.5).to_pil().convert("L")
    return sum(1 for value in image.tobytes() if value < 250)


def _drawn_lines(content: bytes) -> int:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return sum(len(page.lines) for page in pdf.pages)


def test_watermark_is_drawn_on_the_page():
    plain = render_cv(cv=demo_cv(), template_id="compact", fmt="pdf").content
    options = RenderOptions(watermark_text="DRAFT COPY", watermark_opacity=0.2)
    marked = render_cv(cv=demo_cv(), template_id="compact", fmt="pdf", options=options).content
    assert _ink(marked) > _ink(plain) * 1.1


def test_evidence_as_footnotes_and_qr_codes():
    footnotes = render_cv(
        cv=demo_cv(), template_id="classic", fmt="pdf", options=RenderOptions(evidence_format="footnotes")
    )
    assert "northwind.example.com" in pdf_text(footnotes.content)
    qr = render_cv(
        cv=demo_cv(), template_id="classic", fmt="pdf", options=RenderOptions(evidence_format="qr_codes")
    )
    links = render_cv(cv=demo_cv(), template_id="classic", fmt="pdf")
    # A QR code is hundreds of little vector modules drawn next to the entry.
    assert _drawn_lines(qr.content) > _drawn_lines(links.content) + 100
    hidden = render_cv(
        cv=demo_cv(), template_id="classic", fmt="pdf", options=RenderOptions(include_evidence=False)
    )
    assert "northwind.example.com" not in pdf_text(hidden.content)


def test_tailor_shaped_options_are_understood():
    options = RenderOptions.from_request(
        {
            "options": {"pageMargins": "narrow", "fontSize": 12, "colorScheme": "monochrome"},
            "sections": {"includeSkills": False},
            "watermark": {"text": "Draft", "opacity": 0.1},
        }
    )
    assert options.margins == "narrow" and options.font_size == 12 and options.color_scheme == "monochrome"
    assert options.sections == {"skills": False} and options.watermark_text == "Draft"


UNICODE_CV = StructuredCV.model_validate(
    {
        "basics": {"name": "王小明 José Ñúñez", "label": "محمد علي · דוד לוי"},
        "work": [{"name": "東京エレクトロン", "position": "Ingénieur", "startDate": "2020-01"}],
    }
)


def _cjk_font_installed() -> bool:
    from exports import conf

    patterns = ("*wqy*", "*WenQuanYi*", "*NotoSansCJK*", "*NotoSerifCJK*")
    return any(
        next(Path(folder).rglob(pattern), None) is not None
        for folder in conf.font_paths()
        for pattern in patterns
        if Path(folder).is_dir()
    )


# CJK glyphs come from a system font package (fonts-wqy-microhei, in .ci/apt-packages and the
# Docker image); a bare machine without it renders CJK names as missing glyphs.
@pytest.mark.skipif(not _cjk_font_installed(), reason="no CJK font installed (apt: fonts-wqy-microhei)")
@pytest.mark.parametrize("slug", CV_SLUGS)
def test_cjk_accents_and_rtl_render_with_real_glyphs(slug):
    content = render_cv(cv=UNICODE_CV, template_id=slug, fmt="pdf").content
    text = pdf_text(content)
    assert "王小明" in text and "Ñúñez" in text and "東京エレクトロン" in text
    fonts = pdf_fonts(content)
    # CJK from the shipped CJK font, Arabic/Hebrew from DejaVu: no tofu boxes.
    assert any("WenQuanYi" in f for f in fonts)
    assert any("DejaVu" in f for f in fonts)


HOSTILE = StructuredCV.model_validate(
    {
        "basics": {
            "name": '#set page(paper: "a6") \\input{/etc/passwd} *bold* $x^2$',
            "summary": "{{ secret }} {% debug %} [click](javascript:alert(1)) <script>x</script> # heading",
        },
        "work": [
            {
                "name": "A & B_C %100 ~user",
                "position": '#import "/etc/passwd"',
                "highlights": ["\\write18{rm -rf /}"],
            }
        ],
    }
)


@pytest.mark.parametrize("slug", CV_SLUGS)
def test_user_text_cannot_inject_typst_markup(slug):
    content = render_cv(cv=HOSTILE, template_id=slug, fmt="pdf").content
    text = pdf_text(content)
    assert '#set page(paper: "a6")' in text and "*bold*" in text
    assert round(pdf_pages(content)[0][0]) == 595  # still A4: the #set was only text


def test_user_text_cannot_inject_latex_or_markdown_or_template_tags():
    tex = render_cv(cv=HOSTILE, template_id="classic", fmt="tex").content.decode()
    assert "\\input{/etc/passwd}" not in tex and "\\write18{" not in tex
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in tex
    md = render_cv(cv=HOSTILE, template_id="classic", fmt="md").content.decode()
    assert "[click](javascript" not in md and "<script>" not in md
    assert "{{ secret }}" in md  # a template tag in user data stays text


def _pdflatex(tex: bytes, folder) -> bytes:
    (folder / "cv.tex").write_bytes(tex)
    run = subprocess.run(
        ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
        cwd=folder,
        capture_output=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stdout.decode(errors="replace")[-800:]
    return (folder / "cv.pdf").read_bytes()


@pytest.mark.skipif(not shutil.which("pdflatex"), reason="pdflatex is not installed")
@pytest.mark.parametrize("slug", SLUGS)
def test_generated_latex_compiles_with_pdflatex(slug, tmp_path):
    hostile = HOSTILE.model_copy(
        update={"basics": HOSTILE.basics.model_copy(update={"name": "José Ñúñez #1 & co"})}
    )
    text = pdf_text(
        _pdflatex(render_cv(cv=hostile, template_id=slug, fmt="tex", letter=DEMO_LETTER).content, tmp_path)
    )
    assert "José Ñúñez #1 & co" in text


@pytest.mark.skipif(not shutil.which("pdflatex"), reason="pdflatex is not installed")
@pytest.mark.parametrize("slug", CV_SLUGS)
def test_generated_latex_paginates_a_long_cv(slug, tmp_path):
    pdf = _pdflatex(render_cv(cv=demo_cv(pages=3), template_id=slug, fmt="tex").content, tmp_path)
    assert len(pdf_pages(pdf)) >= 2
    assert "Université Lyon 1" in pdf_text(pdf)  # the last entry made it onto a page


@pytest.mark.parametrize("slug", CV_SLUGS)
def test_docx_uses_real_headings_bullets_and_hyperlinks(slug):
    content = render_cv(cv=demo_cv(), template_id=slug, fmt="docx").content
    doc = Document(io.BytesIO(content))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "CV Entry", "List Bullet"} <= styles
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert "<w:hyperlink" in xml and "txbxContent" not in xml
    rels = zipfile.ZipFile(io.BytesIO(content)).read("word/_rels/document.xml.rels").decode()
    assert "https://github.com/alaurent" in rels


def test_unknown_format_and_template_are_clear_errors():
    from cvplatform.exceptions import ApplicationError, NotFoundError

    with pytest.raises(ApplicationError, match="Unsupported format"):
        render_cv(cv=demo_cv(), template_id="classic", fmt="odt")
    with pytest.raises(NotFoundError):
        render_cv(cv=demo_cv(), template_id="../../etc", fmt="pdf")


def _coloured_pixels(content: bytes, chroma: int = 12) -> int:
    image = pypdfium2.PdfDocument(content)[0].render(scale=0.5).to_pil().convert("RGB")
    data = image.tobytes()
    pixels = (data[i : i + 3] for i in range(0, len(data), 3))
    return sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > chroma)


@pytest.mark.parametrize("slug", CV_SLUGS)
def test_monochrome_prints_no_colour_and_full_colour_prints_more_than_accent(slug):
    def render(scheme):
        return render_cv(
            cv=demo_cv(), template_id=slug, fmt="pdf", options=RenderOptions(color_scheme=scheme)
        )

    assert _coloured_pixels(render("monochrome").content) == 0
    assert _coloured_pixels(render("accent").content) > 0
    assert _coloured_pixels(render("full_color").content) > _coloured_pixels(render("accent").content)
