"""CV layouts seen in the wild, rendered to PDF: the fields a reader would expect."""

from resumes.ingest import parse_document, parse_document_with_meta
from resumes.tests.ingest_fixtures.builders import pdf_layout


def test_harvard_style_employer_line_then_title_and_dates():
    cv = parse_document(pdf_layout("harvard"))
    assert cv.basics.name == "David Chen"
    assert cv.basics.phone == "(408) 555-0199"
    assert [(w.position, w.name.title(), w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Senior Software Engineer", "Adobe Inc", "San Jose, CA", "2019-06", "present"),
        ("Software Engineer II", "Cisco Systems", "Milpitas, CA", "2015-08", "2019-05"),
    ]
    assert cv.education[0].institution.title() == "University Of California, Davis"
    # Two labelled groups printed on one line stay two groups.
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Languages", ["Java", "Go", "Python"]),
        ("Cloud", ["AWS", "GCP"]),
    ]


def test_linkedin_export_with_sidebar_before_the_name():
    cv = parse_document(pdf_layout("linkedin"))
    b = cv.basics
    assert (b.name, b.label, b.email) == (
        "Sofia Rossi",
        "Product Manager at Bending Spoons",
        "sofia.rossi@example.it",
    )
    assert b.location.city.startswith("Milan")
    assert [(p.network, p.username) for p in b.profiles] == [("LinkedIn", "sofiarossi")]
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Product Manager", "Bending Spoons", "2021-03", "present"),
        ("Associate Product Manager", "Satispay", "2018-09", "2021-02"),
    ]
    edu = cv.education[0]
    assert (edu.institution, edu.area) == ("Politecnico di Milano", "Management Engineering")
    groups = {s.name: s.keywords for s in cv.skills}
    assert groups["Top Skills"] == ["Product Strategy", "A/B Testing", "SQL"]
    assert groups["Languages"] == ["Italian", "English"]  # the name block does not leak into it


def test_left_date_column_with_german_headings():
    cv = parse_document(pdf_layout("left_dates"))
    assert cv.basics.label == "Senior UX Researcher"
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Senior UX Researcher", "Otto Group", "Hamburg", "2020-04", "present"),
        ("UX Designerin", "XING SE", "Hamburg", "2017-01", "2020-03"),
    ]
    assert (cv.education[0].studyType, cv.education[0].institution) == ("M.A.", "Universität Hamburg")
    assert "Figma" in cv.skills[0].keywords


def test_letter_spaced_headings_and_pipe_separated_entries():
    cv = parse_document(pdf_layout("caps_pipes"))
    assert (cv.basics.name, cv.basics.label) == ("Ravi Kumar", "Full Stack Developer")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Full Stack Developer", "Flipkart", "2021-07", "present"),
        ("Software Engineer", "Infosys", "2018-06", "2021-06"),
    ]
    edu = cv.education[0]
    assert (edu.studyType, edu.area, edu.institution) == ("B.Tech", "Computer Science", "VIT Vellore")
    assert cv.skills[0].name == "Technical Skills"
    assert cv.skills[0].keywords == ["React", "Node.js", "Spring Boot", "MySQL", "Docker"]


def test_main_column_section_continues_after_the_sidebar_on_page_two():
    from resumes.tests.ingest_fixtures.builders import pdf_two_page_sidebar_cv

    cv, meta = parse_document_with_meta(pdf_two_page_sidebar_cv())
    assert meta["pages"] == 2
    assert cv.basics.name == "Noor Aziz"
    assert cv.basics.phone == "+92 300 1234567"
    assert [w.name for w in cv.work] == [f"Company {i}" for i in range(9)]
    assert cv.education[0].institution == "University of Lahore"
    assert cv.skills[0].keywords == ["C#", ".NET", "Azure", "SQL Server"]


def test_wide_letter_spacing_reads_as_words():
    from resumes.tests.ingest_fixtures.builders import PAGE, typst_pdf

    data = typst_pdf(
        PAGE
        + "#text(size: 20pt, tracking: 4pt)[MARIA GARCIA]\n\n"
        + '#text(tracking: 3pt, weight: "bold")[WORK EXPERIENCE]\n\n'
        + "*Data Analyst*, Acme Corp #h(1fr) 2019 – 2021\n- Built dashboards\n\n"
        + '#text(tracking: 3pt, weight: "bold")[EDUCATION]\n\n'
        + "BSc Statistics, University of Porto #h(1fr) 2015 – 2019\n"
    )
    cv = parse_document(data)
    assert cv.basics.name == "Maria Garcia"
    assert [(w.position, w.name) for w in cv.work] == [("Data Analyst", "Acme Corp")]
    assert cv.education[0].institution == "University of Porto"
