"""The upload's ATS score, industry and experience level, and the CV Genius mapping."""

from datetime import date

from cvplatform.api.cvgenius.mappings import cvgenius_to_structured, structured_to_cvgenius
from cvplatform.api.personaforge.mappings import structured_to_personaforge_cv
from resumes.analysis import analyse_cv, upload_analysis
from resumes.analysis.classify import total_years
from resumes.schema import StructuredCV

TODAY = date(2026, 1, 1)


def strong_cv() -> StructuredCV:
    words = " ".join(["word"] * 400)
    return StructuredCV.model_validate(
        {
            "basics": {
                "name": "Jane Doe",
                "email": "jane@example.com",
                "phone": "+44 20 7946 0958",
                "summary": "Backend engineer.",
            },
            "work": [
                {
                    "name": "Acme",
                    "position": "Software Engineer",
                    "startDate": "2021-01",
                    "endDate": "present",
                    "highlights": ["Cut latency by 40%", "Built the Django API", "Mentored 3 engineers"],
                },
                {"name": "Initech", "position": "Developer", "startDate": "2019-01", "endDate": "2021-01"},
            ],
            "education": [{"institution": "Leeds", "studyType": "BSc"}],
            "skills": [{"name": "Languages", "keywords": ["Python", "SQL", "Docker"]}],
            "raw_text": words,
        }
    )


def test_a_complete_cv_is_classified_by_the_engine():
    result = upload_analysis(strong_cv(), today=TODAY)
    assert result.industry == "technology"
    assert result.years_of_experience == 7.0  # 2019-01 to today, the current role included
    assert result.experience_level == "senior"  # by years: neither title says senior
    assert result.ats_score == analyse_cv(strong_cv(), today=TODAY).overall_score


def test_an_empty_cv_scores_zero():
    result = upload_analysis(StructuredCV(), today=TODAY)
    assert result.ats_score == 0
    assert result.industry == "general"
    assert result.experience_level == "entry"
    assert result.years_of_experience == 0


def test_score_is_deterministic():
    assert upload_analysis(strong_cv(), today=TODAY) == upload_analysis(strong_cv(), today=TODAY)


def test_levels_follow_titles_and_years():
    cv = StructuredCV.model_validate({"work": [{"position": "VP Engineering", "startDate": "2025"}]})
    assert upload_analysis(cv, today=TODAY).experience_level == "executive"
    cv = StructuredCV.model_validate(
        {"work": [{"position": "Intern", "startDate": "2023-06", "endDate": "2025-09"}]}
    )
    assert upload_analysis(cv, today=TODAY).experience_level == "entry"  # 2 years, but an intern
    cv = StructuredCV.model_validate(
        {"work": [{"position": "Analyst", "startDate": "2022-01", "endDate": "2025-01"}]}
    )
    assert upload_analysis(cv, today=TODAY).experience_level == "mid"
    cv.work[0].startDate = "2018-01"
    assert upload_analysis(cv, today=TODAY).experience_level == "senior"


def test_overlapping_jobs_count_once_and_an_open_role_runs_to_today():
    cv = StructuredCV.model_validate(
        {
            "work": [
                {"startDate": "2020-01", "endDate": "2022-01"},
                {"startDate": "2021-01", "endDate": "2022-01"},
            ]
        }
    )
    assert total_years(cv, today=TODAY) == 2.0
    cv.work.append(cv.work[0].model_copy(update={"startDate": "2025-01", "endDate": ""}))
    assert total_years(cv, today=TODAY) == 3.0


def test_industry_from_titles_and_skills():
    nurse = StructuredCV.model_validate(
        {
            "work": [{"position": "Registered Nurse"}],
            "skills": [{"keywords": ["Patient care", "Clinical audit"]}],
        }
    )
    assert upload_analysis(nurse, today=TODAY).industry == "healthcare"


# --- CV Genius mapping -----------------------------------------------------------------------
CVGENIUS = {
    "personal_info": {
        "name": "John Doe",
        "email": "john@example.com",
        "phone": "+1 555 0100",
        "location": "Austin, TX",
        "linkedin": "https://linkedin.com/in/johndoe",
        "github": "https://github.com/johndoe",
        "website": "https://john.example.com",
    },
    "summary": "Experienced professional...",
    "experience": [
        {
            "title": "Software Engineer",
            "company": "Tech Corp",
            "location": "Austin",
            "start_date": "2020-01",
            "end_date": "present",
            "description": "Built things.",
            "highlights": ["Shipped v2"],
        }
    ],
    "education": [{"degree": "Bachelor of Science", "institution": "University", "area": "CS"}],
    "skills": {"technical": "Programming, Web Development", "languages": "Python, Go"},
    "projects": [{"name": "CV tool", "technologies": "Django, React"}],
    "certifications": [{"name": "AWS SAA", "issuer": "Amazon", "date": "2023"}],
    "languages": [{"language": "French", "proficiency": "B2"}],
}


def test_cvgenius_shape_maps_to_structured_and_back():
    cv = cvgenius_to_structured(CVGENIUS)
    assert cv.basics.name == "John Doe"
    assert cv.basics.location.city == "Austin"
    assert [p.network for p in cv.basics.profiles] == ["LinkedIn", "GitHub"]
    assert cv.work[0].position == "Software Engineer"
    assert cv.work[0].summary == "Built things."
    assert cv.education[0].studyType == "Bachelor of Science"
    assert cv.skills[0].keywords == ["Programming", "Web Development"]
    assert cv.projects[0].keywords == ["Django", "React"]

    back = structured_to_cvgenius(cv)
    assert back["personal_info"] == {**CVGENIUS["personal_info"], "location": "Austin, TX"}
    assert back["skills"] == CVGENIUS["skills"]
    assert back["experience"][0]["company"] == "Tech Corp"
    assert back["experience"][0]["highlights"] == ["Shipped v2"]
    assert back["certifications"][0]["issuer"] == "Amazon"
    assert back["languages"] == [{"language": "French", "proficiency": "B2"}]


def test_cvgenius_minimal_and_loose_shapes():
    cv = cvgenius_to_structured(
        {
            "personal_info": {"name": "A"},
            "skills": ["Python", "SQL"],
            "experience": [{"description": ["x", "y"]}],
        }
    )
    assert cv.skill_names() == ["Python", "SQL"]
    assert cv.work[0].highlights == ["x", "y"]
    assert cvgenius_to_structured({}).basics.name == ""


def test_personaforge_cv_shape():
    body = structured_to_personaforge_cv(strong_cv())
    assert body["name"] == "Jane Doe"
    assert body["skills"] == ["Python", "SQL", "Docker"]
    assert body["work_experience"][0]["company"] == "Acme"
    assert body["education"][0]["degree"] == "BSc"
