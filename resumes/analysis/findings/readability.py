"""Findings of readability: duty-style openers, missing numbers, long and passive sentences."""

from __future__ import annotations

from ..cvview import Bullet, CVView
from ..scoring import Component
from ..text import first_word, past_tense, shorten, weak_opener
from .finding import Finding


def readability_findings(component: Component, view: CVView) -> list[Finding]:
    flags, out = component.flags, []
    bullets = {b.text: b for b in view.bullets}
    for bullet in flags.get("weak", [])[:4]:
        opener = weak_opener(bullet.text)
        rewrite = rewrite_opening(bullet.text)
        message = (
            f"Your {bullet.quote} bullet in {bullet.where} opens with '{opener}', which describes a duty."
            if opener
            else f"Your {bullet.quote} bullet in {bullet.where} does not open with an action verb."
        )
        out.append(
            Finding(
                "readability",
                "medium",
                "experience",
                message,
                f"Lead with what you did and end with the result: “{rewrite}”."
                if rewrite
                else f"Rewrite {bullet.quote} to open with a verb that says what you did (Built, Led, "
                "Cut…) and end with its result.",
                bullet.field,
            )
        )
    unquantified = flags.get("unquantified", [])
    by_role: dict[str, list[Bullet]] = {}
    for bullet in unquantified:
        by_role.setdefault(bullet.where, []).append(bullet)
    quantified_roles = {b.where for b in view.bullets if b not in unquantified}
    for where, items in list(by_role.items())[:3]:
        if where in quantified_roles:
            continue
        out.append(
            Finding(
                "readability",
                "medium",
                "experience",
                f"No bullet in {where} has a number.",
                f"Quantify one result, e.g. extend {items[0].quote} with how many users, what % faster, the "
                "money or hours saved, or the team size.",
                items[0].field,
            )
        )
    for text in flags.get("long", [])[:2]:
        bullet = bullets.get(text)
        where = f"in {bullet.where} " if bullet else ""
        out.append(
            Finding(
                "readability",
                "low",
                "experience" if bullet else "summary",
                f"'{shorten(text, 50)}' {where}runs to {len(text.split())} words.",
                "Split it into two bullets of one achievement each, under 25 words.",
                bullet.field if bullet else "",
            )
        )
    for text in flags.get("passive", [])[:2]:
        bullet = bullets.get(text)
        out.append(
            Finding(
                "readability",
                "low",
                "experience" if bullet else "summary",
                f"'{shorten(text, 50)}' is in the passive voice.",
                "Say who did it: put yourself first with an active verb (“I was tasked with X” → “Led X”).",
                bullet.field if bullet else "",
            )
        )
    return out


def rewrite_opening(text: str) -> str:
    """A duty-style opening turned into an action: "Responsible for managing X" → "Managed X"."""
    opener = weak_opener(text)
    rest = text.strip()[len(opener) :].strip() if opener else text.strip()
    head = first_word(rest)
    if head.endswith("ing") and len(head) > 5:
        rest = past_tense(head).capitalize() + rest[len(head) :]
    elif opener:
        verb = "Led" if opener in {"responsible for", "in charge of", "tasked with"} else "Delivered"
        rest = f"{verb} {rest[0].lower() + rest[1:] if rest else rest}"
    else:
        return ""
    return shorten(rest.rstrip(". "), 90) + ", <result: number, % or time saved>"
