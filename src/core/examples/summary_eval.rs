//! Run the summariser over a JSONL evaluation file and print one JSON line per article.
//!
//! Usage: `cargo run --profile native -p decant-core --example summary_eval -- FILE.jsonl`
//!
//! Each input row needs `id`, `source`, `article` (paragraphs separated by blank lines), and may
//! have `title` and `reference_sentences`. Output rows: `{id, source, points, tldr, lead3, lead1,
//! reference_sentences}` where `lead3`/`lead1` are the first sentences by our own segmenter.
//! `DECANT_SUMMARY_PARAMS="w_lead=1.2,beta=0.4"` overrides ranking weights;
//! `DECANT_SUMMARY_GRID="a=1;a=2"` adds a `grid` array with one `{points, tldr}` per setting.
//! `DECANT_EVAL_SENTENCES=1` adds `sentences`, every sentence of the article (for analysis).
//! The mean summarisation time per article goes to stderr.

use decant_core::summary::{
    split_sentences, summarize_with, Params, SummaryLength, SummaryOptions,
};
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::time::Instant;

/// Apply `key=value,key=value` overrides to `p`.
fn with_overrides(mut p: Params, spec: &str) -> Params {
    for kv in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (k, v) = kv.split_once('=').expect("override must be key=value");
        let v: f32 = v.trim().parse().expect("override value must be a number");
        assert!(p.set(k.trim(), v), "unknown parameter {k}");
    }
    p
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: summary_eval FILE.jsonl");
    let file = std::fs::File::open(&path).expect("cannot open input");
    let base = with_overrides(
        Params::default(),
        &std::env::var("DECANT_SUMMARY_PARAMS").unwrap_or_default(),
    );
    let grid: Vec<Params> = std::env::var("DECANT_SUMMARY_GRID")
        .ok()
        .map(|g| {
            g.split(';')
                .map(|s| with_overrides(base.clone(), s))
                .collect()
        })
        .unwrap_or_default();
    let opts = SummaryOptions {
        length: SummaryLength::Short,
        lang: None,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut total = std::time::Duration::ZERO;
    let mut n = 0u32;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("read error");
        if line.trim().is_empty() {
            continue;
        }
        let row: Value = serde_json::from_str(&line).expect("bad JSON line");
        let article = row["article"].as_str().unwrap_or("");
        let paragraphs: Vec<String> = article
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let title = row["title"].as_str();
        let t0 = Instant::now();
        let summary = summarize_with(&paragraphs, title, &opts, &base);
        total += t0.elapsed();
        n += 1;
        let lang = summary.lang.clone();
        let sentences: Vec<&str> = paragraphs
            .iter()
            .flat_map(|p| split_sentences(p, &lang).into_iter().map(move |r| &p[r]))
            .collect();
        let mut obj = json!({
            "id": row["id"],
            "source": row["source"],
            "points": summary.points.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            "point_sentences": summary.points.iter().map(|p| p.sentence).collect::<Vec<_>>(),
            "tldr": summary.tldr.as_ref().map(|p| p.text.as_str()),
            "lead3": sentences.iter().take(3).collect::<Vec<_>>(),
            "lead1": sentences.first(),
            "n_sentences": sentences.len(),
            "reference_sentences": row["reference_sentences"],
            "people": summary.people,
            "places": summary.places,
            "organisations": summary.organisations,
        });
        if std::env::var_os("DECANT_EVAL_SENTENCES").is_some() {
            obj["sentences"] = json!(sentences);
        }
        if !grid.is_empty() {
            let runs: Vec<Value> = grid
                .iter()
                .map(|p| {
                    let s = summarize_with(&paragraphs, title, &opts, p);
                    json!({
                        "points": s.points.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
                        "tldr": s.tldr.as_ref().map(|p| p.text.as_str()),
                    })
                })
                .collect();
            obj["grid"] = Value::Array(runs);
        }
        writeln!(out, "{obj}").expect("write error");
    }
    out.flush().expect("flush");
    if n > 0 {
        eprintln!(
            "summarised {n} articles, mean {:.3} ms per article",
            total.as_secs_f64() * 1000.0 / f64::from(n)
        );
    }
}
