"""Load the demo data `make run` serves: idempotent, so it can run on every start."""

from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import SubscriptionTier, User
from applications.models import JobApplication
from artifacts.services import artifacts_import_cv
from billing.models import Job, Plan
from exports.services import template_sync
from llm.models import AIModel
from resumes.models import Resume
from resumes.services import cv_text_extract

DEMO_USER = {"username": "demo", "email": "demo@cvplatform.local", "password": "demo-pass-2026!"}
STAFF_USER = {"username": "admin", "email": "admin@cvplatform.local", "password": "admin-pass-2026!"}

PLANS = [
    ("Basic Plan", Decimal("9.99"), 30, "One CV, three optimisations a month, PDF export."),
    ("Premium Plan", Decimal("19.99"), 30, "Unlimited CVs and tailoring, every template and format."),
    ("Agency Plan", Decimal("99.00"), 30, "Manage client CVs and plans for a recruiting agency."),
]
JOBS = ["Software Engineer", "Data Scientist", "Product Manager", "UX Designer", "DevOps Engineer"]

AI_MODELS = [
    {
        "display_name": "Builtin",
        "description": "Offline rule-based engine: always available, deterministic, free.",
        "provider": "builtin",
        "model_name": "builtin-v1",
        "login_required": False,
        "response_time_info": "Instant",
        "priority": 1000,
    },
    {
        "display_name": "Deepseek",
        "description": "Advanced AI model for professional resume generation",
        "provider": "openai",
        "model_name": "deepseek-chat",
        "base_url": "https://api.deepseek.com/v1",
        "api_key_env": "DEEPSEEK_API_KEY",
        # DeepSeek answers JSON objects but does not take a JSON schema.
        "response_format": "json_object",
        "login_required": False,
        "daily_limit": 20,
        "response_time_info": "Fast",
        "input_price_per_million": Decimal("0.27"),
        "output_price_per_million": Decimal("1.10"),
        "priority": 20,
    },
    {
        "display_name": "GPT-4o mini",
        "description": "OpenAI's small GPT-4o: strong writing at a low price.",
        "provider": "openai",
        "model_name": "gpt-4o-mini",
        "api_key_env": "OPENAI_API_KEY",
        "embedding_model": "text-embedding-3-small",
        "login_required": True,
        "daily_limit": 50,
        "response_time_info": "5-10 seconds",
        "input_price_per_million": Decimal("0.15"),
        "output_price_per_million": Decimal("0.60"),
        "priority": 10,
    },
    {
        "display_name": "Gemini Flash",
        "description": "Google Gemini 2.0 Flash: fast, long context.",
        "provider": "gemini",
        "model_name": "gemini-2.0-flash",
        "api_key_env": "GEMINI_API_KEY",
        "embedding_model": "text-embedding-004",
        "login_required": True,
        "daily_limit": 50,
        "response_time_info": "2-5 seconds",
        "input_price_per_million": Decimal("0.10"),
        "output_price_per_million": Decimal("0.40"),
        "priority": 15,
    },
]

DEMO_RESUME = """# Alex Demo

alex.demo@example.com · +44 20 7946 0000 · London, UK · github.com/alexdemo

## Summary
Backend engineer with six years of Python and Django, building APIs used by millions.

## Experience
### Senior Software Engineer — Acme Analytics (2021-03 – present)
- Cut p95 API latency from 480 ms to 120 ms by redesigning PostgreSQL indexes and caching.
- Led the move of 40 services to Kubernetes, with zero-downtime deploys.

### Software Engineer — Brightpath (2018-06 – 2021-02)
- Built the billing service in Django REST Framework handling £2M a month.

## Education
BSc Computer Science — University of Leeds (2014 – 2018)

## Skills
Python, Django, PostgreSQL, Redis, Celery, Docker, Kubernetes, AWS
"""

EXAMPLE_APPLICATIONS = [
    (
        "Senior Software Engineer",
        "TechCorp Inc.",
        "Interviewing",
        date(2026, 9, 15),
        "Phone screen done; technical interview scheduled for next week.",
    ),
    ("Backend Developer", "DataFlow Ltd", "Applied", date(2026, 10, 2), "Applied through the careers page."),
    (
        "Platform Engineer",
        "CloudNine",
        "Offer",
        date(2026, 8, 20),
        "Offer received; negotiating the start date.",
    ),
    ("Python Developer", "FinServe", "Rejected", date(2026, 7, 30), "Position filled internally."),
    ("Staff Engineer", "ScaleUp AI", "Applied", date(2026, 10, 28), "Referred by a former colleague."),
]


class Command(BaseCommand):
    help = "Create or update the demo users, plans, AI models, templates and example applications."

    @transaction.atomic
    def handle(self, *args, **options):
        demo = self._user(DEMO_USER, staff=False)
        self._user(STAFF_USER, staff=True)
        for name, price, duration, description in PLANS:
            Plan.objects.update_or_create(
                name=name, defaults={"price": price, "duration": duration, "description": description}
            )
        for name in JOBS:
            Job.objects.get_or_create(name=name)
        for spec in AI_MODELS:
            AIModel.objects.update_or_create(display_name=spec["display_name"], defaults=spec)
        templates = template_sync()
        resume, _ = Resume.objects.get_or_create(
            user=demo, title="Demo resume", defaults={"content": DEMO_RESUME}
        )
        for title, company, status, applied, notes in EXAMPLE_APPLICATIONS:
            JobApplication.objects.update_or_create(
                user=demo,
                job_title=title,
                company_name=company,
                is_example=True,
                defaults={
                    "status": status,
                    "date_applied": applied,
                    "notes": notes,
                    "resume_used": resume,
                    "original_job_description": f"{company} is hiring a {title}.",
                },
            )
        # The demo user's career record, read from the demo CV like any imported CV; a second
        # run finds the artifacts it made (the import matches type, title, organisation, start).
        imported = artifacts_import_cv(user=demo, cv=cv_text_extract(text=DEMO_RESUME).cv)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {Plan.objects.count()} plans, {AIModel.objects.count()} AI models, "
                f"{len(templates)} templates, {JobApplication.objects.filter(is_example=True).count()} "
                "example applications, "
                f"{len(imported.created) + len(imported.existing)} demo artifacts.\n"
                f"  demo user:  {DEMO_USER['email']} / {DEMO_USER['password']}\n"
                f"  admin user: {STAFF_USER['username']} / {STAFF_USER['password']} (http://127.0.0.1:8000/admin/)"
            )
        )

    def _user(self, spec: dict, *, staff: bool) -> User:
        user, created = User.objects.get_or_create(
            email=spec["email"],
            defaults={
                "username": spec["username"],
                "is_staff": staff,
                "is_superuser": staff,
                "subscription_tier": SubscriptionTier.PRO if not staff else SubscriptionTier.ENTERPRISE,
                "first_name": "Demo" if not staff else "Admin",
                "last_name": "User",
            },
        )
        if created:
            user.set_password(spec["password"])
            user.save(update_fields=["password"])
        return user
