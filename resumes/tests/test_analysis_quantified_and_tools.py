"""Quantified Impact counts scale written with units ("10GB"), and practices such as
"Backend Development" are skills, not tools."""

import pytest

from resumes.analysis import analyse_job
from resumes.analysis.files import cv_from_text
from resumes.analysis.optimise import optimise
from resumes.analysis.text import quantified

CV = """Jane Doe
jane@example.com

Experience
Data Engineer, Acme Ltd
Jan 2020 - Present
- Developed PostgreSQL data pipelines processing 10GB daily
- Wrote documentation for the team

Skills
Python, PostgreSQL
"""


@pytest.mark.parametrize(
    "bullet",
    [
        "Developed PostgreSQL data pipelines processing 10GB daily",
        "Migrated 2 TB of logs to S3",
        "Served 5k requests per second",
        "Cut p95 latency to 80ms",
        "Ran 3 services on 4 servers",
        "Handled 1.5M events a day",
    ],
)
def test_scale_with_units_counts_as_a_number(bullet):
    assert quantified(bullet)


@pytest.mark.parametrize("bullet", ["Wrote documentation for the team", "Built APIs in Python 3"])
def test_bullets_without_a_measure_still_need_one(bullet):
    assert not quantified(bullet)


def test_quantified_impact_does_not_flag_a_bullet_with_a_data_volume():
    result = optimise(cv_from_text(CV), optimization_type="quantified_impact")
    flagged = " ".join(result.suggestions)
    assert "10GB" not in flagged
    assert "Wrote documentation for the team" in flagged


def test_backend_development_is_a_skill_not_a_tool():
    job = analyse_job("Backend Engineer\nRequired: backend development in Python, PostgreSQL and Jira.")
    assert "Backend Development" in job.required_skills
    assert "Backend Development" not in job.tools
    assert {"PostgreSQL", "Jira"} <= set(job.tools)
