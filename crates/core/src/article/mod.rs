//! Loading an article: bytes → decoded, normalized text with title and language.
//!
//! The text produced here is what the app shows, the review stores and every claim span indexes; nothing
//! after this module changes it.

mod span;
pub use span::Span;
mod decode;
pub mod fetch;
mod html;
mod language;
mod markdown;
pub mod pdf;

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{InWords, Messages, value};
pub use decode::{DecodeError, decode};
pub use language::detect_language;

/// Articles larger than this are refused: the app keeps the whole text in memory and on screen.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// The language of an article, as far as claimdesk distinguishes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub enum Language {
    /// German.
    #[serde(rename = "de")]
    German,
    /// English.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Anything else: segmented with generic rules, no language lexicon.
    #[serde(rename = "other")]
    Other,
}

impl Language {
    /// The ISO 639-1 code, or `other`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::German => "de",
            Self::English => "en",
            Self::Other => "other",
        }
    }

    /// The language's name in English.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::German => "German",
            Self::English => "English",
            Self::Other => "other language",
        }
    }

    /// The language reports about an article in this language are written in: its own, English for any
    /// other.
    #[must_use]
    pub fn report_locale(self) -> crate::i18n::Locale {
        match self {
            Self::German => crate::i18n::Locale::German,
            Self::English | Self::Other => crate::i18n::Locale::English,
        }
    }
}

impl InWords for Language {
    /// The language's name in `m`'s language.
    fn in_words(&self, m: &Messages) -> String {
        m.text(match self {
            Self::German => "language-de",
            Self::English => "language-en",
            Self::Other => "language-other",
        })
    }
}

/// The markup an article came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// A saved HTML page.
    Html,
    /// The text layer of a PDF.
    Pdf,
}

/// An article ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// Where it came from: the path as given, or `-` for standard input.
    pub source: String,
    /// The headline, when one was found.
    pub title: Option<String>,
    /// The language used for segmentation and extraction.
    pub language: Language,
    /// The decoded, normalized article text (LF line endings). Claim spans are byte offsets into it.
    pub text: String,
    /// SHA-256 of `text` as UTF-8, lower-case hex.
    pub sha256: String,
    /// The markup the text was extracted from.
    #[serde(default)]
    pub format: SourceFormat,
    /// When the article was published (`YYYY-MM-DD`), if its page said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The web address it was fetched from, after redirects (articles opened from the web only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was fetched (RFC 3339, UTC). A review keeps the text: nothing is fetched again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// The page's own address for itself (canonical link, `og:url`), made absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The author(s) named in the page's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl Article {}

/// How to load an article.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Use this language instead of detecting one.
    pub language: Option<Language>,
}

/// An article and what the user should know about how it was read.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The article.
    pub article: Article,
    /// Things worth telling the user ("language not recognised", "decoded as Windows-1252").
    pub warnings: Vec<LoadWarning>,
}

/// Something about how an article was read that the user should know; it was read all the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadWarning {
    /// The bytes were not UTF-8 and were decoded from a legacy encoding.
    #[error("{path}: not UTF-8; read as {encoding}.")]
    LegacyEncoding {
        /// The file or address.
        path: String,
        /// The encoding used (`windows-1252`).
        encoding: &'static str,
    },
    /// Neither German nor English: generic rules find the claims.
    #[error(
        "{path}: the language is neither German nor English; claims are found with generic rules. Use --lang de or --lang en if that is wrong."
    )]
    UnknownLanguage {
        /// The file or address.
        path: String,
    },
}

fn decode_in_words(path: &str, error: &DecodeError, m: &Messages) -> String {
    match error {
        DecodeError::KnownBinary { kind } => m.format(
            "error-load-binary-kind",
            &[("path", value::text(path)), ("kind", value::text(kind))],
        ),
        DecodeError::Binary { offset } => m.format(
            "error-load-binary",
            &[("path", value::text(path)), ("offset", (*offset).into())],
        ),
        DecodeError::BrokenUtf8 { offset } => m.format(
            "error-load-broken-utf8",
            &[("path", value::text(path)), ("offset", (*offset).into())],
        ),
    }
}

impl InWords for LoadWarning {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::LegacyEncoding { path, encoding } => m.format(
                "warning-legacy-encoding",
                &[
                    ("path", value::text(path)),
                    ("encoding", value::text(encoding)),
                ],
            ),
            Self::UnknownLanguage { path } => {
                m.format("warning-unknown-language", &[("path", value::text(path))])
            }
        }
    }
}

/// Why an article could not be loaded. Every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{path}: no such file. Check the path and try again.")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    #[error(
        "{path}: is a directory, not an article file. Choose a .txt, .md or .html file inside it."
    )]
    IsDirectory {
        /// The path as given.
        path: String,
    },
    /// Reading failed.
    #[error(
        "{path}: cannot be read ({source}). Check that the file exists and that you may read it."
    )]
    Unreadable {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is over [`MAX_ARTICLE_BYTES`].
    #[error(
        "{path}: is {size} bytes, more than the {limit} byte limit for one article. Split it into smaller files."
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Nothing but whitespace.
    #[error(
        "{path}: is empty (no text after removing markup and whitespace). Open a file with article text."
    )]
    Empty {
        /// The path as given.
        path: String,
    },
    /// HTML nested so deeply that no real article looks like it.
    #[error(
        "{path}: the HTML nests about {depth} elements deep (the limit is {limit}); this is not a normal web page. Save the article again from the browser, or copy its text into a .txt file."
    )]
    TooDeeplyNested {
        /// The path as given.
        path: String,
        /// The estimated depth.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// HTML whose parse took longer than any real page's.
    #[error(
        "{path}: reading this HTML took longer than {seconds} s; it is built to make HTML parsers work without end, not a normal web page. Save the article again from the browser, or copy its text into a .txt file."
    )]
    TooComplex {
        /// The path as given.
        path: String,
        /// The budget.
        seconds: u64,
    },
    /// The bytes could not be decoded as text.
    #[error("{path}: {reason}")]
    Undecodable {
        /// The path as given.
        path: String,
        /// What is wrong with the bytes.
        reason: DecodeError,
    },
    /// The PDF could not be read.
    #[error(
        "{path}: cannot be read as a PDF ({reason}). Open it in a PDF viewer, copy the text into a .txt file and open that."
    )]
    Pdf {
        /// The path as given.
        path: String,
        /// What the PDF reader said.
        reason: String,
    },
    /// A PDF of images only.
    #[error(
        "{path}: the PDF has {pages} page(s) but no text layer (a scan?). Run it through OCR (e.g. `ocrmypdf`) and open the result."
    )]
    ScannedPdf {
        /// The path as given.
        path: String,
        /// Its page count.
        pages: usize,
    },
    /// The web page could not be fetched.
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
}

impl InWords for LoadError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::NotFound { path } => {
                m.format("error-load-not-found", &[("path", value::text(path))])
            }
            Self::IsDirectory { path } => {
                m.format("error-load-directory", &[("path", value::text(path))])
            }
            Self::Unreadable { path, source } => m.format(
                "error-load-unreadable",
                &[
                    ("path", value::text(path)),
                    ("reason", value::io_reason(source, m)),
                ],
            ),
            Self::TooLarge { path, size, limit } => m.format(
                "error-load-too-large",
                &[
                    ("path", value::text(path)),
                    ("size", (*size).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Self::Empty { path } => m.format("error-load-empty", &[("path", value::text(path))]),
            Self::TooDeeplyNested { path, depth, limit } => m.format(
                "error-load-nested",
                &[
                    ("path", value::text(path)),
                    ("depth", (*depth).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Self::TooComplex { path, seconds } => m.format(
                "error-load-too-complex",
                &[("path", value::text(path)), ("seconds", (*seconds).into())],
            ),
            Self::Undecodable { path, reason } => decode_in_words(path, reason, m),
            Self::Pdf { path, reason } => m.format(
                "error-load-pdf",
                &[("path", value::text(path)), ("reason", value::text(reason))],
            ),
            Self::ScannedPdf { path, pages } => m.format(
                "error-load-scanned-pdf",
                &[("path", value::text(path)), ("pages", (*pages).into())],
            ),
            Self::Fetch(error) => error.in_words(m),
        }
    }
}

/// Reads and loads an article file.
///
/// # Errors
/// A [`LoadError`] naming the file when it is missing, a directory, unreadable, too large, empty or not text.
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: shown.clone(),
        },
        _ => LoadError::Unreadable {
            path: shown.clone(),
            source,
        },
    })?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory { path: shown });
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown,
            size: metadata.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    // Read at most one byte past the limit: a pipe or device has no length to check beforehand.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            use std::io::Read as _;
            file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|source| LoadError::Unreadable {
            path: shown.clone(),
            source,
        })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    load_cow(
        std::borrow::Cow::Owned(bytes),
        &shown,
        extension.as_deref(),
        options,
    )
}

/// Loads an article from bytes already in memory (standard input, tests, drag-and-drop).
///
/// `source` names the article in messages and in the review; `extension` is a hint that the content may
/// overrule (`.txt` files that hold HTML are read as HTML).
///
/// # Errors
/// [`LoadError::TooLarge`], [`LoadError::Empty`] or [`LoadError::Undecodable`].
pub fn load_bytes(
    bytes: &[u8],
    source: &str,
    extension: Option<&str>,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    load_cow(
        std::borrow::Cow::Borrowed(bytes),
        source,
        extension,
        options,
    )
}

/// [`load_bytes`] for owned or borrowed bytes: owned UTF-8 becomes the article text without a copy.
fn load_cow(
    bytes: std::borrow::Cow<'_, [u8]>,
    source: &str,
    extension: Option<&str>,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: source.to_owned(),
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if is_pdf(&bytes, extension) {
        return load_pdf(&bytes, source, options);
    }
    let decoded = decode::decode_cow(bytes).map_err(|reason| LoadError::Undecodable {
        path: source.to_owned(),
        reason,
    })?;
    let mut warnings = Vec::new();
    if let Some(encoding) = decoded.legacy_encoding {
        warnings.push(LoadWarning::LegacyEncoding {
            path: source.to_owned(),
            encoding,
        });
    }
    let format = sniff_format(&decoded.text, extension);
    let mut page_metadata = None;
    let (text, markup_title) = match format {
        SourceFormat::Html => {
            let page = html::extract(&decoded.text).map_err(|refused| match refused {
                html::Refused::TooDeep(depth) => LoadError::TooDeeplyNested {
                    path: source.to_owned(),
                    depth,
                    limit: html::MAX_NESTING_DEPTH,
                },
                html::Refused::TooSlow(seconds) => LoadError::TooComplex {
                    path: source.to_owned(),
                    seconds,
                },
            })?;
            let text = page.text;
            let title = page.title;
            page_metadata = Some((page.published, page.author, page.canonical_url));
            (text, title)
        }
        SourceFormat::Markdown => {
            let document = markdown::extract(&decoded.text);
            (document.text, document.title)
        }
        SourceFormat::Text | SourceFormat::Pdf => (decoded.text, None),
    };
    let (published, author, canonical_url) = page_metadata.unwrap_or_default();
    finish_article(
        text,
        markup_title,
        source,
        format,
        options,
        warnings,
        ArticleMetadata {
            published,
            author,
            canonical_url,
        },
    )
}

/// What a page says about itself, beside its text.
#[derive(Default)]
struct ArticleMetadata {
    published: Option<String>,
    author: Option<String>,
    canonical_url: Option<String>,
}

fn finish_article(
    text: String,
    markup_title: Option<String>,
    source: &str,
    format: SourceFormat,
    options: LoadOptions,
    mut warnings: Vec<LoadWarning>,
    metadata: ArticleMetadata,
) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: source.to_owned(),
        });
    }
    let title = markup_title.or_else(|| headline_of_plain_text(&text));
    let language = if let Some(language) = options.language {
        language
    } else {
        let detected = detect_language(&text);
        if detected == Language::Other {
            warnings.push(LoadWarning::UnknownLanguage {
                path: source.to_owned(),
            });
        }
        detected
    };
    let sha256 = sha256_hex(&text);
    Ok(Loaded {
        article: Article {
            source: source.to_owned(),
            title,
            language,
            text,
            sha256,
            format,
            published: metadata.published,
            url: None,
            fetched: None,
            canonical_url: metadata.canonical_url,
            author: metadata.author,
        },
        warnings,
    })
}

fn is_pdf(bytes: &[u8], extension: Option<&str>) -> bool {
    // The header may follow a little junk (the PDF standard allows it within the first KiB).
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
        && (extension == Some("pdf") || head.starts_with(b"%PDF-"))
}

fn load_pdf(bytes: &[u8], source: &str, options: LoadOptions) -> Result<Loaded, LoadError> {
    match pdf::extract(bytes).map_err(|reason| LoadError::Pdf {
        path: source.to_owned(),
        reason,
    })? {
        pdf::PdfText::NoTextLayer { pages } => Err(LoadError::ScannedPdf {
            path: source.to_owned(),
            pages,
        }),
        pdf::PdfText::Text(text) => finish_article(
            text,
            None,
            source,
            SourceFormat::Pdf,
            options,
            Vec::new(),
            ArticleMetadata::default(),
        ),
    }
}

/// Fetches a web page (or a PDF on the web) and loads it as an article. The article records the address
/// it came from after redirects, the fetch time, and the page's canonical address made absolute.
///
/// # Errors
/// [`LoadError::Fetch`] naming the address, or the errors of [`load_bytes`] with the address as source.
pub fn load_url(
    address: &str,
    options: LoadOptions,
    fetch_options: &fetch::FetchOptions,
    cancel: Option<&std::sync::atomic::AtomicBool>,
) -> Result<Loaded, LoadError> {
    let fetched = fetch::fetch(address, fetch_options, cancel)?;
    let extension = match fetched.mime_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some("html"),
        Some("text/markdown" | "text/x-markdown") => Some("md"),
        Some("application/pdf" | "application/x-pdf") => Some("pdf"),
        Some(_) => Some("txt"),
        None => None,
    };
    let bytes = match fetched
        .charset
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
    {
        // The server named the encoding: it is decoded here, so the guessing in `decode` never overrules it.
        Some(encoding) if extension != Some("pdf") && encoding != encoding_rs::UTF_8 => {
            encoding.decode(&fetched.bytes).0.into_owned().into_bytes()
        }
        _ => fetched.bytes,
    };
    if extension != Some("pdf") && !is_pdf(&bytes, extension) && looks_binary(&bytes) {
        return Err(fetch::FetchError::NotText {
            url: fetched.url,
            mime_type: fetched
                .mime_type
                .unwrap_or_else(|| "binary data".to_owned()),
        }
        .into());
    }
    // A password in the address (given, or put there by a redirect) never reaches the review, its reports
    // or a published ClaimReview.
    let public_url = crate::web_url::without_credentials(&fetched.url);
    let mut loaded = load_cow(
        std::borrow::Cow::Owned(bytes),
        &public_url,
        extension,
        options,
    )?;
    let article = &mut loaded.article;
    article.canonical_url = article
        .canonical_url
        .take()
        .and_then(|c| absolute_web_address(&public_url, &c))
        .map(|c| crate::web_url::without_credentials(&c));
    article.url = Some(public_url);
    article.fetched = Some(fetched.fetched_at);
    Ok(loaded)
}

/// `href` resolved against the page's address, when it is an http(s) address.
fn absolute_web_address(base: &str, href: &str) -> Option<String> {
    let joined = url::Url::parse(base).ok()?.join(href).ok()?;
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// Bytes that no text file holds (NULs, many control characters): an image or archive served as text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b)
        .count();
    head.contains(&0) && !head.starts_with(&[0xff, 0xfe]) && !head.starts_with(&[0xfe, 0xff])
        || controls * 10 > head.len()
}

/// SHA-256 of a text as lower-case hex.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    crate::hashing::sha256_hex(text.as_bytes())
}

/// Decides the markup from the extension, unless the content clearly says otherwise.
fn sniff_format(text: &str, extension: Option<&str>) -> SourceFormat {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .flat_map(char::to_lowercase)
        .collect();
    let looks_html = head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && (head.contains("<body") || head.contains("<head") || head.contains("<p>")));
    if looks_html {
        return SourceFormat::Html;
    }
    match extension {
        Some("html" | "htm" | "xhtml" | "shtml") => SourceFormat::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => SourceFormat::Markdown,
        _ => SourceFormat::Text,
    }
}

/// The first line of a plain-text article is its headline when it reads like one: short, no sentence
/// punctuation at its end, and followed by more text.
fn headline_of_plain_text(text: &str) -> Option<String> {
    let trimmed = text.trim_start();
    let (first, rest) = trimmed.split_once('\n')?;
    let first = first.trim();
    let is_headline = !first.is_empty()
        && first.chars().count() <= 200
        && !first.ends_with(['.', ',', ';'])
        && !rest.trim().is_empty();
    is_headline.then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8], extension: Option<&str>) -> Result<Loaded, LoadError> {
        load_bytes(bytes, "test", extension, LoadOptions::default())
    }

    #[test]
    fn plain_text_keeps_its_text_and_finds_headline_and_language() {
        let loaded = load("Regierung senkt Steuern\r\nDie Regierung hat am Montag beschlossen, die Steuern zu senken. Das sagte der Minister.\r\n".as_bytes(), Some("txt")).unwrap();
        let article = loaded.article;
        assert_eq!(article.title.as_deref(), Some("Regierung senkt Steuern"));
        assert_eq!(article.language, Language::German);
        assert!(!article.text.contains('\r'));
        assert!(
            article
                .text
                .starts_with("Regierung senkt Steuern\nDie Regierung")
        );
        assert_eq!(article.sha256, sha256_hex(&article.text));
        assert_eq!(article.format, SourceFormat::Text);
    }

    #[test]
    fn html_in_a_txt_file_is_read_as_html() {
        let page = b"<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head><body><nav>Menu</nav><h1>Rates rise</h1><p>The bank raised rates to 4.5 percent on Tuesday, officials said.</p><footer>Imprint</footer></body></html>";
        let article = load(page, Some("txt")).unwrap().article;
        assert_eq!(article.format, SourceFormat::Html);
        assert_eq!(article.title.as_deref(), Some("Rates rise"));
        assert!(article.text.contains("The bank raised rates"));
        assert!(!article.text.contains("var x"));
        assert!(!article.text.contains("Menu"));
        assert!(!article.text.contains("Imprint"));
    }

    #[test]
    fn empty_and_whitespace_files_are_refused() {
        assert!(matches!(load(b"", None), Err(LoadError::Empty { .. })));
        assert!(matches!(
            load(b" \n\t\r\n ", None),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            load(
                b"<html><body><script>x</script></body></html>",
                Some("html")
            ),
            Err(LoadError::Empty { .. })
        ));
    }

    #[test]
    fn language_override_wins() {
        let text = "The government said on Monday that taxes would fall by 3 percent next year.";
        let loaded = load_bytes(
            text.as_bytes(),
            "t",
            None,
            LoadOptions {
                language: Some(Language::German),
            },
        )
        .unwrap();
        assert_eq!(loaded.article.language, Language::German);
    }

    #[test]
    fn missing_file_and_directory_have_clear_errors() {
        let missing = load_path(
            Path::new("/definitely/not/here.txt"),
            LoadOptions::default(),
        )
        .unwrap_err();
        assert!(missing.to_string().contains("/definitely/not/here.txt"));
        assert!(matches!(missing, LoadError::NotFound { .. }));
        let directory = load_path(Path::new("."), LoadOptions::default()).unwrap_err();
        assert!(matches!(directory, LoadError::IsDirectory { .. }));
    }
}
