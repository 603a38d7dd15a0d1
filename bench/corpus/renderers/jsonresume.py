# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""JSON Resume themes from npm rendered by ``resumed``, printed to PDF by headless Chromium, converted to DOCX by LibreOffice; their English headings replaced by a persona's own."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from personas import Persona
from vocab import HEADINGS

from .dates import HERE, NODE_BIN

JSONRESUME_THEMES = ("even", "elegant", "stackoverflow", "kendall", "macchiato", "flat")


def jsonresume_data(p: Persona) -> dict:
    data = json.loads(json.dumps(p.resume))
    for w in data["work"]:
        w.setdefault("summary", "")
        w["company"] = w["name"]  # the schema before 1.0: older themes print only this
        if w["url"]:
            w["website"] = w["url"]
        else:
            del w["url"]
    data["basics"]["location"] = {"city": data["basics"]["location"]["city"]}
    data["meta"] = {"language": p.lang}
    return data


def render_jsonresume_html(p: Persona, theme: str, tmp: Path) -> Path:
    src, html = tmp / "resume.json", tmp / f"{theme}.html"
    src.write_text(json.dumps(jsonresume_data(p), ensure_ascii=False), encoding="utf-8")
    subprocess.run(
        [
            str(NODE_BIN / "resumed"),
            "render",
            str(src),
            "--theme",
            f"jsonresume-theme-{theme}",
            "--output",
            str(html),
        ],
        check=True,
        capture_output=True,
        cwd=HERE,
    )
    html.write_text(localize_headings(html.read_text(encoding="utf-8"), p.lang), encoding="utf-8")
    return html


def html_to_pdf(html: Path, dest: Path) -> Path:
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={dest}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return dest


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    filt = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export"}[fmt]
    args = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{outdir}/lo-profile"]
    if src.suffix == ".html" and fmt == "docx":
        args += ["--infilter=HTML (StarWriter)"]
    subprocess.run(
        [*args, "--convert-to", filt, "--outdir", str(outdir), str(src)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return outdir / f"{src.stem}.{fmt}"


# ---------------------------------------------------------------- LaTeX sources

_THEME_HEADINGS = {
    "experience": ("Work Experience", "Experience", "Work", "Employment"),
    "education": ("Education",),
    "skills": ("Skills",),
    "projects": ("Projects", "Open Source Projects", "Projects Experience"),
    "summary": ("About", "Summary", "Background"),
}


def localize_headings(html: str, lang: str) -> str:
    if lang == "en":
        return html
    for kind, names in _THEME_HEADINGS.items():
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        html = re.sub(
            rf"(>\s*)(?:{alt}|{alt.upper()})(\s*(?:\(\d+\))?\s*<)",
            lambda m, k=kind: m.group(1) + HEADINGS[lang][k] + m.group(2),
            html,
        )
    return html
