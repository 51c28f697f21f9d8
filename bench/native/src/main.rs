//! Native throughput harness: Decant's core (html5ever parse + `Engine::analyze`) against
//! dom_smoothie's `Readability::parse`, on the same HTML files, in the same run, alternating
//! which goes first. No criterion: per file, one warm-up of each, then `--reps` timed runs of
//! each; the per-file median is kept. Prints one JSON object on stdout.
//!
//! Usage: decant-bench-native [--reps N] FILE... (`.gz` files are gunzipped in memory)

use std::io::Read;
use std::time::Instant;

use decant_core::html::parse_html_bytes;
use decant_core::Engine;
use dom_smoothie::Readability;

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.ends_with(".gz") {
        let mut out = Vec::with_capacity(raw.len() * 5);
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Decant as the CLI runs it: decode + parse + analyse. Returns the number of blocks found so
/// the work cannot be optimised away.
fn decant(bytes: &[u8]) -> usize {
    let doc = parse_html_bytes(bytes);
    let analysis = Engine::new(doc).analyze();
    analysis.blocks.len() + usize::from(analysis.article.is_some())
}

/// The parse alone (decode + html5ever into the snapshot): the floor under [`decant`].
fn parse_only(bytes: &[u8]) -> usize {
    parse_html_bytes(bytes).len()
}

/// dom_smoothie with its defaults, fed the same bytes decoded the same way.
fn smoothie(bytes: &[u8]) -> Result<usize, String> {
    let html = String::from_utf8_lossy(bytes).into_owned();
    let mut r = Readability::new(html, None, None).map_err(|e| e.to_string())?;
    let article = r.parse().map_err(|e| e.to_string())?;
    Ok(article.text_content.len())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let mut reps = 5usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--reps" {
            reps = args
                .next()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or_else(|| {
                    eprintln!("--reps needs a positive number");
                    std::process::exit(2)
                });
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: decant-bench-native [--reps N] FILE...");
        std::process::exit(2);
    }
    let mut rows = Vec::new();
    let mut sink = 0usize;
    for (i, path) in files.iter().enumerate() {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        // Warm-up (also checks that dom_smoothie accepts the page).
        sink += decant(&bytes);
        let smoothie_error = match smoothie(&bytes) {
            Ok(n) => {
                sink += n;
                None
            }
            Err(e) => Some(e),
        };
        let mut td = Vec::with_capacity(reps);
        let mut ts = Vec::with_capacity(reps);
        let mut tp = Vec::with_capacity(reps);
        for r in 0..reps {
            // Alternate the order: even reps Decant first, odd reps dom_smoothie first.
            let decant_first = (r + i) % 2 == 0;
            let t = Instant::now();
            sink += parse_only(&bytes);
            tp.push(t.elapsed().as_secs_f64() * 1e3);
            for step in 0..2 {
                if (step == 0) == decant_first {
                    let t = Instant::now();
                    sink += decant(&bytes);
                    td.push(t.elapsed().as_secs_f64() * 1e3);
                } else if smoothie_error.is_none() {
                    let t = Instant::now();
                    sink += smoothie(&bytes).unwrap_or(0);
                    ts.push(t.elapsed().as_secs_f64() * 1e3);
                }
            }
        }
        let d = median(&mut td);
        let s = if smoothie_error.is_none() {
            format!("{:.4}", median(&mut ts))
        } else {
            "null".to_string()
        };
        let err = smoothie_error
            .as_deref()
            .map(json_str)
            .unwrap_or_else(|| "null".to_string());
        rows.push(format!(
            "{{\"path\":{},\"bytes\":{},\"decant_ms\":{:.4},\"parse_ms\":{:.4},\"smoothie_ms\":{},\"smoothie_error\":{}}}",
            json_str(path),
            bytes.len(),
            d,
            median(&mut tp),
            s,
            err
        ));
    }
    println!(
        "{{\"reps\":{reps},\"sink\":{sink},\"files\":[\n{}\n]}}",
        rows.join(",\n")
    );
}
