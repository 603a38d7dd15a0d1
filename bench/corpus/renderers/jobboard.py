# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""A job-board text export."""

from __future__ import annotations

from pathlib import Path

from personas import Persona

from .dates import fmt_date

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
