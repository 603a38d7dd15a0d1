"""The failure families of real CVs (issue 14), each on a small fixture built here: a heading
column beside the entries, other languages' headings and dates, CV classes' entry macros,
zipped multi-file LaTeX projects, and confidence/provenance per extracted field."""

import io
import zipfile

import pytest

from resumes.ingest import IngestError, detect_format, parse_document, parse_text
from resumes.safety import UnsupportedFile, check_bytes
from resumes.tests.ingest_fixtures.builders import typst_pdf

# A JSON Resume theme's layout (jsonresume-theme-even): each section heading printed large in a
# left column, on the baseline of its first entry's title; bullets drawn by CSS (no glyph),
# only indented.
MARGIN_HEADINGS = """
#set page(width: 595pt, height: 842pt, margin: 40pt)
#set text(size: 10pt)
#text(size: 24pt)[Priya Lindqvist] \\
Toronto, Canada · priya.lindqvist\\@example.org · +44 7270 239929
#v(12pt)
#let entry(title, org, dates, items) = [
  #text(size: 15pt)[#title] \\
  #org \\
  #dates \\
  #for it in items [#h(10pt)#it \\ ]
]
#grid(columns: (90pt, 1fr), row-gutter: 10pt,
  text(size: 19pt)[Work], [
    #entry("Backend Developer", "Harbor & Finch", "Dec 2022 – Present", ("Introduced on-call tooling with zero downtime",))
    #entry("Product Manager", "Quillstone Software", "Nov 2020 – Sep 2022", ("Built an internal search API", "Designed the CI/CD platform"))
  ],
  text(size: 19pt)[Education], [
    #entry("University of Bristol", "BA in Economics", "Sep 2015 – Jun 2019", ())
  ],
)
"""


def test_heading_column_level_with_the_first_entry_opens_the_section():
    cv = parse_document(typst_pdf(MARGIN_HEADINGS))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Backend Developer", "Harbor & Finch", "2022-12", "present"),
        ("Product Manager", "Quillstone Software", "2020-11", "2022-09"),
    ]
    # Indented lines under a dated header are its description, not the next entry.
    assert " ".join(cv.work[1].highlights) == "Built an internal search API Designed the CI/CD platform"
    assert [(e.institution, e.endDate) for e in cv.education] == [("University of Bristol", "2019-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Camille Girard\ncamille@example.org\n\nExpérience professionnelle\n"
            "Ingénieur logiciel, Atelier Numérique\tdepuis 2019\n- Conçu une API\n"
            "Développeur backend, Hexaflux\t03/2016 – 12/2018\n\nFormation\n"
            "Master en Génie logiciel, Université de Lyon\t2014 – 2016\n",
            [("2019", "present"), ("2016-03", "2018-12")],
        ),
        (
            "Lena Brandt\nlena@example.org\n\nBerufserfahrung\n"
            "Softwareentwickler, Kranich Systems\t03/2019 – heute\n- Schnittstellen gebaut\n"
            "IT-Berater, Alpenbyte GmbH\tseit 01/2015\n\nAusbildung\n"
            "Master of Science Informatik, Universität Hamburg\t2012 – 2014\n",
            [("2019-03", "present"), ("2015-01", "present")],
        ),
        (
            "Wang Wei\nwang.wei@example.org\n\n工作经历\n"
            "软件工程师, 上海星辰科技有限公司\t2019.03 - 至今\n- 负责后端服务\n"
            "数据分析师, 华远智能科技\t2016年7月 - 2019年2月\n\n教育背景\n"
            "硕士 软件工程, 复旦大学\t2013.09 - 2016.06\n",
            [("2019-03", "present"), ("2016-07", "2019-02")],
        ),
    ],
    ids=["fr", "de", "zh"],
)
def test_headings_and_date_grammars_in_other_languages(text, expected):
    cv = parse_text(text)
    assert [(w.startDate, w.endDate) for w in cv.work] == expected
    assert len(cv.education) == 1 and cv.education[0].institution


def test_spanish_and_french_titles_in_either_order_and_gender():
    """Employers with no company word ("Energía Solana", "Hexaflux") are told from the title by
    the title's own words, feminine and masculine, whichever comes first."""
    cv = parse_text(
        "Lucía Romero\nlucia@example.org\n\nExperiencia profesional\n"
        "Energía Solana — Arquitecta de software\t04/2021 – actualidad\n- Diseñó la plataforma\n"
        "Técnico de sistemas, Innova Levante\t2017 – 2021\n- Mantuvo la red\n"
        "Hexaflux — Architecte logiciel\t2015 – 2017\n- Conçu une API\n"
        "Conseillère clientèle, Mutuelle Lémanique\t2013 – 2015\n"
    )
    assert [(w.position, w.name) for w in cv.work] == [
        ("Arquitecta de software", "Energía Solana"),
        ("Técnico de sistemas", "Innova Levante"),
        ("Architecte logiciel", "Hexaflux"),
        ("Conseillère clientèle", "Mutuelle Lémanique"),
    ]


def test_degrees_in_other_languages_keep_school_field_and_degree_apart():
    cv = parse_text(
        "Elena Castillo\nelena@example.org\n\nFormación académica\n"
        "Universidad de Valencia\t2016-09 — 2018-06\nIngeniería Informática\nGrado\n"
        "Universidad de Sevilla\t2014-09 — 2016-06\nMatemáticas\nLicenciatura\n\n"
        "Formation\n"
        # Dates first, then school and degree on one line: French lower-case month names and
        # linking words do not make it prose.
        "sept. 2013 – juin 2017\u2002Université de Genève, Master in Science des données\n"
    )
    assert [(e.institution, e.studyType, e.area, e.startDate) for e in cv.education] == [
        ("Universidad de Valencia", "Grado", "Ingeniería Informática", "2016-09"),
        ("Universidad de Sevilla", "Licenciatura", "Matemáticas", "2014-09"),
        ("Université de Genève", "Master", "Science des données", "2013-09"),
    ]


def test_undated_jobs_without_bullets_do_not_merge_into_the_next_job():
    # Employer and title on one line (a Google Docs export) ...
    one_line = parse_text(
        "王伟\nwang@example.org\n\n工作经历\n"
        "quanta-forge.com — 产品经理\n"
        "上海星辰科技有限公司 — 后端开发工程师\t2022年6月 – 2023年3月\n- 负责后端服务\n"
        "深圳蓝海网络科技, 深圳 — 后端开发工程师\t2020年7月 – 2022年6月\n"
        "成都锦程软件有限公司, 上海 — 数据分析师\n- 数据看板\n"
    )
    # ... or a line each (a LaTeX author's own entry macro).
    two_lines = parse_text(
        "王伟\nwang@example.org\n\n工作经历\n产品经理\nquanta-forge.com\n"
        "后端开发工程师\t2022年6月 – 2023年3月\n上海星辰科技有限公司\n- 负责后端服务\n"
        "后端开发工程师\t2020年7月 – 2022年6月\n深圳蓝海网络科技\t深圳\n"
        "数据分析师\n成都锦程软件有限公司\t上海\n- 数据看板\n"
    )
    for cv in (one_line, two_lines):
        assert [(w.position, w.name, w.startDate) for w in cv.work] == [
            ("产品经理", "quanta-forge.com", ""),
            ("后端开发工程师", "上海星辰科技有限公司", "2022-06"),
            ("后端开发工程师", "深圳蓝海网络科技", "2020-07"),
            ("数据分析师", "成都锦程软件有限公司", ""),
        ]


EUROPECV_CONTINUATIONS = r"""\documentclass{europecv}
\ecvname{Grace Carver}
\ecvemail{grace@example.org}
\begin{document}
\begin{europecv}
\ecvsection{Experience}
\ecvitem{12/2022 – Present}{\textbf{Backend Developer}, Harbor \& Finch}
\ecvitem{}{Introduced on-call tooling with zero downtime}
\ecvitem{}{\textbf{DevOps Engineer}, Lumen Freight}
\ecvitem{}{Led the CI/CD platform}
\ecvitem{11/2020 – 09/2022}{\textbf{Product Manager}, Quillstone Software, Austin, TX}
\ecvitem{}{Built an internal search API}
\end{europecv}
\end{document}
"""


def test_europecv_items_with_an_empty_label_continue_the_item_above():
    cv = parse_document(EUROPECV_CONTINUATIONS.encode(), filename="cv.tex")
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Backend Developer", "Harbor & Finch", "2022-12"),
        ("DevOps Engineer", "Lumen Freight", ""),  # led in bold: an undated job, not a line of text
        ("Product Manager", "Quillstone Software", "2020-11"),
    ]
    assert cv.work[0].highlights == ["Introduced on-call tooling with zero downtime"]


def test_europecv_curve_and_deedy_entry_macros():
    europecv = r"""\documentclass{europecv}
\ecvname{Anja Vogel}
\ecvemail{anja.vogel@example.org}
\ecvtelephone{+49 151 06118611}
\begin{document}\begin{europecv}
\ecvsection{Berufserfahrung}
\ecvitem{12/2018 -- 10/2021}{\textbf{Teamleiterin Entwicklung}, Bergmann Logistik AG, Leipzig}
\ecvsection{Ausbildung}
\ecvitem{09/2013 -- 06/2017}{\textbf{Bachelor of Science}, Informatik, Universität Wien}
\end{europecv}\end{document}"""
    cv = parse_document(europecv.encode(), filename="cv.tex")
    assert (cv.basics.name, cv.basics.email) == ("Anja Vogel", "anja.vogel@example.org")
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Teamleiterin Entwicklung", "Bergmann Logistik AG", "2018-12")
    ]
    assert cv.education[0].institution == "Universität Wien"

    curve = r"""\documentclass{curve}
\leftheader{miriam@example.org \\ +49 151 12345678}
\begin{document}
\begin{rubric}{Berufserfahrung}
\entry*[Juni 2023 -- heute] \textbf{Werkstudent Data Science}, \emph{Kranich Systems}
\entry*[April 2020 -- Mai 2023] \textbf{Projektleiter}, \emph{Feldmann \& Söhne}
\end{rubric}
\end{document}"""
    cv = parse_document(curve.encode(), filename="cv.tex")
    assert cv.basics.email == "miriam@example.org"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Werkstudent Data Science", "Kranich Systems", "2023-06", "present"),
        ("Projektleiter", "Feldmann & Söhne", "2020-04", "2023-05"),
    ]

    deedy = r"""\documentclass{deedy-resume-openfont}
\begin{document}
\namesection{Anja}{Schreiber}{anja@example.org | +49 151 06118611}
\section{Experience}
\runsubsection{Hansewerk Digital}
\descript{| Software Developer}
\location{10/2022 -- Present | Leipzig}
\begin{itemize}\item Built the billing pipeline\end{itemize}
\end{document}"""
    cv = parse_document(deedy.encode(), filename="cv.tex")
    assert (cv.basics.name, cv.basics.email) == ("Anja Schreiber", "anja@example.org")
    assert [(w.position, w.name, w.startDate) for w in cv.work] == [
        ("Software Developer", "Hansewerk Digital", "2022-10")
    ]


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


MAIN = r"""\documentclass[11pt]{moderncv}
\moderncvstyle{banking}
\name{Julien}{Marchand}
\email{julien@example.org}
\begin{document}
\makecvtitle
\input{sections/experience}
\include{sections/education.tex}
\input{../secret}
\end{document}
"""
EXPERIENCE = r"""\section{Expérience professionnelle}
\cventry{depuis 2019}{Ingénieur logiciel}{Atelier Numérique}{Lyon}{}{}
\cventry{03/2016 -- 12/2018}{Développeur backend}{Hexaflux}{Nantes}{}{}
"""
EDUCATION = r"""\section{Formation}
\cventry{2014 -- 2016}{Master}{Université de Lyon}{}{}{Génie logiciel}
"""


def test_zipped_latex_project_inlines_its_inputs_from_inside_the_archive():
    data = _zip(
        {
            "notes/old-draft.tex": "\\section{Experience}\\cventry{2001}{Never}{Here}{}{}{}",  # no \documentclass
            "cv.tex": MAIN,
            "sections/experience.tex": EXPERIENCE,
            "sections/education.tex": EDUCATION,
        }
    )
    assert detect_format(data, filename="project.zip") == "latex-zip"
    assert check_bytes(data, filename="project.zip").format == "latex-zip"
    cv = parse_document(data, filename="project.zip")
    assert cv.basics.name == "Julien Marchand"
    assert [(w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Atelier Numérique", "2019", "present"),
        ("Hexaflux", "2016-03", "2018-12"),
    ]
    assert [(e.institution, e.studyType) for e in cv.education] == [("Université de Lyon", "Master")]
    # "../secret" names a file outside the archive: left out, and said so.
    assert any("../secret" in w and "not in the archive" in w for w in cv.warnings)


def test_zip_guards_refuse_unsafe_or_oversized_projects(settings):
    with pytest.raises(UnsupportedFile, match="outside itself"):
        check_bytes(_zip({"cv.tex": MAIN, "../evil.tex": "x"}), filename="p.zip")
    settings.CV_DOCX_MAX_MEMBERS = 3
    with pytest.raises(UnsupportedFile, match="zip bomb"):
        check_bytes(_zip({f"s{i}.tex": "x" for i in range(5)} | {"cv.tex": MAIN}), filename="p.zip")
    settings.CV_DOCX_MAX_MEMBERS = 1000
    settings.CV_DOCX_MAX_UNCOMPRESSED_BYTES = 1000
    with pytest.raises(UnsupportedFile, match="zip bomb"):
        check_bytes(_zip({"cv.tex": MAIN + "%" * 5000}), filename="p.zip")
    with pytest.raises(UnsupportedFile, match="neither a Word document nor a LaTeX project"):
        check_bytes(_zip({"a.txt": "hello"}), filename="p.zip")
    with pytest.raises(IngestError, match="documentclass"):
        parse_document(_zip({"part.tex": EXPERIENCE}), filename="p.zip")


def test_confidence_and_provenance_per_field_and_low_confidence_warnings():
    cv = parse_text(
        "Olivia Ramsey\nolivia@example.org\n+44 7883 049761\n\nExperience\n"
        "Data Engineer, Kestrel Labs\tJan 2020 – Present\n- Built the data warehouse\n"
        "Led the data warehouse with zero downtime for all teams at the company\n\n"
        "Education\nBSc Computer Science, University of Bristol\t2015 – 2019\n"
    )
    prov = {p.field: p for p in cv.provenance}
    for field in ("basics.name", "basics.email", "basics.phone", "work[0]", "education[0]"):
        assert prov[field].line and prov[field].page == 1 and 0 < prov[field].confidence <= 1
    lines = cv.raw_text.split("\n")
    assert "olivia@example.org" in lines[prov["basics.email"].line - 1]
    assert "Kestrel Labs" in lines[prov["work[0]"].line - 1]
    assert prov["work[0]"].confidence >= 0.9
    doubtful = [p for f, p in prov.items() if f.startswith("work[") and p.confidence < 0.6]
    # An entry the parser is unsure of is kept and named in the warnings, not dropped.
    for p in doubtful:
        assert any(p.field in w and "low confidence" in w for w in cv.warnings)


def test_an_employers_website_is_not_its_name_and_a_link_only_employer_is_named_by_its_host():
    import docx

    document = docx.Document()
    document.add_paragraph("Jane Doe", style="Title")
    document.add_paragraph("jane@example.com")
    document.add_heading("Experience", level=1)
    # A JSON Resume theme's DOCX (kendall): name, place, website, dates, title on lines of their own.
    for line in (
        "fernhill.tech",
        "Austin, TX",
        "https://fernhill.tech",
        "June 2018 – May 2020",
        "Product Manager",
    ):
        document.add_paragraph(line)
    document.add_paragraph("Led a team of five", style="List Bullet")
    for line in ("Hexaflux", "Berlin", "https://www.hexaflux.io/", "March 2015 – May 2018", "Data Analyst"):
        document.add_paragraph(line)
    document.add_paragraph("Built a dashboard used by 40 teams", style="List Bullet")
    document.add_paragraph("Analyst | https://corvid.dev | June 2013 – Feb 2015")
    document.add_paragraph("Ran the weekly numbers", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    cv = parse_document(buffer.getvalue(), filename="cv.docx")
    assert [(w.name, w.position, w.startDate) for w in cv.work] == [
        ("fernhill.tech", "Product Manager", "2018-06"),
        ("Hexaflux", "Data Analyst", "2015-03"),
        ("corvid.dev", "Analyst", "2013-06"),
    ]
