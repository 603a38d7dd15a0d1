"""Matching benchmark: does the intended CV rank first for its job, and how fast is ``score``?

usage: .venv/bin/python bench/match_ranking.py [--corpus DIR] [--repeat N] [--json-out FILE]

For every job description in ``bench/data/jds`` (``bench/data/pairs.json`` names the dev-corpus
CV it was written for), every CV is scored against it with the builtin engine. A job counts as
correct when its intended CV ranks first — by keyword match (ties broken by overall score),
and separately by overall score. Timing: the median milliseconds of one builtin ``score`` call
(``analyse_cv`` with the job text, so job-description analysis is included; the CV is parsed
once beforehand, as the API holds it), overall and for 2-page CVs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_CORPUS = ROOT.parent / "shared" / "dev-corpus"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="timed score calls per CV/job pair")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    setup_django()
    from resumes.analysis import analyse_cv
    from resumes.analysis.files import read_cv

    pairs: dict[str, str] = json.loads((DATA / "pairs.json").read_text())
    jobs = {name: (DATA / "jds" / name).read_text() for name in pairs}
    cvs, pages = {}, {}
    for doc in sorted(set(pairs.values())):
        read = read_cv((args.corpus / doc).read_bytes(), filename=Path(doc).name)
        cvs[doc], pages[doc] = read.cv, read.signals.pages or 1

    analyse_cv(next(iter(cvs.values())), job_text=next(iter(jobs.values())))  # warm the matchers
    timings, timings_2p = [], []
    results: dict[str, dict] = {}
    for job_name, job_text in jobs.items():
        rows = []
        for doc, cv in cvs.items():
            for _ in range(args.repeat):
                started = time.perf_counter()
                analysis = analyse_cv(cv, job_text=job_text)
                elapsed = (time.perf_counter() - started) * 1000
                timings.append(elapsed)
                if pages[doc] == 2:
                    timings_2p.append(elapsed)
            rows.append((doc, analysis.scores["keyword_match"] or 0, analysis.overall_score))
        by_keyword = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
        by_overall = sorted(rows, key=lambda r: (-r[2], -r[1], r[0]))
        intended = pairs[job_name]
        results[job_name] = {
            "intended": intended,
            "rank_by_keyword": [r[0] for r in by_keyword].index(intended) + 1,
            "rank_by_overall": [r[0] for r in by_overall].index(intended) + 1,
            "top_by_keyword": by_keyword[0][0],
            "scores": {r[0]: {"keyword_match": r[1], "overall": r[2]} for r in rows},
        }

    # The other direction: for each CV, does the job written for it score highest?
    reverse_hits = 0
    for job_name, intended in pairs.items():
        best = max(jobs, key=lambda j: (results[j]["scores"][intended]["keyword_match"], j == job_name))
        reverse_hits += best == job_name
    n = len(results)
    keyword_acc = sum(r["rank_by_keyword"] == 1 for r in results.values()) / n
    overall_acc = sum(r["rank_by_overall"] == 1 for r in results.values()) / n
    mrr = sum(1 / r["rank_by_keyword"] for r in results.values()) / n
    print(f"{'job description':30} {'intended CV':52} kw-rank all-rank  kw margin  top-by-keyword")
    for job_name, r in results.items():
        kw = r["scores"][r["intended"]]["keyword_match"]
        runner_up = max(s["keyword_match"] for doc, s in r["scores"].items() if doc != r["intended"])
        r["margin"] = kw - runner_up
        print(
            f"{job_name:30} {r['intended']:52} {r['rank_by_keyword']:>7} {r['rank_by_overall']:>8} "
            f"{kw:>3} {kw - runner_up:>6}  {'' if r['rank_by_keyword'] == 1 else r['top_by_keyword']}"
        )
    summary = {
        "jobs": n,
        "cvs": len(cvs),
        "ranking_accuracy_keyword": round(keyword_acc, 3),
        "ranking_accuracy_overall": round(overall_acc, 3),
        "mean_reciprocal_rank_keyword": round(mrr, 3),
        "cv_to_job_accuracy": round(reverse_hits / n, 3),
        "median_margin_keyword": statistics.median(r["margin"] for r in results.values()),
        "score_ms_median": round(statistics.median(timings), 2),
        "score_ms_p95": round(sorted(timings)[int(0.95 * (len(timings) - 1))], 2),
        "score_ms_median_2page_cv": round(statistics.median(timings_2p), 2) if timings_2p else None,
        "score_calls": len(timings),
    }
    print()
    print(
        f"ranking accuracy (intended CV first): by keyword match {keyword_acc:.0%}, by overall score "
        f"{overall_acc:.0%}; MRR {mrr:.3f} over {n} jobs x {len(cvs)} CVs; each CV's own job first: "
        f"{reverse_hits / n:.0%}; median keyword margin over the runner-up {summary['median_margin_keyword']}"
    )
    print(
        f"builtin score call: median {summary['score_ms_median']} ms (p95 {summary['score_ms_p95']} ms); "
        f"2-page CVs median {summary['score_ms_median_2page_cv']} ms; {len(timings)} calls"
    )
    if args.json_out:
        args.json_out.write_text(json.dumps({"summary": summary, "jobs": results}, indent=2))


if __name__ == "__main__":
    main()
