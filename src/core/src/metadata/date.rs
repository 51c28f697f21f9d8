//! Dates: machine-readable values (ISO 8601 and friends) and dates written as text in the
//! languages Decant reads, normalised to ISO 8601.

/// Most tokens looked at in one text (visible dates are short; this bounds the work).
const MAX_TOKENS: usize = 160;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A run of ASCII digits: value (saturating) and digit count.
    Num(u32, usize),
    /// A run of letters, lower-cased.
    Word(String),
    /// Any other non-space character.
    Sym(char),
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= MAX_TOKENS {
            break;
        }
        if c.is_ascii_digit() {
            let mut v: u32 = c as u32 - '0' as u32;
            let mut len = 1;
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                v = v.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                len += 1;
                chars.next();
            }
            out.push(Tok::Num(v, len));
        } else if crate::text::is_alpha(c) {
            let mut w: String = c.to_lowercase().collect();
            while let Some(&d) = chars.peek() {
                if !crate::text::is_alpha(d) || w.len() > 40 {
                    break;
                }
                w.extend(d.to_lowercase());
                chars.next();
            }
            out.push(Tok::Word(w));
        } else if !c.is_whitespace() {
            out.push(Tok::Sym(c));
        }
    }
    out
}

/// Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese and
/// Dutch (lower case; accents optional where pages drop them).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februar", 2),
    ("feber", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| *n == word).map(|&(_, m)| m)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(y: u32, m: u32, d: u32, min_year: u32) -> Option<String> {
    if !(min_year..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    if d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Earliest year accepted in visible text (older numbers are rarely publication dates).
const MIN_TEXT_YEAR: u32 = 1980;

fn is_ordinal(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th" | "er" | "o" | "º" | "ª" | "e")
}

/// The first date written in `text`, as `YYYY-MM-DD`.
///
/// Understands month names in English, German, French, Spanish, Italian, Portuguese and Dutch
/// ("October 15, 2021", "Oct. 15, 2021", "15. Oktober 2021", "15 octobre 2021",
/// "15 de octubre de 2021", "1er mai 2021"), numeric dates ("15.10.2021", "2021-10-15",
/// "2021/10/15", "10/15/2021") and CJK "2021年10月15日". Two-digit years are only read in the
/// dotted form. An ambiguous slash date is read month-first (the US form is the common one
/// written with slashes); dotted and dashed ones day-first.
pub fn parse_date_text(text: &str) -> Option<String> {
    let toks = tokenize(text);
    (0..toks.len()).find_map(|i| date_at(&toks, i))
}

fn num(t: Option<&Tok>) -> Option<(u32, usize)> {
    match t {
        Some(Tok::Num(v, l)) => Some((*v, *l)),
        _ => None,
    }
}

fn sym(t: Option<&Tok>) -> Option<char> {
    match t {
        Some(Tok::Sym(c)) => Some(*c),
        _ => None,
    }
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

/// A date starting exactly at token `i`.
fn date_at(t: &[Tok], i: usize) -> Option<String> {
    let at = |k: usize| t.get(k);
    // A number cannot start a date in the middle of a longer number ("1.2.3.2021").
    if i > 1
        && matches!(sym(at(i - 1)), Some('.' | '/' | '-' | ':'))
        && num(at(i)).is_some()
        && num(at(i - 2)).is_some()
    {
        return None;
    }
    if let Some((a, alen)) = num(at(i)) {
        // Y-M-D, Y/M/D, Y.M.D
        if alen == 4 {
            if let (Some(s1), Some((m, ml)), Some(s2), Some((d, dl))) = (
                sym(at(i + 1)),
                num(at(i + 2)),
                sym(at(i + 3)),
                num(at(i + 4)),
            ) {
                if s1 == s2 && matches!(s1, '-' | '/' | '.') && ml <= 2 && dl <= 2 {
                    return ymd(a, m, d, MIN_TEXT_YEAR);
                }
            }
            // 2021年10月15日
            if let (Some(w1), Some((m, ml)), Some(w2), Some((d, dl))) = (
                word(at(i + 1)),
                num(at(i + 2)),
                word(at(i + 3)),
                num(at(i + 4)),
            ) {
                if matches!(w1, "年" | "년") && matches!(w2, "月" | "월") && ml <= 2 && dl <= 2
                {
                    return ymd(a, m, d, MIN_TEXT_YEAR);
                }
            }
            return None;
        }
        if alen > 2 || a == 0 {
            return None;
        }
        // D.M.Y, D/M/Y (or M/D/Y), D-M-Y
        if let (Some(s1), Some((b, bl)), Some(s2), Some((y, yl))) = (
            sym(at(i + 1)),
            num(at(i + 2)),
            sym(at(i + 3)),
            num(at(i + 4)),
        ) {
            if s1 == s2 && matches!(s1, '.' | '/' | '-') && bl <= 2 {
                // Not part of a longer dotted run such as a version number.
                if matches!(sym(at(i + 5)), Some(c) if c == s1) && num(at(i + 6)).is_some() {
                    return None;
                }
                let y = match yl {
                    4 => y,
                    2 if s1 == '.' => {
                        if y < 70 {
                            2000 + y
                        } else {
                            1900 + y
                        }
                    }
                    _ => return None,
                };
                return if s1 == '/' {
                    if b > 12 || a <= 12 {
                        ymd(y, a, b, MIN_TEXT_YEAR)
                    } else {
                        ymd(y, b, a, MIN_TEXT_YEAR)
                    }
                } else {
                    ymd(y, b, a, MIN_TEXT_YEAR)
                };
            }
        }
        // D [.] [st|er|º] [de] Month [.] [de|,] Y
        let mut k = i + 1;
        if sym(at(k)) == Some('.') {
            k += 1;
        }
        if word(at(k)).is_some_and(is_ordinal) {
            k += 1;
        }
        if word(at(k)) == Some("de") {
            k += 1;
        }
        let m = word(at(k)).and_then(month)?;
        k += 1;
        if sym(at(k)) == Some('.') {
            k += 1;
        }
        if word(at(k)) == Some("de") || word(at(k)) == Some("del") || sym(at(k)) == Some(',') {
            k += 1;
        }
        let (y, yl) = num(at(k))?;
        return (yl == 4).then(|| ymd(y, m, a, MIN_TEXT_YEAR)).flatten();
    }
    // Month [.] D [st] [,] Y
    let m = word(at(i)).and_then(month)?;
    let mut k = i + 1;
    if sym(at(k)) == Some('.') {
        k += 1;
    }
    let (d, dl) = num(at(k))?;
    if dl > 2 {
        return None;
    }
    k += 1;
    if word(at(k)).is_some_and(is_ordinal) {
        k += 1;
    }
    if sym(at(k)) == Some(',') {
        k += 1;
    }
    let (y, yl) = num(at(k))?;
    (yl == 4).then(|| ymd(y, m, d, MIN_TEXT_YEAR)).flatten()
}

/// A machine-readable date (meta content, JSON-LD, `<time datetime>`) normalised to ISO 8601,
/// keeping the precision given: `2021-10-15`, `2021-10-15T08:30`, `2021-10-15T08:30:00Z`,
/// `2021-10-15T08:30:00.123+02:00`. Also reads `20211015` and, through
/// [`parse_date_text`], RFC 2822 and written-out dates (date only).
pub fn normalize_iso(raw: &str) -> Option<String> {
    let s = raw.trim();
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    // Compact 20211015.
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        let out = ymd(digits(0, 4)?, digits(4, 2)?, digits(6, 2)?, 1900);
        if out.is_some() {
            return out;
        }
    }
    let (Some(y), Some(m), Some(d)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else {
        return parse_date_text(s).or_else(|| loose_ymd(s));
    };
    if !(b[4] == b'-' && b[7] == b'-' || b[4] == b'/' && b[7] == b'/') {
        return parse_date_text(s);
    }
    let mut out = ymd(y, m, d, 1900)?;
    // Time: [T ]HH:MM[:SS[.fff]]
    let mut i = 10;
    if matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        let (Some(hh), Some(b':'), Some(mm)) = (digits(i + 1, 2), b.get(i + 3), digits(i + 4, 2))
        else {
            return Some(out);
        };
        if hh > 23 || mm > 59 {
            return Some(out);
        }
        let start = i + 1;
        i += 6;
        if b.get(i) == Some(&b':') && digits(i + 1, 2).is_some_and(|ss| ss <= 60) {
            i += 3;
            if matches!(b.get(i), Some(b'.' | b',')) && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) && i < start + 20 {
                    i += 1;
                }
            }
        }
        out.push('T');
        out.push_str(&s[start..i].replace(',', "."));
        // Zone: Z, ±HH:MM, ±HHMM, ±HH, UTC/GMT.
        let mut j = i;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        match b.get(j) {
            Some(b'Z' | b'z') => out.push('Z'),
            Some(&sign @ (b'+' | b'-')) => {
                if let Some(oh) = digits(j + 1, 2) {
                    let om = if b.get(j + 3) == Some(&b':') {
                        digits(j + 4, 2)
                    } else {
                        digits(j + 3, 2).or(Some(0))
                    };
                    if let Some(om) = om.filter(|&om| oh <= 14 && om <= 59) {
                        out.push(sign as char);
                        out.push_str(&format!("{oh:02}:{om:02}"));
                    }
                }
            }
            _ => {
                let rest = &s[j..];
                if rest.starts_with("UTC") || rest.starts_with("GMT") {
                    out.push('Z');
                }
            }
        }
    }
    Some(out)
}

/// `Y-M-D` with single-digit parts ("2021-1-5").
fn loose_ymd(s: &str) -> Option<String> {
    let mut parts = s.split(['-', '/', 'T', ' ']);
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    ymd(y, m, d, 1900)
}

/// A date written in a URL path: `/2021/10/15/`, `/2021-10-15-slug`, `/20211015/`.
pub fn date_from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split("://").nth(1).unwrap_or(path);
    let segs: Vec<&str> = path.split('/').skip(1).take(40).collect();
    let num = |s: &str, n: usize| -> Option<u32> {
        (s.len() == n && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for (k, seg) in segs.iter().enumerate() {
        if let Some(y) = num(seg, 4) {
            let m = segs.get(k + 1).and_then(|s| num(s, 2));
            let d = segs.get(k + 2).and_then(|s| num(s, 2));
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(out) = ymd(y, m, d, 1990) {
                    return Some(out);
                }
            }
        }
        let b = seg.as_bytes();
        if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            if let (Some(y), Some(m), Some(d)) = (
                seg.get(0..4).and_then(|s| num(s, 4)),
                seg.get(5..7).and_then(|s| num(s, 2)),
                seg.get(8..10).and_then(|s| num(s, 2)),
            ) {
                if let Some(out) = ymd(y, m, d, 1990) {
                    return Some(out);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_in_many_languages() {
        let cases = [
            ("October 15, 2021", "2021-10-15"),
            ("Oct. 15, 2021", "2021-10-15"),
            ("Published: Oct 15th, 2021 at 8:30", "2021-10-15"),
            ("Freitag, 15. Oktober 2021, 08:30 Uhr", "2021-10-15"),
            ("15 octobre 2021", "2021-10-15"),
            ("le 1er mai 2021", "2021-05-01"),
            ("15 de octubre de 2021", "2021-10-15"),
            ("15 ottobre 2021", "2021-10-15"),
            ("15 de outubro de 2021", "2021-10-15"),
            ("15 oktober 2021", "2021-10-15"),
            ("15 März 2020", "2020-03-15"),
            ("Stand: 15.10.2021", "2021-10-15"),
            ("15.10.21", "2021-10-15"),
            ("2021-10-15", "2021-10-15"),
            ("2021/10/15", "2021-10-15"),
            ("10/15/2021", "2021-10-15"),
            ("15/10/2021", "2021-10-15"),
            ("2021年10月15日", "2021-10-15"),
            ("2021년 10월 15일", "2021-10-15"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date_text(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        for text in [
            "",
            "version 1.2.3.2021",
            "32 October 2021",
            "February 30, 2021",
            "May the force",
            "15 out of 2021 voters",
            "Oct 2021",
            "12345678901234567890 January 2021",
        ] {
            assert_eq!(parse_date_text(text), None, "{text}");
        }
        // Long or odd input never panics.
        let _ = parse_date_text(&"9".repeat(100_000));
        let _ = parse_date_text(&"年月日é".repeat(10_000));
    }

    #[test]
    fn machine_dates_keep_their_precision() {
        let cases = [
            ("2021-10-15", "2021-10-15"),
            ("2021-10-15T08:30:00Z", "2021-10-15T08:30:00Z"),
            ("2021-10-15T08:30:00+02:00", "2021-10-15T08:30:00+02:00"),
            ("2021-10-15T08:30:00+0200", "2021-10-15T08:30:00+02:00"),
            ("2021-10-15 08:30:00.123", "2021-10-15T08:30:00.123"),
            ("2021-10-15T08:30", "2021-10-15T08:30"),
            (" 20211015 ", "2021-10-15"),
            ("Fri, 15 Oct 2021 08:30:00 GMT", "2021-10-15"),
            ("2021-1-5", "2021-01-05"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_iso(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(normalize_iso("2021-13-45"), None);
        assert_eq!(normalize_iso("soon"), None);
        let _ = normalize_iso("2021-10-1é");
        let _ = normalize_iso("2021-10-15T0é");
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_from_url("https://x.com/2021/10/15/slug").as_deref(),
            Some("2021-10-15")
        );
        assert_eq!(
            date_from_url("https://x.com/news/2021-10-15-slug").as_deref(),
            Some("2021-10-15")
        );
        assert_eq!(date_from_url("https://x.com/2021/10/slug"), None);
    }
}
