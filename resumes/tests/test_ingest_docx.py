"""Word documents: styles, tables as layout, text boxes, headers/footers, hyperlinks."""

import pytest

from resumes.ingest import IngestError, parse_document, parse_document_with_meta
from resumes.tests.ingest_fixtures import builders


def test_heading_styles_bullets_and_tabbed_dates():
    cv, meta = parse_document_with_meta(builders.docx_paragraph_cv(), filename="cv.docx")
    assert meta["format"] == "docx"
    b = cv.basics
    assert (b.name, b.label, b.email) == ("Maria Keller", "Data Engineer", "maria.keller@example.org")
    assert b.phone == "+49 30 1234 5678"
    assert b.location.city == "Berlin"
    assert [(p.network, p.username) for p in b.profiles] == [("LinkedIn", "mariakeller")]
    assert b.summary.startswith("Data engineer with seven years")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Senior Data Engineer", "Zalando SE", "2021-03", "present"),
        ("Data Engineer", "DHL Group", "2017-09", "2021-02"),
    ]
    assert cv.work[0].highlights[1] == "Moved the warehouse from Redshift to BigQuery, cutting costs by 40%"
    assert [(e.studyType, e.area, e.institution) for e in cv.education] == [
        ("M.Sc.", "Computer Science", "Technische Universität München"),
        ("B.Sc.", "Mathematics", "Universität Heidelberg"),
    ]
    groups = {s.name: s.keywords for s in cv.skills}
    assert groups["Languages"] == ["Python", "SQL", "Scala"]
    assert groups["Platforms"][-1] == "k8s"
    assert groups["Spoken languages"] == ["German", "English", "Spanish"]
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("German", "native"),
        ("English", "C1"),
        ("Spanish", "B1"),
    ]
    assert (cv.certificates[0].name, cv.certificates[0].issuer, cv.certificates[0].date) == (
        "Google Professional Data Engineer",
        "Google Cloud",
        "2022",
    )


def test_tables_used_for_layout_read_cell_by_cell_and_rows_as_lines():
    cv = parse_document(builders.docx_table_layout_cv())
    assert cv.basics.name == "Tom Becker"
    assert cv.basics.phone == "+44 7700 900123"
    assert cv.basics.location.city == "Manchester"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Lead Frontend Developer", "Monzo Bank", "2019", "present"),
        ("Web Developer", "BBC", "2016", "2019"),
    ]
    assert cv.education[0].institution == "University of Leeds"
    assert cv.skills[0].keywords == ["JavaScript", "TypeScript", "React", "Node.js", "PostgreSQL"]


def test_text_boxes_headers_and_footers():
    cv = parse_document(builders.docx_textbox_header_cv())
    b = cv.basics
    assert b.name == "Aisha Rahman"  # from the page header
    assert b.label == "Machine Learning Engineer"  # from a text box, read once despite its VML copy
    assert cv.raw_text.count("Machine Learning Engineer\n") == 1
    assert b.location.city == "San Francisco"
    assert [(p.network, p.username) for p in b.profiles] == [("GitHub", "aisharahman")]
    assert [(w.position, w.name) for w in cv.work] == [
        ("Machine Learning Engineer", "Stripe"),
        ("Research Intern", "Microsoft Research"),
    ]
    edu = cv.education[0]
    assert (edu.institution, edu.studyType, edu.area, edu.endDate) == (
        "Carnegie Mellon University",
        "Master of Science",
        "Machine Learning",
        "2021-12",
    )
    # The footer's "Page 1 of 1" is page furniture, not a skill.
    assert cv.skills[0].keywords == ["PyTorch", "TensorFlow", "scikit-learn", "Spark", "AWS"]


def test_french_headings_and_dates():
    cv = parse_document(builders.docx_french_cv())
    assert cv.basics.name == "Camille Durand"
    assert cv.basics.location.city == "Lyon"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Chef de projet digital", "Groupe SEB", "2020-01", "present"),
        ("Développeuse web", "Capgemini", "2016-09", "2019-12"),
    ]
    assert cv.education[0].institution == "Université Claude Bernard Lyon 1"
    assert "Scrum" in cv.skills[0].keywords
    assert [lang.language for lang in cv.languages] == ["Français", "Anglais"]


def test_numbered_list_and_hyperlink_field_codes():
    body = (
        "<w:p><w:r><w:t>Priya Nair</w:t></w:r></w:p>"
        '<w:p><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://gitlab.com/priyanair" '
        "</w:instrText></w:r>"
        "<w:r><w:t>my GitLab</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Experience</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>QA Engineer, Infosys</w:t></w:r><w:r><w:tab/><w:t>2018 – 2020</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>Automated regression suites</w:t></w:r></w:p>"
    )
    cv = parse_document(builders.docx_with_body_xml(body))
    assert cv.basics.name == "Priya Nair"
    assert [(p.network, p.username) for p in cv.basics.profiles] == [("GitLab", "priyanair")]
    assert cv.work[0].position == "QA Engineer"
    assert cv.work[0].highlights == ["Automated regression suites"]


def test_damaged_docx_is_malformed():
    data = builders.docx_paragraph_cv()
    with pytest.raises(IngestError) as exc:
        parse_document(data[: len(data) // 2])
    assert exc.value.code == "malformed_file"


def test_custom_section_style_and_skills_grid():
    cv = parse_document(builders.docx_custom_styles_cv())
    assert cv.basics.name == "Jonathan O’Neill"
    assert (cv.basics.phone, cv.basics.location.city) == ("+353 87 123 4567", "Dublin")
    assert cv.basics.summary.startswith("Finance professional")
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Finance Manager, FP&A", "Stripe", "Dublin", "2020-06", "present"),
        ("Senior Associate, Audit", "KPMG Ireland", "Dublin", "2014-09", "2020-05"),
    ]
    edu = cv.education[0]
    assert (edu.studyType, edu.area, edu.institution) == (
        "BA (Hons)",
        "Business and Economics",
        "Trinity College Dublin",
    )
    # A table of single skills is a grid of items, not "label: items" rows.
    assert [(s.name, s.keywords) for s in cv.skills] == [
        (
            "Key Skills",
            ["Financial Modelling", "Power BI", "SQL", "IFRS", "Stakeholder Management", "Excel (VBA)"],
        )
    ]
    assert [i.name for i in cv.interests] == ["Marathon running", "chess", "Irish history"]


def test_deeply_nested_tables_are_read():
    cell = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(80):  # lxml itself refuses XML deeper than 256 elements
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
    cv = parse_document(builders.docx_with_body_xml(cell))
    assert "deep" in cv.raw_text


def test_bullets_typed_as_characters():
    paragraphs = [
        "Ana Lima",
        "ana@example.com",
        "Experience",
        "Engineer, Acme\t2019 – 2021",
        "• Built the API",
        "- Led the migration",
    ]
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in paragraphs)
    body = body.replace("\t", '</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">')
    cv = parse_document(builders.docx_with_body_xml(body))
    assert [(w.position, w.name, w.highlights) for w in cv.work] == [
        ("Engineer", "Acme", ["Built the API", "Led the migration"])
    ]
