//! Key people, places and organisations from capitalised spans, honorifics and a small built-in
//! gazetteer. No model: a span is a run of capitalised words (with "of", "de", "von", "van" … in
//! between); word lists are '|'-separated strings (no pointer table in WASM). It is a place or an organisation when the gazetteer or a suffix says so, a person
//! when an honorific precedes it or when it is a two- or three-word name.

use super::lang::{has, is_stop, Vocab};

const PLACES: &str = "\
    Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Bangladesh|Belarus|\
    Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Canada|Chile|China|Colombia|Congo|\
    Croatia|Cuba|Cyprus|Czech Republic|Denmark|Ecuador|Egypt|England|Estonia|Ethiopia|\
    Finland|France|Georgia|Germany|Ghana|Greece|Hungary|Iceland|India|Indonesia|Iran|Iraq|\
    Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Latvia|Lebanon|\
    Libya|Lithuania|Luxembourg|Malaysia|Mali|Mexico|Morocco|Myanmar|Nepal|Netherlands|\
    New Zealand|Nigeria|North Korea|Northern Ireland|Norway|Pakistan|Palestine|Panama|Peru|\
    Philippines|Poland|Portugal|Qatar|Romania|Russia|Saudi Arabia|Scotland|Serbia|Singapore|\
    Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|Sweden|\
    Switzerland|Syria|Taiwan|Thailand|Tunisia|Turkey|Uganda|Ukraine|United Arab Emirates|\
    United Kingdom|United States|Uruguay|Venezuela|Vietnam|Wales|Yemen|Zimbabwe|Britain|\
    Great Britain|America|Europe|Africa|Asia|Middle East|Latin America|Gaza|West Bank|Crimea|\
    Hong Kong|US|UK|USA|U.S.|U.K.|EU|Deutschland|Frankreich|Spanien|Italien|Österreich|\
    Schweiz|Niederlande|España|Francia|Alemania|Italia|Estados Unidos|Brasil|Portugal|\
    Nederland|Frankrijk|Duitsland|Spanje|Italië|België|Belgique|Allemagne|Espagne|Italie|\
    Suisse|Angleterre|Royaume-Uni|États-Unis|Francia|Germania|Spagna|Inghilterra|Stati Uniti|\
    Reino Unido|Inglaterra|Alemanha|Espanha|Itália|França|Japão|Japón|Giappone|Japon|日本|東京|\
    大阪|中国|韓国|アメリカ|京都|London|Paris|Berlin|Madrid|Rome|Roma|Lisbon|Lisboa|Amsterdam|Brussels|\
    Vienna|Wien|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Milan|Milano|Naples|Napoli|\
    Barcelona|Seville|Sevilla|Valencia|Porto|Rotterdam|Utrecht|The Hague|Den Haag|Bruxelles|\
    Genève|Geneva|Zurich|Zürich|Moscow|Kiev|Kyiv|Warsaw|Prague|Budapest|Athens|Istanbul|\
    Ankara|Dublin|Edinburgh|Glasgow|Manchester|Liverpool|Birmingham|Cardiff|Belfast|Leeds|\
    New York|New York City|Washington|Los Angeles|Chicago|San Francisco|Boston|Miami|Houston|\
    Dallas|Seattle|Atlanta|Philadelphia|Las Vegas|Detroit|Texas|California|Florida|Ohio|\
    Alabama|Alaska|Arkansas|Connecticut|Delaware|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|\
    Kentucky|Louisiana|Maine|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|\
    Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Oklahoma|\
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|\
    West Virginia|Wisconsin|Wyoming|Bavaria|Bayern|Catalonia|Cataluña|Andalusia|Lombardy|\
    Lombardia|Sicily|Sicilia|Normandy|Normandie|Brittany|Bretagne|Provence|Yorkshire|Kent|\
    Essex|Cornwall|Quebec|Ontario|Queensland|Siberia|Kashmir|Tibet|Xinjiang|Virginia|\
    Maryland|Arizona|Colorado|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Rio de Janeiro|\
    São Paulo|Buenos Aires|Lima|Bogotá|Santiago|Caracas|Havana|Tokyo|Osaka|Kyoto|Beijing|\
    Shanghai|Seoul|Pyongyang|Delhi|New Delhi|Mumbai|Karachi|Islamabad|Kabul|Tehran|Baghdad|\
    Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Nairobi|Lagos|Johannesburg|\
    Cape Town|Sydney|Melbourne|Bangkok|Jakarta|Manila|Singapore|Hanoi|Raqqa|Mosul|Aleppo|\
    Lyon|Marseille|Toulouse|Nice|Bordeaux|Florence|Firenze|Venice|Venezia|Turin|Torino";

const ORGS: &str = "\
    NASA|UN|United Nations|NATO|EU|European Union|European Commission|WHO|\
    World Health Organization|IMF|World Bank|FBI|CIA|NSA|BBC|CNN|Reuters|Associated Press|AP|\
    AFP|Google|Apple|Microsoft|Amazon|Facebook|Meta|Twitter|Tesla|Samsung|Sony|Toyota|\
    Volkswagen|BMW|Siemens|Nestlé|Shell|BP|Boeing|Airbus|Netflix|Uber|IBM|Intel|Nvidia|\
    OpenAI|Congress|Senate|Parliament|Bundestag|Pentagon|White House|Kremlin|Downing Street|\
    Supreme Court|Federal Reserve|European Central Bank|ECB|Bank of England|FIFA|UEFA|IOC|\
    Red Cross|Amnesty International|Greenpeace|Labour|Conservatives|Tories|Democrats|\
    Republicans|Hamas|Hezbollah|Taliban|Islamic State|ISIS|Al Qaeda|Premier League|\
    Champions League|La Liga|Bundesliga|Serie A|Real Madrid|Manchester United|Chelsea|\
    Arsenal|Liverpool FC|Bayern Munich|Juventus|OECD|WTO|Interpol|Europol|Eurostat|SPD|CDU|\
    CSU|AfD|Home Office|Foreign Office|Scotland Yard|Met Police|NHS|Ofcom";

const ORG_WORDS: &str = "\
    Inc|Inc.|Ltd|Ltd.|Corp|Corp.|Corporation|Company|Co.|Group|University|Universität|\
    Université|Universidad|Università|Universidade|Universiteit|College|School|Institute|\
    Institut|Instituto|Istituto|Party|Partei|Parti|Partido|Partito|Partij|Council|Ministry|\
    Ministerium|Ministère|Ministerio|Ministero|Ministério|Ministerie|Department|Agency|\
    Commission|Committee|Association|Foundation|Stiftung|Fondation|Fundación|Bank|Banco|\
    Banque|Club|FC|United|City|Police|Polizei|Court|Gericht|Tribunal|Authority|Board|Office|\
    Service|Society|Union|Federation|League|Airlines|Airways|Motors|Systems|Technologies|\
    Labs|Press|News|Times|Post|Journal|Herald|Guardian|Telegraph|Mail|Hospital|Museum|Army|\
    Navy|Force|GmbH|AG|SA|S.A.|SpA|S.p.A.|BV|NV|plc|PLC|LLC|Team|Network";

const HONORIFICS: &str = "\
    Mr|Mrs|Ms|Miss|Dr|Prof|Professor|President|Senator|Sen|Governor|Gov|Minister|Chancellor|\
    Pope|King|Queen|Prince|Princess|Sir|Dame|Lord|Lady|Judge|Justice|Rep|Representative|\
    Mayor|Secretary|General|Gen|Captain|Capt|Colonel|Col|Lt|Sgt|Officer|Detective|Coach|\
    Manager|Chairman|Chief|Rev|Father|Sister|Saint|Herr|Frau|Bundeskanzler|Bundeskanzlerin|\
    Kanzlerin|Kanzler|Präsident|Präsidentin|Minister|Ministerin|M|Mme|Mlle|Président|\
    Présidente|Ministre|Sr|Sra|Srta|Doña|Presidente|Ministro|Ministra|Signor|Signora|Sig|\
    Dott|Dottor|Dhr|dhr|Mevr|mevr|Meneer|Mevrouw|Premier|Prime|Ex|former|ex";

/// Words that look like names at a capital but are not (days, months, sentence-y words).
const NOT_NAMES: &str = "\
    Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|\
    May|June|July|August|September|October|November|December|Montag|Dienstag|Mittwoch|\
    Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März|Juni|Juli|Oktober|Dezember|I|I'm|\
    I've|I'd|I'll|OK|TV|Photo|Video|Scroll|Picture|Read|Click|Share|Getty|Images|PA|CLICK|\
    READ|MORE|UPDATE";

const CONNECT: &[&str] = &[
    "of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "del", "della", "di", "da",
    "dos", "das", "do", "y", "&", "al", "bin", "el",
];

fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if super::lang::is_cjk(c) => false,
        _ => false,
    }
}

fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| {
        !crate::text::is_alnum(c) && c != '.' && c != '&' && c != '-' && c != '\''
    })
    .trim_end_matches(['.', '\''])
    .trim_suffixes("'s")
    .trim_suffixes("’s")
}

/// `str::trim_end_matches` for a short literal suffix, without building a substring searcher
/// (that set-up was a tenth of the entity pass).
trait TrimSuffixes {
    fn trim_suffixes(&self, suffix: &str) -> &str;
}

impl TrimSuffixes for str {
    fn trim_suffixes(&self, suffix: &str) -> &str {
        let mut w = self;
        while let Some(r) = w.strip_suffix(suffix) {
            w = r;
        }
        w
    }
}

#[derive(Default)]
struct Tally {
    names: Vec<(String, usize, usize)>, // (name, count, first position)
}

impl Tally {
    fn add(&mut self, name: &str, pos: usize, weight: usize) {
        if let Some(e) = self.names.iter_mut().find(|e| e.0 == name) {
            e.1 += weight;
        } else {
            self.names.push((name.to_string(), weight, pos));
        }
    }
    fn top(self, k: usize) -> Vec<String> {
        // Most mentions first, then first mention; selection by repeated maximum (k is tiny).
        let mut names = self.names;
        let mut out = Vec::new();
        while out.len() < k && !names.is_empty() {
            let mut best = 0;
            for (i, e) in names.iter().enumerate() {
                let b = &names[best];
                if e.1 > b.1 || (e.1 == b.1 && e.2 < b.2) {
                    best = i;
                }
            }
            out.push(names.swap_remove(best).0);
        }
        out
    }
}

/// Verbs of attribution: "Ellen Stofan said" marks a person.
const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "wrote",
    "sagte",
    "erklärte",
    "a",
    "dit",
    "dijo",
    "afirmó",
    "ha",
    "disse",
    "afirmou",
    "zei",
    "aldus",
];

/// Words that glue a sentence together: brackets and quotes end a name span.
fn normalise(sentence: &str) -> String {
    sentence
        .chars()
        .map(|c| match c {
            '(' | ')' | '[' | ']' | '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '|' => ',',
            _ => c,
        })
        .collect::<String>()
        .replace(',', " , ")
}

fn is_upper_word(w: &str) -> bool {
    w.chars().any(crate::text::is_alpha) && !w.chars().any(char::is_lowercase)
}

struct Span {
    name: String,
    words: usize,
    honorific: bool,
    said: bool,
    pos: usize,
}

/// (people, places, organisations), at most `k` each, most mentioned first.
pub fn extract(
    sentences: &[&str],
    lang: &str,
    k: usize,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    // Lower-case words of the whole text: a capitalised sentence opener that also occurs in lower
    // case ("Certainly", "Selling") is an ordinary word.
    let mut lower_words = Vocab::default();
    for w in sentences
        .iter()
        .flat_map(|s| s.split(|c: char| !crate::text::is_alnum(c) && c != '\''))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        lower_words.id(w);
    }
    let is_common = |w: &str| lower_words.find(&w.to_lowercase()).is_some();

    let mut spans: Vec<Span> = Vec::new();
    let mut pos = 0usize;
    for sent in sentences {
        let norm = normalise(sent);
        let raw: Vec<&str> = norm.split_whitespace().collect();
        let words: Vec<&str> = raw.iter().map(|w| clean(w)).collect();
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let mut i = 0;
        while i < words.len() {
            pos += 1;
            if !is_cap_word(words[i]) || has(NOT_NAMES, words[i]) {
                i += 1;
                continue;
            }
            // Grow the span; punctuation or a possessive closes it.
            let closes = |r: &str| r.ends_with([',', ';', ':', '.', '?', '!']) || possessive(r);
            let mut j = i + 1;
            let mut end = closes(raw[i]);
            while j < words.len() && !end {
                let w = words[j];
                let connector = CONNECT.contains(&w)
                    && j + 1 < words.len()
                    && is_cap_word(words[j + 1])
                    && !closes(raw[j]);
                if (!is_cap_word(w) || has(NOT_NAMES, w)) && !connector {
                    break;
                }
                end = closes(raw[j]);
                j += 1;
            }
            let start_of_sentence = i == 0;
            let mut first = i;
            let mut honorific = i > 0 && has(HONORIFICS, words[i - 1]);
            // Leading honorifics, function words and (at a sentence start) ordinary words go.
            while first < j {
                let w = words[first];
                if has(HONORIFICS, w) {
                    honorific = true;
                } else if w != "New" && !is_upper_word(w) && is_stop(w, lang)
                    || (first == i
                        && start_of_sentence
                        && (is_common(w)
                            || w.ends_with("ly")
                            || (lang == "en" && w.ends_with("ing"))))
                {
                } else {
                    break;
                }
                first += 1;
            }
            let mut last = j;
            while last > first && CONNECT.contains(&words[last - 1]) {
                last -= 1;
            }
            let said = words.get(j).is_some_and(|w| SAID.contains(w))
                || (j < raw.len()
                    && raw[j - 1].ends_with(',')
                    && words
                        .get(j)
                        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()));
            i = j;
            if first >= last {
                continue;
            }
            if start_of_sentence && first == 0 && last == 1 {
                continue; // a lone capitalised word opening a sentence
            }
            let name = words[first..last].join(" ");
            if name.chars().count() < 2 {
                continue;
            }
            spans.push(Span {
                name,
                words: last - first,
                honorific,
                said,
                pos,
            });
        }
    }

    let mut people = Tally::default();
    let mut places = Tally::default();
    let mut orgs = Tally::default();
    let mut maybe: Vec<&Span> = Vec::new();
    for sp in &spans {
        let name = sp.name.as_str();
        let last_word = name.rsplit(' ').next().unwrap_or(name);
        let first_word = name.split(' ').next().unwrap_or(name);
        if has(PLACES, name) {
            places.add(name, sp.pos, 1);
        } else if sp.words > 1 && name.split(' ').all(|w| has(PLACES, w)) {
            for w in name.split(' ') {
                places.add(w, sp.pos, 1);
            }
        } else if sp.words > 1 && lang == "de" && has(PLACES, last_word) {
            // German capitalises nouns: "Stadt Berlin", "Landeshauptstadt München".
            places.add(last_word, sp.pos, 1);
        } else if has(ORGS, name)
            || has(ORG_WORDS, last_word)
            || matches!(
                first_word,
                "University" | "Ministry" | "Bank" | "Department"
            )
            || (sp.words == 1
                && (2..=6).contains(&name.len())
                && is_upper_word(name)
                && name.chars().all(|c| c.is_ascii_alphabetic()))
        {
            orgs.add(name, sp.pos, 1);
        } else if sp.words <= 3 && (sp.honorific || (sp.words >= 2 && sp.said)) {
            people.add(name, sp.pos, 2);
        } else if (2..=3).contains(&sp.words) {
            maybe.push(sp);
        }
    }
    // A multi-word name is a person when its last word also stands alone elsewhere ("Stofan").
    for sp in maybe {
        let surname = sp.name.rsplit(' ').next().unwrap_or("");
        let alone = spans.iter().any(|o| o.words == 1 && o.name == surname);
        if alone || people.names.iter().any(|e| e.0 == sp.name) {
            people.add(&sp.name, sp.pos, 1);
        }
    }
    // Lone surnames count towards the full name.
    for sp in spans.iter().filter(|s| s.words == 1) {
        let is_surname_of = |full: &str| {
            full.len() > sp.name.len()
                && full.ends_with(sp.name.as_str())
                && full[..full.len() - sp.name.len()].ends_with(' ')
        };
        if let Some(e) = people.names.iter_mut().find(|e| is_surname_of(&e.0)) {
            e.1 += 1;
        }
    }
    // Japanese: gazetteer look-up only.
    if lang == "ja" {
        for sent in sentences {
            for p in PLACES
                .split('|')
                .filter(|p| p.chars().any(super::lang::is_cjk))
            {
                if sent.contains(p) {
                    places.add(p, 0, 1);
                }
            }
        }
    }
    (people.top(k), places.top(k), orgs.top(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_places_orgs() {
        let s = [
            "Mr. Alan Brooke, a scientist at NASA, flew to Paris on Tuesday.",
            "Brooke met President Marie Dubois and officials of the World Bank in France.",
            "The Acme Corporation said Brooke would return to London.",
        ];
        let (p, pl, o) = extract(&s, "en", 5);
        assert_eq!(p.first().map(String::as_str), Some("Alan Brooke"));
        assert!(p.contains(&"Marie Dubois".to_string()));
        assert!(pl.contains(&"Paris".to_string()) && pl.contains(&"France".to_string()));
        assert!(o.contains(&"NASA".to_string()) && o.contains(&"World Bank".to_string()));
        assert!(o.contains(&"Acme Corporation".to_string()));
        assert!(!p.iter().any(|n| n.contains("Tuesday")));
    }

    #[test]
    fn german_honorific() {
        let s = ["Laut Frau Schmidt hat die Deutsche Bank in Berlin neue Pläne."];
        let (p, pl, o) = extract(&s, "de", 5);
        assert_eq!(p, vec!["Schmidt"]);
        assert_eq!(pl, vec!["Berlin"]);
        assert_eq!(o, vec!["Deutsche Bank"]);
    }
}
