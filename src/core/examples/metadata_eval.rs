//! Metadata accuracy over the shared corpora.
//!
//! ```text
//! cargo run --release -p decant-core --features html --example metadata_eval [-- --verbose [FIELD]]
//! ```
//!
//! Readability test pages: each `source.html` against its `expected-metadata.json`.
//! Trafilatura eval: title/author/date of `evaldata.json` entries (HTML gzipped).
//! Only counts and mismatch listings are printed; nothing from the corpora is stored.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use decant_core::html::parse_html;
use decant_core::metadata::{extract_metadata, normalize_date, Metadata};
use serde_json::Value;

const READABILITY: &str = "/work/shared/corpus/readability-test-pages";
const TRAFILATURA: &str = "/work/shared/corpus/trafilatura-eval";

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case alphanumerics only.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A byline as a set of loose names, without "by"-type prefixes.
fn names(s: &str) -> Vec<String> {
    let mut s = collapse(s).to_lowercase();
    for p in ["by ", "von ", "par ", "por ", "di ", "door "] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.to_string();
        }
    }
    let s = s
        .replace(" und ", ",")
        .replace(" and ", ",")
        .replace(" et ", ",")
        .replace(" y ", ",");
    let mut v: Vec<String> = s
        .split([',', ';', '&', '|'])
        .map(loose)
        .filter(|n| !n.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// True when `got` is `expected`, or `expected` with a part cut off at one of its ends at a
/// spaced separator (the site name Readability's expected titles keep from `og:title`).
fn same_but_site(got: &str, expected: &str) -> bool {
    let (g, e) = (collapse(got), collapse(expected));
    if g == e {
        return true;
    }
    // The part cut off must be short, as site names are.
    let short = |p: &str| p.split_whitespace().count() <= 6;
    [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", ": "]
        .iter()
        .any(|sep| {
            e.match_indices(sep).any(|(i, _)| {
                let (head, tail) = (e[..i].trim(), e[i + sep.len()..].trim());
                (head == g && short(tail)) || (tail == g && short(head))
            })
        })
}

#[derive(Default)]
struct Tally {
    /// field → (pages with an expected value, correct, mismatches)
    fields: BTreeMap<String, (usize, usize, Vec<String>)>,
    /// field → (pages expecting nothing, pages where we still gave something)
    spurious: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn check(&mut self, field: &str, page: &str, expected: &str, got: Option<&str>, ok: bool) {
        let e = self.fields.entry(field.to_string()).or_default();
        e.0 += 1;
        if ok {
            e.1 += 1;
        } else {
            e.2.push(format!(
                "{page}\n      expected: {expected:?}\n      got:      {got:?}"
            ));
        }
    }

    fn empty(&mut self, field: &str, got: Option<&str>) {
        let e = self.spurious.entry(field.to_string()).or_default();
        e.0 += 1;
        if got.is_some() {
            e.1 += 1;
        }
    }

    fn print(&self, name: &str, verbose: Option<&str>) {
        println!("\n== {name}");
        println!(
            "{:<22} {:>6} {:>6} {:>8}",
            "field", "pages", "ok", "accuracy"
        );
        for (f, (n, ok, _)) in &self.fields {
            println!(
                "{f:<22} {n:>6} {ok:>6} {:>7.1}%",
                100.0 * *ok as f64 / (*n).max(1) as f64
            );
        }
        for (f, (n, extra)) in &self.spurious {
            println!("{f:<22} {n:>6} pages expect none; we gave one on {extra}");
        }
        if let Some(v) = verbose {
            for (f, (_, _, miss)) in &self.fields {
                if v.is_empty() || f.starts_with(v) {
                    println!("\n-- mismatches: {f}");
                    for m in miss {
                        println!("  {m}");
                    }
                }
            }
        }
    }
}

fn str_field<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn readability(verbose: Option<&str>) {
    let mut dirs: Vec<_> = std::fs::read_dir(READABILITY)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut t = Tally::default();
    for dir in &dirs {
        let page = dir.file_name().unwrap().to_string_lossy().to_string();
        let Ok(html) = std::fs::read(dir.join("source.html")) else {
            continue;
        };
        let Ok(exp) = std::fs::read(dir.join("expected-metadata.json")) else {
            continue;
        };
        let exp: Value = serde_json::from_slice(&exp).expect("expected json");
        let mut doc = parse_html(&String::from_utf8_lossy(&html));
        doc.url = Some("http://fakehost/test/page.html".into());
        let m: Metadata = extract_metadata(&doc, None);

        match str_field(&exp, "title").filter(|e| !e.trim().is_empty()) {
            Some(e) => {
                let got = m.title.as_deref();
                t.check(
                    "title",
                    &page,
                    e,
                    got,
                    got.map(collapse) == Some(collapse(e)),
                );
                t.check(
                    "title~loose",
                    &page,
                    e,
                    got,
                    got.map(loose) == Some(loose(e)),
                );
                let site = got.is_some_and(|g| same_but_site(g, e));
                t.check("title~site", &page, e, got, site);
            }
            None => t.empty("title", m.title.as_deref()),
        }
        match str_field(&exp, "byline") {
            Some(e) => {
                let got = m.byline.as_deref();
                t.check(
                    "byline",
                    &page,
                    e,
                    got,
                    got.map(collapse) == Some(collapse(e)),
                );
                t.check(
                    "byline~names",
                    &page,
                    e,
                    got,
                    got.map(names) == Some(names(e)),
                );
                // Readability's visible bylines keep neighbouring text (dates, "By", desks):
                // also count our name when the expected text contains it.
                let inside =
                    got.is_some_and(|g| !loose(g).is_empty() && loose(e).contains(&loose(g)));
                t.check("byline~inside", &page, e, got, inside);
            }
            None => t.empty("byline", m.byline.as_deref()),
        }
        match str_field(&exp, "siteName") {
            Some(e) => {
                let got = m.site_name.as_deref();
                t.check(
                    "siteName",
                    &page,
                    e,
                    got,
                    got.map(collapse) == Some(collapse(e)),
                );
            }
            None => t.empty("siteName", m.site_name.as_deref()),
        }
        match str_field(&exp, "publishedTime") {
            Some(e) => {
                let got = m.published.as_deref();
                let day = |s: &str| s.chars().take(10).collect::<String>();
                t.check(
                    "published~date",
                    &page,
                    e,
                    got,
                    got.map(day) == Some(day(e)) && e.len() >= 10,
                );
                t.check("published~full", &page, e, got, got == Some(e));
                let norm = normalize_date(e);
                t.check(
                    "published~full-iso",
                    &page,
                    e,
                    got,
                    norm.is_some() && got.map(String::from) == norm,
                );
            }
            None => t.empty("published", m.published.as_deref()),
        }
        if let Some(e) = str_field(&exp, "excerpt") {
            let got = m.excerpt.as_deref();
            t.check(
                "excerpt",
                &page,
                e,
                got,
                got.map(collapse) == Some(collapse(e)),
            );
        }
        if let Some(e) = str_field(&exp, "lang") {
            let got = m.lang.as_deref();
            t.check("lang", &page, e, got, got == Some(e));
        }
        if let Some(e) = str_field(&exp, "dir") {
            let got = m.dir.as_deref();
            t.check("dir", &page, e, got, got == Some(e));
        }
    }
    t.print(
        &format!("readability-test-pages ({} pages)", dirs.len()),
        verbose,
    );
}

/// UTF-8, or Windows-1252/Latin-1 bytes read one char per byte (enough for the eval).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn trafilatura(verbose: Option<&str>) {
    let data: Value = serde_json::from_slice(
        &std::fs::read(Path::new(TRAFILATURA).join("evaldata.json")).expect("evaldata"),
    )
    .expect("json");
    let mut t = Tally::default();
    let mut pages = 0;
    let start = std::time::Instant::now();
    for (url, e) in data.as_object().expect("object") {
        let (Some(file), Some(title)) = (str_field(e, "file"), str_field(e, "title")) else {
            continue;
        };
        let path = Path::new(TRAFILATURA)
            .join("html")
            .join(format!("{file}.gz"));
        let Ok(gz) = std::fs::read(&path) else {
            continue;
        };
        let mut raw = Vec::new();
        if flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut raw)
            .is_err()
        {
            continue;
        }
        pages += 1;
        let mut doc = parse_html(&decode(&raw));
        doc.url = Some(url.clone());
        let m = extract_metadata(&doc, None);
        let got = m.title.as_deref();
        t.check(
            "title",
            file,
            title,
            got,
            got.map(collapse) == Some(collapse(title)),
        );
        t.check(
            "title~loose",
            file,
            title,
            got,
            got.map(loose) == Some(loose(title)),
        );
        let site = got.is_some_and(|g| same_but_site(g, title));
        t.check("title~site", file, title, got, site);
        match str_field(e, "author").filter(|a| !a.is_empty()) {
            Some(a) => {
                let got = m.byline.as_deref();
                t.check(
                    "author~names",
                    file,
                    a,
                    got,
                    got.map(names) == Some(names(a)),
                );
                let contains = got.is_some_and(|g| {
                    let (g, a) = (loose(g), loose(a));
                    !g.is_empty() && (g.contains(&a) || a.contains(&g))
                });
                t.check("author~overlap", file, a, got, contains);
            }
            None => t.empty("author", m.byline.as_deref()),
        }
        match str_field(e, "date").filter(|d| !d.is_empty()) {
            Some(d) => {
                let got = m.published.as_deref();
                t.check(
                    "date",
                    file,
                    d,
                    got,
                    got.map(|g| g.chars().take(10).collect::<String>()) == Some(d.to_string()),
                );
            }
            None => t.empty("date", m.published.as_deref()),
        }
    }
    t.print(
        &format!(
            "trafilatura-eval ({pages} pages with a title, {:.1?})",
            start.elapsed()
        ),
        verbose,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().position(|a| a == "--verbose").map(|i| {
        args.get(i + 1)
            .map(String::as_str)
            .filter(|a| !a.starts_with("--"))
            .unwrap_or("")
    });
    let only = args.iter().find_map(|a| a.strip_prefix("--only="));
    if let Some(page) = args.iter().find_map(|a| a.strip_prefix("--page=")) {
        // One readability page or one trafilatura file: print what we extract.
        let dir = Path::new(READABILITY).join(page).join("source.html");
        let (bytes, url) = match std::fs::read(&dir) {
            Ok(b) => (b, "http://fakehost/test/page.html".to_string()),
            Err(_) => {
                let gz = std::fs::read(
                    Path::new(TRAFILATURA)
                        .join("html")
                        .join(format!("{page}.gz")),
                )
                .expect("page");
                let mut raw = Vec::new();
                flate2::read::GzDecoder::new(&gz[..])
                    .read_to_end(&mut raw)
                    .expect("gzip");
                (raw, "http://fakehost/".to_string())
            }
        };
        let mut doc = parse_html(&decode(&bytes));
        doc.url = Some(url);
        println!("{:#?}", extract_metadata(&doc, None));
        return;
    }
    if only.is_none_or(|o| o == "readability") {
        readability(verbose);
    }
    if only.is_none_or(|o| o == "trafilatura") {
        trafilatura(verbose);
    }
}
