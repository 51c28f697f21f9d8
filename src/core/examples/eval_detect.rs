//! Detection evaluation (`make eval-detect`):
//! 1. the labelled dev set (`tests/devset`, `data-truth` stripped before analysis): precision
//!    and recall per label, article text lost, flags on clean pages;
//! 2. the real corpora in `../shared/corpus`: the share of the expected article text that the
//!    cleanup would hide (Mozilla's readability pages, the article-extraction benchmark) and,
//!    on trafilatura's set, "must keep" snippets hidden and "must drop" snippets still shown.
//!
//! Usage: eval_detect [--devset DIR] [--corpus DIR] [--verbose]

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use decant_core::classify::css_path;
use decant_core::dom::{Document, NodeId};
use decant_core::evaluation;
use decant_core::{Engine, Label};

/// Labels the extension hides by default.
const DEFAULT_HIDDEN: [Label; 5] = [
    Label::Paywall,
    Label::Aggregator,
    Label::Consent,
    Label::Newsletter,
    Label::AppBanner,
];

fn read_maybe_gz(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap_or_default();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        let _ = flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out);
        out
    } else {
        raw
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn shingles(s: &str) -> HashMap<String, usize> {
    let w = words(s);
    let mut m = HashMap::new();
    if w.len() < 4 {
        if !w.is_empty() {
            *m.entry(w.join(" ")).or_default() += 1;
        }
        return m;
    }
    for win in w.windows(4) {
        *m.entry(win.join(" ")).or_default() += 1;
    }
    m
}

fn split_text(doc: &Document, hidden: &HashSet<NodeId>) -> (String, String) {
    match doc.body() {
        Some(body) => evaluation::split_text(doc, body, hidden),
        None => (String::new(), String::new()),
    }
}

/// Analyses a page and splits its text into what stays visible and what blocks with `labels`
/// would hide.
fn visible_and_hidden(html: &[u8], labels: &[Label]) -> (String, String) {
    let (doc, flagged) = analyze(decant_core::html::parse_html_bytes(html));
    let roots: HashSet<NodeId> = flagged
        .iter()
        .filter(|(_, l)| labels.contains(l))
        .map(|(n, _)| *n)
        .collect();
    split_text(&doc, &roots)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Share of `expected`'s shingles found in hidden text but not in visible text.
fn loss(expected: &str, visible: &str, hidden: &str) -> f64 {
    let exp = shingles(expected);
    let vis = shingles(visible);
    let hid = shingles(hidden);
    let total: usize = exp.values().sum();
    if total == 0 {
        return 0.0;
    }
    let mut lost = 0;
    for (s, n) in &exp {
        let v = vis.get(s).copied().unwrap_or(0);
        let h = hid.get(s).copied().unwrap_or(0);
        if v < *n && h > 0 {
            lost += (*n - v).min(h);
        }
    }
    lost as f64 / total as f64
}

fn analyze(doc: Document) -> (Document, Vec<(NodeId, Label)>) {
    let mut engine = Engine::new(doc);
    let a = engine.analyze();
    let blocks = a
        .blocks
        .iter()
        .filter(|b| b.label != Label::Article)
        .map(|b| (b.node, b.label))
        .collect();
    (engine.document().clone(), blocks)
}

// --- dev set -------------------------------------------------------------------------------

struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn devset(dir: &Path, verbose: bool) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "html"));
    files.sort();
    let mut per_label: HashMap<Label, Counts> = HashMap::new();
    let mut losses: Vec<(f64, String)> = Vec::new();
    let mut clean_flags = 0;
    let mut clean_pages = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let scored = evaluation::score_page(&read_maybe_gz(f));
        let doc = &scored.doc;
        let is_clean = name.contains("clean") || name.contains("trap");
        if is_clean {
            clean_pages += 1;
        }
        for label in Label::CLUTTER {
            let (t, p) = scored.roots(label);
            let c = per_label.entry(label).or_insert(Counts {
                tp: 0,
                fp: 0,
                fn_: 0,
            });
            for &tn in &t {
                if scored.covered(tn, &p) {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                    if verbose {
                        println!("  miss  {name}: {} {}", label.as_str(), css_path(doc, tn));
                    }
                }
            }
            for &pn in &p {
                if !scored.covered(pn, &t) {
                    c.fp += 1;
                    if is_clean && label != Label::Nav {
                        clean_flags += 1;
                    }
                    if verbose {
                        println!(
                            "  false {name}: {} {} \"{}\"",
                            label.as_str(),
                            css_path(doc, pn),
                            decant_core::text::preview(&doc.text_content(pn), 60)
                        );
                    }
                }
            }
        }
        losses.push((scored.article_loss(), name.clone()));
    }
    println!(
        "Dev set: {} pages (tests/devset, data-truth stripped before analysis)",
        files.len()
    );
    println!("| label | truth | flagged ok | missed | false | precision | recall |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let (mut tp5, mut fp5, mut fn5) = (0, 0, 0);
    for label in Label::CLUTTER {
        let c = &per_label[&label];
        let p = if c.tp + c.fp == 0 {
            1.0
        } else {
            c.tp as f64 / (c.tp + c.fp) as f64
        };
        let r = if c.tp + c.fn_ == 0 {
            1.0
        } else {
            c.tp as f64 / (c.tp + c.fn_) as f64
        };
        println!(
            "| {} | {} | {} | {} | {} | {:.3} | {:.3} |",
            label.as_str(),
            c.tp + c.fn_,
            c.tp,
            c.fn_,
            c.fp,
            p,
            r
        );
        if DEFAULT_HIDDEN.contains(&label) {
            tp5 += c.tp;
            fp5 += c.fp;
            fn5 += c.fn_;
        }
    }
    println!(
        "| **prompt labels** (paywall, aggregator, consent, newsletter, app-banner) | {} | {} | {} | {} | {:.3} | {:.3} |",
        tp5 + fn5,
        tp5,
        fn5,
        fp5,
        tp5 as f64 / (tp5 + fp5).max(1) as f64,
        tp5 as f64 / (tp5 + fn5).max(1) as f64
    );
    losses.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mean = losses.iter().map(|l| l.0).sum::<f64>() / losses.len().max(1) as f64;
    println!(
        "Article text hidden: mean {:.2}%, worst {:.2}% ({}); pages losing any: {}",
        mean * 100.0,
        losses.first().map_or(0.0, |l| l.0 * 100.0),
        losses.first().map_or("-", |l| l.1.as_str()),
        losses.iter().filter(|l| l.0 > 0.0).count()
    );
    println!("Flags (not nav) on clean/trap pages: {clean_flags} over {clean_pages} pages\n");
}

// --- corpora -------------------------------------------------------------------------------

struct LossReport {
    name: &'static str,
    pages: usize,
    under_1pct: usize,
    worst: Vec<(f64, String)>,
    mean: f64,
}

fn loss_set(
    name: &'static str,
    pages: Vec<(String, Vec<u8>, String)>,
    labels: &[Label],
) -> LossReport {
    let mut losses = Vec::new();
    for (id, html, expected) in pages {
        let (vis, hid) = visible_and_hidden(&html, labels);
        losses.push((loss(&expected, &vis, &hid), id));
    }
    losses.sort_by(|a, b| b.0.total_cmp(&a.0));
    LossReport {
        name,
        pages: losses.len(),
        under_1pct: losses.iter().filter(|l| l.0 < 0.01).count(),
        mean: losses.iter().map(|l| l.0).sum::<f64>() / losses.len().max(1) as f64,
        worst: losses.into_iter().take(5).collect(),
    }
}

fn print_loss(r: &LossReport, labels: &str) {
    println!(
        "{} ({} pages, hiding {}): under 1% lost on {:.1}% of pages; mean {:.2}%; worst {}",
        r.name,
        r.pages,
        labels,
        100.0 * r.under_1pct as f64 / r.pages.max(1) as f64,
        r.mean * 100.0,
        r.worst
            .iter()
            .map(|(l, id)| format!("{id} {:.1}%", l * 100.0))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

fn readability_pages(corpus: &Path) -> Vec<(String, Vec<u8>, String)> {
    let dir = corpus.join("readability-test-pages");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_else(|_| Vec::new());
    names.sort();
    for p in names {
        let src = std::fs::read(p.join("source.html")).unwrap_or_default();
        let exp_html = std::fs::read(p.join("expected.html")).unwrap_or_default();
        let exp_doc = decant_core::html::parse_html_bytes(&exp_html);
        let expected = exp_doc.text_content(NodeId::ROOT);
        out.push((
            p.file_name().unwrap().to_string_lossy().to_string(),
            src,
            expected,
        ));
    }
    out
}

fn benchmark_pages(corpus: &Path) -> Vec<(String, Vec<u8>, String)> {
    let dir = corpus.join("article-extraction-benchmark");
    let gt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json")).unwrap_or_default())
            .unwrap_or(serde_json::Value::Null);
    let mut out = Vec::new();
    if let Some(map) = gt.as_object() {
        let mut ids: Vec<&String> = map.keys().collect();
        ids.sort();
        for id in ids {
            let body = map[id]["articleBody"].as_str().unwrap_or("").to_string();
            let html = read_maybe_gz(&dir.join("html").join(format!("{id}.html.gz")));
            out.push((id.clone(), html, body));
        }
    }
    out
}

fn trafilatura(corpus: &Path, labels: &[Label], label_name: &str) {
    let dir = corpus.join("trafilatura-eval");
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("evaldata.json")).unwrap_or_default())
            .unwrap_or(serde_json::Value::Null);
    let Some(map) = data.as_object() else {
        println!("trafilatura-eval: not found");
        return;
    };
    let (mut with_total, mut with_hidden, mut without_total, mut without_shown) = (0, 0, 0, 0);
    let mut without_shown_before = 0;
    for entry in map.values() {
        let file = entry["file"].as_str().unwrap_or("");
        let html = read_maybe_gz(&dir.join("html").join(format!("{file}.gz")));
        let (vis, hid) = visible_and_hidden(&html, labels);
        let (vis, hid) = (collapse(&vis), collapse(&hid));
        let all = collapse(&format!("{vis} {hid}"));
        for s in entry["with"].as_array().into_iter().flatten() {
            let s = collapse(s.as_str().unwrap_or(""));
            with_total += 1;
            if !vis.contains(&s) && hid.contains(&s) {
                with_hidden += 1;
            }
        }
        for s in entry["without"].as_array().into_iter().flatten() {
            let s = collapse(s.as_str().unwrap_or(""));
            without_total += 1;
            if all.contains(&s) {
                without_shown_before += 1;
            }
            if vis.contains(&s) {
                without_shown += 1;
            }
        }
    }
    println!(
        "trafilatura-eval ({} pages, hiding {}): must-keep snippets hidden {}/{} ({:.2}%); must-drop snippets still shown {}/{} ({:.1}%; {} were on the page before cleanup)",
        map.len(),
        label_name,
        with_hidden,
        with_total,
        100.0 * with_hidden as f64 / with_total.max(1) as f64,
        without_shown,
        without_total,
        100.0 * without_shown as f64 / without_total.max(1) as f64,
        without_shown_before
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let verbose = args.iter().any(|a| a == "--verbose");
    let devset_dir = arg("--devset").unwrap_or_else(|| "tests/devset".into());
    let corpus = PathBuf::from(arg("--corpus").unwrap_or_else(|| "../shared/corpus".into()));
    devset(Path::new(&devset_dir), verbose);
    if args.iter().any(|a| a == "--devset-only") {
        return;
    }
    let all: Vec<Label> = Label::CLUTTER.to_vec();
    let rp = readability_pages(&corpus);
    let bp = benchmark_pages(&corpus);
    for (labels, name) in [
        (&DEFAULT_HIDDEN[..], "default labels"),
        (&all[..], "all labels"),
    ] {
        print_loss(
            &loss_set("readability-test-pages", rp.clone(), labels),
            name,
        );
        print_loss(
            &loss_set("article-extraction-benchmark", bp.clone(), labels),
            name,
        );
        trafilatura(&corpus, labels, name);
    }
}
