"""A second CV for round trips: US formats, acronyms, an Inc. employer, a LinkedIn profile."""

from resumes.schema import StructuredCV

SECOND_CV = StructuredCV.model_validate(
    {
        "basics": {
            "name": "Priya Natarajan",
            "label": "Data Scientist",
            "email": "priya.n@example.org",
            "phone": "(415) 555-0142",
            "location": {"city": "San Francisco", "region": "CA", "countryCode": "US"},
            "profiles": [
                {"network": "LinkedIn", "username": "priyan", "url": "https://www.linkedin.com/in/priyan"}
            ],
            "summary": "Data scientist focused on forecasting and experimentation.",
        },
        "work": [
            {
                "name": "Acme Analytics Inc.",
                "position": "Lead Data Scientist",
                "startDate": "2020-01",
                "endDate": "present",
                "location": "San Francisco, CA",
                "highlights": [
                    "Built demand forecasting models in Python and PyTorch, cutting stockouts by 18%.",
                    "Ran 40+ A/B tests a quarter with a Bayesian framework.",
                ],
            },
            {
                "name": "Globex Corporation",
                "position": "Data Analyst",
                "startDate": "2016-07",
                "endDate": "2019-12",
                "location": "Austin, TX",
                "highlights": ["Automated weekly reporting with SQL and Airflow."],
            },
        ],
        "education": [
            {
                "institution": "University of Texas at Austin",
                "studyType": "MS",
                "area": "Statistics",
                "startDate": "2014-08",
                "endDate": "2016-05",
            },
            {
                "institution": "Indian Institute of Technology Madras",
                "studyType": "BTech",
                "area": "Electrical Engineering",
                "startDate": "2010-07",
                "endDate": "2014-05",
            },
        ],
        "skills": [
            {"name": "Machine learning", "keywords": ["Python", "PyTorch", "scikit-learn", "Statistics"]},
            {"name": "Data", "keywords": ["SQL", "Airflow", "Spark", "Tableau"]},
        ],
    }
)
