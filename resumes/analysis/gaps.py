"""Gap analysis (PersonaForge): issues to fix and questions that ask for facts the CV lacks.

Answers the user gave earlier (``Known``) change the result: an answered question is not asked
again, and the issue it was about now says what to do with the answer ("You told us you used
Kubernetes: add it to …"). Question ids are stable, so clients may answer by id or by text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import StructuredCV
from . import terms
from .cvview import cv_view
from .engine import analyse_cv
from .findings import Finding, rewrite_opening
from .jd import JobRequirements, analyse_job
from .keywords import best_bullet
from .matching import SkillMatcher
from .text import quantified, weak_opener

_NO = re.compile(r"^\s*(no|nope|never|not really|none|n/a|i have not|i haven't)\b", re.I)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str  # skill | metric | dates | target_role | skills | education | preference | team_skill
    subject: str = ""


@dataclass
class Known:
    """What the user told us: answers by question id, and the skills their knowledge base holds."""

    answers: dict[str, str] = field(default_factory=dict)
    skills: set[str] = field(default_factory=set)

    def answer(self, question_id: str) -> str | None:
        return self.answers.get(question_id)


@dataclass
class GapReport:
    issues: list[dict]
    questions: list[Question]


# Questions whose wording never depends on the CV: an answer keyed by their text is understood
# even when the user has not run the analysis that asks them.
FIXED_QUESTIONS = {
    q.id: q
    for q in (
        Question("target_role", "What role are you aiming for next?", "target_role"),
        Question("skills", "Which tools and technologies do you use most?", "skills"),
        Question(
            "education",
            "What is your highest qualification (degree or training), where and when did you get it?",
            "education",
        ),
        Question(
            "preference:location",
            "Where are you based, and are you open to remote work or relocation?",
            "preference",
            "location",
        ),
    )
}


def affirmative(answer: str | None) -> bool:
    return bool(answer and answer.strip() and not _NO.match(answer))


def _slug(term: str) -> str:
    return terms.term_key(term).replace(" ", "-")


def _issue(field_name: str, suggestion: str, severity: str) -> dict:
    return {"field": field_name, "suggestion": suggestion, "severity": severity}


def _from_finding(finding: Finding) -> dict:
    return _issue(finding.field or finding.section, finding.recommendation, finding.severity)


def _role_name(position: str, employer: str) -> str:
    return " at ".join(x for x in (position.strip(), employer.strip()) if x) or "this role"


# --- one persona ----------------------------------------------------------------------------------
def persona_gaps(cv: StructuredCV, *, known: Known) -> GapReport:
    analysis = analyse_cv(cv, use_target_role=False)
    issues = [_from_finding(f) for f in analysis.findings if f.category != "keywords"]
    questions: list[Question] = []
    for i, job in enumerate(cv.work):
        role = _role_name(job.position, job.name)
        if job.highlights and not any(quantified(h) for h in job.highlights):
            qid = f"metric:work:{i}"
            answer = known.answer(qid)
            if answer:
                _replace(
                    issues,
                    f"work[{i}]",
                    f"Add the result you told us — “{answer}” — to a bullet under {role}.",
                )
            else:
                questions.append(
                    Question(
                        qid,
                        f"What measurable result did you achieve as {role} (users, %, money, time saved "
                        "or team size)?",
                        "metric",
                        role,
                    )
                )
        _ask_outcomes(job.highlights, i, role, issues, questions, known)
        if not job.startDate:
            _ask_or_use(
                questions,
                issues,
                known,
                Question(f"dates:work:{i}", f"When did you start and finish as {role}?", "dates", role),
                f"work[{i}].startDate",
                f"Add the dates you told us (“{{answer}}”) to {role}.",
            )
    fixed = [
        (
            "target_role",
            not cv.basics.label and not cv.basics.summary,
            "basics.summary",
            "Open the CV with a headline and summary aimed at the role you told us: “{answer}”.",
        ),
        (
            "skills",
            not cv.skill_names(),
            "skills",
            "Add a Skills section with what you told us you use: {answer}.",
        ),
        ("education", not cv.education, "education", "Add an Education section with: {answer}."),
    ]
    for question_id, lacking, field_name, template in fixed:
        if lacking:
            _ask_or_use(questions, issues, known, FIXED_QUESTIONS[question_id], field_name, template)
    location = FIXED_QUESTIONS["preference:location"]
    if not (cv.basics.location.city or cv.basics.location.address) and not known.answer(location.id):
        questions.append(location)
    return GapReport(issues=issues, questions=questions)


def _ask_outcomes(highlights, i, role, issues, questions, known: Known, limit: int = 3) -> None:
    """A duty-style bullet ("Responsible for X") hides its result: ask for it, then use it."""
    asked = 0
    for j, bullet in enumerate(highlights):
        if asked >= limit or not weak_opener(bullet) or quantified(bullet):
            continue
        asked += 1
        qid = f"outcome:work:{i}:{j}"
        answer = known.answer(qid)
        if not answer:
            questions.append(
                Question(qid, f"What was the result of “{bullet.strip()}” ({role})?", "metric", role)
            )
            continue
        rewrite = rewrite_opening(bullet).split(", <result")[0] or bullet.strip().rstrip(".")
        suggestion = f"Rewrite it with the result you told us: “{rewrite}, {answer.strip().rstrip('.')}”."
        for issue in issues:
            if issue["field"] == f"work[{i}].highlights[{j}]":
                issue.update(suggestion=suggestion, severity="low")
                break
        else:
            issues.append(_issue(f"work[{i}].highlights[{j}]", suggestion, "low"))


def _replace(issues: list[dict], prefix: str, suggestion: str) -> None:
    for issue in issues:
        if issue["field"].startswith(prefix) and "quantify" in issue["suggestion"].lower():
            issue["suggestion"] = suggestion
            issue["severity"] = "low"
            return
    issues.append(_issue(prefix, suggestion, "low"))


def _ask_or_use(questions, issues, known: Known, question: Question, field_name: str, template: str) -> None:
    answer = known.answer(question.id)
    if answer:
        issues.append(_issue(field_name, template.replace("{answer}", answer.strip()), "low"))
    else:
        questions.append(question)


# --- a persona against a job ------------------------------------------------------------------------
def role_match_gaps(cv: StructuredCV, *, job_description: str, known: Known) -> GapReport:
    job = analyse_job(job_description)
    analysis = analyse_cv(cv, job=job)
    view = cv_view(cv)
    issues: list[dict] = []
    questions: list[Question] = []
    missing = (
        analysis.keyword.missing_required + analysis.keyword.missing_preferred if analysis.keyword else []
    )
    for finding in analysis.findings:
        if finding.category == "keywords" and finding.keyword in missing:
            continue
        if finding.category in {"keywords", "integrity"} or finding.severity == "high":
            issues.append(_from_finding(finding))
    for skill in missing:
        required = analysis.keyword and skill in analysis.keyword.missing_required
        qid = f"skill:{_slug(skill)}"
        answer = known.answer(qid)
        bullet = best_bullet(skill, job, view.bullets)
        place = f"your {bullet.quote} bullet in {bullet.where}" if bullet else "the role where you used it"
        if skill in known.skills or affirmative(answer):
            detail = f" (“{answer.strip()}”)" if answer else ""
            issues.append(
                _issue(
                    f"skills.{skill}",
                    f"You told us you have used {skill}{detail}, but the CV does not show it: add it to "
                    f"Skills and to {place}.",
                    "medium",
                )
            )
        elif answer:
            issues.append(
                _issue(
                    f"skills.{skill}",
                    f"The job {'requires' if required else 'would like'} {skill} and you told us you have "
                    "not used it: a short course or side project using it would close the gap.",
                    "high" if required else "low",
                )
            )
        else:
            issues.append(
                _issue(
                    f"skills.{skill}",
                    f"The job {'requires' if required else 'would like'} {skill}, which the CV does not "
                    f"show. If you have used it, add it to Skills and to {place}.",
                    "high" if required else "low",
                )
            )
            questions.append(
                Question(qid, f"Have you used {skill}? If so, where and for how long?", "skill", skill)
            )
    if job.years_min and analysis.years_of_experience < job.years_min:
        q = Question(
            "years:total",
            f"The job asks for {job.years_min}+ years: what relevant experience (earlier roles, freelance, "
            "research) is not on your CV yet?",
            "years",
        )
        answer = known.answer(q.id)
        if answer:
            issues.append(
                _issue("work", f"Add the experience you told us about (“{answer}”) with dates.", "medium")
            )
        else:
            questions.append(q)
    return GapReport(issues=issues, questions=questions)


# --- a team ------------------------------------------------------------------------------------------
def team_gaps(members: list[tuple[str, StructuredCV]], *, team_description: str, known: Known) -> GapReport:
    """Which of the team's needs no member covers, and which rest on one member only."""
    job: JobRequirements = analyse_job(team_description)
    needs = job.skills + job.soft_skills
    issues: list[dict] = []
    questions: list[Question] = []
    if not needs:
        issues.append(
            _issue(
                "team_description",
                "The team description names no skills we recognise; list the skills and tools the team "
                "needs (e.g. “Python, Kubernetes, React”).",
                "medium",
            )
        )
        return GapReport(issues=issues, questions=questions)
    covers: dict[str, list[str]] = {skill: [] for skill in needs}
    for title, cv in members:
        view = cv_view(cv)
        have = set(terms.find_terms(view.text)) | {terms.canonical(s) or s for s in cv.skill_names()}
        matcher = SkillMatcher(view)  # phrase skills ("manual handling") are matched on meaning
        for skill in needs:
            if skill in have or matcher.presence(skill):
                covers[skill].append(title)
    for skill, titles in covers.items():
        required = skill not in job.preferred_skills
        qid = f"team_skill:{_slug(skill)}"
        if not titles:
            answer = known.answer(qid)
            if affirmative(answer):
                issues.append(
                    _issue(
                        f"skills.{skill}",
                        f"You told us the team has {skill} (“{answer.strip()}”), but no persona shows "
                        "it: add it to that person's CV so the coverage is visible.",
                        "low",
                    )
                )
                continue
            issues.append(
                _issue(
                    f"skills.{skill}",
                    f"No persona covers {skill}, which the team {'needs' if required else 'would like'}: "
                    "hire for it, train someone, or add it to the CV of whoever has it.",
                    "high" if required else "medium",
                )
            )
            if not answer:
                questions.append(
                    Question(
                        qid,
                        f"Does anyone on the team have experience with {skill} that their CV does not show?",
                        "team_skill",
                        skill,
                    )
                )
        elif len(titles) == 1 and len(members) > 1:
            issues.append(
                _issue(
                    f"skills.{skill}",
                    f"Only {titles[0]} covers {skill}: a single point of failure. Pair someone with them or "
                    "document the work.",
                    "medium",
                )
            )
    return GapReport(issues=issues, questions=questions)
