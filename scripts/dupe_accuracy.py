"""Score the copied-text (雷同) finder on generated corpora whose copied sections are known.

    python scripts/dupe_accuracy.py [--agencies 100] [--years 4] [--seed 1]

Each report is drawn by ``indexer.generator`` (agency, region, its template prose).  The
generator's prose is assembled from a few dozen stock sentences, so two independent generated
sections are often near-identical; each compared section therefore also gets its own text: sentences
from a character Markov chain trained on the bundled real reports, which share the real reports'
common phrases (政府信息公开 …) without copying each other.  Then some sections are copied from
another agency's report, verbatim or lightly edited (numbers or punctuation changed, one short
sentence added or removed), some copied forward from the same agency's report of the year before,
and the rest stay independent.  Printed: precision and recall of "section copied" at similarities
0.8, 0.9 and 0.95, with and without the template-text filter; the cost of adding reports; and the
pairs found among the bundled real reports.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import indexer
from indexer.generator import generate
from indexer.similarity import SimilarityIndex

SECTIONS = ("总体情况", "主动公开", "问题改进")
KINDS = ("verbatim", "edited", "forward")
SHARES = {"verbatim": 0.07, "edited": 0.07, "forward": 0.1}  # of sections; the rest independent
LEVELS = (0.8, 0.9, 0.95)
SEEDS = Path(indexer.__file__).parent / "sample_data" / "seeds"
REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "real"  # present in a checkout
CJK = re.compile(r"[\u4e00-\u9fff，、“”《》（）]+")


class Chain:
    """Order-2 character Markov chain over the bundled real reports' prose."""

    def __init__(self, text: str):
        self.next: dict[str, list[str]] = defaultdict(list)
        for i in range(len(text) - 2):
            self.next[text[i : i + 2]].append(text[i + 2])
        self.starts = [k for k in self.next if k[0] not in "，、”）》"]

    def sentence(self, rng: random.Random, low: int = 15, high: int = 45) -> str:
        out = rng.choice(self.starts)
        for _ in range(rng.randint(low, high) - 2):
            out += rng.choice(self.next.get(out[-2:]) or ["。"])
        if rng.random() < 0.3:
            out = out[: len(out) // 2] + str(rng.randint(2, 900)) + out[len(out) // 2 :]
        return out.strip("，、") + "。"


def training_text() -> str:
    parts = []
    for path in sorted(SEEDS.glob("*.txt")) + sorted(REAL.glob("*.txt")):
        parts += CJK.findall(path.read_text(encoding="utf-8", errors="replace"))
    return "。".join(p for p in parts if len(p) >= 6)


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    copies: list[tuple[str, str, str, str]] = field(default_factory=list)  # (copy, section, source, kind)
    cluster: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (id, section) → root

    def root(self, key: tuple[str, str]) -> tuple[str, str]:
        return self.cluster.get(key, key)


def light_edit(text: str, rng: random.Random, chain: Chain) -> str:
    """One light edit: numbers, punctuation, or one short sentence added or removed (≤ 5 % of it)."""
    kind = rng.choice(("numbers", "punctuation", "add", "remove"))
    if kind == "numbers":
        return re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), text)
    if kind == "punctuation":
        return text.replace("，", "、").replace("。", "；\n")
    sentences = [s + "。" for s in text.split("。") if s]
    short = [i for i, s in enumerate(sentences) if len(s) <= len(text) * 0.05]
    if kind == "remove" and short:
        del sentences[rng.choice(short)]
    else:
        sentences.insert(rng.randrange(len(sentences) + 1), chain.sentence(rng, 8, int(len(text) * 0.05)))
    return "".join(sentences)


def own_section(stock: str, rng: random.Random, chain: Chain) -> str:
    return stock + "\n" + "".join(chain.sentence(rng) for _ in range(rng.randint(8, 16)))


def build(agencies: int, years: int, seed: int, chain: Chain) -> Corpus:
    """Reports year by year; a section is copied only from a section that is not itself a copy."""
    rng = random.Random(seed)
    corpus = Corpus()
    names = [generate(seed * 10_000 + a).agency + f"{a}" for a in range(agencies)]
    originals: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # section → (id, agency, text)
    texts: dict[tuple[str, str], str] = {}
    for year in range(2019, 2019 + years):
        for a, name in enumerate(names):
            drawn = generate(seed * 10_000 + year * 100 + a, template="2021")
            record = {"id": f"{name}-{year}", "agency": name, "year": year, "region": {}, "sections": {}}
            for section in SECTIONS:
                text, kind, source = _section(
                    rng, chain, drawn.sections[section], section, record, originals, texts
                )
                record["sections"][section] = text
                texts[(record["id"], section)] = text
                if kind:
                    corpus.copies.append((record["id"], section, source, kind))
                    corpus.cluster[(record["id"], section)] = corpus.root((source, section))
                else:
                    originals[section].append((record["id"], name, text))
            corpus.records.append(record)
    return corpus


def _section(rng, chain, stock, section, record, originals, texts):
    roll = rng.random()
    previous = f"{record['agency']}-{record['year'] - 1}"
    if roll < SHARES["forward"] and (previous, section) not in texts:
        roll = 1.0  # a first year has nothing to copy forward: the section stays independent
    if roll < SHARES["forward"]:
        last = texts[(previous, section)]
        moved = last.replace(str(record["year"] - 1), str(record["year"]))
        return (light_edit(moved, rng, chain) if rng.random() < 0.5 else moved), "forward", previous
    others = [o for o in originals[section] if o[1] != record["agency"]]
    if others and roll < SHARES["forward"] + SHARES["verbatim"] + SHARES["edited"]:
        source_id, _, text = rng.choice(others)
        if roll < SHARES["forward"] + SHARES["verbatim"]:
            return text, "verbatim", source_id
        return light_edit(text, rng, chain), "edited", source_id
    return own_section(stock, rng, chain), None, None


def index_corpus(corpus: Corpus, folder: Path, batch: int = 50, **settings) -> tuple[SimilarityIndex, float]:
    """Add the reports in ingest-like batches, committing after each; returns seconds spent."""
    index = SimilarityIndex(folder, **settings)
    start = time.perf_counter()
    for i in range(0, len(corpus.records), batch):
        for record in corpus.records[i : i + batch]:
            index.add(record)
        index.commit()
    return index, time.perf_counter() - start


def score(index: SimilarityIndex, corpus: Corpus, level: float) -> tuple[float, float, dict[str, float]]:
    """Precision of every pair found at ``level`` (same copy family = right); recall of each copy
    found in the copying report's direction, overall and by kind."""
    found = set()
    right = total = 0
    for record in corpus.records:
        for section in SECTIONS:
            for other, _ in index.neighbours(record["id"], section, level, limit=1000):
                found.add((record["id"], section, other))
                total += 1
                right += corpus.root((record["id"], section)) == corpus.root((other, section))
    by_kind = {}
    for kind in KINDS:
        copies = [c for c in corpus.copies if c[3] == kind]
        by_kind[kind] = sum((c, s, src) in found for c, s, src, _ in copies) / max(1, len(copies))
    recall = sum((c, s, src) in found for c, s, src, _ in corpus.copies) / max(1, len(corpus.copies))
    return (right / total if total else 1.0), recall, by_kind


def print_scores(title: str, index: SimilarityIndex, corpus: Corpus) -> tuple[float, float]:
    print(f"\n{title}")
    print("  similarity  precision  recall   recall: verbatim  edited  forward")
    result = (0.0, 0.0)
    for level in LEVELS:
        precision, recall, by_kind = score(index, corpus, level)
        kinds = "  ".join(f"{by_kind[k]:7.3f}" for k in KINDS)
        print(f"  {level:10.2f}  {precision:9.3f}  {recall:6.3f}            {kinds}")
        result = (precision, recall) if level == 0.9 else result
    return result


def print_cost(corpus: Corpus, index: SimilarityIndex, seconds: float, rss_mb: float) -> None:
    n = len(corpus.records)
    index.close()  # checkpoints the write-ahead log into the file
    disk = sum(p.stat().st_size for p in index.folder.iterdir()) / 2**20
    start = time.perf_counter()
    with SimilarityIndex(index.folder) as reopened:
        reopened.copying(corpus.records[-1]["id"])
        reopened.neighbours(corpus.records[-1]["id"], SECTIONS[0])
    opened = (time.perf_counter() - start) * 1000
    print(
        f"\ncost: {n} reports, {seconds * 1000 / n:.1f} ms per report added (batches of 50, commit included)"
    )
    print(
        f"  disk {disk * 1000 / n:.1f} MB per 1,000 reports; peak memory growth {rss_mb:.0f} MB while indexing"
    )
    print(
        f"  open + one report's figures: {opened:.1f} ms (nothing is loaded at open: SQLite reads on demand)"
    )
    print(
        f"  at 10k reports: about {seconds / n * 10_000:.0f} s to add, {disk * 10_000 / n:.0f} MB on disk;"
        f" at 100k: about {seconds / n * 100_000 / 60:.0f} min, {disk * 100_000 / n / 1024:.1f} GB"
    )
    with SimilarityIndex(index.folder) as reopened:
        print("  stats:", reopened.stats())


def real_pairs() -> None:
    """Pairs found among the bundled real reports (the Pingtan ones reuse text from year to year)."""
    from indexer.extract import extract_path

    names = {}
    with tempfile.TemporaryDirectory() as folder, SimilarityIndex(folder) as index:
        for path in sorted(SEEDS.iterdir()) + sorted(REAL.glob("*")):
            if path.suffix in (".txt", ".html"):
                record = extract_path(path).to_record()
                names[record["id"]] = f"{record['agency']} {record['year']}"
                index.add(record)
        index.commit()
        print(f"\nbundled real reports ({index.stats()['reports']}): pairs at similarity ≥ 0.5")
        for report in sorted(index.ids(), key=names.get):
            for section in ("总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项"):
                for other, share in index.neighbours(report, section):
                    print(f"  {names[report]} {section}: {share:.3f} of it in {names[other]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-real", action="store_true", help="skip the bundled real reports")
    args = parser.parse_args(argv)
    chain = Chain(training_text())
    corpus = build(args.agencies, args.years, args.seed, chain)
    counts = {k: sum(c[3] == k for c in corpus.copies) for k in KINDS}
    print(
        f"corpus: {len(corpus.records)} reports, {len(corpus.records) * len(SECTIONS)} sections compared, copies {counts}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        SimilarityIndex(Path(tmp) / "warm").close()  # imports datasketch: not the index's memory
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        index, seconds = index_corpus(corpus, Path(tmp) / "filtered")
        rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        precision, recall = print_scores("with the template-text filter (default settings)", index, corpus)
        print_cost(corpus, index, seconds, rss)
        bare, _ = index_corpus(corpus, Path(tmp) / "bare", min_df=10**9)
        print_scores("without it (every sentence compared)", bare, corpus)
        bare.close()
    if not args.no_real:
        real_pairs()
    ok = precision >= 0.95 and recall >= 0.95
    print(
        f"\nat similarity 0.9: precision {precision:.3f}, recall {recall:.3f}: {'PASS' if ok else 'FAIL'} (≥ 0.95 each)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
