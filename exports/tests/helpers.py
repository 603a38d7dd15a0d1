import io

import pdfplumber
import pypdfium2


def pdf_text(content: bytes) -> str:
    # pdfium keeps pdfTeX's inter-word space glyphs, which pdfplumber's layout pass drops.
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document).replace("\r", "")


def pdf_pages(content: bytes):
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [(float(p.width), float(p.height)) for p in pdf.pages]


def pdf_fonts(content: bytes) -> set[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
