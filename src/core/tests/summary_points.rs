//! Summary points in every supported language: each point is article text (whole sentences, or
//! a sentence minus a leading connective), and no point opens with a dangling connective or an
//! unresolved pronoun, even when the best sentence of the article starts with one.

use decant_core::summary::{split_sentences, summarize, SummaryLength, SummaryOptions};

/// Words a point must not start with, per language: the connectives the summariser drops and
/// the pronouns it resolves by taking the previous sentence along.
fn forbidden_openers(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &["Aber ", "Und ", "Allerdings, ", "Er ", "Sie sagte"],
        "fr" => &["Mais ", "Et ", "Cependant, ", "Il ", "Elle "],
        "es" => &["Pero ", "Sin embargo, ", "Él ", "Ella "],
        "it" => &["Ma ", "Tuttavia, ", "Lui ", "Lei "],
        "pt" => &["Mas ", "No entanto, ", "Ele ", "Ela "],
        "nl" => &["Maar ", "Echter, ", "Hij ", "Zij "],
        "ja" => &["しかし", "彼は", "彼女は"],
        _ => &["However, ", "But ", "And ", "He ", "She ", "They "],
    }
}

/// (language, paragraphs): in each, the sentences that repeat the topic most start with a
/// connective or a pronoun, so a naive ranker would open a point with them.
fn articles() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("en", vec![
            "The city council approved the harbour bridge plan on Monday after a long debate.",
            "However, the harbour bridge plan will cost more than the council expected. He said the harbour bridge would open in 2027.",
            "The mayor, Anna Berg, defended the harbour bridge plan. But critics say the harbour bridge plan ignores cyclists.",
            "Work on the bridge starts next spring.",
        ]),
        ("de", vec![
            "Der Stadtrat hat am Montag den Plan für die neue Hafenbrücke beschlossen.",
            "Aber die Hafenbrücke wird teurer als geplant. Er sagte, die Hafenbrücke werde 2027 eröffnet.",
            "Die Bürgermeisterin Anna Berg verteidigte die Hafenbrücke. Allerdings, so Kritiker, vergisst der Plan für die Hafenbrücke die Radfahrer.",
            "Die Arbeiten beginnen im Frühjahr.",
        ]),
        ("fr", vec![
            "Le conseil municipal a approuvé lundi le projet du nouveau pont du port.",
            "Mais le pont du port coûtera plus cher que prévu. Il a dit que le pont du port ouvrira en 2027.",
            "La maire, Anna Berg, a défendu le projet du pont du port. Cependant, les critiques disent que le projet du pont du port oublie les cyclistes.",
            "Les travaux commencent au printemps.",
        ]),
        ("es", vec![
            "El ayuntamiento aprobó el lunes el proyecto del nuevo puente del puerto.",
            "Pero el puente del puerto costará más de lo previsto. Él dijo que el puente del puerto abrirá en 2027.",
            "La alcaldesa, Anna Berg, defendió el proyecto del puente del puerto. Sin embargo, los críticos dicen que el proyecto del puente del puerto olvida a los ciclistas.",
            "Las obras empiezan en primavera.",
        ]),
        ("it", vec![
            "Il consiglio comunale ha approvato lunedì il progetto del nuovo ponte del porto.",
            "Ma il ponte del porto costerà più del previsto. Lui ha detto che il ponte del porto aprirà nel 2027.",
            "La sindaca, Anna Berg, ha difeso il progetto del ponte del porto. Tuttavia, i critici dicono che il progetto del ponte del porto dimentica i ciclisti.",
            "I lavori iniziano in primavera.",
        ]),
        ("pt", vec![
            "A câmara municipal aprovou na segunda-feira o projeto da nova ponte do porto.",
            "Mas a ponte do porto vai custar mais do que o previsto. Ele disse que a ponte do porto abrirá em 2027.",
            "A presidente da câmara, Anna Berg, defendeu o projeto da ponte do porto. No entanto, os críticos dizem que o projeto da ponte do porto esquece os ciclistas.",
            "As obras começam na primavera.",
        ]),
        ("nl", vec![
            "De gemeenteraad heeft maandag het plan voor de nieuwe havenbrug goedgekeurd.",
            "Maar de havenbrug wordt duurder dan verwacht. Hij zei dat de havenbrug in 2027 opengaat.",
            "Burgemeester Anna Berg verdedigde het plan voor de havenbrug. Echter, critici zeggen dat het plan voor de havenbrug fietsers vergeet.",
            "De bouw begint in het voorjaar.",
        ]),
        ("ja", vec![
            "市議会は月曜日、新しい港湾橋の計画を承認した。",
            "しかし、港湾橋の計画は予想より費用がかかる。彼は港湾橋の計画が2027年に完成すると述べた。",
            "市長は港湾橋の計画を擁護した。工事は春に始まる。",
        ]),
    ]
}

#[test]
fn points_are_article_text_without_dangling_openers() {
    for (lang, paras) in articles() {
        let paragraphs: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
        // Points that are not a single sentence as written: a connective dropped, or a pronoun
        // sentence with its predecessor. The articles are built to need both.
        let mut repaired = 0;
        for length in [
            SummaryLength::Short,
            SummaryLength::Medium,
            SummaryLength::Auto,
        ] {
            let s = summarize(&paragraphs, None, &SummaryOptions { length, lang: None });
            assert_eq!(s.lang, lang, "detected language");
            assert!(!s.points.is_empty(), "{lang}: no points");
            let mut sentences = Vec::new();
            for p in &paragraphs {
                for r in split_sentences(p, lang) {
                    sentences.push(&p[r]);
                }
            }
            for pt in s.points.iter().chain(s.tldr.iter()) {
                for bad in forbidden_openers(lang) {
                    assert!(
                        !pt.text.starts_with(bad),
                        "{lang}: point opens with {bad:?}: {}",
                        pt.text
                    );
                }
                // Consecutive sentences from `pt.sentence` on, verbatim but for a dropped
                // leading connective (and the capital that follows it).
                let first_len = pt.text.chars().next().map_or(0, char::len_utf8);
                let tail = &pt.text[first_len..];
                let ok = (pt.sentence..sentences.len()).any(|hi| {
                    let unit = sentences[pt.sentence..=hi].join(" ");
                    unit == pt.text || (unit.len() > pt.text.len() && unit.ends_with(tail))
                });
                assert!(ok, "{lang}: point is not article text: {}", pt.text);
                if pt.text != sentences[pt.sentence] {
                    repaired += 1;
                }
            }
        }
        assert!(repaired > 0, "{lang}: no point needed a repair");
    }
}

/// Headings, bylines, date lines and colon lead-ins are not points; a sentence that needs the
/// one before it does not reach across a paragraph break (a heading) for it; a German
/// connective without its comma ("Zudem wird …") is never dropped into a broken sentence.
#[test]
fn points_are_sentences_and_repairs_stay_in_their_paragraph() {
    let en: Vec<String> = [
        "By Tara Parker-Pope",
        "The harbour bridge plan was approved by the city council on Monday after a long debate.",
        "Step 9",
        "This harbour bridge plan will cost more than the council expected, officials said.",
        "The harbour bridge plan includes these parts:",
        "The mayor defended the harbour bridge plan and said work on the bridge starts in spring.",
        "Critics of the harbour bridge plan said it ignores cyclists and walkers on the bridge.",
    ]
    .map(String::from)
    .to_vec();
    let de: Vec<String> = [
        "Der Stadtrat hat am Montag den Plan für die neue Hafenbrücke beschlossen.",
        "Zudem wird die Hafenbrücke deutlich teurer als der Plan für die Hafenbrücke vorsah.",
        "Die Bürgermeisterin verteidigte den Plan für die Hafenbrücke am Dienstag.",
        "Kritiker sagen, der Plan für die Hafenbrücke vergesse die Radfahrer.",
    ]
    .map(String::from)
    .to_vec();
    for (lang, paragraphs) in [("en", en), ("de", de)] {
        for length in [
            SummaryLength::Short,
            SummaryLength::Medium,
            SummaryLength::Long,
        ] {
            let s = summarize(&paragraphs, None, &SummaryOptions { length, lang: None });
            for pt in s.points.iter().chain(s.tldr.iter()) {
                for bad in ["By Tara", "Step 9", "This harbour", "parts:", "Zudem"] {
                    assert!(!pt.text.starts_with(bad), "{lang}: point {:?}", pt.text);
                }
                assert!(!pt.text.contains("Step 9"), "{lang}: point {:?}", pt.text);
            }
        }
    }
}
