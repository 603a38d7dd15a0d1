"""LaTeX sources: CV classes' macros become structure; nothing outside the file is read."""

import pytest

from resumes.ingest import IngestError, parse_document

MODERNCV = r"""
\documentclass[11pt,a4paper,sans]{moderncv}
\moderncvstyle{classic}
\name{Ana}{Souza}
\title{Site Reliability Engineer}
\address{Rua Augusta 100}{São Paulo}{Brazil}
\phone[mobile]{+55~11~91234~5678}
\email{ana.souza@example.com}
\social[github]{anasouza}
\social[linkedin]{ana-souza}
% \email{commented@out.com}
\begin{document}
\makecvtitle
\section{Experience}
\cventry{2020--Present}{SRE Lead}{Nubank}{São Paulo}{}{Runs the on-call program.\newline{}%
\begin{itemize}\item Cut incident count by 30\,\%\item Wrote the \textbf{SLO} handbook\end{itemize}}
\cventry{2016--2020}{Systems Administrator}{Totvs}{Joinville}{}{}
\section{Education}
\cventry{2011--2015}{B.Sc. in Computer Engineering}{Universidade de S\~ao Paulo}{São Paulo}{}{}
\section{Computer skills}
\cvitem{Cloud}{AWS, GCP, Terraform}
\cvdoubleitem{Languages}{Go, Python}{Observability}{Prometheus, Grafana}
\section{Languages}
\cvitemwithcomment{Portuguese}{Native}{}
\cvitemwithcomment{English}{Fluent}{TOEFL 110}
\clearpage
\recipient{HR}{Company}
\makelettertitle
Dear Sir or Madam, this cover letter is not part of the CV.
\end{document}
"""

AWESOME = r"""
\documentclass[11pt, a4paper]{awesome-cv}
\name{Kenji}{Watanabe}
\position{Mobile Developer}
\email{kenji@example.jp}
\mobile{(+81) 90-1234-5678}
\github{kenjiw}
\begin{document}
\makecvheader
\cvsection{Work Experience}
\begin{cventries}
  \cventry{iOS Engineer}{Mercari, Inc.}{Tokyo, Japan}{Apr. 2019 - Present}
    {\begin{cvitems}\item {Shipped the new listing flow in SwiftUI}\end{cvitems}}
\end{cventries}
\cvsection{Skills}
\begin{cvskills}
  \cvskill{Mobile}{Swift, Kotlin, Flutter}
\end{cvskills}
\end{document}
"""

JAKE = r"""
\documentclass[letterpaper,11pt]{article}
\newcommand{\resumeItem}[1]{\item\small{{#1 \vspace{-2pt}}}}
\newcommand{\resumeSubheading}[4]{
  \vspace{-2pt}\item
    \begin{tabular*}{0.97\textwidth}[t]{l@{\extracolsep{\fill}}r}
      \textbf{#1} & #2 \\
      \textit{\small#3} & \textit{\small #4} \\
    \end{tabular*}\vspace{-7pt}
}
\begin{document}
\begin{center}
    \textbf{\Huge \scshape Sam Lee} \\ \vspace{1pt}
    \small 555-123-4567 $|$ \href{mailto:sam@example.edu}{\underline{sam@example.edu}} $|$
    \href{https://github.com/samlee}{\underline{github.com/samlee}}
\end{center}
\section{Experience}
  \begin{itemize}
    \resumeSubheading{Software Engineering Intern}{May 2023 -- Aug. 2023}{Datadog}{New York, NY}
      \begin{itemize}\resumeItem{Built a log sampling service in Go}\end{itemize}
  \end{itemize}
\section{Education}
  \begin{itemize}
    \resumeSubheading{Georgia Institute of Technology}{Atlanta, GA}
      {Bachelor of Science in Computer Science}{Aug. 2020 -- May 2024}
  \end{itemize}
\section{Technical Skills}
 \textbf{Languages}{: Go, Python, TypeScript} \\
 \textbf{Tools}{: Docker, Git}
\input{secret-section}
\section{Interests}
\foo{Unknown macro text survives}
\end{document}
"""

RES_CLS = r"""\documentclass{resume}
\name{Maya Patel}
\address{Austin, TX \\ maya.patel@example.com \\ (512) 555-0100}
\begin{document}
\begin{rSection}{Experience}
\textbf{Data Scientist} \hfill Jan 2021 - Present\\
Indeed \hfill Austin, TX
\begin{itemize}
\item Built ranking models
\end{itemize}
\textbf{Analyst} \hfill 2018 - 2020\\
Dell Technologies \hfill Round Rock, TX
\end{rSection}
\begin{rSection}{Education}
{\bf University of Texas at Austin} \hfill {\em May 2018} \\
B.S. in Statistics
\end{rSection}
\begin{rSection}{Skills}
\begin{tabular}{ @{} >{\bfseries}l @{\hspace{6ex}} l }
Languages & Python, R, SQL \\
Tools & Spark, Airflow
\end{tabular}
\end{rSection}
\end{document}
"""


def test_moderncv_entries_header_and_cover_letter():
    cv = parse_document(MODERNCV.encode(), filename="cv.tex")
    b = cv.basics
    assert (b.name, b.label, b.email) == ("Ana Souza", "Site Reliability Engineer", "ana.souza@example.com")
    assert b.phone == "+55 11 91234 5678"
    assert b.location.address == "Rua Augusta 100, São Paulo, Brazil"
    assert sorted((p.network, p.username) for p in b.profiles) == [
        ("GitHub", "anasouza"),
        ("LinkedIn", "ana-souza"),
    ]
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("SRE Lead", "Nubank", "São Paulo", "2020", "present"),
        ("Systems Administrator", "Totvs", "Joinville", "2016", "2020"),
    ]
    assert cv.work[0].highlights == ["Cut incident count by 30 %", "Wrote the SLO handbook"]
    edu = cv.education[0]
    assert (edu.studyType, edu.area, edu.institution) == (
        "B.Sc.",
        "Computer Engineering",
        "Universidade de São Paulo",
    )
    assert [(s.name, s.keywords) for s in cv.skills[:3]] == [
        ("Cloud", ["AWS", "GCP", "Terraform"]),
        ("Languages", ["Go", "Python"]),
        ("Observability", ["Prometheus", "Grafana"]),
    ]
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("Portuguese", "Native"),
        ("English", "Fluent (TOEFL 110)"),
    ]
    assert "commented@out.com" not in cv.raw_text
    assert "cover letter" not in cv.raw_text


def test_awesome_cv_argument_order():
    cv = parse_document(AWESOME.encode())
    assert (cv.basics.name, cv.basics.label) == ("Kenji Watanabe", "Mobile Developer")
    assert cv.basics.phone == "(+81) 90-1234-5678"
    work = cv.work[0]
    assert (work.position, work.name, work.location, work.startDate, work.endDate) == (
        "iOS Engineer",
        "Mercari, Inc.",
        "Tokyo, Japan",
        "2019-04",
        "present",
    )
    assert work.highlights == ["Shipped the new listing flow in SwiftUI"]
    assert [(s.name, s.keywords) for s in cv.skills] == [("Mobile", ["Swift", "Kotlin", "Flutter"])]


def test_user_macros_expand_and_unknown_ones_degrade_to_text():
    cv = parse_document(JAKE.encode())
    b = cv.basics
    assert (b.name, b.email, b.phone) == ("Sam Lee", "sam@example.edu", "555-123-4567")
    assert [(p.network, p.username) for p in b.profiles] == [("GitHub", "samlee")]
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Software Engineering Intern", "Datadog", "New York, NY", "2023-05", "2023-08"),
    ]
    assert cv.work[0].highlights == ["Built a log sampling service in Go"]
    edu = cv.education[0]
    assert (edu.institution, edu.studyType, edu.area, edu.location) == (
        "Georgia Institute of Technology",
        "Bachelor of Science",
        "Computer Science",
        "Atlanta, GA",
    )
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Languages", ["Go", "Python", "TypeScript"]),
        ("Tools", ["Docker", "Git"]),
    ]
    assert "secret-section" not in cv.raw_text  # \input is not followed, nor printed
    assert "Unknown macro text survives" in cv.raw_text


def test_runaway_macro_is_rejected_not_hung():
    source = (
        r"\documentclass{article}\newcommand{\loop}{\loop\loop}"
        r"\begin{document}\section{Skills}\loop\end{document}"
    )
    with pytest.raises(IngestError) as exc:
        parse_document(source.encode())
    assert exc.value.code == "malformed_file"


def test_section_environments_and_hfill_columns():
    cv = parse_document(RES_CLS.encode())
    b = cv.basics
    # \\address holds the whole contact block in this class.
    assert (b.name, b.email, b.phone, b.location.city) == (
        "Maya Patel",
        "maya.patel@example.com",
        "(512) 555-0100",
        "Austin",
    )
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in cv.work] == [
        ("Data Scientist", "Indeed", "Austin, TX", "2021-01", "present"),
        ("Analyst", "Dell Technologies", "Round Rock, TX", "2018", "2020"),
    ]
    edu = cv.education[0]
    assert (edu.institution, edu.studyType, edu.area, edu.endDate) == (
        "University of Texas at Austin",
        "B.S.",
        "Statistics",
        "2018-05",
    )
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Languages", ["Python", "R", "SQL"]),
        ("Tools", ["Spark", "Airflow"]),
    ]
