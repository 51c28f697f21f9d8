//! Metadata accuracy over the shared corpora.
//!
//! ```text
//! cargo run --profile native -p decant-core --features html --example metadata_eval -- \
//!     --corpus ../shared/corpus [--only=readability|trafilatura] [--verbose [FIELD]] [--page=NAME]
//! ```
//!
//! Readability test pages: each `source.html` against its `expected-metadata.json`.
//! Trafilatura eval: title/author/date of `evaldata.json` entries (HTML gzipped).
//! Only counts and mismatch listings are printed; nothing from the corpora is stored (but for
//! the few hand-checked reference values in [`ADJUDICATED`]).
//!
//! What "correct" means (the `field` rows; rows in parentheses are stricter or looser views):
//!
//! - **title**: equal after normalisation (Unicode whitespace collapsed, case-insensitive,
//!   punctuation and quotes trimmed from both ends) to the reference headline. Readability's
//!   expected title keeps a site name (or author) at an end of `<title>` when its heuristic
//!   cannot tell it from the headline; the reference cuts such a part only when it names the
//!   site or author the page or the expected metadata give (og:site_name, application-name,
//!   siteName, byline), plus the hand-checked pages in [`ADJUDICATED`]. A title that still
//!   carries the site name is therefore wrong. `title (as Readability)` compares with the
//!   expected value unchanged.
//! - **byline**: the same set of author names (case, punctuation and "and"/"&"/","
//!   separators ignored) as the reference: the expected byline's first line, without a leading
//!   "By"/"Written by"/"Von"/"Par"/..., links dropped, cut where a glued date starts;
//!   hand-checked pages in [`ADJUDICATED`] (expected values that name a related story's
//!   author or are date lines).
//!   Pages whose reference names nobody count under "expect none".
//! - **published**: the same instant when both give a time and zone, else the same calendar
//!   date (the first 10 characters); `published (full time)` requires the same instant (or
//!   the same string, when the page gives no time).
//! - **excerpt**, **site_name**: equal after the title's normalisation.
//!
//! The last line, `metadata accuracy: ...`, sums this up for `make eval-extract`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use decant_core::html::parse_html_bytes;
use decant_core::metadata::{normalize_date, Metadata};
use decant_core::{Engine, Options};
use serde_json::Value;

/// The corpus directory when `--corpus` is not given (the Makefile's `CORPUS` default).
const DEFAULT_CORPUS: &str = "../shared/corpus";
const READABILITY: &str = "readability-test-pages";
const TRAFILATURA: &str = "trafilatura-eval";

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

/// How the reference for one page departs from Readability's expected value, and why. Only
/// for pages where the expected value is visibly not the article's: checked by hand against
/// the page source, each with its reason (printed by `--verbose`).
enum Fix {
    /// The reference is the expected title without its last `n` separator-delimited parts.
    CutLast(usize),
    /// The reference is the page's `<title>` without its last `n` parts (0: all of it).
    TitleTag(usize),
    /// The reference is this value.
    Value(&'static str),
    /// The page names no author: the expected value is not a name.
    NoValue,
}

/// (page, field, fix, reason). Fields: "title", "byline".
const ADJUDICATED: &[(&str, &str, Fix, &str)] = &[
    ("001", "title", Fix::CutLast(1), "\"Code\" is the blog's section; <title> goes on with the author"),
    ("archive-of-our-own", "title", Fix::CutLast(4), "chapter, author and fandom (two names) follow the work's title (its <h2>)"),
    ("mercurial", "title", Fix::CutLast(1), "the documentation set's name"),
    ("royal-road", "title", Fix::CutLast(1), "the fiction's name (the site's section) after the chapter title"),
    ("v8-blog", "title", Fix::TitleTag(1), "expected drops the headline's lead-in that the <h1> keeps"),
    ("wikipedia", "title", Fix::CutLast(1), "the site's name (no og:site_name to recognise it by)"),
    ("yahoo-2", "title", Fix::TitleTag(0), "expected is the site's application-name; <title> and <h1> carry the headline"),
    ("herald-sun-1", "byline", Fix::Value("Laurie Oakes"), "expected is a related story's author; article:author and the article's own byline disagree"),
    ("liberation-1", "byline", Fix::Value("AFP"), "expected is a related link's author; the headline's itemprop author says AFP"),
    ("salon-1", "byline", Fix::Value("Richard (R.J.) Eskow"), "expected is a related story's author; rel=author under the headline disagrees"),
    ("ietf-1", "byline", Fix::Value("Kooman, F., Jong, Michiel de"), "two DC.Creator metas; expected keeps only the last"),
    ("seattletimes-1", "byline", Fix::Value("Benjamin Romano"), "expected is the date line; itemprop author and rel=author name him"),
    ("royal-road", "byline", Fix::Value("Sleyca"), "expected is a button label; the chapter header's \"by\" links the author"),
    ("spiceworks", "byline", Fix::NoValue, "expected is a \"Last Updated\" date line; the author block is empty"),
];

fn adjudicated(page: &str, field: &str) -> Option<(&'static Fix, &'static str)> {
    ADJUDICATED
        .iter()
        .find(|(p, f, _, _)| *p == page && *f == field)
        .map(|(_, _, fix, why)| (fix, *why))
}

/// The comparison key of a title, site name or excerpt: Unicode whitespace collapsed,
/// lower-cased, punctuation and quotes trimmed from both ends (not inside).
fn norm(s: &str) -> String {
    collapse(s)
        .to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Spaced title separators, in the order they are tried.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "];

/// A title's parts between spaced separators.
fn title_parts(t: &str) -> Vec<String> {
    let mut parts = vec![collapse(t)];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
}

/// `t` without its last `n` parts (cut at the `n`-th separator from the end).
fn cut_last(t: &str, n: usize) -> String {
    let mut t = collapse(t);
    for _ in 0..n {
        let cut = TITLE_SEPARATORS.iter().filter_map(|sep| t.rfind(sep)).max();
        if let Some(i) = cut {
            t.truncate(i);
        }
    }
    t
}

/// True when a title part names `label` (a site name or an author): the same loose key, one
/// key starting with the other ("Factorio" / "Factorio.com"), or the same first two words.
fn names_label(part: &str, label: &str) -> bool {
    let (p, l) = (loose(part), loose(label));
    if p.len() < 2 || l.len() < 2 {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .take(2)
            .collect()
    };
    let (wp, wl) = (words(part), words(label));
    p == l || p.starts_with(&l) || l.starts_with(&p) || (wp.len() == 2 && wp == wl)
}

/// The reference title: Readability keeps a site name (or author) at an end of the title
/// when it cannot tell it from the headline; cut such parts when they name the site or author
/// the page (og:site_name, application-name) or the expected metadata (siteName, byline) give.
fn reference_title(expected: &str, labels: &[String]) -> String {
    let mut t = collapse(expected);
    loop {
        let parts = title_parts(&t);
        if parts.len() < 2 {
            return t;
        }
        let last = parts.last().expect("two parts");
        let first = &parts[0];
        if labels.iter().any(|l| names_label(last, l)) {
            t = cut_last(&t, 1);
        } else if labels.iter().any(|l| names_label(first, l)) {
            let sep = TITLE_SEPARATORS
                .iter()
                .filter_map(|s| t.find(s).map(|i| (i, s.len())))
                .min()
                .expect("a separator");
            t = t[sep.0 + sep.1..].to_string();
        } else {
            return t;
        }
    }
}

/// The author names of a Readability byline: its first line with text, without a leading
/// "By"/"Written by"/"Von"/"Par"/..., cut where a date glued to it starts (its first digit).
fn reference_byline(expected: &str) -> String {
    let lines: Vec<String> = expected
        .lines()
        .map(collapse)
        .filter(|l| l.chars().any(char::is_alphabetic))
        .collect();
    let mut s = lines.first().cloned().unwrap_or_default();
    if BY_PREFIXES.contains(&format!("{} ", s.to_lowercase()).as_str()) {
        // "By" alone on its line, the name on the next.
        s = format!("{s} {}", lines.get(1).map_or("", String::as_str));
    }
    for p in BY_PREFIXES {
        if s.to_lowercase().starts_with(p) {
            s = s[p.len()..].to_string();
        }
    }
    // Links are no part of a name: "Jane Doe (http://example.org/jane/)".
    let s: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !w.contains("://"))
        .collect();
    let s = s.join(" ");
    let cut = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    s[..cut].trim().to_string()
}

/// Words that introduce a byline, lower case with their space.
const BY_PREFIXES: &[&str] = &[
    "written by ",
    "posted by ",
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
];

/// Minutes since 0000-03-01 (proleptic Gregorian) of an ISO 8601 date-time with a zone
/// ("2017-02-23T17:18:13-08:00", "...Z"); `None` without a time and zone. Seconds ignored.
fn instant(s: &str) -> Option<i64> {
    let num = |a: usize, b: usize| s.get(a..b)?.parse::<i64>().ok();
    let (y, mo, d, h, mi) = (
        num(0, 4)?,
        num(5, 7)?,
        num(8, 10)?,
        num(11, 13)?,
        num(14, 16)?,
    );
    if s.get(10..11)? != "T" {
        return None;
    }
    let zone = if s.ends_with('Z') {
        0
    } else {
        let z = s.len().checked_sub(6)?;
        let sign = match s.get(z..z + 1)? {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        sign * (num(z + 1, z + 3)? * 60 + num(z + 4, z + 6)?)
    };
    // Days from civil (H. Hinnant's algorithm).
    let (y, m) = if mo <= 2 {
        (y - 1, mo + 9)
    } else {
        (y, mo - 3)
    };
    let days = y * 365 + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1;
    Some(days * 1440 + h * 60 + mi - zone)
}

/// Site names a page states, for recognising them at the ends of expected titles.
fn page_site_labels(doc: &decant_core::dom::Document) -> Vec<String> {
    let mut out = Vec::new();
    for id in doc.descendants(decant_core::dom::NodeId::ROOT) {
        if doc.tag(id) != "meta" {
            continue;
        }
        let key = doc
            .attr(id, "property")
            .or(doc.attr(id, "name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(key.as_str(), "og:site_name" | "application-name") {
            if let Some(c) = doc.attr(id, "content") {
                out.push(c.to_string());
            }
        }
    }
    out
}

fn title_tag(doc: &decant_core::dom::Document) -> Option<String> {
    let t = doc
        .descendants(decant_core::dom::NodeId::ROOT)
        .find(|&n| doc.tag(n) == "title")?;
    Some(collapse(&doc.text_content(t)))
}

fn readability(root: &Path, verbose: Option<&str>) -> Tally {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut t = Tally::default();
    let mut notes = Vec::new();
    for dir in &dirs {
        let page = dir.file_name().unwrap().to_string_lossy().to_string();
        let Ok(html) = std::fs::read(dir.join("source.html")) else {
            continue;
        };
        let Ok(exp) = std::fs::read(dir.join("expected-metadata.json")) else {
            continue;
        };
        let exp: Value = serde_json::from_slice(&exp).expect("expected json");
        let mut engine = engine(&html, "http://fakehost/test/page.html");
        let m: Metadata = engine.analyze().metadata;
        let doc = engine.document();

        match str_field(&exp, "title").filter(|e| !e.trim().is_empty()) {
            Some(e) => {
                let got = m.title.as_deref();
                let mut labels = page_site_labels(doc);
                labels.extend(str_field(&exp, "siteName").map(String::from));
                if let Some(b) = str_field(&exp, "byline") {
                    labels.push(reference_byline(b));
                }
                let reference = match adjudicated(&page, "title") {
                    Some((fix, why)) => {
                        notes.push(format!("{page} title: {why}"));
                        match fix {
                            Fix::CutLast(n) => cut_last(e, *n),
                            Fix::TitleTag(n) => cut_last(&title_tag(doc).unwrap_or_default(), *n),
                            Fix::Value(v) => v.to_string(),
                            Fix::NoValue => String::new(),
                        }
                    }
                    None => reference_title(e, &labels),
                };
                t.check(
                    "title",
                    &page,
                    &reference,
                    got,
                    got.map(norm) == Some(norm(&reference)),
                );
                t.check(
                    "title (as Readability)",
                    &page,
                    e,
                    got,
                    got.map(norm) == Some(norm(e)),
                );
            }
            None => t.empty("title", m.title.as_deref()),
        }
        if let Some(e) = str_field(&exp, "byline") {
            let got = m.byline.as_deref();
            let reference = match adjudicated(&page, "byline") {
                Some((fix, why)) => {
                    notes.push(format!("{page} byline: {why}"));
                    match fix {
                        Fix::Value(v) => Some(v.to_string()),
                        Fix::NoValue => None,
                        _ => Some(reference_byline(e)),
                    }
                }
                None => Some(reference_byline(e)),
            };
            match reference.filter(|r| !names(r).is_empty()) {
                Some(r) => t.check("byline", &page, &r, got, got.map(names) == Some(names(&r))),
                None => t.empty("byline", got),
            }
            t.check(
                "byline (as Readability)",
                &page,
                e,
                got,
                got.map(collapse) == Some(collapse(e)),
            );
        } else {
            t.empty("byline", m.byline.as_deref());
        }
        match str_field(&exp, "siteName") {
            Some(e) => {
                let got = m.site_name.as_deref();
                t.check("site_name", &page, e, got, got.map(norm) == Some(norm(e)));
            }
            None => t.empty("site_name", m.site_name.as_deref()),
        }
        match str_field(&exp, "publishedTime") {
            Some(e) => {
                let got = m.published.as_deref();
                let day = |s: &str| s.chars().take(10).collect::<String>();
                let same_instant =
                    |g: &str| match (instant(g), normalize_date(e).and_then(|n| instant(&n))) {
                        (Some(a), Some(b)) => a == b,
                        _ => false,
                    };
                t.check(
                    "published",
                    &page,
                    e,
                    got,
                    got.is_some_and(|g| same_instant(g) || (day(g) == day(e) && e.len() >= 10)),
                );
                let full = normalize_date(e);
                t.check(
                    "published (full time)",
                    &page,
                    e,
                    got,
                    got.is_some_and(|g| same_instant(g) || full.as_deref() == Some(g)),
                );
            }
            None => t.empty("published", m.published.as_deref()),
        }
        if let Some(e) = str_field(&exp, "excerpt") {
            let got = m.excerpt.as_deref();
            t.check("excerpt", &page, e, got, got.map(norm) == Some(norm(e)));
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
    if verbose.is_some() {
        println!("\n-- references adjudicated by hand");
        for n in &notes {
            println!("  {n}");
        }
    }
    t
}

/// The page under the tool's own analysis (no summary): metadata is read as the tool reports
/// it, with visible bylines, dates and the excerpt sought around the article it finds.
fn engine(bytes: &[u8], url: &str) -> Engine {
    let mut doc = parse_html_bytes(bytes);
    doc.url = Some(url.to_string());
    Engine::with_options(
        doc,
        Options {
            summarize: false,
            ..Options::default()
        },
    )
}

fn trafilatura(root: &Path, verbose: Option<&str>) -> Tally {
    let data: Value =
        serde_json::from_slice(&std::fs::read(root.join("evaldata.json")).expect("evaldata"))
            .expect("json");
    let mut t = Tally::default();
    let mut pages = 0;
    let start = std::time::Instant::now();
    for (url, e) in data.as_object().expect("object") {
        let (Some(file), Some(title)) = (str_field(e, "file"), str_field(e, "title")) else {
            continue;
        };
        let path = root.join("html").join(format!("{file}.gz"));
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
        let m = engine(&raw, url).analyze().metadata;
        let got = m.title.as_deref();
        t.check(
            "title",
            file,
            title,
            got,
            got.map(norm) == Some(norm(title)),
        );
        match str_field(e, "author").filter(|a| !a.is_empty()) {
            Some(a) => {
                let got = m.byline.as_deref();
                t.check("author", file, a, got, got.map(names) == Some(names(a)));
                let contains = got.is_some_and(|g| {
                    let (g, a) = (loose(g), loose(a));
                    !g.is_empty() && (g.contains(&a) || a.contains(&g))
                });
                t.check("author (overlap)", file, a, got, contains);
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
    t
}

impl Tally {
    /// "field 97.6% (124/127)".
    fn summary(&self, field: &str) -> String {
        match self.fields.get(field) {
            Some((n, ok, _)) => format!(
                "{field} {:.1}% ({ok}/{n})",
                100.0 * *ok as f64 / (*n).max(1) as f64
            ),
            None => format!("{field} -"),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().position(|a| a == "--verbose").map(|i| {
        args.get(i + 1)
            .map(String::as_str)
            .filter(|a| !a.starts_with("--"))
            .unwrap_or("")
    });
    let corpus = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--corpus=").map(String::from))
        })
        .unwrap_or_else(|| DEFAULT_CORPUS.to_string());
    let corpus = Path::new(&corpus);
    let only = args.iter().find_map(|a| a.strip_prefix("--only="));
    if let Some(page) = args.iter().find_map(|a| a.strip_prefix("--page=")) {
        // One readability page or one trafilatura file: print what we extract.
        let dir = corpus.join(READABILITY).join(page).join("source.html");
        let (bytes, url) = match std::fs::read(&dir) {
            Ok(b) => (b, "http://fakehost/test/page.html".to_string()),
            Err(_) => {
                let gz = std::fs::read(
                    corpus
                        .join(TRAFILATURA)
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
        println!("{:#?}", engine(&bytes, &url).analyze().metadata);
        return;
    }
    let mut summary = Vec::new();
    if only.is_none_or(|o| o == "readability") {
        let t = readability(&corpus.join(READABILITY), verbose);
        let fields = ["title", "byline", "published", "excerpt", "site_name"];
        let parts: Vec<String> = fields.iter().map(|f| t.summary(f)).collect();
        summary.push(format!("readability-test-pages: {}", parts.join(", ")));
    }
    if only.is_none_or(|o| o == "trafilatura") {
        let t = trafilatura(&corpus.join(TRAFILATURA), verbose);
        let parts: Vec<String> = ["title", "author", "date"]
            .iter()
            .map(|f| t.summary(f))
            .collect();
        summary.push(format!("trafilatura-eval: {}", parts.join(", ")));
    }
    println!("\nmetadata accuracy: {}", summary.join("; "));
}
