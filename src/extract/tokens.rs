//! Word tokens with byte spans, shared by the lexicon and the claim features.

/// A word or symbol in a text: `text == &source[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's text.
    pub text: &'a str,
}

/// Symbols that are tokens of their own because the lexicons name them (`%`, `€`).
fn is_symbol(c: char) -> bool {
    matches!(c, '%' | '€' | '$' | '£' | '°' | '¥' | '‰')
}

/// Characters that join two word pieces: `1.500`, `EU-Kommission`, `don't`, `U.S`.
fn is_connector(c: char) -> bool {
    matches!(c, '-' | '.' | ',' | '\'' | '’' | '_' | '/' | ':' | '‑')
}

/// The word and symbol tokens of `text`, in order.
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if is_symbol(c) {
                let end = start + c.len_utf8();
                return Some(Token {
                    start,
                    end,
                    text: &text[start..end],
                });
            }
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(index, next)) = chars.peek() {
                if next.is_alphanumeric() || is_combining(next) {
                    end = index + next.len_utf8();
                    chars.next();
                } else if is_connector(next) {
                    let after = text[index + next.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            return Some(Token {
                start,
                end,
                text: &text[start..end],
            });
        }
    })
}

/// Combining marks stay inside the word they modify.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).map(|t| t.text).collect()
    }

    #[test]
    fn keeps_numbers_compounds_and_symbols_whole() {
        assert_eq!(
            words("Die EU-Kommission nannte 1.500 Fälle (3,5 %) am 22.10.2024."),
            [
                "Die",
                "EU-Kommission",
                "nannte",
                "1.500",
                "Fälle",
                "3,5",
                "%",
                "am",
                "22.10.2024"
            ]
        );
        assert_eq!(
            words("It's U.S. policy, isn't it?"),
            ["It's", "U.S", "policy", "isn't", "it"]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "„Ä ö“ — 12 €";
        for token in tokenize(text) {
            assert_eq!(&text[token.start..token.end], token.text);
        }
    }
}
