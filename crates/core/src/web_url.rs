//! Web addresses as claimdesk accepts and writes them: absolute `http`/`https` URLs with a host, written back
//! by the `url` crate (so nothing in them can end an attribute or a script), and without user information
//! (`user:password@`), which must never reach a review file, a report or a published ClaimReview.
//!
//! A leaf: it knows no claimdesk type.

/// Whether `url` is an absolute http(s) URL with a host.
///
/// ```
/// assert!(claimdesk_core::web_url::is_web_url("https://example.org/a"));
/// assert!(!claimdesk_core::web_url::is_web_url("javascript:alert(1)"));
/// ```
#[must_use]
pub fn is_web_url(url: &str) -> bool {
    parse_web_url(url).is_some()
}

/// `url` parsed and written back by the `url` crate when it is an http(s) address: spaces, quotes, angle
/// brackets and other characters that could end an attribute or a script are percent-encoded, and any user
/// name or password is dropped. `None` for anything else (`javascript:`, `file:`, garbage).
///
/// ```
/// use claimdesk_core::web_url::safe_url;
/// assert_eq!(safe_url("http://bob:hunter2@example.org/a b").as_deref(), Some("http://example.org/a%20b"));
/// assert_eq!(safe_url("file:///etc/passwd"), None);
/// ```
#[must_use]
pub fn safe_url(url: &str) -> Option<String> {
    parse_web_url(url).map(|parsed| parsed.to_string())
}

/// `url` without its user information when it is an http(s) address; anything else comes back unchanged
/// (it is no address a credential could hide in, and the caller decides what to do with it).
#[must_use]
pub fn without_credentials(url: &str) -> String {
    match url::Url::parse(url.trim()) {
        Ok(parsed)
            if matches!(parsed.scheme(), "http" | "https")
                && (!parsed.username().is_empty() || parsed.password().is_some()) =>
        {
            strip_user_info(parsed).to_string()
        }
        _ => url.to_owned(),
    }
}

fn parse_web_url(url: &str) -> Option<url::Url> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some_and(|h| !h.is_empty());
    web.then(|| strip_user_info(parsed))
}

fn strip_user_info(mut parsed: url::Url) -> url::Url {
    // Both calls only fail for URLs that cannot have user information (no host), which http(s) always has.
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_with_a_host_are_web_addresses() {
        assert!(is_web_url(" https://example.org "));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("ftp://example.org/x"));
        assert!(!is_web_url("mailto:a@example.org"));
        assert_eq!(
            safe_url("https://example.org/\"><script>").as_deref(),
            Some("https://example.org/%22%3E%3Cscript%3E")
        );
    }

    #[test]
    fn credentials_never_survive() {
        assert_eq!(
            safe_url("https://bob:hunter2@example.org/x?y=1").as_deref(),
            Some("https://example.org/x?y=1")
        );
        assert_eq!(
            safe_url("http://alice@example.org/").as_deref(),
            Some("http://example.org/")
        );
        assert_eq!(
            without_credentials("https://bob:hunter2@example.org/x"),
            "https://example.org/x"
        );
        assert_eq!(without_credentials("notes.txt"), "notes.txt");
        assert_eq!(
            without_credentials("https://example.org/a"),
            "https://example.org/a"
        );
    }
}
