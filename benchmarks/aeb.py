"""Article body extraction on the ScrapingHub benchmark pages in ../shared/data/aeb.

Prints precision, recall and F1 (the benchmark's own metric: 4-token shingles of \\w+ tokens,
precision averaged over pages with a prediction, recall over pages with a truth) for
trafilatura alone with its default settings and for newsprism's extract + clean, measured in
the same run, plus median milliseconds per page over several timed passes.

Then k folds over sites (`--folds`, one site's pages never split across folds): for each
fold, newsprism's settings (the main-article check's thresholds, which clean rules are on)
are chosen on the other folds and the held fold is scored, beside trafilatura's default on
the same pages; the pooled held figure is the one to believe.

    .venv/bin/python benchmarks/aeb.py [--data DIR] [--runs 3] [--folds 5] [--show-worst 5]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import hashlib
import itertools
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import trafilatura

from newsprism.clean import clean_document
from newsprism.extract import ExtractionError, decode_html, extract_html
from newsprism.extract.links import OFF_SITE_SHARE, site_of
from newsprism.extract.main_article import (
    DEFAULT_CHECK,
    NO_CHECK,
    Agreement,
    MainArticleCheck,
    agreement,
    doubted,
    page_evidence,
    prefer_second,
)
from newsprism.extract.page import (
    body_text,
    document_from,
    first_extraction,
    parse_page,
    second_extraction,
)
from newsprism.model import Document

DEFAULT_DATA = next(
    (
        parent / "shared" / "data" / "aeb"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "data" / "aeb").is_dir()
    ),
    Path("../shared/data/aeb"),
)
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def tp_fp_fn(truth: str, prediction: str) -> tuple[float, float, float]:
    true, pred = shingles(truth), shingles(prediction)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


def trafilatura_default(html: str) -> str:
    return trafilatura.extract(html) or ""


def newsprism_body(html: str) -> str:
    """The article text newsprism keeps: standfirst and body (the benchmark's articleBody
    leaves out only the headline)."""
    try:
        document = extract_html(Document(source="page.html", content=html, format="html"))
    except ExtractionError:
        return ""
    article = clean_document(document)
    return "\n".join(filter(None, [article.standfirst, article.body]))


def load_pages(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages[key] = decode_html(raw)
    return pages, {k: v.get("articleBody", "") for k, v in truth.items()}


def run_interleaved(
    extractors: dict[str, Callable[[str], str]], pages: dict[str, str], runs: int
) -> tuple[dict[str, dict[str, str]], dict[str, list[list[float]]]]:
    """Outputs of each extractor, and its milliseconds per page in each pass. The extractors
    take turns page by page, so a change in the machine's load falls on both alike."""
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    times: dict[str, list[list[float]]] = {name: [] for name in extractors}
    for _ in range(runs):
        for name in extractors:
            times[name].append([])
        for key, html in pages.items():
            for name, extractor in extractors.items():
                start = time.perf_counter()
                outputs[name][key] = extractor(html)
                times[name][-1].append((time.perf_counter() - start) * 1000)
    return outputs, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3, help="timed passes (median reported)")
    parser.add_argument("--folds", type=int, default=5, help="folds over sites (0: none)")
    parser.add_argument(
        "--boxed",
        action="store_true",
        help="folds also over each page with a box of another site's article put before its "
        "own (the failure the main-article check guards against)",
    )
    parser.add_argument(
        "--check-off",
        action="store_true",
        help="folds without the main-article check (newsprism before it, for comparison)",
    )
    parser.add_argument(
        "--show-worst", type=int, default=0, help="pages where newsprism loses most"
    )
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"no benchmark data at {args.data}")
    pages, truth = load_pages(args.data)
    urls = load_urls(args.data)
    extractors = {
        "trafilatura (default)": trafilatura_default,
        "newsprism extract+clean": newsprism_body,
    }
    outputs, times = run_interleaved(extractors, pages, args.runs)
    rows = {}
    for name in extractors:
        counts = [tp_fp_fn(truth[k], outputs[name][k]) for k in pages]
        passes = [statistics.median(ms) for ms in times[name]]
        means = [statistics.mean(ms) for ms in times[name]]
        rows[name] = (*scores(counts), statistics.median(passes), statistics.median(means))
    print(f"{len(pages)} pages, {args.runs} timed passes (in-sample: all pages, default settings)")
    print(f"{'extractor':<26} {'precision':>9} {'recall':>7} {'F1':>7} {'ms/page':>8} {'mean':>6}")
    for name, (p, r, f1, ms, mean_ms) in rows.items():
        print(f"{name:<26} {p:9.3f} {r:7.3f} {f1:7.3f} {ms:8.1f} {mean_ms:6.1f}")
    base, ours = rows["trafilatura (default)"], rows["newsprism extract+clean"]
    print(
        f"time ratio newsprism/trafilatura: {ours[3] / base[3]:.2f} "
        f"(median ms/page), {ours[4] / base[4]:.2f} (mean)"
    )
    if args.folds > 1:
        baseline = {k: tp_fp_fn(truth[k], outputs["trafilatura (default)"][k]) for k in pages}
        if args.boxed:
            pages, truth, urls, baseline = with_boxed_pages(pages, truth, urls, baseline)
        checks = [NO_CHECK] if args.check_off else CHECK_CANDIDATES
        cross_validate(pages, truth, urls, baseline, args.folds, checks)
    if args.show_worst:
        _show_worst(pages, truth, outputs, args.show_worst)


BODY_TAG_RE = re.compile(r"<body[^>]*>", re.IGNORECASE)
BOX_MIN_WORDS = 15


def with_boxed_pages(
    pages: dict[str, str],
    truth: dict[str, str],
    urls: dict[str, str],
    baseline: dict[str, Counts],
) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, Counts]]:
    """The pages, and each page again with a box of another site's article (a heading and
    two paragraphs of its text, marked up as a post's content) at the start of its body:
    the page's truth is unchanged. Boxed pages keep their site, so they fold with it."""
    keys = sorted(pages)
    pages, truth, urls, baseline = dict(pages), dict(truth), dict(urls), dict(baseline)
    for index, key in enumerate(keys):
        other = next(
            k for k in keys[index + 1 :] + keys[:index] if site_of(urls[k]) != site_of(urls[key])
        )
        lines = [line for line in truth[other].splitlines() if len(line.split()) >= BOX_MIN_WORDS]
        match = BODY_TAG_RE.search(pages[key])
        if len(lines) < 2 or match is None:
            continue
        heading = " ".join(lines[0].split()[:8])
        box = (
            f'<div class="explainer"><div class="post-content"><h3>{escape(heading)}</h3>'
            + "".join(f"<p>{escape(line)}</p>" for line in lines[:2])
            + "</div></div>"
        )
        boxed = f"{key}~boxed"
        pages[boxed] = pages[key][: match.end()] + box + pages[key][match.end() :]
        truth[boxed], urls[boxed] = truth[key], urls[key]
        baseline[boxed] = tp_fp_fn(truth[key], trafilatura_default(pages[boxed]))
    return pages, truth, urls, baseline


def load_urls(data: Path) -> dict[str, str]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("url", "") for key, value in truth.items()}


# --- k folds over sites ---------------------------------------------------------------------

Counts = tuple[float, float, float]
MIN_RULE_GAIN = 0.0005  # F1 a clean rule turned off must gain on the training folds
CHECK_GRID = [
    MainArticleCheck(
        min_title_agreement=t, min_structured_agreement=s, min_page_share=p, evidence_margin=m
    )
    for t, s, p, m in itertools.product(
        (0.3, 0.5, 0.7), (0.3, 0.5, 0.7), (0.1, 0.2, 0.3, 0.5), (0.1, 0.2, 0.3)
    )
]
OFF_SITE_GRID = (OFF_SITE_SHARE, 0.3, 0.8)  # the default first: it wins ties
CHECK_CANDIDATES = [DEFAULT_CHECK, NO_CHECK, *(c for c in CHECK_GRID if c != DEFAULT_CHECK)]


def site_folds(urls: dict[str, str], folds: int) -> list[list[str]]:
    """Pages in `folds` groups of about equal size, all pages of a site in one group; the
    same split every run (sites ordered by size, then by a hash of their name)."""
    by_site: dict[str, list[str]] = {}
    for key in sorted(urls):
        by_site.setdefault(site_of(urls[key]), []).append(key)
    order = sorted(by_site, key=lambda s: (-len(by_site[s]), hashlib.md5(s.encode()).hexdigest()))
    groups: list[list[str]] = [[] for _ in range(folds)]
    for site in order:
        min(groups, key=len).extend(by_site[site])
    return groups


@dataclass
class PageCandidates:
    """Both extractions of one page, their agreement with the page's evidence, and the
    documents they give for each link setting (cleaned on demand, cached per set of clean
    rules turned off)."""

    documents: dict[tuple[str, float], Document | None]
    first_agreement: Agreement | None
    second_agreement: Agreement | None
    cache: dict[tuple[str, float, frozenset[str]], tuple[Counts, frozenset[str]]]

    def which(self, check: MainArticleCheck) -> str:
        if self.first_agreement is None:
            return "second"
        if self.second_agreement is None:
            return "first"
        if doubted(self.first_agreement, check) and prefer_second(
            self.first_agreement, self.second_agreement, check
        ):
            return "second"
        return "first"


def page_candidates(html: str) -> PageCandidates:
    document = Document(source="page.html", content=html, format="html")
    try:
        tree = parse_page(document)
    except ExtractionError:
        return PageCandidates({}, None, None, {})
    if tree is None:  # read the plain way: no choice to make
        plain = extract_html(document)
        return PageCandidates({("first", s): plain for s in OFF_SITE_GRID}, None, None, {})
    first = first_extraction(tree, None)
    second_body = second_extraction(tree, None)
    titles = [first.title or ""] if first is not None else []
    evidence = page_evidence(tree, html, titles)
    first_body = first.body if first is not None else None
    bodies = {"first": first_body, "second": second_body}
    return PageCandidates(
        documents={
            (which, share): _document_or_none(document, first, body, tree, share)
            for which, body in bodies.items()
            for share in OFF_SITE_GRID
        },
        first_agreement=None if first_body is None else agreement(body_text(first_body), evidence),
        second_agreement=None
        if second_body is None
        else agreement(body_text(second_body), evidence),
        cache={},
    )


def _document_or_none(document, metadata, body, tree, off_site_share) -> Document | None:
    if body is None:
        return None
    try:
        return document_from(document, metadata, copy.deepcopy(body), tree, off_site_share)
    except ExtractionError:
        return None


def page_counts(
    page: PageCandidates, truth: str, settings: Settings
) -> tuple[Counts, frozenset[str]]:
    """The page's counts with the chosen extraction, link setting and clean rules, and the
    junk kinds that removed something (only those can change the page when turned off)."""
    which = page.which(settings.check)
    key = (which, settings.off_site_share, settings.disabled)
    if key not in page.cache:
        document = page.documents.get((which, settings.off_site_share))
        if document is None:
            page.cache[key] = (tp_fp_fn(truth, ""), frozenset())
        else:
            article = clean_document(document, disabled=settings.disabled)
            text = "\n".join(filter(None, [article.standfirst, article.body]))
            reasons = frozenset(removed.reason for removed in article.removed)
            page.cache[key] = (tp_fp_fn(truth, text), reasons)
    return page.cache[key]


@dataclass(frozen=True)
class Settings:
    check: MainArticleCheck
    off_site_share: float = OFF_SITE_SHARE
    disabled: frozenset[str] = frozenset()


def settings_f1(
    keys: Sequence[str],
    candidates: dict[str, PageCandidates],
    truth: dict[str, str],
    settings: Settings,
) -> float:
    return scores([page_counts(candidates[k], truth[k], settings)[0] for k in keys])[2]


def choose_settings(
    keys: Sequence[str],
    candidates: dict[str, PageCandidates],
    truth: dict[str, str],
    checks: Sequence[MainArticleCheck],
) -> tuple[Settings, int]:
    """On the training pages: the check and link setting with the best F1 (the defaults
    first among equals; also how many settings tie with it), then clean rules turned off one
    at a time while that gains at least MIN_RULE_GAIN."""
    grid = [Settings(check, share) for share in OFF_SITE_GRID for check in checks]
    f1s = [settings_f1(keys, candidates, truth, s) for s in grid]
    best = max(f1s)
    settings = grid[f1s.index(best)]
    ties = sum(1 for f1 in f1s if abs(f1 - best) < 1e-12)
    while True:
        fired = frozenset().union(
            *(page_counts(candidates[k], truth[k], settings)[1] for k in keys)
        )
        trials = {
            rule: settings_f1(keys, candidates, truth, _without(settings, rule))
            for rule in sorted(fired - settings.disabled)
        }
        rule = max(trials, key=lambda r: trials[r], default=None)
        if rule is None or trials[rule] < best + MIN_RULE_GAIN:
            return settings, ties
        settings, best = _without(settings, rule), trials[rule]


def _without(settings: Settings, rule: str) -> Settings:
    return Settings(settings.check, settings.off_site_share, settings.disabled | {rule})


def cross_validate(
    pages: dict[str, str],
    truth: dict[str, str],
    urls: dict[str, str],
    baseline: dict[str, Counts],
    folds: int,
    checks: Sequence[MainArticleCheck],
) -> None:
    candidates = {key: page_candidates(html) for key, html in pages.items()}
    groups = site_folds(urls, folds)
    print(f"\n{folds} folds over sites (settings chosen on the other folds, held fold scored)")
    print(
        f"{'fold':>4} {'pages':>5} {'sites':>5}  {'newsprism P / R / F1':>22}  "
        f"{'trafilatura P / R / F1':>22}  {'gain':>6}  chosen"
    )
    held_ours: list[Counts] = []
    held_base: list[Counts] = []
    for index, held in enumerate(groups):
        train = [k for k in pages if k not in set(held)]
        settings, ties = choose_settings(train, candidates, truth, checks)
        ours = [page_counts(candidates[k], truth[k], settings)[0] for k in held]
        base = [baseline[k] for k in held]
        held_ours += ours
        held_base += base
        p, r, f1 = scores(ours)
        bp, br, bf1 = scores(base)
        sites = len({site_of(urls[k]) for k in held})
        print(
            f"{index + 1:>4} {len(held):>5} {sites:>5}  {p:6.3f} {r:6.3f} {f1:6.3f}    "
            f"{bp:6.3f} {br:6.3f} {bf1:6.3f}    {f1 - bf1:+.3f}  {describe(settings)} "
            f"({ties} of {len(checks) * len(OFF_SITE_GRID)} tie)"
        )
    p, r, f1 = scores(held_ours)
    bp, br, bf1 = scores(held_base)
    print(
        f"{'held':>4} {len(held_ours):>5} {'':>5}  {p:6.3f} {r:6.3f} {f1:6.3f}    "
        f"{bp:6.3f} {br:6.3f} {bf1:6.3f}    {f1 - bf1:+.3f}  (pooled held folds)"
    )


def describe(settings: Settings) -> str:
    check = settings.check
    text = (
        "check off"
        if not check.enabled
        else f"check title<{check.min_title_agreement} ld<{check.min_structured_agreement} "
        f"share<{check.min_page_share} margin {check.evidence_margin}"
    )
    text += f"; links off-site>={settings.off_site_share}"
    if settings.disabled:
        text += "; rules off: " + ", ".join(sorted(settings.disabled))
    return text


def _show_worst(pages, truth, outputs, count: int) -> None:
    def f1(key: str, name: str) -> float:
        tp, fp, fn = tp_fp_fn(truth[key], outputs[name][key])
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    losses = sorted(pages, key=lambda k: f1(k, "newsprism extract+clean"))
    for key in losses[:count]:
        ours = f1(key, "newsprism extract+clean")
        base = f1(key, "trafilatura (default)")
        print(f"\n{key[:12]} newsprism F1 {ours:.3f}  trafilatura F1 {base:.3f}")


if __name__ == "__main__":
    main()
