"""``manage.py analyse_jd FILE... | - [--json]``: the requirements a job description states."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cvplatform.exceptions import ApplicationError
from resumes.analysis import analyse_job
from resumes.analysis.files import read_job_text


class Command(BaseCommand):
    help = (
        "Extract required/preferred skills, tools, qualifications, years, seniority and title from "
        "job descriptions (text, PDF or DOCX; '-' reads standard input)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="job description files, or - for standard input")
        parser.add_argument("--json", action="store_true", help="one JSON object per file, one per line")

    def handle(self, *args, **options):
        for name in options["files"]:
            try:
                text = self._read(name)
            except ApplicationError as exc:
                raise CommandError(f"{name}: {exc.message}") from exc
            job = analyse_job(text)
            if options["json"]:
                self.stdout.write(json.dumps({"file": name, **job.as_dict()}, ensure_ascii=False))
            else:
                self._summary(name, job)

    def _read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror or exc}") from exc
        return read_job_text(data, filename=Path(name).name)

    def _summary(self, name, job) -> None:
        self.stdout.write(f"{name}: {job.title or '(no title found)'} [{job.seniority or '?'}]")
        years = f"{job.years_min}+" if job.years_min else "not stated"
        self.stdout.write(f"  years of experience: {years}")
        self.stdout.write(f"  required:  {', '.join(job.required_skills) or '-'}")
        self.stdout.write(f"  preferred: {', '.join(job.preferred_skills) or '-'}")
        self.stdout.write(f"  tools: {', '.join(job.tools) or '-'}")
        self.stdout.write(f"  soft skills: {', '.join(job.soft_skills) or '-'}")
        self.stdout.write(f"  qualifications: {', '.join(job.qualifications) or '-'}")
        self.stdout.write(f"  preferred qualifications: {', '.join(job.preferred_qualifications) or '-'}")
        self.stdout.write(f"  other terms: {', '.join(job.keywords) or '-'}")
