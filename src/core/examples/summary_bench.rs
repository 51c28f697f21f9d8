//! Time the summariser on the 250 CNN/DailyMail articles of the FRANK evaluation set.
//!
//! Usage: `cargo run --profile native -p decant-core --example summary_bench -- [--corpus DIR]
//! [--rounds N]` (corpus default `../shared/corpus`, as the other evaluation examples).
//!
//! Each article text is cut into paragraphs the way `decant summarize --text` does (blank lines,
//! whitespace collapsed) and summarised with the default options (no title, automatic length).
//! After one warm-up pass, every article is timed `--rounds` times (default 5) and the median of
//! its runs kept, which damps the noise of a shared machine. Standard output gets one
//! machine-readable line, whose format `make bench` relies on:
//!
//! `summary_ms_mean=0.73 summary_ms_p95=1.20 articles=250`
//!
//! A human-readable note goes to standard error; `--verbose` adds each article's time and size
//! there.

use decant_core::summary::{paragraphs_from_text, summarize, SummaryOptions};
use serde_json::Value;
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

/// Timed runs per article (their median counts).
const DEFAULT_ROUNDS: usize = 5;

/// The value following `name` on the command line.
fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let corpus = PathBuf::from(arg("--corpus").unwrap_or_else(|| "../shared/corpus".into()));
    let rounds: usize = arg("--rounds")
        .map(|r| r.parse().expect("--rounds takes a number"))
        .unwrap_or(DEFAULT_ROUNDS)
        .max(1);
    let path = corpus
        .join("frank-cnndm-xsum")
        .join("frank_cnndm_xsum.jsonl");
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let verbose = std::env::args().any(|a| a == "--verbose");
    let articles: Vec<Vec<String>> = std::io::BufReader::new(file)
        .lines()
        .map(|l| l.expect("read error"))
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(&l).expect("bad JSON line"))
        .filter(|row| row["source"] == "cnndm")
        .map(|row| paragraphs_from_text(row["article"].as_str().unwrap_or("")))
        .collect();
    assert!(!articles.is_empty(), "no CNN/DM rows in {}", path.display());

    let opts = SummaryOptions::default();
    let mut points = 0usize;
    for a in &articles {
        points += summarize(a, None, &opts).points.len();
    }
    let mut ms: Vec<f64> = articles
        .iter()
        .map(|a| {
            let mut runs: Vec<f64> = (0..rounds)
                .map(|_| {
                    let t0 = Instant::now();
                    let s = summarize(a, None, &opts);
                    let t = t0.elapsed().as_secs_f64() * 1000.0;
                    std::hint::black_box(s);
                    t
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            let t = runs[runs.len() / 2];
            if verbose {
                let words: usize = a.iter().map(|p| p.split_whitespace().count()).sum();
                eprintln!("{t:8.3} ms  {words:5} words  {} paragraphs", a.len());
            }
            t
        })
        .collect();
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    ms.sort_by(f64::total_cmp);
    let p95 = ms[((ms.len() as f64 * 0.95).ceil() as usize).clamp(1, ms.len()) - 1];
    eprintln!(
        "summary_bench: {} CNN/DM articles, {} points in all, median of {rounds} runs each: \
         mean {mean:.3} ms, p95 {p95:.3} ms, max {:.3} ms",
        ms.len(),
        points,
        ms[ms.len() - 1]
    );
    println!(
        "summary_ms_mean={mean:.3} summary_ms_p95={p95:.3} articles={}",
        ms.len()
    );
}
