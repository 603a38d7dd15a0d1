"""Demo data: the CV and letter the preview images and the benchmark are rendered from."""

from resumes.schema import StructuredCV

DEMO_CV = {
    "basics": {
        "name": "Amélie Laurent",
        "label": "Senior Backend Engineer",
        "email": "amelie.laurent@example.com",
        "phone": "+33 6 12 34 56 78",
        "url": "https://amelie.example.com",
        "summary": (
            "Backend engineer with nine years of experience designing payment and data platforms "
            "in Python and Go. Led teams of up to six, cut infrastructure costs by a third and "
            "enjoys turning slow, fragile systems into boring, reliable ones."
        ),
        "location": {"city": "Lyon", "countryCode": "FR"},
        "profiles": [{"network": "GitHub", "username": "alaurent", "url": "https://github.com/alaurent"}],
    },
    "work": [
        {
            "name": "Northwind Payments",
            "position": "Senior Backend Engineer",
            "location": "Lyon, France",
            "url": "https://northwind.example.com",
            "startDate": "2021-03",
            "endDate": "present",
            "highlights": [
                "Designed the settlement service that moves €2B a year, with exactly-once ledger writes.",
                "Cut p99 API latency from 900 ms to 120 ms by reshaping hot PostgreSQL queries.",
                "Mentored four engineers; introduced design reviews and on-call runbooks.",
            ],
        },
        {
            "name": "DataHarbor",
            "position": "Backend Engineer",
            "location": "Paris, France",
            "startDate": "2017-06",
            "endDate": "2021-02",
            "highlights": [
                "Built the ingestion pipeline (Kafka, Python) processing 40k events per second.",
                "Migrated 60 services from VMs to Kubernetes with zero customer-facing downtime.",
                "Wrote the internal Django REST framework starter used by twelve teams.",
            ],
        },
        {
            "name": "Atelier Logiciel",
            "position": "Software Developer",
            "location": "Grenoble, France",
            "startDate": "2015-09",
            "endDate": "2017-05",
            "highlights": [
                "Delivered e-commerce back offices for fifteen retail clients in Django.",
                "Automated deployments with Ansible, shortening releases from a day to an hour.",
            ],
        },
    ],
    "education": [
        {
            "institution": "Université Grenoble Alpes",
            "studyType": "MSc",
            "area": "Computer Science",
            "startDate": "2013-09",
            "endDate": "2015-06",
        },
        {
            "institution": "Université Lyon 1",
            "studyType": "BSc",
            "area": "Mathematics",
            "startDate": "2010-09",
            "endDate": "2013-06",
        },
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Python", "Go", "SQL", "TypeScript"]},
        {"name": "Platforms", "keywords": ["PostgreSQL", "Kafka", "Redis", "Kubernetes", "AWS"]},
        {"name": "Practices", "keywords": ["Domain-driven design", "Observability", "Code review"]},
    ],
    "projects": [
        {
            "name": "pg-shard-tools",
            "description": "Open-source toolkit for online PostgreSQL resharding.",
            "url": "https://github.com/alaurent/pg-shard-tools",
            "highlights": ["1.2k GitHub stars; used in production by three fintechs."],
        }
    ],
    "certificates": [
        {
            "name": "AWS Certified Solutions Architect – Associate",
            "issuer": "Amazon Web Services",
            "date": "2022-05",
        }
    ],
    "languages": [
        {"language": "French", "fluency": "Native"},
        {"language": "English", "fluency": "Fluent"},
        {"language": "Japanese", "fluency": "Conversational"},
    ],
}

DEMO_LETTER = {
    "date": "22 November 2026",
    "recipient": "Ms Jordan Smith",
    "role": "Head of Engineering",
    "company": "Contoso Finance",
    "greeting": "Dear Ms Smith,",
    "paragraphs": [
        "I am writing to apply for the Staff Backend Engineer role at Contoso Finance. For nine years "
        "I have built payment and data platforms in Python and Go, most recently the settlement "
        "service at Northwind Payments that moves €2B a year.",
        "Your move to real-time payouts is the kind of problem I enjoy: correctness under "
        "concurrency, clear ownership and calm operations. At DataHarbor I led the migration of sixty "
        "services to Kubernetes without customer-facing downtime.",
        "I would welcome the chance to discuss how I can help your team ship reliable systems faster.",
    ],
    "closing": "Kind regards,",
}


def demo_cv(*, pages: int = 1) -> StructuredCV:
    """The demo CV; ``pages=2`` repeats the experience so it runs onto a second page."""
    data = dict(DEMO_CV)
    if pages > 1:
        data["work"] = DEMO_CV["work"] * pages
    return StructuredCV.model_validate(data)
