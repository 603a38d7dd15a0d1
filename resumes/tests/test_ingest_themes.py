"""The print habits of published CV themes (issue 14, second round), each on a small fixture
built here: HTML timelines converted to Word (nested lists, numbering switched off), icon-font
glyphs, letter-spaced dates, entry counts after headings, "degree at school", and headers in
which every line looks the same."""

from resumes.ingest import parse_document, parse_text
from resumes.ingest.extract.layout import clean_text
from resumes.tests.ingest_fixtures.builders import PAGE, docx_with_body_xml, typst_pdf


def _li(text: str, num: int, level: int = 0, indent: int = 709) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        f'<w:ind w:left="{indent * (level + 1)}" w:hanging="283"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def _p(text: str, style: str = "", unnumbered: bool = False) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if unnumbered:  # a list paragraph whose numbering is switched off (numId 0)
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
    run = f'<w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


# An HTML timeline as LibreOffice writes it to Word: each job a list item, its dates a
# paragraph with numbering off, its highlights a deeper list; the degree a list of its own.
HTML_TIMELINE = "".join(
    [
        _p("Grace Carver", "Heading1"),
        _p("grace.carver@example.org"),
        _p("Work Experience", "Heading2"),
        _li("Backend Developer, Northgate Systems", 2),
        _p("Aug, 2022 - Present", unnumbered=True),
        _li("Built the billing pipeline", 2, 1),
        _li("Led on-call tooling", 2, 1),
        _li("QA Engineer, Redmoor Logistics", 2),
        _p("Jun, 2020 - Jul, 2022", unnumbered=True),
        _li("Scaled the data warehouse", 2, 1),
        _p("Education", "Heading2"),
        _li("Statistics, PhD, Trinity College Dublin", 5),
        _p("Sep, 2016 - Jun, 2020", unnumbered=True),
    ]
)


def test_list_items_that_head_deeper_items_are_entries_not_bullets():
    cv = parse_document(docx_with_body_xml(HTML_TIMELINE), filename="cv.docx")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Backend Developer", "Northgate Systems", "2022-08", "present"),
        ("QA Engineer", "Redmoor Logistics", "2020-06", "2022-07"),
    ]
    assert cv.work[0].highlights == ["Built the billing pipeline", "Led on-call tooling"]
    # The degree sits in another list, indented as the jobs are, its dates below it.
    assert [(e.studyType, e.area, e.institution, e.endDate) for e in cv.education] == [
        ("PhD", "Statistics", "Trinity College Dublin", "2020-06")
    ]


def test_a_flat_bullet_list_stays_bullets():
    body = "".join(
        [
            _p("Experience", "Heading2"),
            _p("Data Analyst, Kestrel Labs"),
            _p("2019 – 2021"),
            _li("Built a dashboard", 7),
            _li("Cut report time in half", 7),
        ]
    )
    cv = parse_document(docx_with_body_xml(body), filename="cv.docx")
    assert [(w.position, w.name) for w in cv.work] == [("Data Analyst", "Kestrel Labs")]
    assert cv.work[0].highlights == ["Built a dashboard", "Cut report time in half"]


def test_icon_glyphs_letter_spacing_and_glued_durations_are_cleaned():
    assert clean_text("\uf111 Backend Developer, Harbor & Finch") == "Backend Developer, Harbor & Finch"
    assert (
        clean_text("Nov, 2020 - Sep, 2022 \ue60a 1 year 10 months")
        == "Nov, 2020 - Sep, 2022\u20021 year 10 months"
    )
    assert clean_text("S e p t 2 0 1 8 - J u n 2 0 2 0") == "Sept 2018 - Jun 2020"
    assert clean_text("Jun, 2021 - Jul, 20221 year 1 month") == "Jun, 2021 - Jul, 2022\u20021 year 1 month"
    # Letter-spaced words without digits are left for the heading matcher.
    assert clean_text("E D U C A T I O N") == "E D U C A T I O N"


def test_entry_counts_after_headings_and_degree_at_school():
    cv = parse_text(
        "Olivia Banerjee\nolivia@example.org\n\nWork Experience(2)\n"
        "Data Engineer at Kestrel Labs\tMar 2021 - Current\n- Built pipelines\n"
        "Analyst at Pinecrest Bank\tJan 2019 - Feb 2021\n\nEducation(1)\n"
        "PhD Statistics at Trinity College Dublin\tS e p t 2 0 1 4 - J u n 2 0 1 8\n"
    )
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Data Engineer", "Kestrel Labs", "2021-03"),
        ("Analyst", "Pinecrest Bank", "2019-01"),
    ]
    assert [(e.studyType, e.area, e.institution, e.startDate, e.endDate) for e in cv.education] == [
        ("PhD", "Statistics", "Trinity College Dublin", "2014-09", "2018-06")
    ]


def test_headers_in_one_look_are_split_by_dates_not_by_look():
    """A Word document in one paragraph style: date, title, employer, place, all alike."""
    body = "".join(
        [
            _p("Olivia Banerjee", "Heading1"),
            _p("Work Experience", "Heading2"),
            _p("Mar 2023 - Current"),
            _p("Frontend Developer"),
            _p("Harbor &amp; Finch"),
            _li("Scaled the release process", 3),
            _p("Dec 2020 - Jan 2023"),
            _p("Software Engineer"),
            _p("Kestrel Labs"),
            _p("Dublin, Ireland"),
            _li("Automated a dashboard", 3),
        ]
    )
    cv = parse_document(docx_with_body_xml(body), filename="cv.docx")
    assert [(w.position, w.name, w.startDate, w.location) for w in cv.work] == [
        ("Frontend Developer", "Harbor & Finch", "2023-03", ""),
        ("Software Engineer", "Kestrel Labs", "2020-12", "Dublin, Ireland"),
    ]


def test_job_board_export_with_role_and_dot_separated_place():
    cv = parse_text(
        "Grace Lindqvist\ngrace@example.org\n\nExperience\n\n"
        "Data Analyst as Full-time at Kestrel Labs\nJul 2023 to Present · Austin, TX\n- Automated a search API\n\n"
        "Data Analyst as Contractor at Tallis Health\nJul 2022 to Jun 2023\n\n"
        "QA Engineer at Redmoor Logistics\nJan 2021 to Jul 2022 · Melbourne, Australia\n\n"
        "Education\n\nTrinity College Dublin\nPhD, Statistics\n2018 to 2021\n\n"
        "Georgia Institute of Technology\nMBA, Business Administration\n2015 to 2018\n"
    )
    assert [(w.position, w.name, w.startDate, w.location) for w in cv.work] == [
        ("Data Analyst", "Kestrel Labs", "2023-07", "Austin, TX"),
        ("Data Analyst", "Tallis Health", "2022-07", ""),
        ("QA Engineer", "Redmoor Logistics", "2021-01", "Melbourne, Australia"),
    ]
    # Degrees with no bullets between them: the second date tells where the next one starts.
    assert [(e.institution, e.studyType, e.area, e.endDate) for e in cv.education] == [
        ("Trinity College Dublin", "PhD", "Statistics", "2021"),
        ("Georgia Institute of Technology", "MBA", "Business Administration", "2018"),
    ]


def test_german_compound_titles_lean_to_the_title_side():
    cv = parse_text(
        "Anja Vogel\nanja@example.org\n\nBerufserfahrung\n"
        "Feldmann & Söhne, Köln — IT-Berater\t04/2021 – heute\n"
        "Bergmann Logistik AG — Softwareentwickler\t11/2017 – 03/2021\n"
    )
    assert [(w.position, w.name) for w in cv.work] == [
        ("IT-Berater", "Feldmann & Söhne"),
        ("Softwareentwickler", "Bergmann Logistik AG"),
    ]


# A JSON Resume theme (kendall): employer, place and dates, then the title in the employer's
# print a little to the left, a "Highlights" label over the bullets; degrees with their years
# one a line above a school name that wraps.
KENDALL = """
#set page(width: 595pt, height: 842pt, margin: 40pt)
#set text(size: 10pt)
#text(size: 24pt)[Samuel Whitfield] \\
samuel\\@example.org
#v(8pt)
#text(size: 14pt)[WORK EXPERIENCE] \\
#let job(org, place, dates, title, items) = [
  #pad(left: 20pt)[#text(size: 12pt)[#org] \\ #text(size: 12pt)[#place] \\ #dates] #v(-4pt)
  #pad(left: 18pt)[#text(size: 12pt)[#title] \\ Highlights]
  #pad(left: 40pt)[#for it in items [#it \\ ]]
]
#job("Cobalt Ridge Energy", "Toronto, Canada", "2023 – Present", "Frontend Developer", ("Built a fraud model",))
#job("Northgate Systems", "Austin, TX", "2021 – 2023", "Software Engineer", ("Built the data warehouse", "Migrated the release process"))
#text(size: 14pt)[EDUCATION] \\
#pad(left: 20pt)[2017 \\ 2021 \\ #text(size: 12pt)[Georgia Institute of] \\ #text(size: 12pt)[Technology] \\ BSc \\ Computer Science]
#text(size: 14pt)[SKILLS] \\
#pad(left: 20pt)[Python, Go, SQL]
"""


def test_theme_with_title_below_the_dates_and_years_one_a_line():
    from resumes.tests.ingest_fixtures.builders import typst_pdf

    cv = parse_document(typst_pdf(KENDALL))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Frontend Developer", "Cobalt Ridge Energy", "2023", "present"),
        ("Software Engineer", "Northgate Systems", "2021", "2023"),
    ]
    assert " ".join(cv.work[1].highlights) == "Built the data warehouse Migrated the release process"
    assert [(e.institution, e.startDate, e.endDate) for e in cv.education] == [
        ("Georgia Institute of Technology", "2017", "2021")
    ]


# Round 3. An HTML theme (macchiato) converted to Word: every line is a heading style, the
# employers and schools in the very style of "Experience"; the contact block under "About";
# programming languages grouped under "Languages".
def _h(text: str, level: int) -> str:
    """A paragraph in Word's "Heading <level>" style, printed smaller the deeper the level."""
    half_points = {1: 60, 2: 24, 3: 21, 4: 18, 5: 17, 6: 15}[level]
    run = f'<w:r><w:rPr><w:sz w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{run}</w:p>'


ALL_HEADINGS = "".join(
    [
        _h("Samuel Whitfield", 1),
        _h("Frontend Developer", 2),
        _h("About", 3),
        _h("Austin, TX", 6),
        _h("samuel.whitfield@example.net", 6),
        _h("+44 7487 747016", 6),
        _h("Languages", 3),
        _h("Scala", 6),
        _h("Go", 6),
        _h("Python", 6),
        _h("Experience", 3),
        _h("Cobalt Ridge Energy", 3),
        _h("01/2023 - Present", 5),
        _h("Frontend Developer", 4),
        _li("Built a fraud detection model", 4),
        _h("Northgate Systems", 3),
        _h("01/2021 - 01/2023", 5),
        _h("Software Engineer", 4),
        _li("Built the data warehouse", 4),
        _h("Education", 3),
        _h("Georgia Institute of Technology", 3),
        _h("09/2017 - 06/2021", 5),
        _h("BSc Computer Science", 4),
        # A heading of no known name, with neither dates nor a school under it, is a section.
        _h("Side Quests", 3),
        _h("Pottery and long walks", 3),
    ]
)


def test_entries_printed_in_the_section_heading_style_stay_entries():
    cv = parse_document(docx_with_body_xml(ALL_HEADINGS), filename="cv.docx")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Frontend Developer", "Cobalt Ridge Energy", "2023-01", "present"),
        ("Software Engineer", "Northgate Systems", "2021-01", "2023-01"),
    ]
    assert [(e.institution, e.studyType) for e in cv.education] == [
        ("Georgia Institute of Technology", "BSc")
    ]
    # The contact block under "About" is contacts, not a summary.
    assert (cv.basics.email, cv.basics.phone, cv.basics.summary) == (
        "samuel.whitfield@example.net",
        "+44 7487 747016",
        "",
    )
    # "Languages" over Scala, Go, Python is a skills group, not three spoken languages.
    assert cv.languages == []
    assert [(s.name, s.keywords) for s in cv.skills] == [("Languages", ["Scala", "Go", "Python"])]


def test_an_about_section_in_prose_stays_the_summary_and_spoken_languages_stay_languages():
    cv = parse_text(
        "Ana Ruiz\nana@example.org\n\nAbout\nData analyst with eight years in retail banking, "
        "reach me at ana@example.org or +34 622 457 006 for references.\n\n"
        "Languages\nSpanish (native), English (C1)\n"
    )
    assert cv.basics.summary.startswith("Data analyst with eight years")
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("Spanish", "native"),
        ("English", "C1"),
    ]


def test_an_email_wrapped_by_a_narrow_column_and_tag_rows_without_separators():
    cv = parse_text(
        "Samuel Okafor\nAbout\nAustin, TX\nsamuel.okafor@post.\nexample.net\n+44 7001 677064\n\n"
        "Skills\nScala Rust C++\nMachine Learning\n"
    )
    assert cv.basics.email == "samuel.okafor@post.example.net"
    assert cv.basics.phone == "+44 7001 677064"
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Skills", ["Scala", "Rust", "C++", "Machine Learning"])
    ]


# A degree column too narrow for its words (RenderCV's classic themes): the degree wraps with
# hyphens over the lines below its row, beside nothing.
NARROW_DEGREE_COLUMN = r"""
#set page(width: 595pt, height: 842pt, margin: 50pt)
#set text(size: 10pt, lang: "es", hyphenate: true)
#text(size: 22pt)[Elena Castillo] \
elena\@example.org
#v(8pt)
#text(size: 14pt, weight: "bold")[Formación académica]
#grid(columns: (30pt, 1fr, auto), column-gutter: 4pt, row-gutter: 8pt,
  [Licenciatura], [Universidad de Valencia, Matemáticas], [09/2015 – 06/2019],
  [Grado], [Universidad de Zaragoza, Ingeniería Informática], [09/2011 – 06/2015],
  [Bachelor of Science], [Hochschule Darmstadt, Informatik], [09/2008 – 06/2011],
)
"""


def test_a_degree_hyphenated_down_a_narrow_column_is_one_word_again():
    from resumes.tests.ingest_fixtures.builders import typst_pdf

    cv = parse_document(typst_pdf(NARROW_DEGREE_COLUMN))
    assert [(e.studyType, e.institution, e.area, e.startDate) for e in cv.education] == [
        ("Licenciatura", "Universidad de Valencia", "Matemáticas", "2015-09"),
        ("Grado", "Universidad de Zaragoza", "Ingeniería Informática", "2011-09"),
        ("Bachelor of Science", "Hochschule Darmstadt", "Informatik", "2008-09"),
    ]


def test_rows_after_a_complete_row_belong_to_the_next_entry_whose_date_follows():
    cv = parse_text(
        "Elena Castillo\nelena@example.org\n\nFormación académica\n"
        "Licenciatura\tUniversidad de Valencia, Matemáticas\tSevilla, España\t09/2015 – 06/2019\n"
        "Grado\tUniversidad de Zaragoza, Ingeniería Informática\tSevilla, España\n"
        "09/2011 – 06/2015\n\n"
        "Experiencia\nIngeniero de software\tDatum Consultores\t2020 – 2022\nSevilla, España\n"
        "Analista de datos\tBanco del Ebro\t2018 – 2020\n"
    )
    assert [(e.studyType, e.institution, e.startDate) for e in cv.education] == [
        ("Licenciatura", "Universidad de Valencia", "2015-09"),
        ("Grado", "Universidad de Zaragoza", "2011-09"),
    ]
    # A place below a complete row stays with it.
    assert [(w.position, w.name, w.location) for w in cv.work] == [
        ("Ingeniero de software", "Datum Consultores", "Sevilla, España"),
        ("Analista de datos", "Banco del Ebro", ""),
    ]


def test_a_listed_open_end_without_a_start_does_not_split_the_entry():
    """kendall prints an undated job's open end as a list item between its header lines."""
    body = "".join(
        [
            _p("Luca Vidal", "Heading1"),
            _p("Experiencia profesional", "Heading2"),
            _p("Grupo Mediterráneo"),
            _p("November 2017 – March 2021"),
            _p("Ingeniero de software"),
            _li("Automated a dashboard", 3),
            _p("Innova Levante"),
            _p("Valencia, España"),
            _li("Present", 3),
            _p("Ingeniero de software"),
            _li("Introduced on-call tooling", 3),
        ]
    )
    cv = parse_document(docx_with_body_xml(body), filename="cv.docx")
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Ingeniero de software", "Grupo Mediterráneo", "2017-11"),
        ("Ingeniero de software", "Innova Levante", ""),
    ]
    assert cv.work[1].highlights == ["Introduced on-call tooling"]


def test_an_undated_job_in_the_heading_style_stays_an_entry():
    # Word: the undated employer, its place and title above its bullets, has the look of the
    # dated employers before it.
    body = "".join(
        [
            _h("Tobias Okafor", 1),
            _h("Experience", 3),
            _h("Redmoor Logistics", 3),
            _h("08/2023 - Present", 5),
            _h("Machine Learning Engineer", 4),
            _li("Reduced a dashboard's cost", 4),
            _h("tidewell.io", 3),
            _h("Remote", 5),
            _h("Machine Learning Engineer", 4),
            _li("Migrated the release process", 4),
            _h("Harbor &amp; Finch", 3),
            _h("03/2019 - 10/2020", 5),
            _h("Data Analyst", 4),
            _li("Built the data warehouse", 4),
        ]
    )
    cv = parse_document(docx_with_body_xml(body), filename="cv.docx")
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Machine Learning Engineer", "Redmoor Logistics", "2023-08"),
        ("Machine Learning Engineer", "tidewell.io", ""),
        ("Data Analyst", "Harbor & Finch", "2019-03"),
    ]
    assert cv.work[1].location == "Remote"


UNDATED_FIRST = r"""
#set page(width: 595pt, height: 842pt, margin: 50pt)
#set text(size: 9pt)
#text(size: 22pt)[Tobias Okafor] \
tobias\@example.org
#v(6pt)
#let h(t) = text(size: 12pt, weight: "bold")[#t]
#h[Experience] \
#h[tidewell.io] \
Machine Learning Engineer
#list[Migrated the release process]
#h[Harbor & Finch] \
03/2019 - 10/2020 \
Data Analyst
#list[Built the data warehouse]
#h[Education] \
#h[University of Bristol] \
BSc Economics \
#h[Skills] \
Python, Go
"""


def test_an_undated_first_job_with_a_title_and_bullets_under_it_is_an_entry():
    from resumes.tests.ingest_fixtures.builders import typst_pdf

    cv = parse_document(typst_pdf(UNDATED_FIRST))
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Machine Learning Engineer", "tidewell.io", ""),
        ("Data Analyst", "Harbor & Finch", "2019-03"),
    ]
    assert [(e.institution, e.studyType) for e in cv.education] == [("University of Bristol", "BSc")]


def test_header_lines_after_the_date_stay_with_their_entry_when_there_are_no_bullets():
    """Employer / place / dates / title, an entry with no bullets, the next without a place:
    the lines before the next date go over to it less those the entry before printed after
    its date."""
    cv = parse_text(
        "Sam Reyes\nsam@example.org\n\nExperience\n"
        "Quillstone Software\nLeeds, UK\nMarch 2016 – March 2018\nDevOps Engineer\n- Ran the on-call rota\n"
        "Lumen Freight\nAustin, TX\nDecember 2014 – February 2016\nDevOps Engineer\n"
        "Tallis Health\nOctober 2013 – December 2014\nBackend Developer\n- Automated the release\n"
    )
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("DevOps Engineer", "Quillstone Software", "2016-03"),
        ("DevOps Engineer", "Lumen Freight", "2014-12"),
        ("Backend Developer", "Tallis Health", "2013-10"),
    ]


UNDATED_HIGHLIGHTS = r"""
#set page(width: 595pt, height: 842pt, margin: 40pt)
#set text(size: 10pt)
#text(size: 24pt)[Sam Reyes] \
sam\@example.org
#v(8pt)
#text(size: 14pt)[WORK EXPERIENCE] \
#pad(left: 20pt)[#text(size: 12pt)[Brightwater Analytics] \ Leeds, UK \ #text(size: 12pt)[Backend Developer] \ Highlights]
#pad(left: 60pt)[Reduced the billing pipeline in under six \ months \ Led the data warehouse]
#text(size: 14pt)[EDUCATION] \
#pad(left: 20pt)[#text(size: 12pt)[University of Leeds] \ BSc Physics]
#text(size: 14pt)[SKILLS] \
#pad(left: 20pt)[Python, Go, SQL]
"""


def test_indented_lines_under_a_highlights_label_are_the_body_of_an_undated_entry():
    from resumes.tests.ingest_fixtures.builders import typst_pdf

    cv = parse_document(typst_pdf(UNDATED_HIGHLIGHTS))
    assert [(w.position, w.name) for w in cv.work] == [("Backend Developer", "Brightwater Analytics")]
    # The wrapped "months" is the first item's end, not an entry of its own.
    assert cv.work[0].highlights == [
        "Reduced the billing pipeline in under six months Led the data warehouse"
    ]


def test_entry_counts_after_chinese_headings():
    cv = parse_text(
        "王磊\nlei.wang@example.net\n\n工作经历(1)\n算法工程师\t2019.03 - 至今\n北京云图信息技术有限公司\n"
        "- 负责推荐算法\n\n教育背景（1）\n学士 电子信息工程, 北京航空航天大学\t2011.09 - 2015.06\n"
    )
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("算法工程师", "北京云图信息技术有限公司", "2019-03")
    ]
    assert [(e.institution, e.studyType) for e in cv.education] == [("北京航空航天大学", "学士")]


# A theme that prints "school   dates", then, indented, the field (behind an icon glyph) and
# the degree on the line below it (JSON Resume's "flat").
FLAT_EDUCATION = (
    PAGE
    + r"""
#text(size: 20pt)[Hanna Vogel] \
hanna\@example.org

#text(size: 13pt)[Work]

*Data Engineer*, Kestrel Labs #h(1fr) 2020-07 — 2023-01
- Built the nightly pipelines

#text(size: 13pt)[Education]

*University of Edinburgh* #h(1fr) 2016-09 — 2020-06
#pad(left: 1.1em)[Business Administration \ MBA]

*Hochschule Darmstadt* #h(1fr) 2012-10 — 2016-03
#pad(left: 1.1em)[Informatik \ Bachelor of Science]
"""
)


def test_degree_and_field_on_short_lines_under_the_school_and_dates():
    cv = parse_document(typst_pdf(FLAT_EDUCATION), filename="cv.pdf")
    assert [(e.institution, e.studyType, e.area, e.startDate, e.endDate) for e in cv.education] == [
        ("University of Edinburgh", "MBA", "Business Administration", "2016-09", "2020-06"),
        ("Hochschule Darmstadt", "Bachelor of Science", "Informatik", "2012-10", "2016-03"),
    ]


def test_prose_under_a_school_is_no_degree():
    source = FLAT_EDUCATION.replace(
        "#pad(left: 1.1em)[Business Administration \\ MBA]",
        "#pad(left: 1.1em)[Took part in the master class on negotiation and wrote for the student paper.]",
    )
    cv = parse_document(typst_pdf(source), filename="cv.pdf")
    assert [(e.institution, e.studyType) for e in cv.education] == [
        ("University of Edinburgh", ""),
        ("Hochschule Darmstadt", "Bachelor of Science"),
    ]
