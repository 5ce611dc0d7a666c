"""Article body extraction on the ScrapingHub benchmark pages in ../shared/data/aeb.

Prints precision, recall and F1 (the benchmark's own metric: 4-token shingles of \\w+ tokens,
precision averaged over pages with a prediction, recall over pages with a truth) for
trafilatura alone with its default settings and for newsprism's extract + clean, measured in
the same run, plus median milliseconds per page over several timed passes.

    .venv/bin/python benchmarks/aeb.py [--data DIR] [--runs 3] [--show-worst 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsprism.clean import clean_document
from newsprism.extract import ExtractionError, decode_html, extract_html
from newsprism.model import Document

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aeb"
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


def run(extractor: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    outputs, times = {}, []
    for key, html in pages.items():
        start = time.perf_counter()
        outputs[key] = extractor(html)
        times.append(time.perf_counter() - start)
    return outputs, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3, help="timed passes (median reported)")
    parser.add_argument(
        "--show-worst", type=int, default=0, help="pages where newsprism loses most"
    )
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"no benchmark data at {args.data}")
    pages, truth = load_pages(args.data)
    rows, outputs = {}, {}
    for name, extractor in (
        ("trafilatura (default)", trafilatura_default),
        ("newsprism extract+clean", newsprism_body),
    ):
        timings = []
        for _ in range(args.runs):
            outputs[name], ms = run(extractor, pages)
            timings.append(ms)
        counts = [tp_fp_fn(truth[k], outputs[name][k]) for k in pages]
        rows[name] = (*scores(counts), statistics.median(timings))
    print(f"{len(pages)} pages, {args.runs} timed passes")
    print(f"{'extractor':<26} {'precision':>9} {'recall':>7} {'F1':>7} {'ms/page':>8}")
    for name, (p, r, f1, ms) in rows.items():
        print(f"{name:<26} {p:9.3f} {r:7.3f} {f1:7.3f} {ms:8.1f}")
    base, ours = rows["trafilatura (default)"], rows["newsprism extract+clean"]
    print(f"time ratio newsprism/trafilatura: {ours[3] / base[3]:.2f}")
    if args.show_worst:
        _show_worst(pages, truth, outputs, args.show_worst)


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
