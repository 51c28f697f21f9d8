//! Text helpers: whitespace folding, word tokens and the phrase matcher over the lexicon.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::lexicon::PHRASES;
use crate::model::Label;

/// `char::is_alphanumeric`, fast: see [`is_alpha`].
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    cached_class(c, 0, char::is_alphanumeric)
}

/// `char::is_alphabetic`, fast. ASCII is decided by its bytes; the rest of the Basic
/// Multilingual Plane through a table of 256-character blocks, each filled from the standard
/// library the first time a character of it is seen. The standard library searches its
/// Unicode tables on every call for non-ASCII letters: that search was a quarter of the
/// analysis of a Russian page.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    cached_class(c, 1, char::is_alphabetic)
}

/// Bit `c` of class `class` (0 alphanumeric, 1 alphabetic), `test` filling its block.
fn cached_class(c: char, class: usize, test: fn(char) -> bool) -> bool {
    /// Per class, per block of 256 characters: 256 bits once filled.
    type Blocks = [Vec<Option<[u64; 4]>>; 2];
    thread_local! {
        static BLOCKS: std::cell::RefCell<Blocks> =
            const { std::cell::RefCell::new([Vec::new(), Vec::new()]) };
    }
    let u = c as u32;
    if u > 0xffff {
        return test(c);
    }
    let (block, bit) = ((u >> 8) as usize, (u & 0xff) as usize);
    BLOCKS.with(|b| {
        let mut b = b.borrow_mut();
        let table = &mut b[class];
        if table.is_empty() {
            table.resize(256, None);
        }
        let bits = table[block].get_or_insert_with(|| {
            let mut bits = [0u64; 4];
            for k in 0..256u32 {
                if char::from_u32(u & !0xff | k).is_some_and(test) {
                    bits[(k >> 6) as usize] |= 1 << (k & 63);
                }
            }
            bits
        });
        bits[bit >> 6] >> (bit & 63) & 1 == 1
    })
}

/// Calls `word` with each maximal run of non-whitespace in `s` (whitespace as
/// `char::is_whitespace` has it). ASCII bytes are classified without decoding a character:
/// text is mostly ASCII, and this runs over every text node of the page several times.
fn for_each_word<'a>(s: &'a str, mut word: impl FnMut(&'a str)) {
    let bytes = s.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, width) = if b < 0x80 {
            (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            if let Some(st) = start.take() {
                word(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += width;
    }
    if let Some(st) = start {
        word(&s[st..]);
    }
}

/// Folds every whitespace run into one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Word by word: copying runs of text is much cheaper than pushing each character.
    for_each_word(s, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Number of characters `s` has once whitespace is folded (without allocating).
pub fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    for_each_word(s, |w| {
        // One space between words; a word's characters (ASCII words: its bytes).
        n += usize::from(n > 0)
            + if w.is_ascii() {
                w.len()
            } else {
                w.chars().count()
            };
    });
    n
}

/// Counts words: runs of alphanumeric characters; each CJK character counts as half a word
/// (a common reading-speed convention), rounded up.
pub fn word_count(s: &str) -> usize {
    let mut words = 0;
    let mut cjk: usize = 0;
    let mut in_word = false;
    for ch in s.chars() {
        if is_cjk(ch) {
            cjk += 1;
            in_word = false;
        } else if is_alnum(ch) {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    words + cjk.div_ceil(2)
}

/// Chinese, Japanese and Korean characters (scripts written without spaces).
pub fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0xFF66..=0xFF9F)
}

/// The first `max` characters of `s` with whitespace folded, with "…" when cut.
pub fn preview(s: &str, max: usize) -> String {
    let c = collapse_whitespace(s);
    if c.chars().count() <= max {
        return c;
    }
    let mut out: String = c.chars().take(max).collect();
    out.push('…');
    out
}

/// Lower-cases and splits into alphanumeric word tokens (byte ranges into the lowered text).
fn tokens(lowered: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    tokens_into(lowered, &mut out);
    out
}

/// [`tokens`] into `out` (cleared first). Returns whether `lowered` holds any CJK character
/// (found on the same pass). ASCII bytes are classified without decoding a character.
fn tokens_into(lowered: &str, out: &mut Vec<(usize, usize)>) -> bool {
    out.clear();
    let bytes = lowered.as_bytes();
    let mut start = None;
    let mut cjk = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (ch, width) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = lowered[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let is_cjk_char = b >= 0x80 && is_cjk(ch);
        cjk |= is_cjk_char;
        if is_alnum(ch) && !is_cjk_char {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
            if ch == '*' {
                out.push((i, i + 1));
            }
        }
        i += width;
    }
    if let Some(s) = start {
        out.push((s, lowered.len()));
    }
    cjk
}

/// Lower-cases, with typographic apostrophes made straight.
pub fn lower(s: &str) -> String {
    // Most text and nearly all class names are ASCII: lower-case the bytes in one pass (the
    // same result as the per-character path, which has no ASCII special case).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    lower_chars(s).collect()
}

/// The characters of `s` lower-cased, typographic apostrophes made straight.
fn lower_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\''.to_lowercase(),
        c => c.to_lowercase(),
    })
}

/// Base letters of U+00E0..=U+017F (Latin-1 lower case and Latin Extended-A), `_` where a
/// letter has none (æ, ß, œ) and stays as it is.
const FOLDED_LATIN: &[u8; 160] = b"aaaaaa_ceeeeiiii_nooooo_ouuuuy_yaaaaaaccccccccdd_deeeeeeeeeegggggggghh_hiiiiiiiiii__jjkk_llllll_l_lnnnnnn___oooooo__rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzz_";

/// A Latin letter (lower case) without its accent ([`FOLDED_LATIN`]); any other character as
/// it is.
fn fold_accent(c: char) -> char {
    match (c as u32).checked_sub(0xE0) {
        Some(i) if i < 160 && FOLDED_LATIN[i as usize] != b'_' => {
            char::from(FOLDED_LATIN[i as usize])
        }
        _ => c,
    }
}

/// `s` as the phrase matcher compares it: [`lower`], then the accents of Latin letters taken
/// off, one character for one (`síguenos` and `siguenos` match alike: pages often drop
/// accents, lexicons keep them). One pass: this runs on every text node of the page.
fn phrase_key(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    lower_chars(s).map(fold_accent).collect()
}

/// One lexicon phrase found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    /// Index into [`PHRASES`].
    pub phrase: usize,
    pub label: Label,
    pub weight: u8,
    /// Characters of text the phrase covers.
    pub chars: usize,
}

/// Hash of a short word for the crate's small open-addressing tables (stop words, terms,
/// common tag names): FNV-1a over the UTF-8 bytes, tiny code and good enough spread for a few
/// hundred short words.
pub(crate) fn word_hash(w: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in w.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// FNV-1a, 64-bit (a `HashMap` wants all 64 bits; [`word_hash`] is the 32-bit one for the
/// crate's own tables): the matcher hashes every word of the page's text, and its keys are
/// short lexicon words, not attacker-chosen (the page only looks them up), so std's SipHash
/// buys nothing.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

struct Matcher {
    /// Word phrases by first token: (phrase index, its tokens), longest first.
    by_first: WordMap<Vec<(usize, Vec<String>)>>,
    /// Phrases in scripts without spaces, matched as substrings.
    cjk: Vec<usize>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut by_first: WordMap<Vec<(usize, Vec<String>)>> = WordMap::default();
        let mut cjk = Vec::new();
        for (i, (phrase, _, _)) in PHRASES.iter().enumerate() {
            if phrase.chars().any(is_cjk) {
                cjk.push(i);
                continue;
            }
            let low = phrase_key(phrase);
            let toks: Vec<String> = tokens(&low)
                .into_iter()
                .map(|(s, e)| low[s..e].to_string())
                .collect();
            if let Some(first) = toks.first() {
                by_first.entry(first.clone()).or_default().push((i, toks));
            }
        }
        for list in by_first.values_mut() {
            // Longest first; a wildcard phrase counts as longer than its literal tokens.
            let mut order: Vec<(usize, usize)> = list
                .iter()
                .enumerate()
                .map(|(i, (_, t))| (i, t.len()))
                .collect();
            // Stable, without another copy of the standard sort in the `.wasm`.
            crate::summary::insertion_sort(&mut order, |a, b| a.1 > b.1);
            let sorted: Vec<_> = order.iter().map(|&(i, _)| list[i].clone()).collect();
            *list = sorted;
        }
        Matcher { by_first, cjk }
    })
}

/// Most tokens a `*` in a phrase stands for.
const MAX_GAP: usize = 4;

/// Whether phrase tokens `ptoks` match the text tokens from `i`; returns the index after the
/// match. A `*` token stands for 1..=[`MAX_GAP`] tokens (at most one per phrase).
fn match_at(low: &str, toks: &[(usize, usize)], i: usize, ptoks: &[String]) -> Option<usize> {
    let eq = |p: &String, t: (usize, usize)| p == &low[t.0..t.1];
    let Some(star) = ptoks.iter().position(|t| t == "*") else {
        let end = i + ptoks.len();
        return (end <= toks.len() && ptoks.iter().zip(&toks[i..]).all(|(p, &t)| eq(p, t)))
            .then_some(end);
    };
    let (head, tail) = (&ptoks[..star], &ptoks[star + 1..]);
    if i + head.len() > toks.len() || !head.iter().zip(&toks[i..]).all(|(p, &t)| eq(p, t)) {
        return None;
    }
    (1..=MAX_GAP).find_map(|gap| {
        let from = i + head.len() + gap;
        let end = from + tail.len();
        (end <= toks.len() && tail.iter().zip(&toks[from..]).all(|(p, &t)| eq(p, t))).then_some(end)
    })
}

/// Only this much of one text node is searched for prompts: a prompt is a few sentences, and a
/// megabyte text node is prose (or an attack), not a call to action.
pub const MAX_PHRASE_SCAN_BYTES: usize = 4096;

/// Finds lexicon phrases in `text`: longest match first at each word, no overlaps.
pub fn find_phrases(text: &str, out: &mut Vec<PhraseHit>) {
    let m = matcher();
    let mut cut = text.len().min(MAX_PHRASE_SCAN_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // One text node after another: the token buffer is reused, not allocated per node.
    thread_local! {
        static TOKENS: std::cell::RefCell<Vec<(usize, usize)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let low = phrase_key(&text[..cut]);
    TOKENS.with(|buf| {
        let mut toks = buf.borrow_mut();
        let cjk = tokens_into(&low, &mut toks);
        match_phrases(m, &low, &toks, cjk, out);
    });
}

/// The phrase matching of [`find_phrases`] over lower-cased `low` and its tokens.
fn match_phrases(
    m: &Matcher,
    low: &str,
    toks: &[(usize, usize)],
    cjk: bool,
    out: &mut Vec<PhraseHit>,
) {
    let mut i = 0;
    while i < toks.len() {
        let (s, e) = toks[i];
        let mut next = i + 1;
        if let Some(cands) = m.by_first.get(&low[s..e]) {
            for (idx, ptoks) in cands {
                if let Some(end) = match_at(low, toks, i, ptoks) {
                    let (_, label, weight) = PHRASES[*idx];
                    out.push(PhraseHit {
                        phrase: *idx,
                        label,
                        weight,
                        chars: low[s..toks[end - 1].1].chars().count(),
                    });
                    next = end;
                    break;
                }
            }
        }
        i = next;
    }
    if cjk {
        for &idx in &m.cjk {
            let (phrase, label, weight) = PHRASES[idx];
            if low.contains(phrase) {
                out.push(PhraseHit {
                    phrase: idx,
                    label,
                    weight,
                    chars: phrase.chars().count(),
                });
            }
        }
    }
}

/// Indices `0..scores.len()` ordered by score, highest first, ties in index order: what a
/// stable `sort_by` on descending scores gives. Through one `sort_unstable` of `u64` keys: each
/// `sort_by` call site with its own closure adds a copy of the sort to the `.wasm` (about a
/// kilobyte and a half gzipped each); this one is shared.
pub fn order_by_score_desc(scores: &[f32]) -> Vec<usize> {
    let mut keys: Vec<u64> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            // `f32::total_cmp` order as an unsigned integer, then inverted: highest first.
            let b = s.to_bits();
            let ascending = if b >> 31 == 1 { !b } else { b | 0x8000_0000 };
            (u64::from(!ascending) << 32) | i as u64
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| (k & 0xffff_ffff) as usize)
        .collect()
}

/// Several lists of needles searched for in one pass over a haystack: bit `k` of
/// [`NeedleLists::find`] says whether some needle of list `k` occurs (byte-wise). For short
/// haystacks checked against several lists, such as the class names of every element.
pub struct NeedleLists {
    /// By first byte: the needles starting with it, each with its list's bit.
    by_first: Vec<Vec<(&'static [u8], u8)>>,
}

impl NeedleLists {
    /// At most 8 lists; empty needles are ignored.
    pub fn new(lists: &[&[&'static str]]) -> NeedleLists {
        let mut by_first = vec![Vec::new(); 256];
        for (k, list) in lists.iter().enumerate().take(8) {
            for n in list.iter().filter(|n| !n.is_empty()) {
                by_first[usize::from(n.as_bytes()[0])].push((n.as_bytes(), 1u8 << k));
            }
        }
        NeedleLists { by_first }
    }

    /// The lists (as bits) with a needle in `hay`.
    pub fn find(&self, hay: &str) -> u8 {
        let h = hay.as_bytes();
        let mut found = 0u8;
        for i in 0..h.len() {
            for &(n, bit) in &self.by_first[usize::from(h[i])] {
                if found & bit == 0
                    && n.len() <= h.len() - i
                    && n.iter().zip(&h[i..]).all(|(a, b)| a == b)
                {
                    found |= bit;
                }
            }
        }
        found
    }
}

/// Whether `hay` contains any of `needles` (byte-wise). Cheaper than one `str::contains` per
/// needle for short haystacks such as class names: no searcher is set up per needle, and a
/// needle is compared only where its first byte occurs.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    // The needles' first bytes as a 256-bit set: most bytes of the haystack start no needle
    // and are passed over with one lookup instead of one comparison per needle.
    let mut first = [0u64; 4];
    for n in needles {
        if let Some(&b) = n.as_bytes().first() {
            first[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    let h = hay.as_bytes();
    (0..h.len()).any(|i| {
        let b = h[i];
        first[usize::from(b >> 6)] >> (b & 63) & 1 == 1
            && needles.iter().any(|n| {
                // A byte loop, not `starts_with`: most candidates differ at the second byte,
                // and in WASM `starts_with` is a call to `memcmp`.
                let n = n.as_bytes();
                !n.is_empty()
                    && n.len() <= h.len() - i
                    && n.iter().zip(&h[i..]).all(|(a, b)| a == b)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_score_desc_is_a_stable_descending_sort() {
        let scores = [
            1.0,
            -2.5,
            3.0,
            1.0,
            f32::NAN,
            0.0,
            -0.0,
            3.0,
            f32::INFINITY,
            -1.0,
            1e-30,
            1.0,
        ];
        let mut want: Vec<usize> = (0..scores.len()).collect();
        want.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        assert_eq!(order_by_score_desc(&scores), want);
        assert!(order_by_score_desc(&[]).is_empty());
    }

    #[test]
    fn needle_lists_answer_as_contains_any_per_list() {
        let lists: [&[&str]; 3] = [
            &["author", "byline"],
            &["meta", "posted"],
            &["date", "", "time"],
        ];
        let set = NeedleLists::new(&lists);
        for hay in [
            "",
            "post-meta byline",
            "xdatey",
            "article-body",
            "dat",
            "timeline author",
            "m",
        ] {
            let want = lists.iter().enumerate().fold(0u8, |acc, (k, l)| {
                acc | (u8::from(contains_any(hay, l)) << k)
            });
            assert_eq!(set.find(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn cached_classes_equal_the_standard_library_everywhere() {
        for u in 0..=0x10ffffu32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{u:04X}");
                assert_eq!(is_alpha(c), c.is_alphabetic(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn word_scanner_agrees_with_char_is_whitespace() {
        let samples = [
            "",
            " ",
            "a",
            "  Hello,\t\tworld \n",
            "x\u{a0}y\u{2003}z\u{3000}\u{85}end\u{b}\u{c}",
            "\u{feff}bom is not whitespace",
            "Grüße aus Köln — 東京 の ニュース",
            "\r\n\r\n  trailing  ",
        ];
        for s in samples {
            let want: Vec<&str> = s.split_whitespace().collect();
            let mut got = Vec::new();
            for_each_word(s, |w| got.push(w));
            assert_eq!(got, want, "{s:?}");
            assert_eq!(collapse_whitespace(s), want.join(" "));
            assert_eq!(collapsed_len(s), want.join(" ").chars().count(), "{s:?}");
        }
    }

    #[test]
    fn lower_and_collapse_keep_their_results_on_the_fast_paths() {
        // ASCII takes the byte path; anything else the per-character one.
        assert_eq!(lower("Sign UP Now"), "sign up now");
        assert_eq!(lower("Don\u{2019}t MISS ÄÖ İ"), "don't miss äö i\u{307}");
        assert_eq!(collapse_whitespace("  a \t\n b\u{a0}\u{3000}c  "), "a b c");
        assert_eq!(collapse_whitespace(" \n "), "");
        assert_eq!(collapse_whitespace("one"), "one");
    }

    #[test]
    fn contains_any_finds_a_needle_anywhere() {
        assert!(contains_any("post-meta byline", &["author", "byline"]));
        assert!(contains_any("xdatey", &["date"]));
        assert!(!contains_any("article-body", &["date", "time"]));
        assert!(!contains_any("", &["date"]));
        assert!(!contains_any("dat", &["date"]));
        assert!(
            !contains_any("abc", &["", "x"]),
            "an empty needle matches nothing"
        );
    }

    fn phrases(text: &str) -> Vec<&'static str> {
        let mut hits = vec![];
        find_phrases(text, &mut hits);
        hits.iter().map(|h| PHRASES[h.phrase].0).collect()
    }

    #[test]
    fn phrases_match_with_or_without_their_accents() {
        assert_eq!(phrases("Siguenos en Telegram"), ["síguenos en"]);
        assert_eq!(phrases("SÍGUENOS EN Instagram"), ["síguenos en"]);
        // Folding is one character for one, and letters without a base letter stay.
        assert_eq!(phrase_key("łódź straße œuvre"), "lodz straße œuvre");
        assert!(phrases("Sigue en directo").is_empty());
    }

    #[test]
    fn longest_phrase_wins_without_overlap() {
        assert_eq!(
            phrases("Please SUBSCRIBE to continue reading."),
            ["subscribe to continue reading"]
        );
        assert_eq!(
            phrases("Get all your news in one place. 100’s of premium titles."),
            ["get all your news in one place", "100's of premium titles"]
        );
    }

    #[test]
    fn wildcards_span_a_few_words() {
        assert_eq!(phrases("Follow The Gridline on X"), ["follow * on"]);
        assert!(phrases("Follow the long and winding road home on foot").is_empty());
    }

    #[test]
    fn words_not_substrings() {
        assert!(phrases("The absubscriber thing").is_empty());
        assert_eq!(
            phrases("Abonnez-vous pour lire la suite"),
            ["abonnez-vous pour lire la suite"]
        );
    }

    #[test]
    fn japanese_substrings() {
        assert_eq!(
            phrases("この記事の続きを読むには会員登録が必要です"),
            ["続きを読むには", "会員登録", "この記事は"]
                .iter()
                .filter(|p| "この記事の続きを読むには会員登録が必要です".contains(*p))
                .copied()
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn whitespace_helpers() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(collapsed_len("  a \n\t b  "), 3);
        assert_eq!(word_count("Hello, world! 3.5"), 4);
        assert_eq!(preview("abcdef", 3), "abc…");
    }
}
