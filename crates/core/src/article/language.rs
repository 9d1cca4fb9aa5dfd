//! Which language an article is written in.

use super::Language;

/// How much text the detector looks at: enough for a reliable answer, cheap on 20 MB files.
const SAMPLE_CHARS: usize = 20_000;

/// Detects German or English; anything else (or too little text to tell) is [`Language::Other`].
#[must_use]
pub fn detect_language(text: &str) -> Language {
    let sample_end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(index, _)| index);
    let sample = &text[..sample_end];
    let Some(info) = whatlang::detect(sample) else {
        return Language::Other;
    };
    match info.lang() {
        whatlang::Lang::Deu => Language::German,
        whatlang::Lang::Eng => Language::English,
        // Short or mixed texts get low confidence; then ask only between the two languages we support.
        _ if !info.is_reliable() => {
            let allowlist = vec![whatlang::Lang::Deu, whatlang::Lang::Eng];
            match whatlang::Detector::with_allowlist(allowlist).detect_lang(sample) {
                Some(whatlang::Lang::Deu) => Language::German,
                Some(whatlang::Lang::Eng) => Language::English,
                _ => Language::Other,
            }
        }
        _ => Language::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_english_and_other() {
        assert_eq!(
            detect_language(
                "Die Bundesregierung hat am Mittwoch neue Zahlen zur Arbeitslosigkeit vorgelegt."
            ),
            Language::German
        );
        assert_eq!(
            detect_language(
                "The government released new unemployment figures on Wednesday, officials said."
            ),
            Language::English
        );
        assert_eq!(
            detect_language(
                "Le gouvernement a publié mercredi de nouveaux chiffres sur le chômage en France."
            ),
            Language::Other
        );
    }
}
