//! String clean-up shared by the metadata sources: whitespace, entities, bylines, titles, URLs.

/// Readability's similarity of `b` to `a`: the share of `b`'s token text that also occurs in
/// `a` (1.0 = every token of `b` is in `a`).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let toks = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !crate::text::is_alnum(c))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (toks(a), toks(b));
    let total: usize = tb.iter().map(|t| t.len() + 1).sum();
    if total == 0 {
        return 0.0;
    }
    let uniq: usize = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(|t| t.len() + 1)
        .sum();
    1.0 - uniq as f64 / total as f64
}

/// Collapses whitespace runs to one space and trims.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Decodes the HTML entities that leak into metadata (double-escaped attributes, JSON-LD):
/// the named basics and numeric references. Unknown entities are kept as written.
pub fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    Some(
                        char::from_u32(code)
                            .filter(|&c| c != '\0')
                            .unwrap_or('\u{FFFD}'),
                    )
                }
            }?;
            Some((ch, e + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A whitespace-collapsed, entity-decoded, non-empty string.
pub fn tidy(s: &str) -> Option<String> {
    let t = collapse_ws(&unescape_entities(s));
    (!t.is_empty()).then_some(t)
}

/// True for values that are links rather than names (`<meta name=author content=https://...>`).
pub fn is_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with("www.")
        || (s.starts_with('/') && !s.contains(' '))
}

/// Lower-case prefixes that introduce a byline, with their trailing space.
const BYLINE_PREFIXES: &[&str] = &[
    // Author-archive links and credits, longest first within a language.
    "view all posts by ",
    "all posts by ",
    "more posts by ",
    "zeige alle beiträge von ",
    "alle beiträge von ",
    "alle artikel von ",
    "ein beitrag von ",
    "ein artikel von ",
    "beitrag von ",
    "artikel von ",
    "erstellt von ",
    "geschrieben von ",
    "verfasst von ",
    "text und interview: ",
    "text und fotos: ",
    "tous les articles de ",
    "écrit par ",
    "publié par ",
    "rédigé par ",
    "escrito por ",
    "publicado por ",
    "redactado por ",
    "ver todas las entradas de ",
    "scritto da ",
    "pubblicato da ",
    "articolo di ",
    "geschreven door ",
    "alle berichten van ",
    "texto: ",
    "testo: ",
    "tekst: ",
    "texte : ",
    "texte: ",
    "written by ",
    "posted by ",
    "published by ",
    "reported by ",
    "story by ",
    "words by ",
    "text by ",
    "by: ",
    "by ",
    "von ",
    "text: ",
    "text von ",
    "autor: ",
    "autorin: ",
    "author: ",
    "auteur : ",
    "auteur: ",
    "par ",
    "por ",
    "di ",
    "door ",
    "de ",
];

/// Cleans a byline: whitespace, a leading "By"/"Von"/"Par"/"Por"/"Di"/"Door", trailing
/// separators. `None` when nothing name-like is left.
pub fn clean_byline(raw: &str) -> Option<String> {
    let mut s = tidy(raw)?;
    loop {
        let lower = s.to_lowercase();
        let Some(p) = BYLINE_PREFIXES.iter().find(|p| lower.starts_with(**p)) else {
            break;
        };
        // Prefixes are ASCII, so the byte length is the same in `s`.
        s = s[p.len()..].trim_start().to_string();
    }
    // A name followed by its handle or home page ("Jane Doe @jdoe", "Jane Doe - https://...").
    let words: Vec<&str> = s.split_whitespace().collect();
    let keep = words
        .iter()
        .position(|w| w.starts_with('@') || is_url(w) || w.contains("://"))
        .filter(|&i| i > 0)
        .unwrap_or(words.len());
    let s = words[..keep].join(" ");
    let s = s
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | ',' | '-' | '–' | '—' | '·' | '•' | ':')
        })
        .to_string();
    let lower = s.to_lowercase();
    let only_labels = lower
        .split(|c: char| !crate::text::is_alpha(c))
        .filter(|w| !w.is_empty())
        .all(|w| LABEL_WORDS.contains(&w));
    if s.is_empty()
        || only_labels
        || s.chars().count() > 100
        || is_url(&s)
        || !s.chars().any(crate::text::is_alpha)
        || matches!(
            lower.as_str(),
            "by" | "von" | "author" | "autor" | "authors" | "admin" | "unknown"
        )
    {
        return None;
    }
    Some(s)
}

/// Words that label a byline or date line rather than name anyone.
const LABEL_WORDS: &[&str] = &[
    "article",
    "artikel",
    "beitrag",
    "articolo",
    "artículo",
    "posted",
    "published",
    "publié",
    "publiziert",
    "veröffentlicht",
    "am",
    "on",
    "by",
    "von",
    "le",
    "el",
    "il",
    "em",
    "op",
    "written",
    "updated",
    "aktualisiert",
    "date",
    "datum",
    "in",
    "at",
    "um",
    "filed",
    "under",
    "author",
    "autor",
    "auteur",
    "from",
    "the",
    "de",
    "par",
    "por",
    "di",
    "door",
];

/// The name after a " by " (" von ", " par ", ...) inside a meta line such as
/// "Posted on 3 May 2021 by Jane Doe in News": "Jane Doe" (up to a following " in "/" on "/"|").
pub fn after_by(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // Case mapping changed byte lengths; positions would not line up.
        return None;
    }
    let markers = [
        " by ", " von ", " par ", " por ", " door ", " di ", "by ", "von ",
    ];
    let (pos, m) = markers
        .iter()
        .filter_map(|m| lower.find(m).map(|p| (p, m)))
        .filter(|(p, m)| *p == 0 || m.starts_with(' '))
        .min_by_key(|(p, _)| *p)?;
    let rest = &line[pos + m.len()..];
    let lower_rest = &lower[pos + m.len()..];
    let end = [
        " in ", " on ", " am ", " le ", " | ", " · ", " • ", " - ", " – ", ",",
    ]
    .iter()
    .filter_map(|e| lower_rest.find(e))
    .min()
    .unwrap_or(rest.len());
    let name = rest[..end].trim();
    (!name.is_empty() && name.split_whitespace().count() <= 5).then(|| name.to_string())
}

/// Joins author names with ", ", dropping duplicates.
pub fn join_names(names: &[String]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
            out.push(n);
        }
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// Lower-case alphanumerics only, for loose comparisons of titles and site names.
pub fn norm_key(s: &str) -> String {
    s.chars()
        .filter(|c| crate::text::is_alnum(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Title separators, each surrounded by spaces in a title.
const SEPARATORS: &[char] = &[
    '|', '｜', '-', '–', '—', '\\', '/', '>', '»', '›', '·', '•', ':',
];

/// The separators of a title (`" | "`, `" - "`, `" — "`, `": "`, ...) as byte ranges.
fn separators(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let spaced_before = k > 0 && chars[k - 1].1 == ' ';
        let spaced_after = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
        if SEPARATORS.contains(&c) && spaced_after && (spaced_before || c == ':') && k > 1 {
            let start = if spaced_before { i - 1 } else { i };
            out.push((start, i + c.len_utf8() + 1));
        } else if k > 0 && k + 1 < chars.len() && !spaced_before && !spaced_after {
            // Unspaced in CJK titles: "見出し｜サイト", "标题-网站".
            let (prev, next) = (chars[k - 1].1, chars[k + 1].1);
            if c == '｜' || (matches!(c, '|' | '-') && (is_cjk(prev) || is_cjk(next))) {
                out.push((i, i + c.len_utf8()));
            }
        }
    }
    out
}

/// True for Han, kana, Hangul and full-width punctuation: scripts written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xFF01..=0xFF60)
}

/// Splits a title at its separators.
fn split_title(t: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (a, b) in separators(t) {
        if a >= start {
            parts.push(&t[start..a]);
            start = b;
        }
    }
    parts.push(&t[start.min(t.len())..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Most separators of one title considered when matching its parts against headings.
const MAX_TITLE_SEPARATORS: usize = 12;

/// The longest run of a title's parts (between separators, not the whole title) that a page
/// heading repeats, compared loosely (case, punctuation and spacing ignored): the heading
/// confirms where the headline starts and ends ("Site » Blog Archive » Headline",
/// "Kicker - Headline - Section"). A run in the middle needs two words at least (or six
/// characters of unspaced script), so a one-word section heading does not pass for the
/// headline. On equal lengths the earlier run wins.
pub fn heading_confirmed(title: &str, headings: &[String]) -> Option<String> {
    let seps: Vec<(usize, usize)> = separators(title)
        .into_iter()
        .take(MAX_TITLE_SEPARATORS)
        .collect();
    if seps.is_empty() {
        return None;
    }
    let keys: Vec<String> = headings
        .iter()
        .map(|h| norm_key(h))
        .filter(|k| !k.is_empty())
        .collect();
    let starts: Vec<usize> = std::iter::once(0).chain(seps.iter().map(|s| s.1)).collect();
    let ends: Vec<usize> = seps
        .iter()
        .map(|s| s.0)
        .chain(std::iter::once(title.len()))
        .collect();
    let mut best: Option<&str> = None;
    for (i, &s) in starts.iter().enumerate() {
        for &e in &ends[i..] {
            if e <= s || (s == 0 && e == title.len()) {
                continue;
            }
            let cand = title[s..e].trim();
            let middle = s > 0 && e < title.len();
            let substantial = word_count(cand) >= 2 || cand.chars().count() >= 6;
            if cand.is_empty() || (middle && !substantial) {
                continue;
            }
            if best.is_some_and(|b| b.len() >= cand.len()) {
                continue;
            }
            let k = norm_key(cand);
            if !k.is_empty() && keys.contains(&k) {
                best = Some(cand);
            }
        }
    }
    best.map(str::to_string)
}

/// Removes a site name from either end of a title (`"Headline | Site"`, `"Site: Headline"`),
/// when one of `sites` matches the removed part loosely. Returns the title unchanged otherwise.
pub fn strip_site_name(title: &str, sites: &[String]) -> String {
    let parts = split_title(title);
    if parts.len() < 2 {
        return title.to_string();
    }
    let keys: Vec<String> = sites
        .iter()
        .map(|s| norm_key(s))
        .filter(|k| k.len() >= 2)
        .collect();
    let is_site = |p: &str| {
        let k = norm_key(p);
        !k.is_empty()
            && keys.iter().any(|s| {
                *s == k
                    || (k.len() >= 4 && s.contains(&k))
                    || (s.len() >= 4 && k.starts_with(s.as_str()))
            })
    };
    // A site name with separators of its own ("Stars - Club e.V. - News") at an end, whole.
    let lower = title.to_lowercase();
    for site in sites {
        let site = collapse_ws(site).to_lowercase();
        if site.chars().count() < 4 || lower.len() != title.len() {
            continue;
        }
        if let Some(head) = lower.strip_suffix(&site) {
            let cut = head.trim_end();
            if cut.len() < head.len() && cut.ends_with(SEPARATORS) {
                let rest = title[..cut.len()].trim_end_matches(SEPARATORS).trim_end();
                if !rest.is_empty() {
                    return rest.to_string();
                }
            }
        }
        if let Some(tail) = lower.strip_prefix(&site) {
            let cut = tail.trim_start();
            if cut.len() < tail.len() && cut.starts_with(SEPARATORS) {
                let rest = title[title.len() - cut.len()..]
                    .trim_start_matches(SEPARATORS)
                    .trim_start();
                if !rest.is_empty() {
                    return rest.to_string();
                }
            }
        }
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if is_site(last) {
        let cut = title_prefix_before_last(title, last);
        if !cut.is_empty() {
            return strip_site_name(cut, sites);
        }
    }
    if is_site(first) {
        let rest = title_suffix_after_first(title, first);
        if !rest.is_empty() {
            return rest.to_string();
        }
    }
    title.to_string()
}

/// `title` without its last part and the separator before it.
fn title_prefix_before_last<'a>(title: &'a str, last: &str) -> &'a str {
    match title.rfind(last) {
        Some(p) => title[..p]
            .trim_end()
            .trim_end_matches(SEPARATORS)
            .trim_end(),
        None => title,
    }
}

fn title_suffix_after_first<'a>(title: &'a str, first: &str) -> &'a str {
    match title.find(first) {
        Some(p) => title[p + first.len()..]
            .trim_start()
            .trim_start_matches(SEPARATORS)
            .trim_start(),
        None => title,
    }
}

/// Readability's heuristic for a `<title>` with no known site name: drop the last part after a
/// separator (or the first, when that leaves too little), check `": "` titles against the page
/// headings, and fall back to the only `<h1>` for very short or long titles.
pub fn heuristic_title(orig: &str, headings: &[String], h1s: &[String]) -> String {
    let orig = collapse_ws(orig);
    let parts = split_title(&orig);
    let has_spaced_sep = orig.char_indices().any(|(i, c)| {
        SEPARATORS.contains(&c)
            && c != ':'
            && orig[..i].ends_with(' ')
            && orig[i + c.len_utf8()..].starts_with(' ')
    });
    let hierarchical = orig.contains(" / ")
        || orig.contains(" > ")
        || orig.contains(" » ")
        || orig.contains(" \\ ");
    let mut cur = orig.clone();
    if parts.len() >= 2 && has_spaced_sep {
        if let Some(h) = heading_confirmed(&orig, headings) {
            return h;
        }
        let last = parts[parts.len() - 1];
        cur = title_prefix_before_last(&orig, last).to_string();
        if word_count(&cur) < 3 {
            cur = title_suffix_after_first(&orig, parts[0]).to_string();
        }
    } else if orig.contains(": ") {
        if !headings.contains(&orig) {
            let after_last = orig[orig.rfind(':').map_or(0, |p| p + 1)..]
                .trim()
                .to_string();
            let before_first = &orig[..orig.find(':').unwrap_or(0)];
            if word_count(&after_last) < 3 {
                cur = orig[orig.find(':').map_or(0, |p| p + 1)..]
                    .trim()
                    .to_string();
            } else if word_count(before_first) > 5 {
                cur = orig.clone();
            } else {
                cur = after_last;
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        if let [only] = h1s {
            cur = only.clone();
        }
    }
    let cur = collapse_ws(&cur);
    let n = word_count(&cur);
    let orig_words_without_seps = word_count(&orig)
        - orig
            .split_whitespace()
            .filter(|w| {
                w.chars().count() == 1 && w.chars().all(|c| SEPARATORS.contains(&c) && c != ':')
            })
            .count();
    if n <= 4 && (!hierarchical || n + 1 != orig_words_without_seps) {
        return orig;
    }
    cur
}

/// Resolves `href` against `base` (enough of RFC 3986 for metadata links).
pub fn resolve_url(base: Option<&str>, href: &str) -> String {
    let href = href.trim();
    if href.contains("://") || href.starts_with("data:") || href.starts_with("mailto:") {
        return href.to_string();
    }
    let Some(base) = base else {
        return href.to_string();
    };
    let Some(scheme_end) = base.find("://") else {
        return href.to_string();
    };
    let scheme = &base[..scheme_end];
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let after = &base[scheme_end + 3..];
    let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let origin = &base[..scheme_end + 3 + host_end];
    if href.starts_with('/') {
        return format!("{origin}{href}");
    }
    if href.is_empty() {
        return base.to_string();
    }
    let path = &after[host_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if href.starts_with('?') || href.starts_with('#') {
        return format!("{origin}{path}{href}");
    }
    let dir = &path[..path.rfind('/').map_or(0, |p| p + 1)];
    let mut segs: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (href_path, tail) = match href.find(['?', '#']) {
        Some(p) => (&href[..p], &href[p..]),
        None => (href, ""),
    };
    let hsegs: Vec<&str> = href_path.split('/').collect();
    for (k, s) in hsegs.iter().enumerate() {
        match *s {
            "." => {}
            ".." => {
                segs.pop();
            }
            _ if s.is_empty() && k + 1 < hsegs.len() => {}
            _ => segs.push(s),
        }
    }
    let trailing = if matches!(hsegs.last(), Some(&"." | &"..")) {
        "/"
    } else {
        ""
    };
    format!("{origin}/{}{trailing}{tail}", segs.join("/"))
}

/// The host of a URL, without "www.".
pub fn host(url: &str) -> Option<&str> {
    let after = &url[url.find("://")? + 3..];
    let h = &after[..after.find(['/', '?', '#', ':']).unwrap_or(after.len())];
    Some(h.strip_prefix("www.").unwrap_or(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_whitespace() {
        assert_eq!(
            unescape_entities("a &amp;amp; b &#233;&#x41;&bogus; &"),
            "a &amp; b éA&bogus; &"
        );
        assert_eq!(unescape_entities("&#0; &#xFFFFFF;"), "\u{FFFD} \u{FFFD}");
        assert_eq!(tidy("  a \n\t b "), Some("a b".into()));
        assert_eq!(tidy(" \n "), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(clean_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            clean_byline("  von  Max Muster | ").as_deref(),
            Some("Max Muster")
        );
        assert_eq!(
            clean_byline("Par Sébastien Farcis").as_deref(),
            Some("Sébastien Farcis")
        );
        assert_eq!(clean_byline("https://x.com/jane"), None);
        assert_eq!(clean_byline("By"), None);
        assert_eq!(clean_byline("Posted on"), None);
        assert_eq!(
            after_by("Posted on 3 May 2021 by Jane Doe in News").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            after_by("Veröffentlicht am 3. Mai von Max Muster | 2 Kommentare").as_deref(),
            Some("Max Muster")
        );
        assert_eq!(after_by("Nothing here"), None);
        assert_eq!(
            clean_byline("Zeige alle Beiträge von Petra Muster").as_deref(),
            Some("Petra Muster")
        );
        assert_eq!(
            clean_byline("View all posts by Dan Smith").as_deref(),
            Some("Dan Smith")
        );
        assert_eq!(
            clean_byline("Escrito por Ana Gómez").as_deref(),
            Some("Ana Gómez")
        );
        assert_eq!(
            clean_byline("Marco Rossi @mrossi").as_deref(),
            Some("Marco Rossi")
        );
        assert_eq!(
            clean_byline("Jan Jansen - https://jansen.nl").as_deref(),
            Some("Jan Jansen")
        );
        assert_eq!(clean_byline("Artikel von"), None);
        assert_eq!(
            clean_byline("Associated Press").as_deref(),
            Some("Associated Press")
        );
    }

    #[test]
    fn site_names_come_off_titles() {
        let sites = vec!["The Site".to_string()];
        assert_eq!(
            strip_site_name("A Headline | The Site", &sites),
            "A Headline"
        );
        assert_eq!(
            strip_site_name("The Site: A Headline", &sites),
            "A Headline"
        );
        assert_eq!(
            strip_site_name("A Headline - Part 2 — The Site", &sites),
            "A Headline - Part 2"
        );
        assert_eq!(
            strip_site_name("A Headline - Other", &sites),
            "A Headline - Other"
        );
        assert_eq!(strip_site_name("The Site", &sites), "The Site");
        // A site name with separators of its own comes off whole.
        let sites = vec!["Clube - Notícias do dia".to_string()];
        assert_eq!(
            strip_site_name("Chuva forte no Porto - Clube - Notícias do dia", &sites),
            "Chuva forte no Porto"
        );
        assert_eq!(
            strip_site_name("Clube - Notícias do dia | Chuva forte no Porto", &sites),
            "Chuva forte no Porto"
        );
    }

    #[test]
    fn heading_confirmed_runs() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            heading_confirmed(
                "Kicker - A real headline here - Section",
                &h(&["A real headline here"])
            )
            .as_deref(),
            Some("A real headline here")
        );
        // Loose comparison: case and punctuation.
        assert_eq!(
            heading_confirmed("Site | Le « grand » débat", &h(&["le grand débat"])).as_deref(),
            Some("Le « grand » débat")
        );
        // A one-word part in the middle is a section, not the headline.
        assert_eq!(
            heading_confirmed("Headline words - News - Site", &h(&["News"])),
            None
        );
        assert_eq!(
            heading_confirmed("No separators", &h(&["No separators"])),
            None
        );
    }

    #[test]
    fn cjk_titles_split_without_spaces() {
        let sites = vec!["ニュース速報".to_string()];
        assert_eq!(
            strip_site_name("東京で初雪｜ニュース速報", &sites),
            "東京で初雪"
        );
        let h = vec!["武汉的声音：有英勇的你".to_string()];
        assert_eq!(
            heading_confirmed("武汉的声音：有英勇的你-新华网", &h).as_deref(),
            Some("武汉的声音：有英勇的你")
        );
        // ASCII words keep their hyphens.
        assert_eq!(split_title("Mini-SUV im Test").len(), 1);
    }

    #[test]
    fn readability_title_heuristic() {
        let none: Vec<String> = vec![];
        assert_eq!(
            heuristic_title("A long enough headline here | Site", &none, &none),
            "A long enough headline here"
        );
        assert_eq!(
            heuristic_title("Site | A long enough headline here", &none, &none),
            "A long enough headline here"
        );
        assert_eq!(
            heuristic_title("Short - Site", &none, &none),
            "Short - Site"
        );
        assert_eq!(
            heuristic_title("Site: the headline of the story", &none, &none),
            "the headline of the story"
        );
        assert_eq!(
            heuristic_title("Hi", &none, &["The only heading here".into()]),
            "Hi"
        );
    }

    #[test]
    fn urls() {
        let b = Some("http://fakehost/test/page.html?x=1");
        assert_eq!(resolve_url(b, "/a/b"), "http://fakehost/a/b");
        assert_eq!(resolve_url(b, "img.png"), "http://fakehost/test/img.png");
        assert_eq!(resolve_url(b, "../img.png"), "http://fakehost/img.png");
        assert_eq!(resolve_url(b, "//cdn.x/y"), "http://cdn.x/y");
        assert_eq!(resolve_url(b, "https://a.b/c"), "https://a.b/c");
        assert_eq!(resolve_url(None, "/a"), "/a");
        assert_eq!(host("https://www.example.com/x"), Some("example.com"));
        assert!(is_url("https://x"));
        assert!(!is_url("Jane Doe"));
    }
}
