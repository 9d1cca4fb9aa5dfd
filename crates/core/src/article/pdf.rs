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

/// At most this many pages are read: a longer PDF is a book or a data dump, not an article, and reading it
/// would take minutes.
pub const MAX_PAGES: usize = 2_000;

/// The hard limits of the PDF reader: it runs in a child process (`claimdesk read-pdf`) that is killed at
/// the deadline and cannot take more memory than this, as browsers isolate their PDF readers. A hostile PDF
/// (a page that is its own parent, a compressed stream that inflates to gigabytes, reference cycles,
/// thousands of pages) costs its own opening, never the window, the desk or the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderLimits {
    /// Wall-clock seconds before the reader is killed.
    pub seconds: u64,
    /// Address space the reader may map, in MiB.
    pub memory_mib: u64,
}

impl ReaderLimits {
    /// 20 s and 1 GiB, or what `CLAIMDESK_PDF_SECONDS` and `CLAIMDESK_PDF_MEMORY_MIB` say.
    #[must_use]
    pub fn from_env() -> Self {
        let read = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|value| value.parse::<u64>().ok())
                .filter(|&value| value > 0)
                .unwrap_or(default)
        };
        Self {
            seconds: read("CLAIMDESK_PDF_SECONDS", 20),
            memory_mib: read("CLAIMDESK_PDF_MEMORY_MIB", 1024),
        }
    }
}

/// Reads the text of a PDF, in a child process under [`ReaderLimits::from_env`] when the claimdesk program
/// is at hand (always, for the window and the command line), else in this process.
///
/// # Errors
/// What went wrong, in words for the user: a broken or encrypted PDF, one that took too long or needed too
/// much memory, too many pages.
pub fn extract(bytes: &[u8]) -> Result<PdfText, String> {
    let pages = match reader_program() {
        Some(program) => read_in_child(&program, bytes, ReaderLimits::from_env())?,
        None => read_pages(bytes)?,
    };
    let text = clean_pages(&pages);
    if text.trim().is_empty() {
        return Ok(PdfText::NoTextLayer { pages: pages.len() });
    }
    Ok(PdfText::Text(text))
}

/// The pages' raw text, read in this process: what the child reader runs.
///
/// # Errors
/// What the PDF reader said, or that the PDF has too many pages.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let document = lopdf::Document::load_mem(bytes).map_err(|error| error.to_string())?;
    let page_ids = document.get_pages();
    for &page in page_ids.values() {
        check_ancestry(&document, page)?;
    }
    let pages = page_ids.len();
    if pages == 0 {
        return Err(
            "it has no pages that can be read (its page tree is empty or broken)".to_owned(),
        );
    }
    if pages > MAX_PAGES {
        return Err(format!(
            "it has {pages} pages; claimdesk reads PDFs of up to {MAX_PAGES} pages (split it, or save the pages you need)"
        ));
    }
    drop(document);
    // The PDF reader panics on some malformed files; the panic costs this PDF only.
    std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| "the PDF is malformed and could not be read".to_owned())?
        .map_err(|error| error.to_string())
}

/// Deeper page trees than this are no real document's.
const MAX_TREE_DEPTH: usize = 64;

/// Follows a page's `/Parent` links to the root: a page that is its own ancestor would send the text
/// reader, which looks inherited resources up that chain, round for ever.
fn check_ancestry(document: &lopdf::Document, page: lopdf::ObjectId) -> Result<(), String> {
    let mut seen = vec![page];
    let mut current = page;
    while let Ok(parent) = document
        .get_dictionary(current)
        .and_then(|dictionary| dictionary.get(b"Parent"))
        .and_then(lopdf::Object::as_reference)
    {
        if seen.contains(&parent) || seen.len() > MAX_TREE_DEPTH {
            return Err(
                "its structure loops or is nested too deeply to read (a page that is its own parent)"
                    .to_owned(),
            );
        }
        seen.push(parent);
        current = parent;
    }
    Ok(())
}

/// The program that reads PDFs in a child process: `CLAIMDESK_PDF_READER`, else this program when it is
/// claimdesk, else a claimdesk beside it or one folder up (a test binary in `target/debug/deps`).
fn reader_program() -> Option<std::path::PathBuf> {
    if let Some(program) = std::env::var_os("CLAIMDESK_PDF_READER") {
        return Some(program.into());
    }
    let current = std::env::current_exe().ok()?;
    let name = format!("claimdesk{}", std::env::consts::EXE_SUFFIX);
    if current.file_name().is_some_and(|n| n == name.as_str()) {
        return Some(current);
    }
    let folder = current.parent()?;
    [folder.join(&name), folder.parent()?.join(&name)]
        .into_iter()
        .find(|candidate| candidate.is_file())
}

/// What the child reader writes to its standard output.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReaderAnswer {
    /// The pages' raw text.
    Pages(Vec<String>),
    /// Why the PDF could not be read.
    Error(String),
}

/// The most text a reader may hand back (a 32 MiB PDF holds far less).
const MAX_ANSWER_BYTES: u64 = 256 * 1024 * 1024;

fn read_in_child(
    program: &std::path::Path,
    bytes: &[u8],
    limits: ReaderLimits,
) -> Result<Vec<String>, String> {
    use std::io::{Read as _, Write as _};
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .arg("read-pdf")
        .arg("--memory-mib")
        .arg(limits.memory_mib.to_string())
        .arg("--seconds")
        .arg(limits.seconds.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            format!(
                "the PDF reader ({}) did not start: {error}",
                program.display()
            )
        })?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return Err("the PDF reader did not start".to_owned());
    };
    let input = bytes.to_vec();
    // Each pipe has its own thread: a reader that stops reading or floods its output never blocks us.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let answer = std::thread::spawn(move || {
        let mut answer = Vec::new();
        let _ = stdout.take(MAX_ANSWER_BYTES).read_to_end(&mut answer);
        answer
    });
    let complaint = std::thread::spawn(move || {
        let mut complaint = Vec::new();
        let _ = stderr.take(16 * 1024).read_to_end(&mut complaint);
        String::from_utf8_lossy(&complaint).into_owned()
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(limits.seconds);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if std::time::Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(error) => return Err(format!("the PDF reader was lost: {error}")),
        }
    };
    let _ = writer.join();
    let answer = answer.join().unwrap_or_default();
    let complaint = complaint.join().unwrap_or_default();
    let too_slow = || {
        format!(
            "reading it took longer than {} s (it is built to stall PDF readers, or far too large); claimdesk stopped reading it",
            limits.seconds
        )
    };
    let Some(status) = status else {
        return Err(too_slow());
    };
    if let Ok(answer) = serde_json::from_slice::<ReaderAnswer>(&answer) {
        return match answer {
            ReaderAnswer::Pages(pages) => Ok(pages),
            ReaderAnswer::Error(reason) => Err(reason),
        };
    }
    if exceeded_cpu(status) {
        return Err(too_slow());
    }
    if complaint.contains("memory allocation") {
        return Err(format!(
            "reading it needs more than {} MiB of memory (a compressed part inflates beyond any article); claimdesk stopped reading it",
            limits.memory_mib
        ));
    }
    if complaint.contains("overflowed its stack") || crashed_on_memory(status) {
        return Err(
            "its structure loops or is nested too deeply to read (a page that is its own parent, a reference cycle)"
                .to_owned(),
        );
    }
    Err(format!(
        "the PDF reader failed on it ({status}); the PDF is damaged or built to crash readers"
    ))
}

#[cfg(unix)]
fn exceeded_cpu(status: std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    // SIGXCPU at the soft limit, SIGKILL at the hard one.
    matches!(status.signal(), Some(24 | 9))
}

/// A stack overflow under the address-space limit ends in SIGSEGV rather than Rust's own message.
#[cfg(unix)]
fn crashed_on_memory(status: std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    matches!(status.signal(), Some(11))
}

#[cfg(not(unix))]
fn crashed_on_memory(_status: std::process::ExitStatus) -> bool {
    false
}

#[cfg(not(unix))]
fn exceeded_cpu(_status: std::process::ExitStatus) -> bool {
    false
}

/// Puts this process (the child reader) under `limits`: no more address space than allowed, and CPU time
/// a little past the parent's deadline, so a reader whose parent is gone still ends.
///
/// # Errors
/// When the operating system refuses the limits.
#[cfg(unix)]
pub fn limit_this_process(limits: ReaderLimits) -> std::io::Result<()> {
    let memory = limits.memory_mib.saturating_mul(1024 * 1024);
    rlimit::setrlimit(rlimit::Resource::AS, memory, memory)?;
    let seconds = limits.seconds.saturating_add(2);
    rlimit::setrlimit(rlimit::Resource::CPU, seconds, seconds.saturating_add(1))
}

/// Without rlimits the deadline alone bounds the reader.
///
/// # Errors
/// Never.
#[cfg(not(unix))]
pub fn limit_this_process(_limits: ReaderLimits) -> std::io::Result<()> {
    Ok(())
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
