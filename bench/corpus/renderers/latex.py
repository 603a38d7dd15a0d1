# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""LaTeX sources written against CV classes' entry macros, the author's own macros, and a multi-file project."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from personas import Persona
from vocab import HEADINGS

from .dates import _dates

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
