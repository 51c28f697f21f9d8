//! Language data: stop words, light stemmers, tokenisation and language detection.
//!
//! Everything here is hand-written and small on purpose (the whole WASM module has a 150 KB gzip
//! budget): about 80–120 of the most frequent function words per language, and a light suffix
//! stripper per language instead of full Snowball stemmers.

use crate::text::word_hash;

/// Supported languages, in detection order.
pub const LANGS: [&str; 8] = ["en", "de", "fr", "es", "it", "pt", "nl", "ja"];

const EN: &str = "\
    a|about|after|all|also|an|and|any|are|as|at|be|been|before|being|but|by|can|could|did|do|\
    does|for|from|had|has|have|he|her|here|him|his|how|i|if|in|into|is|it|its|just|last|may|\
    me|more|most|mr|mrs|ms|my|new|no|not|now|of|on|one|only|or|other|our|out|over|said|says|\
    say|she|should|so|some|such|than|that|the|their|them|then|there|these|they|this|those|to|\
    told|two|up|us|was|we|were|what|when|where|which|while|who|will|with|would|you|your|s|t|\
    very|because|been|its|it's|however|year|years";

const DE: &str = "\
    aber|alle|als|also|am|an|auch|auf|aus|bei|bin|bis|bist|da|damit|dann|das|dass|dem|den|\
    denn|der|des|dich|die|dies|diese|diesem|diesen|dieser|doch|dort|du|durch|ein|eine|einem|\
    einen|einer|eines|er|es|etwa|für|gegen|hat|hatte|haben|hier|ich|ihm|ihn|ihr|ihre|im|in|\
    ist|ja|jetzt|kann|kein|keine|man|mehr|mit|muss|nach|nicht|noch|nun|nur|ob|oder|ohne|\
    schon|sehr|sein|seine|sich|sie|sind|so|soll|um|und|uns|unter|vom|von|vor|war|waren|was|\
    weil|wenn|werden|wie|wir|wird|wurde|wurden|zu|zum|zur|über|sagte|laut";

const FR: &str = "\
    à|au|aux|avec|ce|cela|ces|cet|cette|comme|d|dans|de|des|deux|donc|du|elle|elles|en|\
    encore|est|et|été|être|fait|il|ils|je|l|la|le|les|leur|leurs|lui|m|mais|me|même|mes|moi|\
    mon|n|ne|nous|on|ont|ou|où|par|pas|peut|plus|pour|qu|que|qui|s|sa|sans|se|selon|ses|si|\
    son|sont|sur|ta|tous|tout|toute|très|tu|un|une|vous|y|après|avait|avoir|a|c|j|aussi|\
    entre|dont|ainsi|était|sera|notre|nos|depuis|alors|dit|déjà|bien";

const ES: &str = "\
    a|al|algo|ante|así|bien|como|con|cuando|de|del|desde|donde|dos|e|el|ella|ellas|ellos|en|\
    entre|era|es|esa|ese|eso|esta|está|están|este|esto|fue|ha|han|hasta|hay|la|las|le|les|lo|\
    los|más|me|mi|muy|ni|no|nos|o|otro|otra|para|pero|por|porque|que|qué|se|sea|ser|si|sí|\
    sin|sobre|son|su|sus|también|te|tiene|todo|todos|tras|un|una|uno|unos|y|ya|yo|fueron|\
    había|según|dijo|cual|años|durante|esto|estos|estas|hoy|puede";

const IT: &str = "\
    a|ad|al|alla|alle|anche|ancora|che|chi|ci|come|con|cui|da|dal|dalla|de|degli|dei|del|\
    della|delle|dello|di|dopo|e|è|ed|era|essere|fa|fatto|fra|gli|ha|hanno|i|il|in|io|la|le|\
    lei|lo|loro|lui|ma|mi|molto|ne|nel|nella|nei|nelle|non|o|ogni|per|perché|più|può|quale|\
    quando|quello|questa|questo|se|si|sia|solo|sono|su|sua|sul|sulla|suo|suoi|tra|tutti|\
    tutto|un|una|uno|anni|stato|stata|ha|aveva|secondo|detto|già|poi|mentre|c";

const PT: &str = "\
    a|à|ao|aos|as|às|até|com|como|da|das|de|dela|dele|do|dos|e|é|ela|ele|eles|em|entre|era|\
    essa|esse|esta|está|este|eu|foi|foram|há|isso|isto|já|lhe|mais|mas|me|mesmo|muito|na|nas|\
    não|nem|no|nos|num|numa|o|os|ou|para|pela|pelas|pelo|pelos|por|porque|quando|que|quem|se|\
    sem|ser|seu|seus|sua|suas|são|também|tem|têm|um|uma|umas|uns|anos|disse|segundo|sobre|\
    ainda|após|depois|pode|estão|ter|seja|essa";

const NL: &str = "\
    aan|al|als|bij|dan|dat|de|der|deze|die|dit|door|drie|een|en|er|haar|had|heb|hebben|heeft|\
    hem|het|hier|hij|hoe|hun|ik|in|is|ja|je|kan|kon|maar|me|meer|men|met|mij|mijn|na|naar|\
    niet|niets|nog|nu|of|om|omdat|ons|ook|op|over|te|tegen|toch|toen|tot|u|uit|van|veel|voor|\
    want|was|waren|wat|we|wel|werd|wie|wij|wil|worden|wordt|zal|ze|zei|zelf|zich|zij|zijn|zo|\
    zou|jaar|volgens|twee|nieuwe";

/// An open-addressing hash set of words, each with a small bit mask (which lists hold it).
/// Built once per thread from packed `|`-separated lists; a look-up hashes the word and usually
/// compares one candidate, where a binary search compared eight or nine (that was a third of
/// the summary's time).
struct WordSet {
    /// Slot → index + 1 into `words` (0 = empty). The length is a power of two, at least twice
    /// the number of words, so probe runs stay short.
    slots: Vec<u16>,
    words: Vec<(&'static str, u8)>,
}

impl WordSet {
    /// A set of the words of `lists`, the words of `lists[k]` marked with bit `k`.
    fn new(lists: &[&'static str]) -> WordSet {
        let total: usize = lists.iter().map(|l| l.split('|').count()).sum();
        let mut set = WordSet {
            slots: vec![0; (total * 2).next_power_of_two().max(8)],
            words: Vec::with_capacity(total),
        };
        for (k, list) in lists.iter().enumerate() {
            for w in list.split('|').filter(|w| !w.is_empty()) {
                let slot = set.slot(w);
                match set.slots[slot] {
                    0 => {
                        set.words.push((w, 1 << k));
                        set.slots[slot] = set.words.len() as u16;
                    }
                    i => set.words[usize::from(i) - 1].1 |= 1 << k,
                }
            }
        }
        set
    }

    /// The slot that holds `w`, or the empty slot where it would go.
    fn slot(&self, w: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = word_hash(w) as usize & mask;
        loop {
            match self.slots[s] {
                0 => return s,
                i if self.words[usize::from(i) - 1].0 == w => return s,
                _ => s = (s + 1) & mask,
            }
        }
    }

    /// The mask of the lists that hold `w` (0 = none).
    fn mask(&self, w: &str) -> u8 {
        match self.slots[self.slot(w)] {
            0 => 0,
            i => self.words[usize::from(i) - 1].1,
        }
    }
}

thread_local! {
    /// One [`WordSet`] per packed list, keyed by the list's address.
    static SETS: std::cell::RefCell<Vec<(usize, WordSet)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// The stop words of the seven spaced languages together, bit `k` for `LANGS[k]`.
    static STOP_ALL: WordSet = WordSet::new(&[EN, DE, FR, ES, IT, PT, NL]);
}

/// Is `w` one of the `|`-separated words of `list`? (Word lists are packed strings: a slice of
/// `&str` costs 8 bytes of pointers per entry in WASM and compresses badly.)
pub fn has(list: &'static str, w: &str) -> bool {
    if w.is_empty() || list.is_empty() {
        return false;
    }
    SETS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = list.as_ptr() as usize;
        let i = match cache.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                cache.push((key, WordSet::new(&[list])));
                cache.len() - 1
            }
        };
        cache[i].1.mask(w) != 0
    })
}

/// Which of the seven spaced languages (bit `k` for `LANGS[k]`) have `w` as a stop word.
fn stop_mask(w: &str) -> u8 {
    if w.is_empty() {
        return 0;
    }
    STOP_ALL.with(|set| set.mask(w))
}

/// Is `word` (any case) a stop word of `lang`?
pub fn is_stop(word: &str, lang: &str) -> bool {
    // The bit of `lang` in `stop_mask`: English for unknown codes, none for Japanese.
    let bit = match lang {
        "ja" => return false,
        _ => LANGS[..7].iter().position(|l| *l == lang).unwrap_or(0),
    };
    let mask = if word.chars().all(|c| !c.is_uppercase()) {
        stop_mask(word)
    } else {
        stop_mask(&word.to_lowercase())
    };
    mask >> bit & 1 == 1
}

/// Hiragana or katakana.
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}')
}

/// CJK ideograph (common blocks).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// A character that is written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    is_kana(c) || is_han(c)
}

/// ISO 639-1 code among en de fr es it pt nl ja (fallback "en"), from stop-word and script
/// statistics.
pub fn detect_lang(text: &str) -> &'static str {
    let mut cjk = 0usize;
    let mut kana = 0usize;
    let mut letters = 0usize;
    let mut hits = [0usize; 7];
    let mut words = 0usize;
    let mut accent_hint = [0usize; 7];
    for word in text.split(|c: char| !crate::text::is_alnum(c) && c != '\'' && c != '’') {
        for c in word.chars() {
            if crate::text::is_alpha(c) {
                letters += 1;
                if is_cjk(c) {
                    cjk += 1;
                    if is_kana(c) {
                        kana += 1;
                    }
                }
                // Letters that are typical of one language.
                match c {
                    'ß' | 'ä' | 'ö' | 'ü' => accent_hint[1] += 1,
                    'ç' | 'è' | 'ê' | 'ë' | 'î' | 'ô' | 'û' | 'œ' => accent_hint[2] += 1,
                    'ñ' | '¿' | '¡' => accent_hint[3] += 1,
                    'ã' | 'õ' => accent_hint[5] += 1,
                    'ò' | 'ì' => accent_hint[4] += 1,
                    _ => {}
                }
            }
        }
        let w = word.trim_matches(|c: char| c == '\'' || c == '’');
        if w.is_empty() || w.chars().any(is_cjk) {
            continue;
        }
        words += 1;
        if words > 400 {
            break;
        }
        let lower = w.to_lowercase();
        // Elided forms: l'homme, dell'anno, d'une.
        let head = lower.split(['\'', '’']).next().unwrap_or("");
        let mut mask = stop_mask(&lower);
        if head != lower {
            mask |= stop_mask(head);
        }
        for (k, hit) in hits.iter_mut().enumerate() {
            *hit += usize::from(mask >> k & 1);
        }
    }
    if letters > 0 && (kana * 20 >= letters || cjk * 2 >= letters) {
        return "ja";
    }
    let mut best = 0usize;
    let mut best_score = 0usize;
    for k in 0..7 {
        let score = hits[k] * 4 + accent_hint[k];
        if score > best_score {
            best_score = score;
            best = k;
        }
    }
    if best_score == 0 {
        return "en";
    }
    LANGS[best]
}

/// Light suffix stripping, one small rule list per language. Input must be lower-case.
pub fn stem<'a>(word: &'a str, lang: &str) -> &'a str {
    let suffixes: &[&str] = match lang {
        "en" => &[
            "ational", "ations", "ation", "ments", "ment", "ness", "ities", "ity", "ings", "ing",
            "ies", "ied", "ers", "er", "ed", "es", "ly", "s",
        ],
        "de" => &[
            "ungen", "heiten", "keiten", "ung", "heit", "keit", "isch", "ern", "em", "en", "er",
            "es", "e", "s", "n",
        ],
        "fr" => &[
            "issements",
            "issement",
            "ements",
            "ement",
            "ations",
            "ation",
            "ités",
            "ité",
            "euses",
            "euse",
            "eux",
            "ives",
            "ive",
            "ifs",
            "if",
            "ées",
            "ée",
            "és",
            "é",
            "es",
            "er",
            "s",
            "e",
            "x",
        ],
        "es" => &[
            "aciones", "ación", "amente", "mente", "idades", "idad", "ciones", "ción", "istas",
            "ista", "ados", "adas", "ado", "ada", "es", "os", "as", "s", "a", "o", "e",
        ],
        "it" => &[
            "azioni", "azione", "amente", "mente", "ità", "isti", "ista", "ati", "ate", "ato",
            "ata", "i", "e", "a", "o",
        ],
        "pt" => &[
            "ações", "ação", "amente", "mente", "idades", "idade", "ções", "ção", "istas", "ista",
            "ados", "adas", "ado", "ada", "es", "os", "as", "s", "a", "o", "e",
        ],
        "nl" => &[
            "heden", "heid", "ingen", "ing", "lijke", "lijk", "tjes", "tje", "en", "s", "e",
        ],
        _ => &[],
    };
    for suf in suffixes {
        if let Some(stem) = word.strip_suffix(suf) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// Term interner: each distinct term string gets a dense id (0, 1, 2 …), so the ranking
/// compares and counts `u32`s instead of strings. The strings live in one buffer; the index is
/// an open-addressing table over [`word_hash`] (no `HashMap`: it would add its hasher to the
/// WASM module).
#[derive(Default)]
pub struct Vocab {
    /// Every distinct term, concatenated.
    text: String,
    /// Id → byte range in `text`.
    spans: Vec<(u32, u32)>,
    /// Slot → id + 1 (0 = empty); a power of two, kept at most half full.
    slots: Vec<u32>,
}

impl Vocab {
    /// How many distinct terms (ids run from 0 to `len() - 1`).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The term of an id.
    pub fn term(&self, id: u32) -> &str {
        let (a, b) = self.spans[id as usize];
        &self.text[a as usize..b as usize]
    }

    /// The slot that holds `t`, or the empty slot where it would go (the table is not empty).
    fn slot(&self, t: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = word_hash(t) as usize & mask;
        loop {
            match self.slots[s] {
                0 => return s,
                i if self.term(i - 1) == t => return s,
                _ => s = (s + 1) & mask,
            }
        }
    }

    /// The id of `t`, if it was seen.
    pub fn find(&self, t: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.slots[self.slot(t)].checked_sub(1)
    }

    /// The id of `t`, new if `t` was not seen yet.
    pub fn id(&mut self, t: &str) -> u32 {
        if self.slots.len() < 2 * (self.spans.len() + 1) {
            self.grow();
        }
        let s = self.slot(t);
        if let Some(id) = self.slots[s].checked_sub(1) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.text.len() as u32;
        self.text.push_str(t);
        self.spans.push((start, self.text.len() as u32));
        self.slots[s] = id + 1;
        id
    }

    /// Double the table (at least 64 slots) and re-insert every id.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        self.slots = vec![0; size];
        for id in 0..self.spans.len() as u32 {
            let mut s = word_hash(self.term(id)) as usize & (size - 1);
            while self.slots[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            self.slots[s] = id + 1;
        }
    }
}

/// Content terms of a sentence: lower-cased, stop words removed, stemmed, as ids of `vocab`
/// appended to `out`. Japanese (and other unspaced CJK runs) give character bigrams.
pub fn terms(text: &str, lang: &str, stemming: bool, vocab: &mut Vocab, out: &mut Vec<u32>) {
    // One lower-casing buffer for the whole sentence (no allocation per word).
    let mut lower = String::new();
    for word in text.split(|c: char| !crate::text::is_alnum(c)) {
        if word.is_empty() {
            continue;
        }
        if word.chars().any(is_cjk) {
            cjk_terms(word, vocab, out);
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lower.push_str(&word.to_lowercase());
        }
        if lower.chars().count() < 2 || is_stop(&lower, lang) {
            continue;
        }
        let term = if stemming { stem(&lower, lang) } else { &lower };
        out.push(vocab.id(term));
    }
}

/// Bigrams over runs of kanji/katakana (hiragana runs are mostly grammar and are skipped).
fn cjk_terms(word: &str, vocab: &mut Vocab, out: &mut Vec<u32>) {
    let mut run: Vec<char> = Vec::new();
    let mut buf = String::new();
    let mut flush = |run: &mut Vec<char>| {
        if run.len() == 1 {
            buf.clear();
            buf.push(run[0]);
            out.push(vocab.id(&buf));
        } else {
            for w in run.windows(2) {
                buf.clear();
                buf.extend(w);
                out.push(vocab.id(&buf));
            }
        }
        run.clear();
    };
    for c in word.chars() {
        let hira = matches!(c, '\u{3040}'..='\u{309f}');
        if hira {
            if !run.is_empty() {
                flush(&mut run);
            }
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        flush(&mut run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        let cases = [
            (
                "en",
                "The minister said that the plan would be ready by the end of the year.",
            ),
            (
                "de",
                "Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein wird.",
            ),
            (
                "fr",
                "Le ministre a dit que le plan serait prêt à la fin de l'année.",
            ),
            (
                "es",
                "El ministro dijo que el plan estará listo a finales del año.",
            ),
            (
                "it",
                "Il ministro ha detto che il piano sarà pronto entro la fine dell'anno.",
            ),
            (
                "pt",
                "O ministro disse que o plano estará pronto até ao fim do ano.",
            ),
            (
                "nl",
                "De minister zei dat het plan aan het eind van het jaar klaar zal zijn.",
            ),
            ("ja", "大臣は、計画は年末までに準備が整うと述べた。"),
        ];
        for (want, text) in cases {
            assert_eq!(detect_lang(text), want, "{text}");
        }
        assert_eq!(detect_lang(""), "en");
        assert_eq!(detect_lang("12345 !!!"), "en");
    }

    #[test]
    fn stems_lightly() {
        assert_eq!(stem("elections", "en"), stem("election", "en"));
        assert_eq!(stem("running", "en"), "runn");
        assert_eq!(stem("regierungen", "de"), stem("regierung", "de"));
        assert_eq!(stem("ab", "en"), "ab");
    }

    #[test]
    fn japanese_terms_are_bigrams() {
        let mut v = Vocab::default();
        let mut t = Vec::new();
        terms("東京都の知事", "ja", true, &mut v, &mut t);
        let t: Vec<&str> = t.iter().map(|&i| v.term(i)).collect();
        assert_eq!(t, vec!["東京", "京都", "知事"]);
    }

    #[test]
    fn vocab_interns_terms() {
        let mut v = Vocab::default();
        let mut t = Vec::new();
        for i in 0..200 {
            terms(
                &format!("Harbour bridge{i} harbours BRIDGE{i}"),
                "en",
                true,
                &mut v,
                &mut t,
            );
        }
        assert_eq!(v.len(), 201);
        assert_eq!(t.len(), 800);
        // Each sentence gives [harbour, bridge{i}, harbour, bridge{i}].
        assert_eq!(t[0], t[2]);
        assert_eq!(t[0], t[798]);
        assert_eq!(v.term(t[0]), "harbour");
        assert_eq!(v.term(t[797]), "bridge199");
        assert_eq!(t[797], t[799]);
        assert_eq!(v.find("harbour"), Some(t[0]));
        assert_eq!(v.find("harbours"), None);
        assert_eq!(Vocab::default().find("x"), None);
    }
}
