//! Sentence segmentation for German and English news text.
//!
//! Segments are byte spans into the text, in order, non-overlapping, on char boundaries, trimmed of
//! whitespace, and together they cover every non-whitespace character. A line break always ends a segment
//! (titles, headings, list items and datelines stand on lines of their own in news text); inside a line,
//! a period, `!`, `?` or ellipsis ends one unless the context says otherwise. All language knowledge
//! (abbreviations, ordinals, sentence starters) comes from the [`Lexicon`].

use super::lexicon::{Category, Lexicon, normalize_abbreviation};
use crate::article::Language;

pub use crate::article::Span;

/// Splits `text` into sentence segments.
///
/// ```
/// use claimdesk_core::article::Language;
/// use claimdesk_core::extract::{lexicon::Lexicon, segment::segment};
///
/// let text = "Die Firma meldete 4,7 Mrd. Euro. Am 3. Oktober folgt mehr.";
/// let spans = segment(text, Lexicon::for_language(Language::German));
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(sentences, ["Die Firma meldete 4,7 Mrd. Euro.", "Am 3. Oktober folgt mehr."]);
/// ```
#[must_use]
pub fn segment(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    segment_lines(text, lexicon, 0, text.len())
}

/// The segments of the lines from `start` (a line start) to `end` (a line break or the text's end).
/// Lines are segmented one by one, so the text's segments are those of its pieces split at line breaks.
#[must_use]
pub fn segment_lines(text: &str, lexicon: &Lexicon, start: usize, end: usize) -> Vec<Span> {
    let mut spans = Vec::with_capacity((end - start) / 100 + 1);
    let mut line_start = start;
    let breaks = memchr::memchr_iter(b'\n', &text.as_bytes()[start..end]).map(|i| start + i);
    for line_end in breaks.chain(std::iter::once(end)) {
        let first = spans.len();
        LineSegmenter {
            text,
            lexicon,
            line_end,
        }
        .run(line_start, &mut spans);
        split_lists(text, &mut spans, first);
        line_start = line_end + 1;
    }
    spans
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '’' | '‘' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '‚'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '-'
            | '–'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '．' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Full-width marks end a sentence without a following space.
fn is_full_width_terminator(c: char) -> bool {
    matches!(c, '．' | '。' | '！' | '？')
}

fn char_at(text: &str, index: usize) -> Option<char> {
    text.get(index..).and_then(|rest| rest.chars().next())
}

fn char_before(text: &str, index: usize) -> Option<char> {
    text.get(..index)
        .and_then(|before| before.chars().next_back())
}

fn has_alphanumeric(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// A list marker at the start of a segment: `1.`, `2.)`, `3)`, `a.`, `(b)`, `iv)`, optionally after a bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Enumerator {
    bullet: Option<char>,
    kind: EnumeratorKind,
    value: u32,
    open_paren: bool,
    /// The punctuation after the value: ".", ".)" or ")".
    close: &'static str,
    /// Byte offset of the punctuation after the value.
    punctuation_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnumeratorKind {
    Number,
    Lower,
    Upper,
    Roman,
}

const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '◦' | '▪' | '‣' | '·' | '*' | '–' | '-' | '→' | '►'
    )
}

impl Enumerator {
    fn parse(text: &str, start: usize, line_end: usize) -> Option<Self> {
        let line = text.get(start..line_end)?;
        let mut rest = line;
        let mut bullet = None;
        if let Some(c) = rest.chars().next().filter(|&c| is_bullet(c)) {
            bullet = Some(c);
            rest = rest[c.len_utf8()..].trim_start();
            if rest.is_empty() {
                return None;
            }
        }
        let open_paren = rest.starts_with('(');
        if open_paren {
            rest = &rest[1..];
        }
        let value_len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let value_text = &rest[..value_len];
        let after = &rest[value_len..];
        let (close, after_close) = [".)", ")", "."].into_iter().find_map(|close| {
            after
                .strip_prefix(close)
                .map(|after_close| (close, after_close))
        })?;
        if open_paren && close != ")" {
            return None;
        }
        let followed_by_space =
            after_close.is_empty() || after_close.starts_with(char::is_whitespace);
        if !followed_by_space {
            return None;
        }
        let (kind, value) = if !value_text.is_empty()
            && value_text.len() <= 3
            && value_text.bytes().all(|b| b.is_ascii_digit())
        {
            (EnumeratorKind::Number, value_text.parse().ok()?)
        } else if close != "." && ROMAN.contains(&value_text) {
            (
                EnumeratorKind::Roman,
                u32::try_from(ROMAN.iter().position(|r| *r == value_text)?).ok()? + 1,
            )
        } else if value_text.chars().count() == 1 {
            let c = value_text.chars().next()?;
            let kind = if c.is_ascii_lowercase() {
                EnumeratorKind::Lower
            } else if c.is_ascii_uppercase() {
                EnumeratorKind::Upper
            } else {
                return None;
            };
            (kind, u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1)
        } else {
            return None;
        };
        let punctuation_start = line_end - after.len();
        Some(Self {
            bullet,
            kind,
            value,
            open_paren,
            close,
            punctuation_start,
        })
    }

    /// Whether `token` is the value of a later item of the same list (`2` after `1.`, `b` after `a.`).
    fn continues_with(&self, token: &str) -> bool {
        match self.kind {
            EnumeratorKind::Number => {
                !token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit())
            }
            EnumeratorKind::Lower => {
                token.len() == 1 && token.bytes().all(|b| b.is_ascii_lowercase())
            }
            EnumeratorKind::Upper => {
                token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase())
            }
            EnumeratorKind::Roman => ROMAN.contains(&token),
        }
    }

    /// The marker of the item after this one, as it would be written in the text.
    fn next_marker(&self) -> Option<String> {
        let value = self.value + 1;
        let body = match self.kind {
            EnumeratorKind::Number => value.to_string(),
            EnumeratorKind::Roman => (*ROMAN.get(usize::try_from(value).ok()? - 1)?).to_owned(),
            EnumeratorKind::Lower | EnumeratorKind::Upper => {
                let c =
                    char::from_u32(u32::from('a') + value - 1).filter(char::is_ascii_lowercase)?;
                if self.kind == EnumeratorKind::Upper {
                    c.to_ascii_uppercase().to_string()
                } else {
                    c.to_string()
                }
            }
        };
        let open = if self.open_paren { "(" } else { "" };
        Some(format!("{open}{body}{}", self.close))
    }
}

/// Finds the sentence boundaries of one line.
struct LineSegmenter<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    line_end: usize,
}

/// Quotations and parentheses longer than this are not kept together: a missing closing mark must not
/// swallow a whole paragraph.
const MAX_ENCLOSURE_BYTES: usize = 1500;

/// How far back and ahead a word is read around a period (URLs and e-mail addresses included).
const MAX_TOKEN_BYTES: usize = 256;

/// Byte ranges of a line that are enclosed in quotes or brackets, from the opening mark to the closing one.
/// Sentences do not end inside them: a quoted statement stays with its attribution.
///
/// Linear in the line length: for each kind of mark, the stretch already searched in vain for a closing
/// mark is remembered and never searched again.
fn enclosures(text: &str, line_start: usize, line_end: usize) -> Vec<Span> {
    const OPENERS: [char; 9] = ['„', '“', '"', '»', '«', '(', '[', '\'', '‘'];
    let closers_of = |open: char| -> &'static [char] {
        match open {
            '„' => &['“', '”'],
            '“' => &['”'],
            '"' => &['"'],
            '»' => &['«'],
            '«' => &['»'],
            '(' => &[')'],
            '[' => &[']'],
            '\'' => &['\''],
            _ => &['’'],
        }
    };
    let line = &text[line_start..line_end];
    let mut regions = Vec::new();
    // Per opening mark: the offset up to which no closing mark exists.
    let mut searched_in_vain = [0usize; OPENERS.len()];
    let mut position = 0;
    // Jump from one possible first byte of an opening mark to the next ('"', '(', '[', or the lead byte of
    // „“‘ and »«; then '\'') instead of decoding every char of the line. Each kind of byte is searched again
    // only once it has been passed.
    let mut marks = NextOf::new(line.as_bytes(), [b'"', b'(', b'[']);
    let mut others = NextOf::new(line.as_bytes(), [b'\'', 0xE2, 0xC2]);
    loop {
        let start = marks
            .at_or_after(position)
            .min(others.at_or_after(position));
        if start >= line.len() {
            break;
        }
        let Some(open) = line[start..].chars().next() else {
            break;
        };
        position = start + open.len_utf8();
        let Some(kind) = OPENERS.iter().position(|&o| o == open) else {
            continue;
        };
        if matches!(open, '"' | '\'' | '‘')
            && line[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let single = matches!(open, '\'' | '‘');
        let closers = closers_of(open);
        let body_start = start + open.len_utf8();
        let window_end =
            line.floor_char_boundary((body_start + MAX_ENCLOSURE_BYTES).min(line.len()));
        let search_from = line.ceil_char_boundary(body_start.max(searched_in_vain[kind]));
        if search_from >= window_end {
            continue;
        }
        let found = line[search_from..window_end]
            .char_indices()
            .find_map(|(offset, c)| {
                let after = search_from + offset + c.len_utf8();
                // An apostrophe inside a word ("they'll", "dragon’s") does not close a single quote.
                let in_word = single
                    && line[after..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                (closers.contains(&c) && !in_word).then_some(after)
            });
        match found {
            Some(end) => {
                regions.push(Span {
                    start: line_start + start,
                    end: line_start + end,
                });
                // The closing mark must not open the next region; marks within a quotation need no region
                // of their own, the quotation already holds them together.
                position = position.max(end);
            }
            None => searched_in_vain[kind] = window_end,
        }
    }
    regions
}

/// The next offset in `bytes` that holds one of three bytes, for a reader that only moves forward: found by
/// memchr and searched again only once the reader has passed it, so each byte is scanned once however often
/// the reader asks.
struct NextOf<'a> {
    bytes: &'a [u8],
    needles: [u8; 3],
    /// The last offset found (`bytes.len()` for none); `None` before the first search.
    found: Option<usize>,
}

impl<'a> NextOf<'a> {
    fn new(bytes: &'a [u8], needles: [u8; 3]) -> Self {
        Self {
            bytes,
            needles,
            found: None,
        }
    }

    /// The first offset at or after `from` holding one of the needles, or `bytes.len()`.
    fn at_or_after(&mut self, from: usize) -> usize {
        match self.found {
            Some(found) if found >= from => found,
            _ => {
                let [a, b, c] = self.needles;
                let found = memchr::memchr3(a, b, c, self.bytes.get(from..).unwrap_or_default())
                    .map_or(self.bytes.len(), |i| from + i);
                self.found = Some(found);
                found
            }
        }
    }
}

/// The whitespace-delimited word that ends at `end`, skipping whitespace right before `end`, read back at
/// most [`MAX_TOKEN_BYTES`] and never before `from`.
///
/// Invariant: `end` is a char boundary. The window start is rounded up to a boundary, the trim removes
/// whole chars, and the word start is the end of a whitespace char found by `char_indices`, so both ends of
/// the returned span are char boundaries whatever the text (multi-byte spaces, emoji, marks).
fn word_before(text: &str, from: usize, end: usize) -> Span {
    let window_start = text
        .ceil_char_boundary(from.max(end.saturating_sub(MAX_TOKEN_BYTES)))
        .min(end);
    let window = text[window_start..end].trim_end();
    let word_start = window
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(index, c)| index + c.len_utf8());
    Span {
        start: window_start + word_start,
        end: window_start + window.len(),
    }
}

/// What to do at a run of terminal punctuation.
enum Decision {
    /// The sentence goes on after the run.
    Continue,
    /// The sentence ends at `end`; the next one starts at or after `next`.
    Boundary { end: usize, next: usize },
}

impl LineSegmenter<'_> {
    fn skip_whitespace(&self, mut index: usize) -> usize {
        while let Some(c) =
            char_at(self.text, index).filter(|&c| index < self.line_end && c.is_whitespace())
        {
            index += c.len_utf8();
        }
        index.min(self.line_end)
    }

    fn push(&self, start: usize, end: usize, spans: &mut Vec<Span>) {
        let piece = &self.text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = end - (piece.len() - piece.trim_end().len());
        if trimmed_start < trimmed_end {
            spans.push(Span {
                start: trimmed_start,
                end: trimmed_end,
            });
        }
    }

    fn run(&self, line_start: usize, spans: &mut Vec<Span>) {
        let bytes = self.text.as_bytes();
        let enclosures = enclosures(self.text, line_start, self.line_end);
        let mut segment_start = self.skip_whitespace(line_start);
        let mut enumerator = Enumerator::parse(self.text, segment_start, self.line_end);
        let mut index = segment_start;
        // The next ASCII terminator and the next lead byte of a multi-byte one (…, ‼, full-width marks), each
        // searched again only once `index` has passed it: every byte is scanned once, by memchr.
        let line = &bytes[..self.line_end];
        let mut ascii = NextOf::new(line, [b'.', b'!', b'?']);
        let mut lead = NextOf::new(line, [0xE2, 0xE3, 0xEF]);
        while index < self.line_end {
            let next_ascii = ascii.at_or_after(index);
            index = next_ascii.min(lead.at_or_after(index));
            if index >= self.line_end {
                break;
            }
            let candidate =
                index == next_ascii || char_at(self.text, index).is_some_and(is_terminator);
            if !candidate {
                index += 1;
                continue;
            }
            let run_end = self.run_end(index);
            let enclosed = enclosures
                .iter()
                .any(|r| r.start < index && run_end < r.end && segment_start <= r.start);
            let decision = if enclosed {
                Decision::Continue
            } else {
                self.decide(segment_start, index, run_end, enumerator)
            };
            match decision {
                Decision::Continue => index = run_end,
                Decision::Boundary { end, next } => {
                    self.push(segment_start, end, spans);
                    segment_start = self.skip_whitespace(next);
                    enumerator = Enumerator::parse(self.text, segment_start, self.line_end);
                    index = segment_start;
                }
            }
        }
        if segment_start < self.line_end {
            self.push(segment_start, self.line_end, spans);
        }
    }

    /// The end of the punctuation run starting at `start`: terminators, closing quotes and brackets, and
    /// the dots of a spaced ellipsis (`. . .`).
    fn run_end(&self, start: usize) -> usize {
        let mut end = start;
        while end < self.line_end {
            let Some(c) = char_at(self.text, end) else {
                break;
            };
            if is_terminator(c) || is_closer(c) {
                end += c.len_utf8();
            } else if let Some(footnote) = self.footnote_len(start, end) {
                end += footnote;
            } else if c == ' '
                && self.text[end + 1..self.line_end].starts_with('.')
                && self.text[start..end].contains('.')
            {
                end += 2;
            } else {
                break;
            }
        }
        end
    }

    /// `[12]` after a terminator, or digits glued to a period (`(1987).1 According`): a footnote mark that
    /// belongs to the sentence it ends.
    fn footnote_len(&self, run_start: usize, at: usize) -> Option<usize> {
        let rest = &self.text[at..self.line_end];
        if !self.text[run_start..at].contains(['.', '!', '?']) {
            return None;
        }
        if let Some(inner) = rest.strip_prefix('[') {
            let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
            return (digits > 0 && digits <= 3 && inner[digits..].starts_with(']'))
                .then_some(digits + 2);
        }
        let glued_to_period = self.text[run_start..at].ends_with('.')
            && char_before(self.text, run_start).is_some_and(|c| !c.is_ascii_digit());
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest[digits..].chars().next();
        let next_word = rest[digits..].trim_start().chars().next();
        (glued_to_period
            && (1..=3).contains(&digits)
            && after.is_some_and(char::is_whitespace)
            && next_word.is_some_and(char::is_uppercase))
        .then_some(digits)
    }

    fn decide(
        &self,
        segment_start: usize,
        run_start: usize,
        run_end: usize,
        enumerator: Option<Enumerator>,
    ) -> Decision {
        let text = self.text;
        if !has_alphanumeric(&text[segment_start..run_start]) {
            return Decision::Continue;
        }
        if enumerator.is_some_and(|e| e.punctuation_start == run_start) {
            return Decision::Continue;
        }
        let run = &text[run_start..run_end];
        let boundary = Decision::Boundary {
            end: run_end,
            next: run_end,
        };
        let Some(after) = char_at(text, run_end).filter(|_| run_end < self.line_end) else {
            return Decision::Continue;
        };
        if !after.is_whitespace() {
            if run.starts_with(is_full_width_terminator) {
                return boundary;
            }
            return if run == "." && self.is_glued_sentence_end(run_start, run_end) {
                boundary
            } else {
                Decision::Continue
            };
        }
        let next = self.skip_whitespace(run_end);
        let Some(next_char) = char_at(text, next).filter(|_| next < self.line_end) else {
            return Decision::Continue;
        };
        if next_char.is_lowercase() || matches!(next_char, ',' | ';' | ':' | ')' | ']' | '}') {
            return Decision::Continue;
        }
        if matches!(next_char, '-' | '–' | '—') {
            // "and -- voila! -- you have cake": a dash that continues the sentence in lower case.
            let after_dash = text[next..self.line_end]
                .trim_start_matches(|c: char| matches!(c, '-' | '–' | '—') || c.is_whitespace());
            if after_dash.chars().next().is_some_and(char::is_lowercase) {
                return Decision::Continue;
            }
        }
        if run.contains(['!', '?', '！', '？', '‼', '⁇', '⁈', '⁉']) {
            return boundary;
        }
        let dots = run.matches('.').count() + 3 * run.matches('…').count();
        let word_attached = char_before(text, run_start).is_some_and(char::is_alphanumeric);
        if dots >= 3 {
            if word_attached && run.starts_with(". .") {
                // A sentence period followed by a spaced ellipsis of omitted text: the ellipsis opens the next.
                return Decision::Boundary {
                    end: run_start + 1,
                    next: run_start + 1,
                };
            }
            // "sehen …“ Dann": an ellipsis that closes a quotation ends its sentence too.
            let closes_quote = run
                .trim_start_matches(['.', ' ', '…'])
                .starts_with(|c: char| is_closer(c) && !matches!(c, ')' | ']' | '}'));
            return if word_attached || dots >= 4 || closes_quote {
                boundary
            } else {
                Decision::Continue
            };
        }
        if run.starts_with('.') {
            return self.decide_period(segment_start, run_start, run, next, enumerator, boundary);
        }
        boundary
    }

    fn decide_period(
        &self,
        segment_start: usize,
        run_start: usize,
        run: &str,
        next: usize,
        enumerator: Option<Enumerator>,
        boundary: Decision,
    ) -> Decision {
        let token_span = self.token_before(segment_start, run_start);
        let token = &self.text[token_span.start..token_span.end];
        if enumerator.is_some_and(|e| e.continues_with(token)) {
            // "1.) one 2.) two": the next item's marker; the list splitter cuts before it.
            return Decision::Continue;
        }
        if run.len() > 1 && run[1..].starts_with(is_closer) {
            return boundary;
        }
        if token.is_empty()
            || token.contains('@')
            || token.contains("://")
            || starts_with_www(token)
        {
            return boundary;
        }
        let next_word: String = self.text[next..self.line_end]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        // "Wien/St. Pölten": the abbreviation is the part after the slash.
        let after_slash = token
            .rsplit_once('/')
            .map(|(_, after)| after)
            .filter(|after| after.starts_with(char::is_uppercase));
        let normalized = normalize_abbreviation(after_slash.unwrap_or(token));
        let previous_span = self.token_before(segment_start, token_span.start);
        let previous = self.text[previous_span.start..previous_span.end].trim_end_matches('.');
        let single_letter = token.chars().count() == 1 && token.chars().all(char::is_alphabetic);
        let combined = (single_letter
            && previous.chars().count() == 1
            && previous.chars().all(char::is_alphabetic))
        .then(|| normalize_abbreviation(&format!("{previous}.{token}")));
        let lexicon = self.lexicon;
        let is_terminal = lexicon.is_terminal_abbreviation(&normalized)
            || combined
                .as_deref()
                .is_some_and(|c| lexicon.is_terminal_abbreviation(c))
            || is_dotted_initials(token);
        if is_terminal {
            let closes_clause = lexicon.is_final_abbreviation(&normalized)
                && self.sentence_follows(next, &next_word);
            return if lexicon.is_sentence_starter(&next_word) || closes_clause {
                boundary
            } else {
                Decision::Continue
            };
        }
        if lexicon.is_abbreviation(&normalized)
            || combined
                .as_deref()
                .is_some_and(|c| lexicon.is_abbreviation(c))
        {
            return Decision::Continue;
        }
        if single_letter {
            let pronoun_i = lexicon.language == Language::English
                && token == "I"
                && previous.chars().next().is_some_and(char::is_lowercase);
            return if pronoun_i {
                boundary
            } else {
                Decision::Continue
            };
        }
        let digits = token.trim_start_matches(|c: char| !c.is_ascii_digit());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if enumerator.is_some_and(|e| e.kind == EnumeratorKind::Number && e.close == ".")
                && digits.len() <= 3
            {
                return Decision::Continue;
            }
            let previous_lower = previous.to_lowercase();
            let ordinal = digits.len() <= 3
                && (lexicon.is_ordinal_marker(&previous_lower)
                    || lexicon.is_ordinal_follower(&next_word)
                    || (digits.len() == token.len()
                        && self.after_inflected_adjective(previous, &next_word)));
            if ordinal || self.inside_numeric_date(digits, previous, next) {
                return Decision::Continue;
            }
        }
        boundary
    }

    /// The whitespace-delimited word that ends at `end` (whitespace right before `end` skipped), without
    /// opening quotes or brackets, as a span of the text.
    ///
    /// Invariant: `end` is a char boundary (every caller passes the offset of a terminator or the start
    /// of an earlier word). The returned span's ends then are too: both come from `char_indices` of a
    /// slice whose own ends are boundaries, and the trims only remove whole chars.
    /// "at 6 p.m. Travelers who …", "pears, etc. Prices are …": after an abbreviation that closes a
    /// clause, a capitalized word followed by a lower-case one opens a sentence, unless it is a date or
    /// time word ("6 p.m. Sunday") or an abbreviation ("6 p.m. Mr. …").
    fn sentence_follows(&self, next: usize, next_lower: &str) -> bool {
        if next_lower.is_empty() {
            return false;
        }
        let rest = &self.text[next..self.line_end];
        let word_len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let capitalized = rest.chars().next().is_some_and(char::is_uppercase);
        let followed_by_lower = rest[word_len..]
            .strip_prefix(' ')
            .and_then(|a| a.chars().next())
            .is_some_and(char::is_lowercase);
        let categories = self.lexicon.categories(next_lower);
        capitalized
            && followed_by_lower
            && !self.lexicon.is_abbreviation(next_lower)
            && !categories.has(Category::Month)
            && !categories.has(Category::TimeWord)
    }

    /// "ab dem vollendeten 16. Lebensjahr", "das stattfindende 63. Treffen": in German an ordinal stands between an inflected adjective
    /// and its noun. A number that ends a sentence rarely follows such a word ("stieg auf 16.", "waren
    /// es 16."), and the next sentence then mostly opens with a usual starter ("16. Die …").
    fn after_inflected_adjective(&self, previous: &str, next_lower: &str) -> bool {
        const ADJECTIVE_ENDINGS: [&str; 5] = ["e", "en", "em", "er", "es"];
        self.lexicon.language == Language::German
            && previous.chars().count() >= 5
            && previous.chars().all(char::is_lowercase)
            && ADJECTIVE_ENDINGS.iter().any(|e| previous.ends_with(e))
            && !next_lower.is_empty()
            && !self.lexicon.is_sentence_starter(next_lower)
    }

    /// "am 11. 4. 2002", "11. 4. 2002": the day and month of a date written with spaces.
    fn inside_numeric_date(&self, digits: &str, previous: &str, next: usize) -> bool {
        let is_day_or_month =
            |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if !is_day_or_month(digits) {
            return false;
        }
        let rest = &self.text[next..self.line_end];
        let next_token = rest.split(char::is_whitespace).next().unwrap_or_default();
        let is_year = |s: &str| {
            let s = s.trim_end_matches(['.', ',', ';', ':', ')']);
            (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let day_of = previous.is_empty() || is_day_or_month(previous);
        match next_token.strip_suffix('.') {
            // The day: the month follows as "4." and then the year.
            Some(month) if is_day_or_month(month) => rest[next_token.len()..]
                .split_whitespace()
                .next()
                .is_some_and(is_year),
            // The month: the day came before it and the year follows.
            _ => day_of && !previous.is_empty() && is_year(next_token),
        }
    }

    fn token_before(&self, segment_start: usize, end: usize) -> Span {
        let word = word_before(self.text, segment_start, end);
        let text = &self.text[word.start..word.end];
        let without_openers = text.trim_start_matches(is_opener);
        Span {
            start: word.end - without_openers.len(),
            end: word.end,
        }
    }

    /// `world.Today`: a period glued to the next sentence, as in text that lost its spaces.
    fn is_glued_sentence_end(&self, run_start: usize, run_end: usize) -> bool {
        let text = self.text;
        let before_ok =
            char_before(text, run_start).is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        let mut after = text[run_end..self.line_end].chars();
        let after_ok = after.next().is_some_and(char::is_uppercase)
            && after.next().is_some_and(char::is_lowercase);
        if !before_ok || !after_ok {
            return false;
        }
        let token_span = word_before(text, 0, run_start);
        let token = &text[token_span.start..token_span.end];
        let rest_of_token = text
            [run_end..text.floor_char_boundary((run_end + MAX_TOKEN_BYTES).min(self.line_end))]
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        if rest_of_token.contains('@') {
            return false;
        }
        let is_address = token.contains('@')
            || token.contains("://")
            || starts_with_www(token)
            || token.contains('.');
        !is_address && !self.lexicon.is_abbreviation(&normalize_abbreviation(token))
    }
}

/// `J.C`, `L.F`, `U.S.A`: single letters joined by periods, abbreviations that may end a sentence.
fn is_dotted_initials(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
}

/// `www.example.org`, `WWW.Example.org`: a web address without a scheme.
fn starts_with_www(token: &str) -> bool {
    token
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("www."))
}

/// Splits segments that are inline lists (`1. one 2. two`, `• a • b`) at each following list marker.
fn split_lists(text: &str, spans: &mut Vec<Span>, first: usize) {
    let mut index = first;
    while index < spans.len() {
        let span = spans[index];
        let Some(enumerator) =
            Enumerator::parse(text, span.start, span.end).or_else(|| bullet_only(text, span))
        else {
            index += 1;
            continue;
        };
        let body_start = enumerator.punctuation_start + enumerator.close.len();
        let marker = match enumerator.bullet {
            Some(bullet) => Some(bullet.to_string()),
            None => enumerator.next_marker(),
        };
        let split_at = marker.and_then(|marker| find_marker(text, body_start, span.end, &marker));
        if let Some(split_at) = split_at {
            let head = &text[span.start..split_at];
            let head_end = span.start + head.trim_end().len();
            spans[index] = Span {
                start: span.start,
                end: head_end,
            };
            spans.insert(
                index + 1,
                Span {
                    start: split_at,
                    end: span.end,
                },
            );
        }
        index += 1;
    }
}

/// A bullet with no number after it: `• item • item`.
fn bullet_only(text: &str, span: Span) -> Option<Enumerator> {
    let c = char_at(text, span.start).filter(|&c| matches!(c, '•' | '⁃' | '◦' | '▪' | '‣'))?;
    Some(Enumerator {
        bullet: Some(c),
        kind: EnumeratorKind::Number,
        value: 0,
        open_paren: false,
        close: "",
        punctuation_start: span.start + c.len_utf8(),
    })
}

/// The offset of `marker` after whitespace in `text[from..to]`, followed by whitespace (or a digit, for
/// bullets such as `⁃10.`).
fn find_marker(text: &str, from: usize, to: usize, marker: &str) -> Option<usize> {
    let haystack = &text[from..to];
    let mut search_from = 0;
    while let Some(found) = haystack[search_from..].find(marker) {
        let position = search_from + found;
        let preceded = char_before(haystack, position).is_some_and(char::is_whitespace);
        let after = haystack[position + marker.len()..].chars().next();
        let followed = after.is_some_and(|c| {
            c.is_whitespace() || (c.is_ascii_digit() && marker.chars().all(is_bullet))
        });
        if preceded && followed {
            return Some(from + position);
        }
        search_from = position + marker.len();
    }
    None
}

#[cfg(test)]
mod tests;
