"""``manage.py parse_cv FILE [FILE...] [--json]``: parse CV files with the builtin parser.

A file given here is as untrusted as an upload: it passes the same gate (size and type
checks, then the sandboxed parse) and is refused with the same message."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cvplatform.exceptions import ApplicationError
from resumes.parsing import parse_file


class Command(BaseCommand):
    help = "Parse CV files (PDF, DOCX, LaTeX, Markdown, text) and print their JSON Resume form."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="CV files to parse")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON Resume object per file, one per line"
        )

    def handle(self, *args, **options):
        failed = 0
        for name in options["files"]:
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"{name}: {exc.strerror or exc}") from exc
            try:
                parsed = parse_file(data, filename=path.name)
            except ApplicationError as exc:
                failed += 1
                self.stderr.write(f"{name}: {exc.code}: {exc.message}")
                if options["json"]:
                    self.stdout.write(
                        json.dumps({"file": name, "error": {"code": exc.code, "message": exc.message}})
                    )
                continue
            if options["json"]:
                self.stdout.write(json.dumps(parsed.cv.to_json_resume(), ensure_ascii=False))
            else:
                self._summary(name, parsed.cv, parsed.meta)
        if failed and failed == len(options["files"]):
            raise CommandError("no file could be parsed")

    def _summary(self, name, cv, meta) -> None:
        b = cv.basics
        self.stdout.write(
            f"{name}: {meta.get('format')}, {meta.get('pages')} page(s), {meta.get('milliseconds')} ms"
        )
        self.stdout.write(f"  name={b.name!r} email={b.email!r} phone={b.phone!r} label={b.label!r}")
        for w in cv.work:
            self.stdout.write(
                f"  work: {w.position!r} @ {w.name!r} [{w.startDate} – {w.endDate}] {w.location!r}"
            )
        for e in cv.education:
            self.stdout.write(
                f"  edu: {e.studyType!r} {e.area!r} @ {e.institution!r} [{e.startDate} – {e.endDate}]"
            )
        for s in cv.skills:
            self.stdout.write(f"  skills {s.name!r}: {', '.join(s.keywords)}")
        for warning in cv.warnings:
            self.stdout.write(f"  warning: {warning}")
