"""ATS round trip: render the demo CV with every CV template to PDF and DOCX, parse it back
with our own parser, and print the share of each field that came back unchanged.

usage: .venv/bin/python bench/render_ats.py

Fields: name, contacts, employers, titles, dates, institutions, skills (1.00 = all of them).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django

    django.setup()
    from exports.render.ats import FIELDS, ats_field_scores
    from exports.render.demo import demo_cv
    from exports.render.options import RenderOptions
    from exports.render.pipeline import render_cv
    from exports.services import template_manifests
    from resumes.ingest import parse_document

    variants = {
        "default": RenderOptions(),
        "2 pages": None,
        "footnotes": RenderOptions(evidence_format="footnotes"),
        "qr+letter+narrow": RenderOptions(evidence_format="qr_codes", page_size="letter", margins="narrow"),
    }
    print(f"{'template':<10} {'format':<6} {'variant':<18} " + " ".join(f"{f[:8]:>8}" for f in FIELDS))
    totals = []
    for manifest in template_manifests():
        if manifest["kind"] != "cv":
            continue
        for fmt in ("pdf", "docx"):
            for name, options in variants.items():
                cv = demo_cv(pages=2 if name == "2 pages" else 1)
                rendered = render_cv(cv=cv, template_id=manifest["id"], fmt=fmt, options=options)
                parsed = parse_document(rendered.content, filename=f"cv.{rendered.extension}")
                scores = ats_field_scores(cv, parsed)
                totals.extend(scores.values())
                row = " ".join(f"{scores[f]:>8.2f}" for f in FIELDS)
                print(f"{manifest['id']:<10} {fmt:<6} {name:<18} {row}")
    print(f"mean field score: {sum(totals) / len(totals):.3f} over {len(totals)} field checks")


if __name__ == "__main__":
    main()
