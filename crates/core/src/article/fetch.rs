//! Articles from the web: one GET with firm limits (scheme, time, size, redirects), and an answer that is
//! either the page's bytes with its final address or a message naming the address and what went wrong.
//! Nothing is fetched again later: a review keeps the text it was made from.

use std::io::Read as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::i18n::{InWords, Messages, value};
use ureq::ResponseExt as _;

/// How long one fetch may take in all: connecting, redirects and the body.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The largest body read; a longer (or endless) one is refused.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Redirects followed before giving up (loops end here too).
pub const DEFAULT_MAX_REDIRECTS: u32 = 5;

/// The limits of one fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// Overall time limit.
    pub timeout: Duration,
    /// Body size limit in bytes.
    pub max_bytes: u64,
    /// Redirects followed at most.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: DEFAULT_MAX_REDIRECTS,
        }
    }
}

/// A page as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address that answered, after redirects.
    pub url: String,
    /// The media type without parameters, lower case (`text/html`), when the server sent one.
    pub mime_type: Option<String>,
    /// The `charset` parameter of the content type, when there was one.
    pub charset: Option<String>,
    /// The body (decompressed).
    pub bytes: Vec<u8>,
    /// When it was fetched (RFC 3339, UTC, seconds).
    pub fetched_at: String,
}

/// Why a page could not be fetched. Every message names the address and says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    /// Not an address at all.
    #[error(
        "{url}: not a web address ({reason}). Give a full address such as https://example.org/article."
    )]
    BadAddress {
        /// The address as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `file:`, `ftp:`, `javascript:` and the like.
    #[error(
        "{url}: claimdesk opens only http and https addresses, not `{scheme}:`. Save the page and open the file instead."
    )]
    Scheme {
        /// The address as given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// The host name does not resolve.
    #[error(
        "{url}: the host `{host}` was not found. Check the address and your network connection."
    )]
    HostNotFound {
        /// The address.
        url: String,
        /// Its host.
        host: String,
    },
    /// Nobody answered on the port.
    #[error(
        "{url}: the server refused the connection or could not be reached. Check the address, or try again later."
    )]
    Unreachable {
        /// The address.
        url: String,
    },
    /// The overall time limit passed.
    #[error(
        "{url}: no complete answer within {seconds} seconds. The server is too slow or not answering; try again later."
    )]
    Timeout {
        /// The address.
        url: String,
        /// The limit in seconds.
        seconds: u64,
    },
    /// The secure connection failed (certificate, protocol).
    #[error(
        "{url}: the secure connection failed ({detail}). The site's certificate may be invalid; nothing was loaded."
    )]
    Tls {
        /// The address.
        url: String,
        /// What the TLS layer said.
        detail: String,
    },
    /// An HTTP status other than 2xx.
    #[error("{url}: the server answered {status}{reason}. Check the address; nothing was loaded.")]
    Status {
        /// The address that answered.
        url: String,
        /// The status code.
        status: u16,
        /// " (Not Found)" and the like, or empty.
        reason: String,
    },
    /// Redirect loops and long chains.
    #[error(
        "{url}: more than {max} redirects (a redirect loop?). Open the page in a browser and copy its final address."
    )]
    TooManyRedirects {
        /// The address as given.
        url: String,
        /// The limit.
        max: u32,
    },
    /// A redirect to a place claimdesk does not go (another scheme, a broken location).
    #[error("{url}: the server redirected to an address claimdesk cannot open ({detail}).")]
    BadRedirect {
        /// The address as given.
        url: String,
        /// What was wrong.
        detail: String,
    },
    /// The body is over the size limit.
    #[error(
        "{url}: the page is larger than {limit} bytes, more than one article; nothing was loaded. Save the article's text and open that."
    )]
    TooLarge {
        /// The address.
        url: String,
        /// The limit.
        limit: u64,
    },
    /// Images, videos, archives.
    #[error(
        "{url}: is {mime_type}, not an article (claimdesk reads HTML, text, Markdown and PDF)."
    )]
    NotText {
        /// The address.
        url: String,
        /// The media type the server named.
        mime_type: String,
    },
    /// The analyst cancelled.
    #[error("{url}: download cancelled.")]
    Cancelled {
        /// The address.
        url: String,
    },
    /// Anything else the connection did.
    #[error(
        "{url}: the download failed ({detail}). Try again, or save the page and open the file."
    )]
    Failed {
        /// The address.
        url: String,
        /// What failed.
        detail: String,
    },
}

impl InWords for FetchError {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::BadAddress { url, reason } => m.format(
                "error-fetch-bad-address",
                &[("url", value::text(url)), ("reason", value::text(reason))],
            ),
            Self::Scheme { url, scheme } => m.format(
                "error-fetch-scheme",
                &[("url", value::text(url)), ("scheme", value::text(scheme))],
            ),
            Self::HostNotFound { url, host } => m.format(
                "error-fetch-host",
                &[("url", value::text(url)), ("host", value::text(host))],
            ),
            Self::Unreachable { url } => {
                m.format("error-fetch-unreachable", &[("url", value::text(url))])
            }
            Self::Timeout { url, seconds } => m.format(
                "error-fetch-timeout",
                &[("url", value::text(url)), ("seconds", (*seconds).into())],
            ),
            Self::Tls { url, detail } => m.format(
                "error-fetch-tls",
                &[("url", value::text(url)), ("detail", value::text(detail))],
            ),
            Self::Status {
                url,
                status,
                reason,
            } => m.format(
                "error-fetch-status",
                &[
                    ("url", value::text(url)),
                    // A status code, not an amount: no digit grouping.
                    ("status", status.to_string().into()),
                    ("reason", value::text(reason)),
                ],
            ),
            Self::TooManyRedirects { url, max } => m.format(
                "error-fetch-redirects",
                &[("url", value::text(url)), ("max", (*max).into())],
            ),
            Self::BadRedirect { url, detail } => m.format(
                "error-fetch-bad-redirect",
                &[("url", value::text(url)), ("detail", value::text(detail))],
            ),
            Self::TooLarge { url, limit } => m.format(
                "error-fetch-too-large",
                &[("url", value::text(url)), ("limit", (*limit).into())],
            ),
            Self::NotText { url, mime_type } => m.format(
                "error-fetch-not-text",
                &[
                    ("url", value::text(url)),
                    ("mime_type", value::text(mime_type)),
                ],
            ),
            Self::Cancelled { url } => {
                m.format("error-fetch-cancelled", &[("url", value::text(url))])
            }
            Self::Failed { url, detail } => m.format(
                "error-fetch-failed",
                &[("url", value::text(url)), ("detail", value::text(detail))],
            ),
        }
    }
}

/// Whether `text` is meant as a web address rather than a file path (`http://`, `https://`, `www.`).
#[must_use]
pub fn looks_like_address(text: &str) -> bool {
    let text = text.trim();
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// Whether `text` names a URL scheme claimdesk must refuse (`file:`, `ftp:`…): a path never starts with
/// `scheme://`, so such text is an address, just not one claimdesk opens.
#[must_use]
pub fn foreign_scheme(text: &str) -> Option<String> {
    let (scheme, rest) = text.trim().split_once(':')?;
    let valid = scheme.len() > 1
        && scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let lower = scheme.to_ascii_lowercase();
    (valid && rest.starts_with("//") && lower != "http" && lower != "https").then_some(lower)
}

/// The address in a path argument that is a web address (or another scheme's, which loading refuses with
/// a message) rather than a file path.
#[must_use]
pub fn address_in_path(path: &std::path::Path) -> Option<&str> {
    let text = path.to_str()?;
    (looks_like_address(text) || foreign_scheme(text).is_some()).then_some(text)
}

/// Parses and checks an address: http or https with a host. `www.example.org/x` gets `https://`.
///
/// # Errors
/// [`FetchError::BadAddress`] or [`FetchError::Scheme`].
pub fn parse_address(text: &str) -> Result<url::Url, FetchError> {
    let trimmed = text.trim();
    let with_scheme = if trimmed.to_ascii_lowercase().starts_with("www.") {
        format!("https://{trimmed}")
    } else {
        trimmed.to_owned()
    };
    let url = url::Url::parse(&with_scheme).map_err(|error| FetchError::BadAddress {
        url: trimmed.to_owned(),
        reason: error.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme {
            url: trimmed.to_owned(),
            scheme: url.scheme().to_owned(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::BadAddress {
            url: trimmed.to_owned(),
            reason: "it has no host".to_owned(),
        });
    }
    Ok(url)
}

/// Fetches one page. `cancel` is checked while the body arrives; a cancelled fetch returns
/// [`FetchError::Cancelled`] and keeps nothing.
///
/// # Errors
/// A [`FetchError`] naming the address.
pub fn fetch(
    address: &str,
    options: &FetchOptions,
    cancel: Option<&AtomicBool>,
) -> Result<Fetched, FetchError> {
    let url = parse_address(address)?;
    let shown = url.to_string();
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(user_agent());
    if loopback {
        // A proxy cannot reach this machine's own loopback; the address is meant directly.
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();
    let accept = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/pdf;q=0.8,*/*;q=0.1";
    let mut response = agent
        .get(url.as_str())
        .header("Accept", accept)
        .call()
        .map_err(|error| map_error(error, &shown, &url, options))?;
    let final_url = response.get_uri().to_string();
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: final_url,
            status: status.as_u16(),
            reason: status
                .canonical_reason()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default(),
        });
    }
    let mime_type = response
        .body()
        .mime_type()
        .map(|m| m.trim().to_ascii_lowercase());
    let charset = response.body().charset().map(str::to_owned);
    if let Some(mime) = &mime_type
        && !is_readable_type(mime)
    {
        return Err(FetchError::NotText {
            url: final_url,
            mime_type: mime.clone(),
        });
    }
    if response
        .body()
        .content_length()
        .is_some_and(|length| length > options.max_bytes)
    {
        return Err(FetchError::TooLarge {
            url: final_url,
            limit: options.max_bytes,
        });
    }
    let mut reader = response.body_mut().as_reader().take(options.max_bytes + 1);
    let mut bytes = Vec::new();
    let mut chunk = vec![0_u8; 64 * 1024];
    loop {
        if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(FetchError::Cancelled { url: final_url });
        }
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => bytes.extend_from_slice(&chunk[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(map_io_error(&error, &final_url, options)),
        }
        if bytes.len() as u64 > options.max_bytes {
            return Err(FetchError::TooLarge {
                url: final_url,
                limit: options.max_bytes,
            });
        }
    }
    Ok(Fetched {
        url: final_url,
        mime_type,
        charset,
        bytes,
        fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

fn user_agent() -> String {
    format!(
        "claimdesk/{} (fact-check workbench; one request per article opened)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Text, HTML, Markdown, XML-wrapped HTML and PDF are read; everything else is not an article.
fn is_readable_type(mime: &str) -> bool {
    mime.starts_with("text/")
        || matches!(
            mime,
            "application/xhtml+xml" | "application/pdf" | "application/x-pdf"
        )
        // Servers label unknown files this way; the bytes decide (PDF magic or text).
        || mime == "application/octet-stream"
}

fn map_error(
    error: ureq::Error,
    shown: &str,
    url: &url::Url,
    options: &FetchOptions,
) -> FetchError {
    let url_text = shown.to_owned();
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url: url_text,
            seconds: options.timeout.as_secs().max(1),
        },
        ureq::Error::HostNotFound => FetchError::HostNotFound {
            url: url_text,
            host: url.host_str().unwrap_or_default().to_owned(),
        },
        ureq::Error::ConnectionFailed => FetchError::Unreachable { url: url_text },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url: url_text,
            max: options.max_redirects,
        },
        ureq::Error::RedirectFailed | ureq::Error::BadUri(_) => FetchError::BadRedirect {
            url: url_text,
            detail: error.to_string(),
        },
        ureq::Error::Tls(detail) => FetchError::Tls {
            url: url_text,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(detail) => FetchError::Tls {
            url: url_text,
            detail: detail.to_string(),
        },
        ureq::Error::BodyExceedsLimit(_) | ureq::Error::LargeResponseHeader(..) => {
            FetchError::TooLarge {
                url: url_text,
                limit: options.max_bytes,
            }
        }
        // rustls reports a broken handshake (a plain-HTTP answer, a bad certificate) as invalid data.
        ureq::Error::Io(io)
            if url.scheme() == "https" && io.kind() == std::io::ErrorKind::InvalidData =>
        {
            FetchError::Tls {
                url: url_text,
                detail: io.to_string(),
            }
        }
        ureq::Error::Io(io) => map_io_error(&io, shown, options),
        other => {
            let detail = other.to_string();
            // rustls reports a plain-HTTP answer to a TLS hello as a protocol error.
            if is_lookup_failure(&detail) {
                FetchError::HostNotFound {
                    url: url_text,
                    host: url.host_str().unwrap_or_default().to_owned(),
                }
            } else if detail.to_ascii_lowercase().contains("tls") {
                FetchError::Tls {
                    url: url_text,
                    detail,
                }
            } else {
                FetchError::Failed {
                    url: url_text,
                    detail,
                }
            }
        }
    }
}

/// Whether the operating system's message says the host name could not be resolved (glibc's
/// "failed to lookup address information: Name or service not known", "Temporary failure in name
/// resolution"): said in the window's words as "host not found", never as the system's English.
fn is_lookup_failure(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    [
        "failed to lookup address",
        "name resolution",
        "name or service not known",
        "no address associated",
        "nodename nor servname",
        "dns",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

fn map_io_error(error: &std::io::Error, url: &str, options: &FetchOptions) -> FetchError {
    use std::io::ErrorKind;
    if let Some(inner) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
    {
        if matches!(inner, ureq::Error::Timeout(_)) {
            return FetchError::Timeout {
                url: url.to_owned(),
                seconds: options.timeout.as_secs().max(1),
            };
        }
        if matches!(inner, ureq::Error::BodyExceedsLimit(_)) {
            return FetchError::TooLarge {
                url: url.to_owned(),
                limit: options.max_bytes,
            };
        }
    }
    if is_lookup_failure(&error.to_string()) {
        return FetchError::HostNotFound {
            url: url.to_owned(),
            host: url::Url::parse(url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_default(),
        };
    }
    match error.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
            url: url.to_owned(),
            seconds: options.timeout.as_secs().max(1),
        },
        ErrorKind::ConnectionRefused
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::AddrNotAvailable => FetchError::Unreachable {
            url: url.to_owned(),
        },
        _ => FetchError::Failed {
            url: url.to_owned(),
            detail: error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_does_not_resolve_is_host_not_found_in_every_language() {
        let error = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        let mapped = map_io_error(
            &error,
            "https://nicht-vorhanden.invalid/artikel",
            &FetchOptions::default(),
        );
        assert!(
            matches!(&mapped, FetchError::HostNotFound { host, .. } if host == "nicht-vorhanden.invalid"),
            "{mapped:?}"
        );
        let german = mapped.in_words(crate::i18n::Locale::German.messages());
        assert!(!german.contains("lookup"), "{german}");
    }

    #[test]
    fn addresses_are_told_from_paths() {
        assert!(looks_like_address("https://example.org/a"));
        assert!(looks_like_address("  HTTP://example.org"));
        assert!(looks_like_address("www.example.org/x"));
        assert!(!looks_like_address("artikel.txt"));
        assert!(!looks_like_address("/home/anna/https.txt"));
        assert_eq!(
            foreign_scheme("file:///etc/passwd").as_deref(),
            Some("file")
        );
        assert_eq!(foreign_scheme("ftp://x.example/a").as_deref(), Some("ftp"));
        assert_eq!(foreign_scheme("https://x.example/a"), None);
        assert_eq!(foreign_scheme("C:\\texte\\a.txt"), None);
        assert_eq!(foreign_scheme("notes: a.txt"), None);
    }

    #[test]
    fn only_http_and_https_with_a_host_are_fetched() {
        let refused = |address: &str| fetch(address, &FetchOptions::default(), None).unwrap_err();
        assert!(
            matches!(refused("file:///etc/passwd"), FetchError::Scheme { scheme, .. } if scheme == "file")
        );
        assert!(matches!(
            refused("javascript:alert(1)"),
            FetchError::Scheme { .. }
        ));
        assert!(matches!(
            refused("ftp://example.org/x"),
            FetchError::Scheme { .. }
        ));
        assert!(matches!(refused("http://"), FetchError::BadAddress { .. }));
        assert!(matches!(
            refused("not an address"),
            FetchError::BadAddress { .. }
        ));
        assert_eq!(
            parse_address("www.example.org/a").unwrap().as_str(),
            "https://www.example.org/a"
        );
    }

    #[test]
    fn messages_name_the_address_and_what_to_do() {
        let error = FetchError::HostNotFound {
            url: "https://nowhere.invalid/a".to_owned(),
            host: "nowhere.invalid".to_owned(),
        };
        let message = error.to_string();
        assert!(
            message.starts_with("https://nowhere.invalid/a: "),
            "{message}"
        );
        assert!(message.contains("Check the address"), "{message}");
        let dns = map_error(
            ureq::Error::HostNotFound,
            "https://nowhere.invalid/a",
            &url::Url::parse("https://nowhere.invalid/a").unwrap(),
            &FetchOptions::default(),
        );
        assert_eq!(dns, error);
    }

    #[test]
    fn only_article_media_types_are_read() {
        for readable in [
            "text/html",
            "text/plain",
            "application/xhtml+xml",
            "application/pdf",
        ] {
            assert!(is_readable_type(readable), "{readable}");
        }
        for other in [
            "image/png",
            "video/mp4",
            "application/zip",
            "application/json",
        ] {
            assert!(!is_readable_type(other), "{other}");
        }
    }
}
