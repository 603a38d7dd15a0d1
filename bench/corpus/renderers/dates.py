# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""Date formats per language and style, and where the corpus lives."""

from __future__ import annotations

from pathlib import Path

from personas import Persona

HERE = Path(__file__).resolve().parent.parent  # bench/corpus
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
