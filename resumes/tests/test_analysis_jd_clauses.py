"""Inline "Required: …. Nice to have: …" lists split into their own levels, whatever the
last required item is (an acronym such as SQL used to glue the two clauses together)."""

import pytest

from resumes.analysis import analyse_job


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Data Engineer. Required: Python, Spark, Airflow, SQL. Nice to have: Kubernetes.", "SQL"),
        (
            "Data Engineer. Required: Python, Spark, Airflow, PostgreSQL. Nice to have: Kubernetes.",
            "PostgreSQL",
        ),
        (
            "Data Engineer. Required: Python, Spark, Airflow, AWS. Nice to have: Kubernetes",
            "Amazon Web Services",
        ),
        ("Data Engineer. Required: Python, Spark, Airflow, SQL.  Preferred: Kubernetes.", "SQL"),
        ("Data Engineer. Must have: Python, Spark, Airflow, SQL. Kubernetes is a plus.", "SQL"),
        ("Data Engineer. Required: Python, Spark, Airflow, SQL (5+ years). Nice to have: Kubernetes.", "SQL"),
        ("Data Engineer. Required: Python, Spark, Airflow, SQL! Nice to have: Kubernetes.", "SQL"),
        ("Data Engineer. Required: Python, Spark, Airflow and SQL. Bonus: Kubernetes.", "SQL"),
    ],
)
def test_inline_required_and_nice_to_have_clauses_split(text, last):
    job = analyse_job(text)
    assert set(job.required_skills) >= {"Python", "Apache Spark", "Apache Airflow"}
    assert last in job.required_skills
    assert job.preferred_skills == ["Kubernetes"]


def test_dotted_abbreviations_do_not_split_a_clause():
    # "e.g." is not a sentence end: the clause's own "familiarity with" still applies after it.
    job = analyse_job(
        "Platform Engineer\nRequired: Python.\nFamiliarity with cloud platforms, e.g. AWS or GCP."
    )
    assert "Python" in job.required_skills
    assert {"Amazon Web Services", "Google Cloud Platform"} <= set(job.preferred_skills)
    assert "Amazon Web Services" not in job.required_skills
