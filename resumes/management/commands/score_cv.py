"""``manage.py score_cv CV_FILE [JD_FILE] [--json]``: scores, issues and recommendations.

Both files pass the upload gate (size and type checks, then the sandboxed parse)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cvplatform.exceptions import ApplicationError
from resumes.analysis import analyse_cv
from resumes.analysis.files import read_cv, read_job_text


def _bytes(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise CommandError(f"{name}: {exc.strerror or exc}") from exc


class Command(BaseCommand):
    help = (
        "Score a CV file (any format ingestion reads) against an optional job description "
        "(text, PDF or DOCX): overall, keyword match, formatting, sections, readability."
    )

    def add_arguments(self, parser):
        parser.add_argument("cv_file")
        parser.add_argument("jd_file", nargs="?")
        parser.add_argument("--json", action="store_true", help="print the result as one JSON object")

    def handle(self, *args, **options):
        cv_name, jd_name = options["cv_file"], options["jd_file"]
        try:
            read = read_cv(_bytes(cv_name), filename=Path(cv_name).name)
            job_text = read_job_text(_bytes(jd_name), filename=Path(jd_name).name) if jd_name else None
        except ApplicationError as exc:
            raise CommandError(f"{exc.code}: {exc.message}") from exc
        analysis = analyse_cv(read.cv, job_text=job_text, signals=read.signals)
        if options["json"]:
            payload = {"file": cv_name, "job_file": jd_name, **analysis.as_score_dict()}
            payload["job"] = analysis.job.as_dict() if analysis.job else None
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        self.stdout.write(f"{cv_name}: overall {analysis.overall_score}/100")
        for name, score in analysis.scores.items():
            shown = "left out" if score is None else f"{score}/100 (weight {analysis.weights[name]})"
            self.stdout.write(f"  {name}: {shown}")
        if analysis.keyword_note:
            self.stdout.write(f"  note: {analysis.keyword_note}")
        for finding in analysis.findings:
            self.stdout.write(f"- [{finding.severity}] {finding.message}\n    → {finding.recommendation}")
