"""Plain-text CVs: addresses, mixed entry layouts, ratings, certificates, languages."""

from resumes.ingest import parse_text

CV = """ELENA PETROVA
123 Main Street, Springfield, IL 62701 • Tel: +1 217-555-0143 • elena.petrova@example.com
https://elenapetrova.dev • linkedin.com/in/elenapetrova

Results-driven data scientist with 6+ years of experience turning messy data into products.

WORK EXPERIENCE

Jan 2019 - Present | Senior Data Scientist | Spotify
* Built the podcast recommendation model used by 100M listeners
* Ran 40+ A/B tests with a Bayesian framework

Data Scientist
Booking.com | Amsterdam, Netherlands | 09/2016 – 12/2018
* Forecast hotel demand with gradient boosting

EDUCATION

Master of Science (M.Sc.) in Data Science
University of Amsterdam, Amsterdam, Netherlands
09/2014 – 07/2016

Bachelor of Science in Mathematics — Lomonosov Moscow State University — 2010 – 2014

SKILLS
Python ●●●●●, R ●●●●○, SQL ●●●●●
Machine learning, causal inference, experimentation

CERTIFICATIONS
AWS Certified Machine Learning – Specialty (2021)
Deep Learning Specialization, Coursera, 2019

LANGUAGES
English – fluent; Russian – native; Dutch – basic
"""


def test_plain_text_cv_fields():
    cv = parse_text(CV)
    b = cv.basics
    assert (b.name, b.email, b.phone, b.url) == (
        "Elena Petrova",
        "elena.petrova@example.com",
        "+1 217-555-0143",
        "https://elenapetrova.dev",
    )
    assert b.label == ""  # the street address under the name is not a headline
    assert (b.location.city, b.location.region) == ("Springfield", "IL")
    assert b.summary.startswith("Results-driven data scientist")
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Senior Data Scientist", "Spotify", "", "2019-01", "present"),
        ("Data Scientist", "Booking.com", "Amsterdam, Netherlands", "2016-09", "2018-12"),
    ]
    assert cv.work[0].highlights[1] == "Ran 40+ A/B tests with a Bayesian framework"
    assert [(e.studyType, e.area, e.institution) for e in cv.education] == [
        ("Master of Science (M.Sc.)", "Data Science", "University of Amsterdam"),
        ("Bachelor of Science", "Mathematics", "Lomonosov Moscow State University"),
    ]
    assert cv.skills[0].keywords[:3] == ["Python", "R", "SQL"]  # rating dots dropped
    assert [(c.name, c.issuer, c.date) for c in cv.certificates] == [
        ("AWS Certified Machine Learning – Specialty", "", "2021"),
        ("Deep Learning Specialization", "Coursera", "2019"),
    ]
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("English", "fluent"),
        ("Russian", "native"),
        ("Dutch", "basic"),
    ]


CHINESE_CV = """王小明
高级后端工程师
电话：138 0013 8000 | 邮箱：xiaoming.wang@example.cn | 上海

工作经历
阿里巴巴  高级后端工程师  2019年3月 - 至今
- 负责支付系统的架构设计
腾讯  后端工程师  2016年7月 - 2019年2月

教育背景
复旦大学  计算机科学 硕士  2013年9月 - 2016年6月

专业技能
Java, Go, MySQL, Kafka
"""


def test_chinese_cv_headings_dates_and_names():
    cv = parse_text(CHINESE_CV)
    b = cv.basics
    assert (b.name, b.label, b.email, b.location.city) == (
        "王小明",
        "高级后端工程师",
        "xiaoming.wang@example.cn",
        "上海",
    )
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("高级后端工程师", "阿里巴巴", "2019-03", "present"),
        ("后端工程师", "腾讯", "2016-07", "2019-02"),
    ]
    edu = cv.education[0]
    assert (edu.institution, edu.studyType, edu.area, edu.startDate, edu.endDate) == (
        "复旦大学",
        "硕士",
        "计算机科学",
        "2013-09",
        "2016-06",
    )
    assert cv.skills[0].keywords == ["Java", "Go", "MySQL", "Kafka"]


def test_sections_with_unknown_names_are_recognised_by_look_and_content():
    cv = parse_text(
        "Priya Sharma\npriya.sharma@example.com\n\n"
        "WHERE I HAVE WORKED\nProduct Analyst, Swiggy   2021 – Present\n- Owned the growth dashboard\n"
        "Business Analyst, Deloitte   2018 – 2021\n\n"
        "WHAT I STUDIED\nB.Com, University of Delhi   2015 – 2018\n\n"
        "TOOLS I USE\nSQL, Python, Tableau, Excel\n"
    )
    assert [(w.position, w.name) for w in cv.work] == [
        ("Product Analyst", "Swiggy"),
        ("Business Analyst", "Deloitte"),
    ]
    assert [(e.studyType, e.institution) for e in cv.education] == [("B.Com", "University of Delhi")]
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Tools I Use", ["SQL", "Python", "Tableau", "Excel"])
    ]


def test_projects_listed_one_per_line():
    cv = parse_text(
        "Sam Reed\nsam@example.com\n\nPROJECTS\nBudget Buddy – a personal finance tracker built with React\n"
        "Trailmap: hiking route planner for the Alps\n"
    )
    assert [(p.name, p.description) for p in cv.projects] == [
        ("Budget Buddy", "a personal finance tracker built with React"),
        ("Trailmap", "hiking route planner for the Alps"),
    ]


def test_a_role_described_in_prose_is_not_read_twice():
    # The issue: "Rendered CVs print each job's text twice: the description paragraph and then
    # the same sentences as bullets (the parser fills both summary and highlights from one block)."
    cv = parse_text(
        "Jane Doe\njane@example.com\n\nExperience\nBackend Engineer, Acme Ltd\n2019 - 2023\n"
        "Built the billing API in Django. Cut invoice errors by 30% with reconciliation jobs.\n\n"
        "Education\nBSc Computer Science, University of Leeds, 2016\n"
    )
    (job,) = cv.work
    assert job.highlights == [
        "Built the billing API in Django.",
        "Cut invoice errors by 30% with reconciliation jobs.",
    ]
    assert job.summary == ""


def test_a_description_beside_bullets_stays_the_summary():
    cv = parse_text(
        "Jane Doe\njane@example.com\n\nExperience\nBackend Engineer, Acme Ltd\n2019 - 2023\n"
        "- Built the billing API in Django\n- Cut invoice errors by 30%\n"
        "Payments platform team of six, reporting to the CTO.\n"
    )
    (job,) = cv.work
    assert job.summary == "Payments platform team of six, reporting to the CTO."
    assert job.highlights == ["Built the billing API in Django", "Cut invoice errors by 30%"]
