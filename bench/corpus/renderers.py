# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""Render a persona through third-party designs.

- ``rendercv-<theme>``: RenderCV's Typst themes (PyPI ``rendercv``), compiled with the
  ``typst`` package. The themes import the FontAwesome Typst package, which is fetched from
  the Typst package host at compile time; offline, the import is replaced by an ``fa-icon``
  that draws nothing (the icons are decoration, not text).
- ``jsonresume-<theme>``: JSON Resume themes from the npm registry, rendered to HTML by
  ``resumed`` and printed to PDF by headless Chromium. ``docx-<theme>``: the same HTML
  converted to DOCX by LibreOffice (tables and all), ``wordpdf-<theme>``: that DOCX saved as
  PDF by LibreOffice, as a CV saved from Word is.
- ``latex-<class>``: LaTeX sources written against the documented entry macros of CV classes
  (moderncv, europecv, res, curve, Deedy, sb2nov), one with the author's own ``\\newcommand``
  entry macros, and a multi-file Overleaf-style project (``.zip``) whose sections are ``\\input``.
- ``jobboard-txt``: a job-board export ("Title as Role at Company" or "Title at Company" /
  "Mon YYYY to Mon YYYY").
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from personas import HEADINGS, Persona

HERE = Path(__file__).resolve().parent
NODE_BIN = HERE / "node_modules" / ".bin"

MONTHS_SHORT = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
}
MONTHS_LONG = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
PRESENT = {"en": "Present", "fr": "aujourd'hui", "de": "heute", "es": "actualidad", "zh": "至今"}
SINCE = {"en": "since", "fr": "depuis", "de": "seit", "es": "desde", "zh": "自"}


def fmt_date(value: str, lang: str, style: str) -> str:
    if not value:
        return ""
    y, _, m = value.partition("-")
    if not m or style == "year":
        return y
    mi = int(m)
    if style == "mon_year":
        return f"{MONTHS_SHORT.get(lang, MONTHS_SHORT['en'])[mi - 1]} {y}"
    if style == "month_year":
        return f"{MONTHS_LONG.get(lang, MONTHS_LONG['en'])[mi - 1]} {y}"
    if style == "yyyy_mm_dot":
        return f"{y}.{m}"
    if style == "yyyy_nian":
        return f"{y}年{mi}月"
    return f"{m}/{y}"  # mm_yyyy, since


def fmt_range(start: str, end: str, lang: str, style: str) -> str:
    if not start:
        return ""
    s = fmt_date(start, lang, style)
    if not end:
        if style == "since":
            return f"{SINCE[lang]} {s}"
        return f"{s} – {PRESENT[lang]}"
    return f"{s} – {fmt_date(end, lang, style)}"


def _dates(p: Persona, item: dict) -> str:
    return fmt_range(item.get("startDate", ""), item.get("endDate", ""), p.lang, p.date_style)


# ---------------------------------------------------------------- RenderCV (Typst)
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
LATEX_CLASSES = ("moderncv", "europecv", "res", "curve", "deedy", "sb2nov", "newcommand", "multifile")


def _tex(s: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", s)


def _tex_company(p: Persona, i: int, w: dict) -> str:
    return f"\\href{{{w['url']}}}{{{_tex(w['name'])}}}" if i in p.link_employer else _tex(w["name"])


def _latex_sections(p: Persona, cls: str) -> tuple[str, str, str, str]:
    """(preamble additions, experience body, education body, skills body) for a class."""
    r = p.resume
    exp, edu, skills, pre = [], [], [], ""
    items = (
        lambda hs: ("\\begin{itemize}\n" + "".join(f"  \\item {_tex(x)}\n" for x in hs) + "\\end{itemize}\n")
        if hs
        else ""
    )
    for i, w in enumerate(r["work"]):
        d, c, t, loc = _dates(p, w), _tex_company(p, i, w), _tex(w["position"]), _tex(w["location"])
        hl = w["highlights"]
        if cls in ("moderncv", "multifile"):
            desc = ("\n" + items(hl)) if hl else ""
            exp.append(f"\\cventry{{{d}}}{{{t}}}{{{c}}}{{{loc}}}{{}}{{{desc}}}\n")
        elif cls == "europecv":
            exp.append(f"\\ecvitem{{{d}}}{{\\textbf{{{t}}}, {c}{', ' + loc if loc else ''}}}\n")
            exp += [f"\\ecvitem{{}}{{{_tex(x)}}}\n" for x in hl]
        elif cls == "res":
            exp.append(f"{{\\sl {t}}} \\hfill {d} \\\\\n{c}{', ' + loc if loc else ''}\n{items(hl)}\n")
        elif cls == "curve":
            exp.append(
                f"\\entry*[{d}]\n  \\textbf{{{t}}}, \\emph{{{c}}}{', ' + loc if loc else ''}\n"
                + "".join(f"  \\par {_tex(x)}\n" for x in hl)
            )
        elif cls == "deedy":
            exp.append(
                f"\\runsubsection{{{c}}}\n\\descript{{| {t}}}\n\\location{{{d}{' | ' + loc if loc else ''}}}\n"
                f"\\vspace{{\\topsep}}\n{items(hl)}\\sectionsep\n"
            )
        elif cls == "sb2nov":
            exp.append(
                f"\\resumeSubheading\n  {{{c}}}{{{loc}}}\n  {{{t}}}{{{d}}}\n"
                + (
                    "\\resumeItemListStart\n"
                    + "".join(f"  \\resumeItem{{{_tex(x)}}}\n" for x in hl)
                    + "\\resumeItemListEnd\n"
                    if hl
                    else ""
                )
            )
        elif cls == "newcommand":
            exp.append(f"\\job{{{c}}}{{{t}}}{{{d}}}{{{loc}}}\n{items(hl)}")
    for e in r["education"]:
        d, s, dg, ar, loc = (
            _dates(p, e),
            _tex(e["institution"]),
            _tex(e["studyType"]),
            _tex(e["area"]),
            _tex(e["location"]),
        )
        if cls in ("moderncv", "multifile"):
            edu.append(f"\\cventry{{{d}}}{{{dg}}}{{{s}}}{{{loc}}}{{}}{{{ar}}}\n")
        elif cls == "europecv":
            edu.append(f"\\ecvitem{{{d}}}{{\\textbf{{{dg}}}, {ar}, {s}}}\n")
        elif cls == "res":
            edu.append(f"{{\\sl {dg}, {ar}}} \\hfill {d} \\\\\n{s}{', ' + loc if loc else ''}\n\n")
        elif cls == "curve":
            edu.append(f"\\entry*[{d}]\n  \\textbf{{{dg}}}, {ar}, \\emph{{{s}}}\n")
        elif cls == "deedy":
            edu.append(f"\\subsection{{{s}}}\n\\descript{{{dg} {ar}}}\n\\location{{{d}}}\n\\sectionsep\n")
        elif cls == "sb2nov":
            edu.append(f"\\resumeSubheading\n  {{{s}}}{{{loc}}}\n  {{{dg} {ar}}}{{{d}}}\n")
        elif cls == "newcommand":
            edu.append(f"\\degree{{{dg}}}{{{ar}}}{{{s}}}{{{d}}}\n")
    for g in r["skills"]:
        kw = ", ".join(_tex(k) for k in g["keywords"])
        if cls in ("moderncv", "multifile"):
            skills.append(f"\\cvitem{{{_tex(g['name'])}}}{{{kw}}}\n")
        elif cls == "europecv":
            skills.append(f"\\ecvitem{{{_tex(g['name'])}}}{{{kw}}}\n")
        else:
            skills.append(f"\\textbf{{{_tex(g['name'])}:}} {kw} \\\\\n")
    if cls == "newcommand":
        pre = (
            "% the author's own entry macros\n"
            "\\newcommand{\\job}[4]{\\noindent\\textbf{#2} \\hfill #3\\\\ \\emph{#1} \\hfill #4\\par}\n"
            "\\newcommand{\\degree}[4]{\\noindent\\textbf{#1} in #2 \\hfill #4\\\\ \\emph{#3}\\par}\n"
        )
    return pre, "".join(exp), "".join(edu), "".join(skills)


_LATEX_HEAD = {
    "moderncv": "\\documentclass[11pt,a4paper]{moderncv}\n\\moderncvstyle{classic}\n\\moderncvcolor{blue}\n",
    "multifile": "\\documentclass[11pt,a4paper]{moderncv}\n\\moderncvstyle{banking}\n",
    "europecv": "\\documentclass[a4paper]{europecv}\n",
    "res": "\\documentclass[margin]{res}\n",
    "curve": "\\documentclass{curve}\n",
    "deedy": "\\documentclass[]{deedy-resume-openfont}\n",
    "sb2nov": "\\documentclass[letterpaper,11pt]{article}\n\\usepackage{titlesec}\n"
    "\\newcommand{\\resumeItem}[1]{\\item\\small{#1}}\n"
    "\\newcommand{\\resumeSubheading}[4]{\\item\\begin{tabular*}{0.97\\textwidth}[t]{l@{\\extracolsep{\\fill}}r}"
    "\\textbf{#1} & #2 \\\\ \\textit{\\small#3} & \\textit{\\small #4} \\\\ \\end{tabular*}}\n"
    "\\newcommand{\\resumeItemListStart}{\\begin{itemize}}\n\\newcommand{\\resumeItemListEnd}{\\end{itemize}}\n",
    "newcommand": "\\documentclass[11pt]{article}\n",
}


def _latex_header(p: Persona, cls: str) -> str:
    b = p.resume["basics"]
    first, _, last = b["name"].partition(" ")
    gh = b["profiles"][0]["username"] if b["profiles"] else ""
    if cls in ("moderncv", "multifile"):
        out = f"\\name{{{first}}}{{{last}}}\n\\title{{{_tex(b['label'])}}}\n\\phone[mobile]{{{b['phone']}}}\n\\email{{{b['email']}}}\n"
        out += f"\\address{{{_tex(b['location']['city'])}}}{{}}{{}}\n"
        out += f"\\social[github]{{{gh}}}\n" if gh else ""
        out += f"\\homepage{{{b['url'].removeprefix('https://')}}}\n" if b["url"] else ""
        return out + "\\begin{document}\n\\makecvtitle\n"
    if cls == "europecv":
        return (
            f"\\ecvname{{{b['name']}}}\n\\ecvaddress{{{_tex(b['location']['city'])}}}\n\\ecvtelephone{{{b['phone']}}}\n"
            f"\\ecvemail{{\\href{{mailto:{b['email']}}}{{{b['email']}}}}}\n"
            + (f"\\ecvhomepage{{\\url{{{b['url']}}}}}\n" if b["url"] else "")
            + "\\begin{document}\n\\begin{europecv}\n\\ecvpersonalinfo\n"
        )
    if cls == "res":
        return (
            f"\\name{{{b['name']}}}\n\\address{{{_tex(b['location']['city'])} \\\\ {b['phone']}}}\n"
            f"\\address{{\\href{{mailto:{b['email']}}}{{{b['email']}}}"
            + (f" \\\\ \\href{{https://github.com/{gh}}}{{github.com/{gh}}}" if gh else "")
            + "}\n\\begin{document}\n\\begin{resume}\n"
        )
    if cls == "curve":
        return (
            f"\\leftheader{{{b['email']} \\\\ {b['phone']}}}\n\\rightheader{{{_tex(b['location']['city'])}}}\n"
            f"\\title{{{b['name']}}}\n\\begin{{document}}\n\\makeheaders\n\\maketitle\n"
        )
    if cls == "deedy":
        return (
            f"\\begin{{document}}\n\\namesection{{{first}}}{{{last}}}{{\\href{{mailto:{b['email']}}}{{{b['email']}}}"
            f" | {b['phone']}"
            + (f" | \\href{{https://github.com/{gh}}}{{github.com/{gh}}}" if gh else "")
            + "}\n"
        )
    # sb2nov, newcommand: the header in the document body
    return (
        f"\\begin{{document}}\n\\begin{{center}}\n{{\\Huge \\textbf{{{b['name']}}}}} \\\\\n{b['phone']} $|$ "
        f"\\href{{mailto:{b['email']}}}{{{b['email']}}}"
        + (f" $|$ \\href{{https://github.com/{gh}}}{{github.com/{gh}}}" if gh else "")
        + "\n\\end{center}\n"
    )


def render_latex(p: Persona, cls: str, dest_stem: Path) -> Path:
    h = HEADINGS[p.lang]
    pre, exp, edu, skills = _latex_sections(p, cls)
    sec = "\\section" if cls not in ("res", "curve") else "\\section"
    if cls == "sb2nov":
        exp = f"\\begin{{itemize}}\n{exp}\\end{{itemize}}\n"
        edu = f"\\begin{{itemize}}\n{edu}\\end{{itemize}}\n"
    if cls == "curve":
        exp = f"\\begin{{rubric}}{{{h['experience']}}}\n{exp}\\end{{rubric}}\n"
        edu = f"\\begin{{rubric}}{{{h['education']}}}\n{edu}\\end{{rubric}}\n"
        skills = f"\\begin{{rubric}}{{{h['skills']}}}\n{skills}\\end{{rubric}}\n"
        parts = [exp, edu, skills]
    elif cls == "europecv":
        parts = [
            f"\\ecvsection{{{h['experience']}}}\n{exp}",
            f"\\ecvsection{{{h['education']}}}\n{edu}",
            f"\\ecvsection{{{h['skills']}}}\n{skills}",
        ]
    else:
        parts = [
            f"{sec}{{{h['experience']}}}\n{exp}",
            f"{sec}{{{h['education']}}}\n{edu}",
            f"{sec}{{{h['skills']}}}\n{skills}",
        ]
    tail = {"europecv": "\\end{europecv}\n", "res": "\\end{resume}\n"}.get(cls, "")
    head = (
        _LATEX_HEAD[cls]
        + "\\usepackage[utf8]{inputenc}\n\\usepackage{hyperref}\n"
        + pre
        + _latex_header(p, cls)
    )
    if cls == "multifile":
        names = ["sections/experience.tex", "sections/education.tex", "sections/skills.tex"]
        main = (
            head
            + "".join(f"\\input{{{n.removesuffix('.tex')}}}\n" for n in names)
            + tail
            + "\\end{document}\n"
        )
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("README.md", "Overleaf project export\n")
            zf.writestr("cv.tex", main)
            for n, body in zip(names, parts, strict=False):
                zf.writestr(n, body)
        dest = dest_stem.with_suffix(".zip")
        dest.write_bytes(buf.getvalue())
        return dest
    dest = dest_stem.with_suffix(".tex")
    dest.write_text(head + "".join(parts) + tail + "\\end{document}\n", encoding="utf-8")
    return dest


# ---------------------------------------------------------------- job-board export
JOBBOARD_ROLES = ("Full-time", "", "Contractor", "Part-time", "", "Freelance")


def render_jobboard(p: Persona, dest: Path) -> Path:
    r, b = p.resume, p.resume["basics"]
    out = [b["name"], b["label"], b["location"]["city"], f"{b['email']} · {b['phone']}", "", "Experience", ""]
    for i, w in enumerate(r["work"]):
        # Job boards print both "Title at Company" and "Title as Role at Company", the role
        # being the kind of employment.
        role = JOBBOARD_ROLES[(i + len(w["name"])) % len(JOBBOARD_ROLES)]
        out.append(f"{w['position']} as {role} at {w['name']}" if role else f"{w['position']} at {w['name']}")
        if w["startDate"]:
            s = fmt_date(w["startDate"], "en", "mon_year")
            e = fmt_date(w["endDate"], "en", "mon_year") if w["endDate"] else "Present"
            out.append(f"{s} to {e}" + (f" · {w['location']}" if w["location"] else ""))
        out += [f"- {x}" for x in w["highlights"]] + [""]
    out += ["Education", ""]
    for e in r["education"]:
        out += [
            e["institution"],
            f"{e['studyType']}, {e['area']}",
            f"{e['startDate'][:4]} to {e['endDate'][:4]}",
            "",
        ]
    out += ["Skills", ""] + [", ".join(k for g in r["skills"] for k in g["keywords"])]
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")
    return dest


# ---------------------------------------------------------------- Word documents built with python-docx
# Layouts people build in Word itself, in every persona's language: entries in a borderless
# table (dates | entry), the contact block and skills in floating text boxes, dates pushed to
# the right margin by a right-aligned tab stop, and a Google Docs export (no heading styles:
# headings are bold capitals with a rule under them, every paragraph formatted directly).
DOCX_STYLES = ("tables", "textboxes", "tabstops", "gdocs")


def render_docx(p: Persona, style: str, dest: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    r, b, h = p.resume, p.resume["basics"], HEADINGS[p.lang]
    d = Document()
    contact = [b["location"]["city"], b["email"], b["phone"]] + [x["url"] for x in b["profiles"]]

    def heading(text: str) -> None:
        if style == "gdocs":
            para = d.add_paragraph()
            run = para.add_run(text.upper())
            run.bold, run.font.size = True, Pt(11)
            _bottom_rule(para)
        else:
            d.add_heading(text, level=1)

    def bullets(items: list[str]) -> None:
        for x in items:
            d.add_paragraph(x, style="List Bullet")

    def tabbed(left: str, right: str, *, bold: bool = True) -> None:
        para = d.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
        run = para.add_run(left)
        run.bold = bold
        if right:
            para.add_run("\t" + right)

    if style == "gdocs":
        d.add_paragraph(b["name"], style="Title")
        d.add_paragraph(" | ".join(contact))
    elif style == "textboxes":
        d.add_paragraph(b["name"], style="Title")
        _text_box(d.add_paragraph(), [b["label"], *contact])
    else:
        d.add_paragraph(b["name"], style="Title")
        d.add_paragraph(b["label"])
        d.add_paragraph(" · ".join(contact))
    heading(h["experience"])
    table = d.add_table(rows=0, cols=2) if style == "tables" else None
    for w in r["work"]:
        dates, place = _dates(p, w), w["location"]
        if table is not None:
            row = table.add_row().cells
            row[0].text = dates
            row[0].width, row[1].width = Cm(3.5), Cm(13)
            row[1].paragraphs[0].add_run(w["position"]).bold = True
            row[1].add_paragraph(w["name"] + (f", {place}" if place else ""))
            for x in w["highlights"]:
                row[1].add_paragraph(x, style="List Bullet")
        elif style == "gdocs":
            tabbed(f"{w['name']}{', ' + place if place else ''} — {w['position']}", dates)
            bullets(w["highlights"])
        else:
            tabbed(w["position"], dates)
            d.add_paragraph(
                w["name"] + (f"\t{place}" if place and style == "tabstops" else f", {place}" if place else "")
            )
            bullets(w["highlights"])
    heading(h["education"])
    for e in r["education"]:
        dates = _dates(p, e)
        if style == "tables":
            row = d.add_table(rows=1, cols=2).rows[0].cells
            row[0].text = dates
            row[1].paragraphs[0].add_run(e["institution"]).bold = True
            row[1].add_paragraph(f"{e['studyType']}, {e['area']}")
        elif style == "gdocs":
            tabbed(f"{e['institution']} — {e['studyType']}, {e['area']}", dates)
        else:
            tabbed(e["institution"], dates)
            d.add_paragraph(f"{e['studyType']}, {e['area']}")
    skills = [f"{g['name']}: {', '.join(g['keywords'])}" for g in r["skills"]]
    if style == "textboxes":
        para = d.add_paragraph()
        para.add_run(h["skills"]).bold = True
        _text_box(para, skills)
    else:
        heading(h["skills"])
        for line in skills:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    dest.write_bytes(buf.getvalue())
    return dest


def _bottom_rule(paragraph) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/></w:pBdr>'
        )
    )


def _text_box(paragraph, lines: list[str]) -> None:
    """A floating text box as Word writes it: DrawingML (w:txbxContent) with a VML fallback."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in lines)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paras}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


# JSON Resume themes print their headings in English; a persona in another language gets
# its own headings by replacing those text nodes in the rendered HTML.
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
