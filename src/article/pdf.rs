//! PDFs → article text. The text layer is read page by page (pdf-extract); then what a printed page adds to
//! an article goes: running headers and footers repeated on the pages, page numbers, words hyphenated at
//! line ends, and line breaks inside paragraphs.

/// What came of reading a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfText {
    /// The article text, paragraphs separated by blank lines.
    Text(String),
    /// Pages but no text layer: a scan.
    NoTextLayer {
        /// How many pages it has.
        pages: usize,
    },
}

/// Reads the text of a PDF.
///
/// # Errors
/// What the PDF reader said, when the bytes are not a readable PDF (broken, encrypted with a password).
pub fn extract(bytes: &[u8]) -> Result<PdfText, String> {
    // The PDF reader panics on some malformed files; a hostile PDF costs its own opening, never the window.
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| "the PDF is malformed and could not be read".to_owned())?
        .map_err(|error| error.to_string())?;
    let text = clean_pages(&pages);
    if text.trim().is_empty() {
        return Ok(PdfText::NoTextLayer { pages: pages.len() });
    }
    Ok(PdfText::Text(text))
}

/// Turns the pages' raw text into article text.
#[must_use]
pub fn clean_pages(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|page| page.lines().map(str::trim).collect())
        .collect();
    let running = running_lines(&pages);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for page in &pages {
        let content = content_lines(page);
        // A gap closes the paragraph only when more text of the page follows it: the gap before a footer
        // or after a header says nothing about the paragraph running on to the next page.
        let mut gap = false;
        let mut kept_on_page = false;
        for (index, line) in page.iter().enumerate() {
            let edge = !content.contains(&index);
            if line.is_empty() {
                gap = kept_on_page;
                continue;
            }
            if is_page_number(line) || (edge && running.contains(&shape(line))) {
                continue;
            }
            if std::mem::take(&mut gap) {
                finish(&mut current, &mut paragraphs);
            }
            join_line(&mut current, line);
            kept_on_page = true;
        }
        // A paragraph may run on over the page break: only a sentence end closes it.
        if current.ends_with(['.', '!', '?', ':', '"', '“', '”', '»', '«']) {
            finish(&mut current, &mut paragraphs);
        }
    }
    finish(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

fn finish(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = current.trim();
    if !paragraph.is_empty() {
        paragraphs.push(paragraph.to_owned());
    }
    current.clear();
}

/// Appends a line to the paragraph, mending a word hyphenated across the line end.
fn join_line(current: &mut String, line: &str) {
    if current.is_empty() {
        current.push_str(line);
        return;
    }
    let hyphenated = current.ends_with('-')
        && current[..current.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    if hyphenated {
        let next_word = line.split_whitespace().next().unwrap_or_default();
        let first = next_word.chars().next();
        if matches!(
            next_word,
            "und" | "oder" | "bzw." | "sowie" | "and" | "or" | "to"
        ) {
            // "Ein- und Ausfuhr", "pre- and post-war": the hyphen stands for a shared word part.
            current.push(' ');
        } else if first.is_some_and(char::is_lowercase) {
            // "Bundes-\nregierung": a break inside the word.
            current.pop();
        }
        // Otherwise ("CDU-\nPolitiker") the hyphen belongs to the word: joined, kept.
    } else {
        current.push(' ');
    }
    current.push_str(line);
}

/// Page numbers on their own line: "3", "- 3 -", "Seite 3", "Seite 3 von 9", "Page 3 of 9", "3/9".
fn is_page_number(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | '|'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has_number = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    has_number
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(w.as_str(), "seite" | "s." | "page" | "p." | "von" | "of")
        })
}

/// A line with its digits blurred, so "Bericht 2024 – Seite 3" and "… Seite 4" count as one running line.
fn shape(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// How many lines at the top and bottom of a page may be running headers or footers.
const EDGE_LINES: usize = 3;

/// Indices of the lines that are not at a page's top or bottom edge.
fn content_lines(page: &[&str]) -> std::ops::Range<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
    let start = filled.get(EDGE_LINES).copied().unwrap_or(page.len());
    let end = filled
        .len()
        .checked_sub(EDGE_LINES)
        .and_then(|i| filled.get(i))
        .copied()
        .unwrap_or(0);
    start..end.max(start)
}

/// Lines found at the top or bottom of most pages (two at least): the running headers and footers.
fn running_lines(pages: &[Vec<&str>]) -> std::collections::HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in pages {
        let filled: Vec<&str> = page.iter().copied().filter(|l| !l.is_empty()).collect();
        let top = filled.iter().take(EDGE_LINES);
        let bottom = filled.iter().rev().take(EDGE_LINES);
        let mut seen = std::collections::HashSet::new();
        for line in top.chain(bottom) {
            let shaped = shape(line);
            if seen.insert(shaped.clone()) {
                *counts.entry(shaped).or_default() += 1;
            }
        }
    }
    let needed = (pages.len() * 3).div_ceil(5).max(2);
    counts
        .into_iter()
        .filter(|(_, count)| *count >= needed)
        .map(|(line, _)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_headers_footers_and_page_numbers_go() {
        let page = |n: usize, body: &str| {
            format!(
                "Stadtwerke Nordhafen – Pressemitteilung\n\n{body}\n\nSeite {n} von 3\n\nstadtwerke-nordhafen.example\n"
            )
        };
        let pages = vec![
            page(1, "Die Stadtwerke erhöhen den Strompreis um 18 Prozent."),
            page(2, "Der Grundpreis steigt auf 14 Euro im Monat."),
            page(3, "Das sagte Geschäftsführerin Eva Kröger am Montag."),
        ];
        assert_eq!(
            clean_pages(&pages),
            "Die Stadtwerke erhöhen den Strompreis um 18 Prozent.\n\nDer Grundpreis steigt auf 14 Euro im Monat.\n\nDas sagte Geschäftsführerin Eva Kröger am Montag."
        );
    }

    #[test]
    fn a_single_page_keeps_its_first_line() {
        let pages = vec!["Strompreis steigt\n\nDie Stadtwerke erhöhen den Preis.\n".to_owned()];
        assert_eq!(
            clean_pages(&pages),
            "Strompreis steigt\n\nDie Stadtwerke erhöhen den Preis."
        );
    }

    #[test]
    fn hyphenation_at_line_ends_is_mended_and_real_hyphens_stay() {
        let pages = vec![
            "Die Bundes-\nregierung plant Ein-\nund Ausfuhrkontrollen für CDU-\nPolitiker und 2024-\n2025.\n"
                .to_owned(),
        ];
        assert_eq!(
            clean_pages(&pages),
            "Die Bundesregierung plant Ein- und Ausfuhrkontrollen für CDU-Politiker und 2024- 2025."
        );
    }

    #[test]
    fn paragraphs_run_on_over_a_page_break_until_a_sentence_ends() {
        let pages = vec![
            "Der Rat beschloss am Montag den\n".to_owned(),
            "Ausbau der Radwege.\n\nEin zweiter Absatz.\n".to_owned(),
        ];
        assert_eq!(
            clean_pages(&pages),
            "Der Rat beschloss am Montag den Ausbau der Radwege.\n\nEin zweiter Absatz."
        );
    }

    #[test]
    fn page_numbers_are_told_from_numbers_in_text() {
        for number in [
            "3",
            "- 3 -",
            "Seite 3",
            "Seite 3 von 9",
            "Page 3 of 9",
            "3/9",
            "S. 4",
        ] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["18 Prozent", "Am 3. März", "Seite", "Stand: 3. März"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
