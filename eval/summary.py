#!/usr/bin/env python3
"""ROUGE evaluation of Decant's extractive summariser against LEAD baselines.

Usage:
    python3 -m pip install -r eval/requirements.txt
    python3 eval/summary.py                  # dev and test tables
    python3 eval/summary.py --split dev      # dev only
    python3 eval/summary.py --params "w_lead=1.2,beta=0.4"
    python3 eval/summary.py --grid "w_lead=1;w_lead=2"   # tuning: scores DEV ONLY, one line per setting
    python3 eval/summary.py --no-bbc --halves --grid "..."  # also each half of dev (overfitting check)

The corpora are read from ../shared/corpus next to the checkout (CORPUS=DIR overrides); the
Rust side is built with `--profile native`.

Splits (fixed; never tune on test):
    dev  = all of bbc-news-summary + the first 100 CNN/DM rows of frank_cnndm_xsum.jsonl (file order)
    test = the other 150 CNN/DM rows + all 250 XSum rows

Scorer: rouge-score (ROUGE-1, ROUGE-2, ROUGE-Lsum F1 x 100, use_stemmer=True; Lsum joins
sentences with "\\n"). Points are scored against the reference sentences; LEAD-3/LEAD-1 are scored in
the same run, both with our own segmenter ("ours") and with the corpus `article_sentences`
("corpus", as in the corpus README). TL;DR is compared with LEAD-1.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

from rouge_score import rouge_scorer

ROOT = os.environ.get("DECANT_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("CORPUS") or os.path.join(os.path.dirname(ROOT), "shared", "corpus")
FRANK = os.path.join(CORPUS, "frank-cnndm-xsum", "frank_cnndm_xsum.jsonl")
BBC = os.path.join(CORPUS, "bbc-news-summary", "bbc_news_summary.jsonl")
METRICS = ["rouge1", "rouge2", "rougeLsum"]
SCORER = rouge_scorer.RougeScorer(METRICS, use_stemmer=True)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def split_of(path):
    """id -> (split, subset) following the fixed protocol."""
    out = {}
    if os.path.basename(path) == os.path.basename(FRANK):
        cnn = 0
        for r in load(path):
            if r["source"] == "cnndm":
                out[r["id"]] = ("dev" if cnn < 100 else "test", "cnndm")
                cnn += 1
            else:
                out[r["id"]] = ("test", "xsum")
    else:
        for r in load(path):
            out[r["id"]] = ("dev", "bbc")
    return out


def run_rust(path, params=None, grid=None):
    env = dict(os.environ)
    if params:
        env["DECANT_SUMMARY_PARAMS"] = params
    if grid:
        env["DECANT_SUMMARY_GRID"] = grid
    cmd = ["cargo", "run", "--quiet", "--profile", "native", "-p", "decant-core", "--example", "summary_eval", "--", path]
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    sys.stderr.write(res.stderr)
    return [json.loads(l) for l in res.stdout.splitlines() if l.strip()]


def score(ref_sents, hyp_sents):
    s = SCORER.score("\n".join(ref_sents), "\n".join(hyp_sents))
    return [100 * s[m].fmeasure for m in METRICS]


def mean_rows(rows):
    return [statistics.mean(c) for c in zip(*rows)] if rows else [0.0] * len(METRICS)


def fmt(vals):
    return " ".join(f"{v:6.2f}" for v in vals)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--params", default=None)
    ap.add_argument("--grid", default=None, help="';'-separated overrides; scores dev only")
    ap.add_argument("--no-bbc", action="store_true", help="skip the (large) BBC set")
    ap.add_argument(
        "--halves", action="store_true", help="grid: also score each half of every dev subset (overfitting check)"
    )
    args = ap.parse_args()

    files = [FRANK] + ([] if args.no_bbc else [BBC])
    corpus_rows = {}
    results = []
    for path in files:
        splits = split_of(path)
        for r in load(path):
            corpus_rows[r["id"]] = r
        for o in run_rust(path, args.params, args.grid):
            o["split"], o["subset"] = splits[o["id"]]
            results.append(o)

    if args.grid:
        settings = args.grid.split(";")
        dev = [o for o in results if o["split"] == "dev"]
        for subset in sorted({o["subset"] for o in dev}):
            every = [o for o in dev if o["subset"] == subset]
            half = len(every) // 2
            parts = [("", every)]
            if args.halves:
                parts += [(" h0", every[:half]), (" h1", every[half:])]
            for part, rows in parts:
                lead = mean_rows([score(o["reference_sentences"], o["lead3"]) for o in rows])
                lead1 = mean_rows([score(o["reference_sentences"], [o["lead1"] or ""]) for o in rows])
                lwords = statistics.mean(len(" ".join(o["lead3"]).split()) for o in rows)
                print(f"dev/{subset}{part} n={len(rows)}  LEAD-3 {fmt(lead)}   LEAD-1 {fmt(lead1)}  words {lwords:.1f}")
                for k, s in enumerate(settings):
                    pts = [o["grid"][k]["points"] for o in rows]
                    sys_ = mean_rows([score(o["reference_sentences"], p) for o, p in zip(rows, pts)])
                    tl = mean_rows([score(o["reference_sentences"], [o["grid"][k]["tldr"] or ""]) for o in rows])
                    d = [a - b for a, b in zip(sys_, lead)]
                    words = statistics.mean(len(" ".join(p).split()) for p in pts)
                    print(f"  {fmt(sys_)}  (d {fmt(d)})  tldr {fmt(tl)}  words {words:5.1f}  | {s}")
        return

    print(f"{'split/subset':<14} {'n':>4}  {'system':<22} {'R-1':>6} {'R-2':>6} {'R-Lsum':>6}")
    for split in ["dev", "test"]:
        if args.split not in (split, "all"):
            continue
        for subset in ["cnndm", "xsum", "bbc"]:
            rows = [o for o in results if o["split"] == split and o["subset"] == subset]
            if not rows:
                continue
            n = len(rows)
            ref = lambda o: o["reference_sentences"]
            corpus_sents = lambda o: corpus_rows[o["id"]].get("article_sentences")
            lines = [
                ("points (3)", [score(ref(o), o["points"]) for o in rows]),
                ("LEAD-3 ours", [score(ref(o), o["lead3"]) for o in rows]),
            ]
            if all(corpus_sents(o) for o in rows):
                lines.append(("LEAD-3 corpus", [score(ref(o), corpus_sents(o)[:3]) for o in rows]))
            lines += [
                ("tldr", [score(ref(o), [o["tldr"] or ""]) for o in rows]),
                ("LEAD-1 ours", [score(ref(o), [o["lead1"] or ""]) for o in rows]),
            ]
            if all(corpus_sents(o) for o in rows):
                lines.append(("LEAD-1 corpus", [score(ref(o), corpus_sents(o)[:1]) for o in rows]))
            for name, vals in lines:
                print(f"{split + '/' + subset:<14} {n:>4}  {name:<22} {fmt(mean_rows(vals))}")
            words = statistics.mean(len(" ".join(o["points"]).split()) for o in rows)
            lwords = statistics.mean(len(" ".join(o["lead3"]).split()) for o in rows)
            print(f"{'':<14} {'':>4}  words: points {words:.1f}, LEAD-3 {lwords:.1f}")


if __name__ == "__main__":
    main()
