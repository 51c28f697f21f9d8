//! Sentence segmentation on hard news-text cases, per language (en de fr es it pt nl ja):
//! abbreviations, initials, ordinals and dates, decimal numbers, quotations that hold several
//! sentences, ellipses, and the language's own punctuation.

use decant_core::summary::split_sentences;

fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    split_sentences(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn english_news_cases() {
    let t = "Sen. Elizabeth Warren (D-Mass.) spoke first. The vote was 52-48. \
             Gen. Mark A. Milley arrived at 9 a.m. The deal was worth $3.5 billion. \
             'It is done,' said Lt. Col. Jane Smith. Is it? Yes. \
             They meet at 10 a.m. Monday in Washington.";
    assert_eq!(
        split(t, "en"),
        vec![
            "Sen. Elizabeth Warren (D-Mass.) spoke first.",
            "The vote was 52-48.",
            "Gen. Mark A. Milley arrived at 9 a.m.",
            "The deal was worth $3.5 billion.",
            "'It is done,' said Lt. Col. Jane Smith.",
            "Is it?",
            "Yes.",
            // AP style: a time before a day name does not end the sentence.
            "They meet at 10 a.m. Monday in Washington.",
        ]
    );
}

#[test]
fn german_ordinals_and_abbreviations() {
    let t = "Die Sitzung beginnt am 1. Januar um 10 Uhr. Laut Prof. Dr. Schmidt steigen die Preise um ca. 3,5 Prozent. \
             Sie sagte: „Das ist gut. Wir machen weiter.“ Danach ging sie. Die Firma GmbH & Co. KG wächst.";
    assert_eq!(
        split(t, "de"),
        vec![
            "Die Sitzung beginnt am 1. Januar um 10 Uhr.",
            "Laut Prof. Dr. Schmidt steigen die Preise um ca. 3,5 Prozent.",
            "Sie sagte: „Das ist gut. Wir machen weiter.“",
            "Danach ging sie.",
            "Die Firma GmbH & Co. KG wächst.",
        ]
    );
}

#[test]
fn french_spacing_and_quotes() {
    let t = "Le ministre a déclaré : « Nous sommes prêts. » Pourquoi ? Personne ne sait ! \
             Mme Durand a parlé à 14 h. Le taux est de 2,5 %. Il ne l'a. Fin. Le train part à 9 h. Marie reste.";
    assert_eq!(
        split(t, "fr"),
        vec![
            "Le ministre a déclaré : « Nous sommes prêts. »",
            "Pourquoi ?",
            "Personne ne sait !",
            "Mme Durand a parlé à 14 h.",
            "Le taux est de 2,5 %.",
            "Il ne l'a.",
            "Fin.",
            "Le train part à 9 h.",
            "Marie reste.",
        ]
    );
}

#[test]
fn spanish_inverted_marks_and_titles() {
    let t = "La Dra. Fernández dijo: «No hay prisa». ¿Cuándo llega el tren? ¡Ya viene! \
             El precio subió un 4,2 por ciento. Lo confirmó el Sr. Ruiz.";
    assert_eq!(
        split(t, "es"),
        vec![
            "La Dra. Fernández dijo: «No hay prisa».",
            "¿Cuándo llega el tren?",
            "¡Ya viene!",
            "El precio subió un 4,2 por ciento.",
            "Lo confirmó el Sr. Ruiz.",
        ]
    );
}

#[test]
fn italian_titles_elision_and_quotes() {
    let t = "L'Avv. Verdi ha parlato con l'Ing. Neri. «Siamo pronti», ha detto. \
             Il Pil è cresciuto dello 0,8 per cento. Perché? Non si sa.";
    assert_eq!(
        split(t, "it"),
        vec![
            "L'Avv. Verdi ha parlato con l'Ing. Neri.",
            "«Siamo pronti», ha detto.",
            "Il Pil è cresciuto dello 0,8 per cento.",
            "Perché?",
            "Non si sa.",
        ]
    );
}

#[test]
fn portuguese_titles_numbers_and_questions() {
    let t = "O Eng. Pereira e a Profa. Lima chegaram às 10h. A inflação subiu 4,5 por cento. \
             \"Estamos prontos. Vamos começar\", disse o Sr. Costa. Quando? Amanhã.";
    assert_eq!(
        split(t, "pt"),
        vec![
            "O Eng. Pereira e a Profa. Lima chegaram às 10h.",
            "A inflação subiu 4,5 por cento.",
            "\"Estamos prontos. Vamos começar\", disse o Sr. Costa.",
            "Quando?",
            "Amanhã.",
        ]
    );
}

#[test]
fn dutch_abbreviations_and_quotes() {
    let t =
        "Dhr. Visser en mevr. Smit waren er, o.a. in Den Haag. De prijs steeg met 2,5 procent. \
             \"We gaan door. Echt waar\", zei hij. Waarom? Niemand weet het.";
    assert_eq!(
        split(t, "nl"),
        vec![
            "Dhr. Visser en mevr. Smit waren er, o.a. in Den Haag.",
            "De prijs steeg met 2,5 procent.",
            "\"We gaan door. Echt waar\", zei hij.",
            "Waarom?",
            "Niemand weet het.",
        ]
    );
}

#[test]
fn japanese_brackets_and_mixed_script() {
    let t = "首相は「増税はしない。」と述べた。『本当か？』と記者が聞いた。NHKによると、GDPは2.5%増えた！次は？終わり。";
    assert_eq!(
        split(t, "ja"),
        vec![
            "首相は「増税はしない。」と述べた。",
            "『本当か？』と記者が聞いた。",
            "NHKによると、GDPは2.5%増えた！",
            "次は？",
            "終わり。",
        ]
    );
}
