import io

import pdfplumber


def pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_pages(content: bytes):
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [(float(p.width), float(p.height)) for p in pdf.pages]


def pdf_fonts(content: bytes) -> set[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
