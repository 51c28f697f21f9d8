//! Rule-based sentence segmentation for news text in en de fr es it pt nl ja.
//!
//! A candidate boundary is a run of `. ! ? …` (plus closing quotes/brackets) followed by white
//! space, or a CJK terminator `。！？`. A candidate is rejected when the next word starts lower-case,
//! when the word before a single period is a known abbreviation, an initial or a number prefix
//! ("No. 10", "Oct. 4"), or when it falls inside a quotation that closes shortly after.

use super::lang::is_stop;
use std::ops::Range;

/// How an abbreviation behaves before a following capitalised word.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbr {
    /// Never ends a sentence (titles: "Mr.", "Dr.", "z.").
    Title,
    /// Only abbreviation before a number ("No. 10", "Oct. 4", "S. 12").
    Num,
    /// Ends a sentence when the next word is a function word ("Inc. The", "etc. But").
    Weak,
}

// Entries starting upper-case match that exact spelling; lower-case entries match any case.
const TITLES_ALL: &[&str] = &["Dr", "Prof", "St", "Mt", "Ste", "Sta", "Gen", "Col"];
const TITLES_EN: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Maj", "Brig", "Cpl", "Pvt", "Atty", "Fr", "Ft",
    "vs", "approx", "dept", "est", "fig", "cf", "ca",
];
const TITLES_DE: &[&str] = &[
    "Hr", "Fr", "Frl", "bzw", "ca", "evtl", "ggf", "inkl", "vgl", "bspw", "sog", "Str", "str",
    "zzgl", "ehem", "geb", "gest", "Mio", "Mrd", "Jh", "Abs", "Dipl", "Ing", "usw", "etc",
];
const TITLES_FR: &[&str] = &[
    "Mme", "Mmes", "Mlle", "Mlles", "MM", "Me", "Mgr", "Pr", "av", "bd", "cf", "env", "vol", "éd",
    "Cie", "Ste", "Vve",
];
const TITLES_ES: &[&str] = &[
    "Sr", "Sra", "Srta", "Sres", "Sras", "Dra", "Lic", "Ing", "Ud", "Uds", "Vd", "Vds", "Avda",
    "Av", "Gral", "Excmo", "Excma", "Sto", "aprox", "Dña", "Dn", "Mons",
];
const TITLES_IT: &[&str] = &[
    "Sig", "Sigg", "Sigra", "Dott", "Dr", "Dssa", "Prof", "Ing", "Avv", "Geom", "Arch", "Rag",
    "Egr", "On", "Gent", "ecc", "pag", "ca",
];
const TITLES_PT: &[&str] = &[
    "Sr", "Sra", "Srs", "Sras", "Dra", "Eng", "Av", "Exmo", "Exma", "Profa", "pág", "aprox",
];
const TITLES_NL: &[&str] = &[
    "dhr", "mevr", "Mr", "Drs", "Ir", "Ing", "Jhr", "Mw", "bijv", "enz", "mw", "ca", "resp", "zgn",
    "evt", "blz", "vnl", "Prof",
];
const NUM_ALL: &[&str] = &[
    "no", "nos", "nr", "nº", "núm", "num", "art", "p", "pp", "vol", "ch", "chap", "sec", "tel",
    "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "s", "bd", "abs", "n", "op", "ed", "ene", "dic", "okt", "dez", "mär", "févr", "janv", "avr",
    "juil", "déc", "ago", "set", "ott", "out", "mrt", "mei", "nr",
];
const WEAK_ALL: &[&str] = &[
    "inc", "ltd", "co", "corp", "jr", "sr", "bros", "plc", "etc", "llc", "gmbh", "ag", "mass",
    "calif", "fla", "wash", "ariz", "conn", "ill", "penn", "tex", "colo",
];

fn list_has(list: &[&str], tok: &str, lower: &str) -> bool {
    list.iter().any(|a| {
        if a.starts_with(|c: char| c.is_uppercase()) {
            *a == tok
        } else {
            *a == lower
        }
    })
}

fn abbreviation(tok: &str, lang: &str) -> Option<Abbr> {
    let lower = tok.to_lowercase();
    let titles: &[&str] = match lang {
        "de" => TITLES_DE,
        "fr" => TITLES_FR,
        "es" => TITLES_ES,
        "it" => TITLES_IT,
        "pt" => TITLES_PT,
        "nl" => TITLES_NL,
        _ => TITLES_EN,
    };
    if list_has(TITLES_ALL, tok, &lower) || list_has(titles, tok, &lower) {
        return Some(Abbr::Title);
    }
    // English titles are common in news of every language ("Mr. Smith").
    if lang != "en" && matches!(tok, "Mr" | "Mrs" | "Ms") {
        return Some(Abbr::Title);
    }
    if list_has(WEAK_ALL, tok, &lower) {
        return Some(Abbr::Weak);
    }
    if list_has(NUM_ALL, tok, &lower) {
        return Some(Abbr::Num);
    }
    None
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
            | '“'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

fn is_cjk_term(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．' | '｡')
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '▪' | '●' | '◦' | '‣' | '■' | '–' | '—' | '-' | '*'
    )
}

/// Quote direction: Some(true) opens, Some(false) closes, None is not a double quote.
fn quote_dir(chars: &[(usize, char)], k: usize, lang: &str) -> Option<bool> {
    let c = chars[k].1;
    match c {
        '„' | '「' | '『' => Some(true),
        '»' | '」' | '』' | '”' => Some(lang == "de" && c == '»'),
        '«' => Some(lang != "de"),
        '“' => Some(lang != "de"),
        '"' => {
            let before = if k == 0 { ' ' } else { chars[k - 1].1 };
            let after = chars.get(k + 1).map_or(' ', |p| p.1);
            let open_before = before.is_whitespace() || matches!(before, '(' | '[' | '—' | '–');
            Some(open_before && !after.is_whitespace())
        }
        _ => None,
    }
}

/// Byte ranges of sentences in `text` (trimmed, never empty, on char boundaries).
pub fn split_sentences(text: &str, lang: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        let c = chars[i].1;
        let mut cut: Option<usize> = None;
        if is_cjk_term(c) {
            let mut j = i + 1;
            while j < n && (is_cjk_term(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            // 「準備はできた！」と彼は言った。 — a quotative particle continues the sentence.
            let quotative = j < n && matches!(chars[j].1, 'と' | 'っ');
            if !quotative && !inside_closing_quote(&chars, start, i, j, lang) {
                cut = Some(j);
            } else {
                i = j;
                continue;
            }
        } else if c == '\n' {
            let mut k = i + 1;
            while k < n && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k < n && !chars[k].1.is_lowercase() {
                cut = Some(i);
            }
        } else if i > start && is_bullet(c) && c != '-' && c != '–' && c != '—' && c != '*' {
            // An inline bullet "•" starts a new item.
            if chars[i - 1].1.is_whitespace() {
                cut = Some(i);
            }
        } else if matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉') {
            let mut j = i + 1;
            while j < n && matches!(chars[j].1, '.' | '!' | '?' | '…') {
                j += 1;
            }
            while j < n && is_closer(chars[j].1) {
                j += 1;
            }
            // French spacing: "fin. »"
            if j + 1 < n && chars[j].1.is_whitespace() && matches!(chars[j + 1].1, '»' | '›') {
                j += 2;
            }
            if boundary_ok(text, &chars, start, i, j, lang) {
                cut = Some(j);
            } else {
                i = j.max(i + 1);
                continue;
            }
        }
        if let Some(e) = cut {
            push_trimmed(&mut out, text, byte(start), byte(e));
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, text, byte(start), text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(s + lead..e - trail);
    }
}

/// Decide whether the terminal punctuation at char `i` (run ending at `j`) ends a sentence.
fn boundary_ok(
    text: &str,
    chars: &[(usize, char)],
    start: usize,
    i: usize,
    j: usize,
    lang: &str,
) -> bool {
    let n = chars.len();
    if j < n && !chars[j].1.is_whitespace() {
        return false; // "3.5", "U.S.A", "example.com", "?!x"
    }
    let mut k = j;
    while k < n && chars[k].1.is_whitespace() {
        k += 1;
    }
    if k >= n {
        return true;
    }
    let next = chars[k].1;
    if next.is_lowercase() {
        return false;
    }
    // Next word (without leading openers) for abbreviation decisions.
    let mut w = k;
    while w < n && is_opener(chars[w].1) {
        w += 1;
    }
    let wend = (w..n)
        .find(|&q| !crate::text::is_alnum(chars[q].1))
        .unwrap_or(n);
    let next_word = &text
        [chars.get(w).map_or(text.len(), |p| p.0)..chars.get(wend).map_or(text.len(), |p| p.0)];
    let next_is_digit = next.is_ascii_digit();
    let weak = |nw: &str| w > k || nw.is_empty() || is_stop(nw, lang);

    let run_is_single_period = chars[i].1 == '.' && (i + 1 >= n || chars[i + 1].1 != '.');
    if run_is_single_period {
        // Token before the period.
        let mut t = i;
        while t > start && !chars[t - 1].1.is_whitespace() {
            t -= 1;
        }
        while t < i && is_opener(chars[t].1) {
            t += 1;
        }
        let tok = &text[chars[t].0..chars[i].0];
        if !tok.is_empty() {
            let letters = tok.chars().filter(|c| crate::text::is_alpha(*c)).count();
            if tok.contains('.') && tok.split('.').all(|p| p.chars().count() <= 2) {
                // Dotted abbreviation: "U.S.", "e.g.", "a.m.", "z.B." A sentence does not go on
                // with a digit or a lower-case word, even behind an opener: "8:51 p.m. (1451 GMT)".
                let goes_on = chars
                    .get(w)
                    .is_some_and(|p| p.1.is_ascii_digit() || p.1.is_lowercase());
                if !weak(next_word) || goes_on {
                    return false;
                }
            } else if tok.chars().all(|c| c.is_ascii_digit()) {
                // German ordinals: "am 3. Oktober".
                if lang == "de" && !weak(next_word) {
                    return false;
                }
            } else if letters == 1 && tok.chars().count() == 1 {
                let ch = tok.chars().next().unwrap_or(' ');
                let prev_is_abbr =
                    t >= 3 && chars[t - 1].1.is_whitespace() && chars[t - 2].1 == '.' && {
                        let b = t - 3;
                        crate::text::is_alpha(chars[b].1)
                            && (b == 0 || !crate::text::is_alnum(chars[b - 1].1))
                    };
                // A unit after a number ends a sentence like a word: "à 14 h. Le taux".
                let after_number = t >= 2 && chars[t - 1].1.is_whitespace() && {
                    let mut b = t - 1;
                    while b > start && chars[b - 1].1.is_ascii_digit() {
                        b -= 1;
                    }
                    b < t - 1 && (b == start || chars[b - 1].1.is_whitespace())
                };
                if !(after_number && ch.is_lowercase() && !next_is_digit) {
                    if ch.is_lowercase() || prev_is_abbr {
                        return false; // "z. B.", "d. h.", "u. a."
                    }
                    if !weak(next_word) && !next_is_digit {
                        return false; // initial: "J. Roberts", "M. Dupont"
                    }
                }
            } else if let Some(kind) = abbreviation(elided(tok), lang) {
                match kind {
                    Abbr::Title => return false,
                    Abbr::Num => {
                        if next_is_digit {
                            return false;
                        }
                    }
                    Abbr::Weak => {
                        if !weak(next_word) {
                            return false;
                        }
                    }
                }
            }
        }
    }
    !inside_closing_quote(chars, start, i, j, lang)
}

/// The token without an elided article or preposition in front ("L'Avv" → "Avv",
/// "dell'Ing" → "Ing"), so abbreviations are found after elision (French, Italian).
fn elided(tok: &str) -> &str {
    match tok.rfind(['\'', '’']) {
        Some(a) if (1..=4).contains(&tok[..a].chars().count()) => {
            let rest = &tok[a..];
            let rest = rest.trim_start_matches(['\'', '’']);
            if rest.chars().next().is_some_and(crate::text::is_alpha) {
                rest
            } else {
                tok
            }
        }
        _ => tok,
    }
}

/// True when a quotation opened in this sentence is still open at the period and closes within a
/// few hundred characters on the same line: the quoted sentences stay with their attribution.
fn inside_closing_quote(
    chars: &[(usize, char)],
    start: usize,
    i: usize,
    j: usize,
    lang: &str,
) -> bool {
    let mut open = false;
    for k in start..j {
        if let Some(d) = quote_dir(chars, k, lang) {
            open = d;
        }
    }
    if !open {
        return false;
    }
    let _ = i;
    let limit = (j + 400).min(chars.len());
    for k in j..limit {
        if chars[k].1 == '\n' {
            return false;
        }
        if let Some(d) = quote_dir(chars, k, lang) {
            return !d;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
        split_sentences(text, lang)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn english_abbreviations_and_initials() {
        let t = "Mr. Smith met Dr. Jones at No. 10 on Oct. 4 in the U.S. capital. J. Roberts wrote the opinion. \
                 Prices rose 3.5 per cent. The firm, Acme Inc., said so. He works for Acme Inc. The rest is history.";
        assert_eq!(
            split(t, "en"),
            vec![
                "Mr. Smith met Dr. Jones at No. 10 on Oct. 4 in the U.S. capital.",
                "J. Roberts wrote the opinion.",
                "Prices rose 3.5 per cent.",
                "The firm, Acme Inc., said so.",
                "He works for Acme Inc.",
                "The rest is history.",
            ]
        );
    }

    #[test]
    fn english_quotes_ellipses_and_questions() {
        let t = "\"We know where to look. We know how to look,\" she said. \"Is it over?\" he asked. \
                 It was late... Nobody came. She waited... and waited. \"Go home.\" They left! Then what?";
        assert_eq!(
            split(t, "en"),
            vec![
                "\"We know where to look. We know how to look,\" she said.",
                "\"Is it over?\" he asked.",
                "It was late...",
                "Nobody came.",
                "She waited... and waited.",
                "\"Go home.\"",
                "They left!",
                "Then what?",
            ]
        );
    }

    #[test]
    fn english_us_at_sentence_end_and_times() {
        let t = "He moved to the U.S. The move was hard. We met at 8 p.m. on Friday. See www.example.com for more.";
        let pm = split_sentences(
            "It broke up at 8:51 p.m. (1451 GMT) over Siberia. Nobody was hurt.",
            "en",
        );
        assert_eq!(pm.len(), 2, "{pm:?}");
        assert_eq!(
            split(t, "en"),
            vec![
                "He moved to the U.S.",
                "The move was hard.",
                "We met at 8 p.m. on Friday.",
                "See www.example.com for more.",
            ]
        );
    }

    #[test]
    fn lists_and_lines() {
        let t =
            "Three things matter:\n• speed\n• safety\n- Cost is last\nA heading\nBody text here.";
        assert_eq!(
            split(t, "en"),
            vec![
                "Three things matter:",
                "• speed",
                "• safety",
                "- Cost is last",
                "A heading",
                "Body text here."
            ]
        );
        let t2 = "Items: • one • two";
        assert_eq!(split(t2, "en"), vec!["Items:", "• one", "• two"]);
    }

    #[test]
    fn german() {
        let t = "Das gilt z. B. für Berlin. Am 3. Oktober feiert Deutschland. Dr. Müller sagte, das sei gut. \
                 „Wir sind bereit. Es geht los“, sagte er. Das kostet 5,50 Euro. Er kam 2010. Der Rest folgt.";
        assert_eq!(
            split(t, "de"),
            vec![
                "Das gilt z. B. für Berlin.",
                "Am 3. Oktober feiert Deutschland.",
                "Dr. Müller sagte, das sei gut.",
                "„Wir sind bereit. Es geht los“, sagte er.",
                "Das kostet 5,50 Euro.",
                "Er kam 2010.",
                "Der Rest folgt.",
            ]
        );
    }

    #[test]
    fn french() {
        let t = "M. Dupont et Mme Martin sont arrivés. « C'est fini. » Le président a parlé ! \
                 Il l'a dit, etc. Mais personne n'a répondu.";
        assert_eq!(
            split(t, "fr"),
            vec![
                "M. Dupont et Mme Martin sont arrivés.",
                "« C'est fini. »",
                "Le président a parlé !",
                "Il l'a dit, etc.",
                "Mais personne n'a répondu.",
            ]
        );
    }

    #[test]
    fn spanish() {
        let t = "El Sr. García y la Sra. López llegaron. ¿Quién ganó? ¡Nadie lo sabe! Dr. Pérez habló en la Avda. Madrid. Fin.";
        assert_eq!(
            split(t, "es"),
            vec![
                "El Sr. García y la Sra. López llegaron.",
                "¿Quién ganó?",
                "¡Nadie lo sabe!",
                "Dr. Pérez habló en la Avda. Madrid.",
                "Fin.",
            ]
        );
    }

    #[test]
    fn italian() {
        let t = "Il Sig. Rossi e il Dott. Bianchi sono arrivati. L'inflazione è salita al 2.5 per cento. Poi è finita.";
        assert_eq!(
            split(t, "it"),
            vec![
                "Il Sig. Rossi e il Dott. Bianchi sono arrivati.",
                "L'inflazione è salita al 2.5 per cento.",
                "Poi è finita.",
            ]
        );
    }

    #[test]
    fn portuguese() {
        let t =
            "O Sr. Silva e a Sra. Costa chegaram. A Dra. Souza falou... Ninguém respondeu. Fim.";
        assert_eq!(
            split(t, "pt"),
            vec![
                "O Sr. Silva e a Sra. Costa chegaram.",
                "A Dra. Souza falou...",
                "Ninguém respondeu.",
                "Fim."
            ]
        );
    }

    #[test]
    fn dutch() {
        let t = "Volgens dhr. Jansen en mevr. De Vries is het klaar. Dat geldt bijv. voor Utrecht. Prof. Bakker zweeg.";
        assert_eq!(
            split(t, "nl"),
            vec![
                "Volgens dhr. Jansen en mevr. De Vries is het klaar.",
                "Dat geldt bijv. voor Utrecht.",
                "Prof. Bakker zweeg.",
            ]
        );
    }

    #[test]
    fn japanese() {
        let t = "東京で会議が開かれた。「準備はできた！」と彼は言った。本当か？はい。";
        assert_eq!(
            split(t, "ja"),
            vec![
                "東京で会議が開かれた。",
                "「準備はできた！」と彼は言った。",
                "本当か？",
                "はい。"
            ]
        );
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        for t in [
            "",
            " ",
            ".",
            "...",
            "。",
            "a.",
            "\"",
            "«",
            "Mr.",
            "Dr. ",
            "é. É.",
            "\n\n",
            "•",
            "x\u{301}. Y",
        ] {
            for lang in ["en", "de", "fr", "es", "it", "pt", "nl", "ja"] {
                for r in split_sentences(t, lang) {
                    assert!(!t[r].trim().is_empty());
                }
            }
        }
    }
}
