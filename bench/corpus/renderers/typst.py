# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""RenderCV's Typst themes (PyPI ``rendercv``), compiled with the ``typst`` package."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from personas import Persona
from vocab import HEADINGS

from .dates import _dates

RENDERCV_THEMES = ("classic", "sb2nov", "engineeringresumes", "moderncv", "engineeringclassic")
_FA_STUB = "#let fa-icon(name, size: 1em, ..args) = box(width: 0pt)[]"


def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON strings are YAML strings


def rendercv_yaml(p: Persona, theme: str) -> str:
    r, b, h = p.resume, p.resume["basics"], HEADINGS[p.lang]
    out = [
        "cv:",
        f"  name: {_yaml_str(b['name'])}",
        f"  location: {_yaml_str(b['location']['city'])}",
        f"  email: {_yaml_str(b['email'])}",
        f"  phone: {_yaml_str(b['phone'].replace(' ', ''))}",
    ]
    if b["url"]:
        out.append(f"  website: {_yaml_str(b['url'])}")
    if b["profiles"]:
        out.append("  social_networks:")
        for pr in b["profiles"]:
            out += [f"    - network: {pr['network']}", f"      username: {_yaml_str(pr['username'])}"]
    out.append("  sections:")
    out.append(f"    {_yaml_str(h['experience'])}:")
    for i, w in enumerate(r["work"]):
        company = f"[{w['name']}]({w['url']})" if i in p.link_employer else w["name"]
        out += [f"      - company: {_yaml_str(company)}", f"        position: {_yaml_str(w['position'])}"]
        if d := _dates(p, w):
            out.append(f"        date: {_yaml_str(d)}")
        if w["location"]:
            out.append(f"        location: {_yaml_str(w['location'])}")
        if w["highlights"]:
            out.append("        highlights:")
            out += [f"          - {_yaml_str(x)}" for x in w["highlights"]]
    out.append(f"    {_yaml_str(h['education'])}:")
    for e in r["education"]:
        out += [
            f"      - institution: {_yaml_str(e['institution'])}",
            f"        area: {_yaml_str(e['area'])}",
            f"        degree: {_yaml_str(e['studyType'])}",
            f"        date: {_yaml_str(_dates(p, e))}",
        ]
        if e["location"]:
            out.append(f"        location: {_yaml_str(e['location'])}")
    if r["projects"]:
        out.append(f"    {_yaml_str(h['projects'])}:")
        for pr in r["projects"]:
            out += [
                f"      - name: {_yaml_str(pr['name'])}",
                f"        summary: {_yaml_str(pr['description'])}",
            ]
    out.append(f"    {_yaml_str(h['skills'])}:")
    for s in r["skills"]:
        out += [
            f"      - label: {_yaml_str(s['name'])}",
            f"        details: {_yaml_str(', '.join(s['keywords']))}",
        ]
    out += ["design:", f"  theme: {theme}", "locale:", f"  language: {p.lang}"]
    return "\n".join(out) + "\n"


def render_rendercv(p: Persona, theme: str, dest: Path) -> Path:
    import rendercv_fonts
    import typst

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.yaml"
        src.write_text(rendercv_yaml(p, theme), encoding="utf-8")
        typ = Path(tmp) / "cv.typ"
        cmd = [
            str(_venv_bin("rendercv")),
            "render",
            str(src),
            "-nopdf",
            "-nomd",
            "-nohtml",
            "-nopng",
            "-typst",
            str(typ),
        ]
        subprocess.run(cmd, check=True, capture_output=True, cwd=tmp)
        text = re.sub(
            r'^#import "@preview/fontawesome:[^"]+": fa-icon$', _FA_STUB, typ.read_text(), flags=re.M
        )
        typ.write_text(text)
        fonts = [str(Path(rendercv_fonts.__path__[0]))]
        if Path("/usr/share/fonts/truetype/wqy").exists():
            fonts.append("/usr/share/fonts/truetype/wqy")
        dest.write_bytes(typst.compile(str(typ), font_paths=fonts))
    return dest


def _venv_bin(name: str) -> Path:
    import sys

    return Path(sys.executable).parent / name


# ---------------------------------------------------------------- JSON Resume themes
