"""Field extractors on their own: dates, contacts, headings, entry splitting, skills."""

import pytest

from resumes.ingest import canonical_skill, find_skills, parse_text
from resumes.ingest.document import Line
from resumes.ingest.extract.contacts import find_phones, profile_for
from resumes.ingest.extract.entries import segment
from resumes.ingest.extract.header import header_fields
from resumes.ingest.extract.patterns import find_date_range, looks_like_location, normalize_date
from resumes.ingest.extract.pieces import split_degree_school, split_title_org
from resumes.ingest.extract.sections import heading_kind


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("Jan 2020", "2020-01"),
        ("January 2020", "2020-01"),
        ("Sept. 2018", "2018-09"),
        ("Sept '17", "2017-09"),
        ("03/2019", "2019-03"),
        ("3.2019", "2019-03"),
        ("2019-03", "2019-03"),
        ("2019", "2019"),
        ("Present", "present"),
        ("heute", "present"),
        ("aujourd'hui", "present"),
        ("mars 2020", "2020-03"),
        ("déc. 2019", "2019-12"),
        ("März 2021", "2021-03"),
        ("Summer 2022", "Summer 2022"),
    ],
)
def test_dates_normalise_to_year_month(printed, normalised):
    assert normalize_date(printed) == normalised


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Software Engineer  Jan 2020 – Present", "2020-01", "present"),
        ("2016 - 2019", "2016", "2019"),
        ("06/2016 to 12/2019", "2016-06", "2019-12"),
        ("Since 2021", "2021", "present"),
        ("Mai 2018 bis heute", "2018-05", "present"),
        ("sept. 2016 – déc. 2019", "2016-09", "2019-12"),
        ("2010--2012", "2010", "2012"),
        ("Graduated May 2024", "2024-05", ""),
        ("01/09/2019 – CURRENT – Paris, France", "2019-09", "present"),
        ("15.03.2016 - 30.06.2018", "2016-03", "2018-06"),
        ("2017-02-01 to 2019-11-30", "2017-02", "2019-11"),
        ("1 Sept 2019 – 31 Aug 2020", "2019-09", "2020-08"),
        ("Eylül 2020 – Devam ediyor", "2020-09", "present"),
        ("maj 2018 – nu", "2018-05", "present"),
    ],
)
def test_date_ranges(text, start, end):
    found = find_date_range(text)
    assert found is not None
    assert found[:2] == (start, end)


def test_numbers_that_are_not_dates_or_phones():
    assert find_date_range("Grew revenue by 2500 users") is None
    assert find_phones("Jan 2018 - Dec 2020") == []
    assert find_phones("2018 – 2020") == []
    assert find_phones("Call +44 (0)20 7946 0958 or 020 7946 0000") == [
        "+44 (0)20 7946 0958",
        "020 7946 0000",
    ]


def test_profiles_from_urls():
    p = profile_for("https://www.linkedin.com/in/jane-doe-123/")
    assert (p.network, p.username, p.url) == (
        "LinkedIn",
        "jane-doe-123",
        "https://www.linkedin.com/in/jane-doe-123",
    )
    assert profile_for("github.com/octocat").username == "octocat"
    assert profile_for("https://example.com/me") is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Work History:", "experience"),
        ("Berufserfahrung", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Experiencia laboral", "experience"),
        ("E D U C A T I O N", "education"),
        ("Ausbildung", "education"),
        ("Formation", "education"),
        ("Technical Skills", "skills"),
        ("Compétences", "skills"),
        ("Languages", "languages"),
        ("Sprachkenntnisse", "languages"),
        ("Certifications & Licenses", "certificates"),
        ("Projects", "projects"),
        ("Profile", "summary"),
        ("İş Deneyimi", "experience"),
        ("Utbildning", "education"),
        ("Umiejętności", "skills"),
        ("Mother tongue(s)", "languages"),
    ],
)
def test_section_headings_in_several_languages(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "not_heading",
    [
        "Developed the skills matrix for 40 engineers.",
        "Education: BSc 2019",
        "Thesis title: Wonderful Research",
    ],
)
def test_sentences_are_not_headings(not_heading):
    assert heading_kind(not_heading) is None


def test_locations():
    assert looks_like_location("San Francisco, CA")
    assert looks_like_location("Menlo Park, CA, USA")
    assert looks_like_location("Berlin")
    assert looks_like_location("Remote")
    assert not looks_like_location("Computer Science, Minor in Business")
    assert not looks_like_location("Machine Learning Engineer, OpenAI, San Francisco, USA")


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["Nexus AI", "Co-Founder & CTO"], ("Co-Founder & CTO", "Nexus AI")),
        (["Research Intern", "Google DeepMind"], ("Research Intern", "Google DeepMind")),
        (["Amazon", "Software Development Engineer III"], ("Software Development Engineer III", "Amazon")),
        (["Senior Data Engineer at Zalando"], ("Senior Data Engineer", "Zalando")),
        (["Chef de projet digital", "Groupe SEB"], ("Chef de projet digital", "Groupe SEB")),
    ],
)
def test_title_and_employer_told_apart(pieces, expected):
    assert split_title_org(pieces) == expected


def test_degree_area_and_school():
    assert split_degree_school(["B.S. in Computer Science", "Stanford University"]) == (
        "B.S.",
        "Computer Science",
        "Stanford University",
    )
    assert split_degree_school(["PhD Princeton University", "Computer Science"]) == (
        "PhD",
        "Computer Science",
        "Princeton University",
    )


def test_entries_split_on_dates_when_no_bullets_separate_them():
    lines = [
        Line("Southwestern University\tGeorgetown, TX"),
        Line("Bachelor of Arts in Computer Science\tAug. 2018 – May 2021"),
        Line("Blinn College\tBryan, TX"),
        Line("Associate's in Liberal Arts\tAug. 2014 – May 2018"),
    ]
    entries = segment(lines)
    assert [[ln.text.split("\t")[0] for ln in e.head] for e in entries] == [
        ["Southwestern University", "Bachelor of Arts in Computer Science"],
        ["Blinn College", "Associate's in Liberal Arts"],
    ]
    fields = header_fields(entries[1])
    assert (fields.start, fields.end, fields.location) == ("2014-08", "2018-05", "Bryan, TX")


def test_skills_vocabulary_aliases_and_matching():
    assert canonical_skill("JS") == "JavaScript"
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("machine-learning") == "Machine Learning"
    assert canonical_skill("Postgres") == "PostgreSQL"
    assert canonical_skill("Python 3") == "Python"
    assert canonical_skill("basket weaving") is None
    found = find_skills(
        "Built APIs in Python/Django and Node.js on k8s with Postgres; C++ and C# too. Go-to-market plan."
    )
    # "Go-to-market" is the go-to-market skill (the job-description terms joined the one
    # vocabulary), never the Go language.
    assert found == ["Python", "Django", "Node.js", "Kubernetes", "PostgreSQL", "C++", "C#", "Go-to-Market"]
    assert "Go" in find_skills("Services written in Go and Rust")


def test_one_matcher_with_the_analysis_reading_lower_case_skill_words():
    text = "An agile team with strong leadership; we use statistics daily. Go-to-market plan."
    assert find_skills(text) == ["Go-to-Market"]  # CV prose: "agile" is a plain word
    assert find_skills(text, any_case=True) == ["Agile", "Leadership", "Statistics", "Go-to-Market"]
    assert find_skills("Did research and writing; Research") == []  # listed-only terms
    assert canonical_skill("Research") == "Research"
    assert canonical_skill("CICD") == "CI/CD"  # a spelling only the AI engine's lexicon had


def test_cv_without_skills_section_gets_vocabulary_matches():
    cv = parse_text(
        "Dana Fox\ndana@example.com\n\nExperience\n"
        "Data Analyst, Acme, 2019 – 2021\n- SQL and Tableau dashboards"
    )
    assert cv.skills[0].keywords == ["SQL", "Tableau"]
    assert any("vocabulary" in w for w in cv.warnings)


def test_several_roles_under_one_employer_heading():
    cv = parse_text(
        "Lee Wong\nlee.wong@example.com\n\nEXPERIENCE\nGoogle, Zurich, Switzerland\n"
        "Senior Software Engineer    Mar 2021 – Present\n- Led the Maps routing team\n"
        "Software Engineer    Jan 2018 – Feb 2021\n- Built traffic prediction features\n\n"
        "Accenture\nAnalyst    2016 – 2017\n"
    )
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Senior Software Engineer", "Google", "2021-03"),
        ("Software Engineer", "Google", "2018-01"),
        ("Analyst", "Accenture", "2016"),
    ]
    assert cv.work[1].location == "Zurich, Switzerland"


@pytest.mark.parametrize(
    ("printed", "name"),
    [("Dr. Jane Smith, PhD", "Jane Smith"), ("JONATHAN O'NEILL", "Jonathan O'Neill"), ("Jack Ma", "Jack Ma")],
)
def test_names_lose_honorifics_and_shouting(printed, name):
    assert parse_text(f"{printed}\n{printed.split()[-1].lower()}@example.com\n").basics.name == name


def test_find_skills_can_return_the_printed_words():
    assert find_skills("Shipped JS and k8s tooling", printed=True) == ["JS", "k8s"]
