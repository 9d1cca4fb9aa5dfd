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
///
/// Words are runs of letters, digits and combining marks, joined by a connector that has a letter or digit
/// on both sides. ASCII bytes are read as bytes: only other characters are decoded, so English and German
/// text is tokenized at a few instructions per byte.
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    let bytes = text.as_bytes();
    let mut position = 0;
    std::iter::from_fn(move || {
        // The start of the next word or symbol.
        let start = loop {
            let &byte = bytes.get(position)?;
            if byte.is_ascii_alphanumeric() {
                break position;
            }
            let c = if byte.is_ascii() {
                char::from(byte)
            } else {
                text[position..].chars().next()?
            };
            if is_symbol(c) {
                let end = position + c.len_utf8();
                let token = Token {
                    start: position,
                    end,
                    text: &text[position..end],
                };
                position = end;
                return Some(token);
            }
            if c.is_alphanumeric() {
                break position;
            }
            position += c.len_utf8();
        };
        position = start + char_len_at(text, start);
        let mut end = position;
        while let Some(&byte) = bytes.get(position) {
            if byte.is_ascii_alphanumeric() {
                position += 1;
                end = position;
                continue;
            }
            let c = if byte.is_ascii() {
                char::from(byte)
            } else {
                let Some(c) = text[position..].chars().next() else {
                    break;
                };
                c
            };
            if c.is_alphanumeric() || is_combining(c) {
                position += c.len_utf8();
                end = position;
            } else if is_connector(c)
                && text[position + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                position += c.len_utf8();
            } else {
                break;
            }
        }
        position = end;
        Some(Token {
            start,
            end,
            text: &text[start..end],
        })
    })
}

/// The length in bytes of the char at `index` (a char boundary).
fn char_len_at(text: &str, index: usize) -> usize {
    text[index..].chars().next().map_or(1, char::len_utf8)
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

    /// The tokenizer as first written, char by char: what the byte-level one must equal.
    fn tokenize_char_by_char(text: &str) -> Vec<Token<'_>> {
        let mut chars = text.char_indices().peekable();
        let mut tokens = Vec::new();
        while let Some((start, c)) = chars.next() {
            if is_symbol(c) {
                let end = start + c.len_utf8();
                tokens.push(Token {
                    start,
                    end,
                    text: &text[start..end],
                });
                continue;
            }
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(index, next)) = chars.peek() {
                if next.is_alphanumeric() || is_combining(next) {
                    end = index + next.len_utf8();
                    chars.next();
                } else if is_connector(next)
                    && text[index + next.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start,
                end,
                text: &text[start..end],
            });
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn reading_bytes_gives_the_tokens_of_reading_chars(
            text in "[a-zA-Z0-9 .,'’\\-_/:‑%€$£°¥‰äöüßÄÖÜéàñ\u{301}\u{20D7}„“”»«()\\[\\]!?…\u{A0}\u{2009}中文😀-]{0,60}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text).collect::<Vec<_>>(), tokenize_char_by_char(&text));
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "„Ä ö“ — 12 €";
        for token in tokenize(text) {
            assert_eq!(&text[token.start..token.end], token.text);
        }
    }
}
