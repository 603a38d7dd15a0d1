"""The Resume Optimizer chat assistant on the builtin engine: answers built from the resume's own
analysis (``resumes.analysis``), never canned text.

Registered as the builtin handler of the AI engine's ``chat_reply`` task (see ``apps.py``), so a
chat message always goes through ``llm.services.run_task``: with a model configured the router
asks it (the resume and its analysis as labelled data) and fails over to this; offline this
answers directly. Inputs: ``message``, ``history`` (earlier turns, oldest first, each
``{role, content, intent}``), ``cv`` (the session's resume), ``job_title`` and
``job_description`` (the last ones discussed), ``analysis`` (score, issues, missing keywords,
for a remote model; recomputed here).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from resumes.analysis import CVAnalysis, analyse_cv, analyse_job
from resumes.analysis.cvview import cv_view
from resumes.analysis.engine import role_requirements, summary_draft
from resumes.analysis.findings import rewrite_opening
from resumes.analysis.llm_handler import job_text, task_cv
from resumes.analysis.text import defuse, quantified, starts_with_action_verb
from resumes.schema import StructuredCV

# Checked in this order: the first intent one of whose words starts a word of the message
# answers it.
INTENTS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(r"\b(?:" + "|".join(words) + ")", re.I))
    for name, words in [
        ("ats", (r"ats\b", "applicant tracking", "pars", "format")),
        ("summary", ("summary", "profile", "about me", "objective", "headline")),
        ("bullet", ("bullet", "rewrite this", "rephrase", "reword", "achievement")),
        ("missing", ("missing", "lack", "gap", "what do i need", "requirement", "qualif")),
        ("keywords", ("keyword", "skill", "technolog", "stack", r"add\b")),
        ("score", ("score", "rating", "rate my", "how good", "grade")),
        ("more", ("what else", "anything else", r"more\b", r"next\b", "continue", "and then")),
        ("thanks", ("thank", "cheers")),
        ("improve", ("improv", "better", "feedback", "review", "fix", "help", "advice", "tips")),
    ]
]
_FOR_ROLE = re.compile(
    r"\bfor (?:a |an |the )?([a-z][\w+#./ -]{2,60}?)(?: role| position| job| opening)\b", re.I
)
_QUOTED = re.compile(r"[\"“']([^\"”']{12,400})[\"”']")
_PER_TURN = 3


@dataclass
class Context:
    message: str
    cv: StructuredCV | None
    analysis: CVAnalysis | None
    job_title: str
    job_description: str
    history: list[dict] = field(default_factory=list)

    @property
    def target(self) -> str:
        if self.job_title:
            return f"the {self.job_title} role"
        if self.job_description:
            return "the job you shared"
        if self.analysis and self.analysis.target_role:
            return f"a {self.analysis.target_role} role"
        return "your target role"


def intent_of(message: str) -> str:
    return next((name for name, pattern in INTENTS if pattern.search(message)), "improve")


def resolved_intent(message: str, history: list[dict]) -> str:
    """The message's intent; a follow-up ("what else?") continues the previous answer's."""
    intent = intent_of(message)
    if intent == "more":
        return _last_intent(history) or "improve"
    return intent


def looks_like_job_description(text: str) -> bool:
    """A pasted job advert (long, and naming skills the engine knows) rather than a question."""
    if len(text) < 300:
        return False
    job = analyse_job(text)
    return len(job.required_skills) + len(job.preferred_skills) >= 3


def chat_reply_handler(inputs: dict) -> dict:
    message, removed = defuse(str(inputs.get("message") or ""))
    if removed and not message.strip():
        return {
            "reply": "I can't share my instructions, but I'm happy to help with your CV. "
            "What would you like to improve?",
            "suggestions": [
                "How can I improve my resume?",
                "Is it ATS-friendly?",
                "Which keywords should I add?",
            ],
            "intent": "refused",
        }
    context = _context(inputs, message)
    intent = resolved_intent(message, context.history)
    if context.cv is None or context.analysis is None:
        return {"reply": _no_resume(context), "suggestions": _suggestions("none"), "intent": intent}
    reply = ANSWERS[intent](context)
    return {"reply": reply, "suggestions": _suggestions(intent), "intent": intent}


def _context(inputs: dict, message: str) -> Context:
    has_cv = bool(inputs.get("cv"))
    cv = task_cv(inputs) if has_cv else None
    job_title = str(inputs.get("job_title") or "").strip()
    job = job_text(inputs)
    analysis = None
    if cv is not None and (cv.raw_text.strip() or cv.work or cv.skills):
        if job:
            analysis = analyse_cv(cv, job_text=job)
        elif job_title:
            analysis = analyse_cv(cv, job=role_requirements(job_title) or analyse_job(job_title))
        else:
            analysis = analyse_cv(cv)
    history = [h for h in inputs.get("history") or [] if isinstance(h, dict)]
    return Context(message, cv, analysis, job_title, job, history)


def _last_intent(history: list[dict]) -> str:
    for turn in reversed(history):
        if turn.get("role") == "assistant" and turn.get("intent") not in (None, "", "more", "thanks"):
            return str(turn["intent"])
    return ""


def _already_told(context: Context, intent: str) -> int:
    """How many consecutive earlier answers gave this intent: each one showed _PER_TURN items."""
    count = 0
    for turn in reversed(context.history):
        if turn.get("role") != "assistant":
            continue
        if turn.get("intent") != intent:
            break
        count += 1
    return count


# --- the answers ----------------------------------------------------------------------------
def _improve(context: Context) -> str:
    analysis = context.analysis
    start = _already_told(context, "improve") * _PER_TURN
    findings = analysis.findings[start : start + _PER_TURN]
    if not findings:
        done = "That is everything the analysis found" if start else "The analysis found nothing to fix"
        return f"{done}: your resume scores {analysis.overall_score}/100 against {context.target}."
    head = (
        f"Your resume scores {analysis.overall_score}/100 against {context.target}. "
        if not start
        else "Next on the list:\n"
    )
    lines = [f"{start + i + 1}. {f.message} {f.recommendation}" for i, f in enumerate(findings)]
    tail = len(analysis.findings) - start - len(findings)
    more = f"\n\n{tail} more point{'s' if tail != 1 else ''} — ask “what else?”." if tail > 0 else ""
    strengths = f"\n\nAlready strong: {analysis.strengths[0]}" if analysis.strengths and not start else ""
    return head + "The most important fixes:\n" * (not start) + "\n".join(lines) + strengths + more


def _score(context: Context) -> str:
    analysis = context.analysis
    parts = [
        f"{name.replace('_', ' ')} {score}/100"
        for name, score in analysis.scores.items()
        if score is not None
    ]
    weakest = min(
        ((n, s) for n, s in analysis.scores.items() if s is not None), key=lambda item: item[1], default=None
    )
    text = f"Overall {analysis.overall_score}/100 against {context.target} ({', '.join(parts)})."
    if weakest and analysis.reasons.get(weakest[0]):
        text += f" The weakest part is {weakest[0].replace('_', ' ')}: {analysis.reasons[weakest[0]][0]}"
    if analysis.keyword_note:
        text += f" {analysis.keyword_note}"
    return text


def _keywords(context: Context) -> str:
    keyword = context.analysis.keyword
    if keyword is None:
        return (
            "I need a job to compare with: paste the job description or send an optimization_request "
            "with the job title, and I will list the keywords your resume lacks."
        )
    start = _already_told(context, "keywords") * 6
    missing = (keyword.missing_required + keyword.missing_preferred + keyword.missing_keywords)[start:]
    text = (
        f"Against {keyword.against}, your resume shows {', '.join(keyword.matched_required[:8]) or 'none'} "
    )
    text += "of the required skills."
    if missing:
        text += " Add these if they are true for you: " + ", ".join(missing[:6]) + "."
        bullet = _bullet_for(context)
        if bullet:
            text += f" A good place for the first one is {bullet}."
    else:
        text += " Nothing the job asks for is missing."
    if keyword.listed_only:
        text += (
            " Listed but never shown in a bullet (mention where you used them): "
            + ", ".join(keyword.listed_only[:5])
            + "."
        )
    return text


def _missing(context: Context) -> str:
    role = _FOR_ROLE.search(context.message)
    analysis = context.analysis
    target = context.target
    if role:
        name = role.group(1).strip()
        job = role_requirements(name) or analyse_job(name)
        analysis = analyse_cv(context.cv, job=job)
        target = f"a {name} role"
    keyword = analysis.keyword
    if keyword is None:
        return _keywords(context)
    gaps = []
    if keyword.missing_required:
        gaps.append("required skills: " + ", ".join(keyword.missing_required[:6]))
    if keyword.missing_preferred:
        gaps.append("nice-to-have: " + ", ".join(keyword.missing_preferred[:5]))
    if keyword.years_required and keyword.years_found < keyword.years_required:
        gaps.append(f"{keyword.years_required} years asked, your resume shows {keyword.years_found:g}")
    if keyword.missing_qualifications:
        gaps.append("qualifications: " + ", ".join(keyword.missing_qualifications[:3]))
    if not gaps:
        return f"For {target} nothing is missing: keyword match {keyword.score}/100."
    return f"For {target} (keyword match {keyword.score}/100) your resume is missing " + "; ".join(gaps) + "."


def _summary(context: Context) -> str:
    analysis = context.analysis
    view = cv_view(context.cv)
    focus = list(analysis.keyword.matched_required[:3]) if analysis.keyword else []
    skills = focus + [s for s in context.cv.skill_names() if s not in focus]
    draft = summary_draft(
        view, analysis.target_role or context.job_title, analysis.years_of_experience, skills
    )
    if not draft:
        return "Your resume gives me no role or skills to build a summary from: add your latest job first."
    current = (context.cv.basics.summary or "").strip()
    before = f"Your current summary: “{current}”\n\n" if current else "Your resume has no summary yet.\n\n"
    return before + f"A summary from your own facts, for {context.target}:\n\n{draft}"


def _bullet(context: Context) -> str:
    quoted = _QUOTED.search(context.message)
    if quoted:
        text = quoted.group(1).strip()
        rewrite = rewrite_opening(text)
        if rewrite:
            return f"Rewritten to lead with the action:\n\n{rewrite}"
        if not quantified(text):
            return f"“{text}” opens well; end it with the result: how many, what % or how much time saved."
        return f"“{text}” already leads with an action and a number: keep it."
    weak = _weak_bullets(context.cv)
    start = _already_told(context, "bullet")
    if not weak[start:]:
        return "Every bullet opens with an action verb and carries a number: nothing to rewrite."
    where, text = weak[start]
    rewrite = rewrite_opening(text) or f"{text.rstrip('. ')}, <result: number, % or time saved>"
    return f"The bullet in {where} that needs it most:\n\n“{text}”\n\nRewritten:\n\n{rewrite}"


def _weak_bullets(cv: StructuredCV) -> list[tuple[str, str]]:
    """(where, bullet) of every bullet without an action verb first, then those without a number."""
    bullets = [
        (f"your '{job.position}' role at {job.name}" if job.name else f"your '{job.position}' role", text)
        for job in cv.work
        for text in job.highlights
        if text.strip()
    ]
    no_verb = [b for b in bullets if not starts_with_action_verb(b[1])]
    no_number = [b for b in bullets if b not in no_verb and not quantified(b[1])]
    return no_verb + no_number


def _ats(context: Context) -> str:
    analysis = context.analysis
    formatting = analysis.scores.get("formatting") or 0
    verdict = "yes" if formatting >= 80 else "mostly" if formatting >= 60 else "not yet"
    problems = [f for f in analysis.findings if f.category in ("formatting", "integrity", "sections")]
    text = f"ATS-friendly: {verdict} (formatting {formatting}/100)."
    if problems:
        text += " What a parser trips over: " + " ".join(
            f"{f.message} {f.recommendation}" for f in problems[:_PER_TURN]
        )
    else:
        text += " Standard sections, plain text, no tables or hidden text: parsers read it as written."
    return text


def _thanks(context: Context) -> str:
    left = len(context.analysis.findings)
    return f"You're welcome. {left} point{'s' if left != 1 else ''} left on the list whenever you want them."


def _no_resume(context: Context) -> str:
    return (
        "This session has no parsed resume yet: send it as a resume_upload message "
        "({content, title}) and I will review it"
        + (f" against {context.target}." if context.job_title or context.job_description else ".")
    )


def _bullet_for(context: Context) -> str:
    view = cv_view(context.cv)
    return view.bullets[0].where if view.bullets else ""


def _suggestions(intent: str) -> list[str]:
    follow = {
        "improve": ["What else?", "Rewrite my summary", "Which keywords should I add?"],
        "score": ["How can I improve my resume?", "Is it ATS-friendly?"],
        "keywords": ["What is missing for this role?", "Rewrite my weakest bullet"],
        "missing": ["Which keywords should I add?", "Rewrite my summary"],
        "summary": ["Rewrite my weakest bullet", "Which keywords should I add?"],
        "bullet": ["Rewrite the next bullet", "Is it ATS-friendly?"],
        "ats": ["How can I improve my resume?", "What is my score?"],
        "thanks": ["What else?"],
        "none": ["Upload my resume"],
    }
    return follow.get(intent, [])


ANSWERS: dict[str, Callable[[Context], str]] = {
    "improve": _improve,
    "score": _score,
    "keywords": _keywords,
    "missing": _missing,
    "summary": _summary,
    "bullet": _bullet,
    "ats": _ats,
    "thanks": _thanks,
}
