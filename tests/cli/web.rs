//! Articles from the web, against an HTTP server these tests start on 127.0.0.1 (no other address is
//! ever contacted): metadata, redirects, limits, every kind of bad answer, and safe exports of hostile
//! page text.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use crate::common;

use std::io::Read as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use claimdesk::article::fetch::{FetchError, FetchOptions, fetch};
use claimdesk::article::{LoadError, LoadOptions, SourceFormat, load_url};
use common::{PRESS_RELEASE_TEXT, claimdesk, press_release_pdf, stderr};

const ARTICLE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Strompreis steigt | Nordhafener Anzeiger</title>
<link rel="canonical" href="/kanonisch/strompreis">
<meta property="og:title" content="Strompreis steigt um 18 Prozent">
<meta name="author" content="Redaktion">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Nordhafener Anzeiger"},
  {"@type": "NewsArticle", "headline": "Strompreis steigt um 18 Prozent",
   "author": [{"@type": "Person", "name": "Lena Brandt"}, {"@type": "Person", "name": "Jonas Ehlert"}],
   "datePublished": "2026-03-02T07:30:00+01:00"}
]}
</script>
<script>document.write("Werbung")</script>
</head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<div class="cookie-consent">Wir verwenden Cookies.</div>
<article>
<h1>Strompreis steigt um 18 Prozent</h1>
<p>Die Stadtwerke Nordhafen erhöhen den Strompreis zum 1. Mai um 18 Prozent, sagte Geschäftsführerin Eva Kröger am Montag.</p>
<p>Betroffen sind nach Angaben des Unternehmens rund 41.000 Haushalte.</p>
<aside>Lesen Sie auch: Wasserpreise im Vergleich</aside>
</article>
<footer>Impressum · Datenschutz</footer>
</body></html>"#;

const HOSTILE_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Rat beschließt Haushalt</title></head><body><article>
<p>=HYPERLINK("http://evil.example/steal","klick") Der Rat beschloss am Montag 12 Millionen Euro für neue Radwege.</p>
<p>@SUM(1+1) Laut Polizei wurden am Samstag 40 Personen festgenommen, sagte ein Sprecher.</p>
<p>Die Stadt zahlte 2025 rund 3 Millionen Euro an den Verein &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;, teilte die Kämmerei mit.</p>
</article></body></html>"#;

/// The server's address, started once for all tests of this file.
fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a port on 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                // Each answer in its own thread: a slow one must not hold up the others.
                std::thread::spawn(move || answer(request));
            }
        });
        format!("http://127.0.0.1:{port}")
    })
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn redirect(to: &str) -> tiny_http::Response<std::io::Empty> {
    tiny_http::Response::empty(302).with_header(header("Location", to))
}

fn answer(request: tiny_http::Request) {
    let url = request.url().to_owned();
    let page = |body: &str, kind: &str| {
        tiny_http::Response::from_data(body.as_bytes().to_vec())
            .with_header(header("Content-Type", kind))
    };
    let _ = match url.as_str() {
        "/artikel" => request.respond(page(ARTICLE_PAGE, "text/html; charset=utf-8")),
        "/feindlich" => request.respond(page(HOSTILE_PAGE, "text/html")),
        "/umleitung" => request.respond(redirect("/zwischen")),
        "/geheim" => {
            let with_password = base().replace("http://", "http://bob:hunter2@") + "/artikel";
            request.respond(redirect(&with_password))
        }
        "/zwischen" => request.respond(redirect("/artikel")),
        "/schleife" => request.respond(redirect("/schleife")),
        "/ftp" => request.respond(redirect("ftp://127.0.0.1/datei.txt")),
        "/fehlt" => request.respond(page("<h1>Not found</h1>", "text/html").with_status_code(404)),
        "/kaputt" => request.respond(page("Internal error", "text/plain").with_status_code(500)),
        "/bild" => request.respond(
            tiny_http::Response::from_data(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec())
                .with_header(header("Content-Type", "image/png")),
        ),
        "/ohne-typ" => request.respond(tiny_http::Response::from_data(vec![
            0_u8, 1, 2, 3, 0, 0, 7, 8,
        ])),
        "/latin1" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252
                .encode("Größere Straßen\n\nDie Stadt ließ 2025 für 4 Millionen Euro Straßen sanieren, teilte das Bauamt mit.\n");
            request.respond(
                tiny_http::Response::from_data(bytes.into_owned())
                    .with_header(header("Content-Type", "text/plain; charset=ISO-8859-1")),
            )
        }
        "/pressemitteilung" => request.respond(
            tiny_http::Response::from_data(press_release_pdf())
                .with_header(header("Content-Type", "application/pdf")),
        ),
        "/endlos" => request.respond(tiny_http::Response::new(
            200.into(),
            vec![header("Content-Type", "text/html")],
            std::io::repeat(b'a'),
            None,
            None,
        )),
        "/langsam" => {
            std::thread::sleep(Duration::from_secs(4));
            request.respond(page(ARTICLE_PAGE, "text/html"))
        }
        "/ua" => {
            let agent = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            request.respond(page(&format!("User agent\n\n{agent}\n"), "text/plain"))
        }
        _ => request.respond(page("no such test page", "text/plain").with_status_code(404)),
    };
}

fn load(path: &str) -> Result<claimdesk::article::Loaded, LoadError> {
    load_url(
        &format!("{}{path}", base()),
        LoadOptions::default(),
        &FetchOptions::default(),
        None,
    )
}

fn fetch_error(path: &str) -> FetchError {
    match load(path) {
        Err(LoadError::Fetch(error)) => error,
        other => panic!("{path}: expected a fetch error, got {other:?}"),
    }
}

#[test]
fn a_page_loads_with_its_metadata_and_without_its_furniture() {
    let article = load("/artikel").unwrap().article;
    assert_eq!(article.format, SourceFormat::Html);
    assert_eq!(
        article.title.as_deref(),
        Some("Strompreis steigt um 18 Prozent")
    );
    assert_eq!(article.author.as_deref(), Some("Lena Brandt, Jonas Ehlert"));
    assert_eq!(article.published.as_deref(), Some("2026-03-02"));
    assert_eq!(
        article.url.as_deref(),
        Some(format!("{}/artikel", base()).as_str())
    );
    let canonical = format!("{}/kanonisch/strompreis", base());
    assert_eq!(article.canonical_url.as_deref(), Some(canonical.as_str()));
    let fetched = article
        .fetched
        .as_deref()
        .expect("the fetch time is recorded");
    assert!(
        chrono::DateTime::parse_from_rfc3339(fetched).is_ok(),
        "{fetched}"
    );
    assert_eq!(
        article.text,
        "Strompreis steigt um 18 Prozent\n\n\
         Die Stadtwerke Nordhafen erhöhen den Strompreis zum 1. Mai um 18 Prozent, sagte Geschäftsführerin Eva Kröger am Montag.\n\n\
         Betroffen sind nach Angaben des Unternehmens rund 41.000 Haushalte."
    );
}

#[test]
fn redirects_are_followed_and_the_final_address_recorded() {
    let article = load("/umleitung").unwrap().article;
    assert_eq!(
        article.url.as_deref(),
        Some(format!("{}/artikel", base()).as_str())
    );
    assert_eq!(article.source, format!("{}/artikel", base()));
}

#[test]
fn credentials_in_an_address_never_reach_the_review() {
    let redirected = load("/geheim").unwrap().article;
    let given = load_url(
        &base().replace("http://", "http://alice:s3cret@"),
        LoadOptions::default(),
        &FetchOptions::default(),
        None,
    )
    .map(|loaded| loaded.article);
    for article in [Some(redirected), given.ok()].into_iter().flatten() {
        let stored = serde_json::to_string(&article).unwrap();
        assert!(
            !stored.contains("hunter2") && !stored.contains("s3cret") && !stored.contains('@'),
            "{stored}"
        );
        assert!(
            article
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with(base()))
        );
    }
}

#[test]
fn the_request_names_claimdesk_and_its_version() {
    let article = load("/ua").unwrap().article;
    assert!(
        article
            .text
            .contains(&format!("claimdesk/{}", env!("CARGO_PKG_VERSION"))),
        "{}",
        article.text
    );
}

#[test]
fn the_charset_the_server_names_is_used() {
    let article = load("/latin1").unwrap().article;
    assert!(
        article.text.starts_with("Größere Straßen"),
        "{}",
        article.text
    );
    assert_eq!(article.format, SourceFormat::Text);
}

#[test]
fn a_pdf_on_the_web_opens_as_a_pdf() {
    let article = load("/pressemitteilung").unwrap().article;
    assert_eq!(article.format, SourceFormat::Pdf);
    assert_eq!(article.text, PRESS_RELEASE_TEXT);
}

#[test]
fn bad_answers_are_clear_errors_naming_the_address() {
    type IsExpected = fn(&FetchError) -> bool;
    let base = base();
    let cases: Vec<(&str, IsExpected, &str)> = vec![
        (
            "/fehlt",
            |e| matches!(e, FetchError::Status { status: 404, .. }),
            "404 (Not Found)",
        ),
        (
            "/kaputt",
            |e| matches!(e, FetchError::Status { status: 500, .. }),
            "500",
        ),
        (
            "/bild",
            |e| matches!(e, FetchError::NotText { .. }),
            "image/png, not an article",
        ),
        (
            "/ohne-typ",
            |e| matches!(e, FetchError::NotText { .. }),
            "not an article",
        ),
        (
            "/schleife",
            |e| matches!(e, FetchError::TooManyRedirects { max: 5, .. }),
            "more than 5 redirects",
        ),
        (
            "/ftp",
            |e| {
                matches!(
                    e,
                    FetchError::BadRedirect { .. } | FetchError::Failed { .. }
                )
            },
            "redirect",
        ),
        (
            "/endlos",
            |e| matches!(e, FetchError::TooLarge { .. }),
            "larger than 33554432 bytes",
        ),
    ];
    for (path, expected, words) in cases {
        let started = Instant::now();
        let error = fetch_error(path);
        assert!(expected(&error), "{path}: {error:?}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{base}{path}")),
            "{path}: {message}"
        );
        assert!(message.contains(words), "{path}: {message}");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{path} within the timeout"
        );
    }
}

#[test]
fn a_slow_server_times_out_within_the_limit() {
    let options = FetchOptions {
        timeout: Duration::from_secs(1),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let error = fetch(&format!("{}/langsam", base()), &options, None).unwrap_err();
    assert!(
        matches!(error, FetchError::Timeout { seconds: 1, .. }),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(error.to_string().contains("within 1 seconds"), "{error}");
}

#[test]
fn a_refused_connection_and_a_tls_failure_are_named() {
    // A port that was just free and is closed again: nobody listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let refused = fetch(
        &format!("http://127.0.0.1:{port}/a"),
        &FetchOptions::default(),
        None,
    )
    .unwrap_err();
    assert!(
        matches!(refused, FetchError::Unreachable { .. }),
        "{refused:?}"
    );
    assert!(
        refused.to_string().contains("refused the connection"),
        "{refused}"
    );

    // https to a server that answers the TLS hello in plain HTTP: the handshake fails, nothing is loaded.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let plain_port = plain.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::Write as _;
        if let Ok((mut stream, _)) = plain.accept() {
            let mut hello = [0_u8; 512];
            let _ = stream.read(&mut hello);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let started = Instant::now();
    let tls = fetch(
        &format!("https://127.0.0.1:{plain_port}/artikel"),
        &FetchOptions::default(),
        None,
    )
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(tls, FetchError::Tls { .. }), "{tls:?}");
    assert!(
        tls.to_string().contains("secure connection failed"),
        "{tls}"
    );
}

#[test]
fn a_cancelled_download_keeps_nothing() {
    let cancel = std::sync::atomic::AtomicBool::new(true);
    let error = fetch(
        &format!("{}/endlos", base()),
        &FetchOptions::default(),
        Some(&cancel),
    )
    .unwrap_err();
    assert!(matches!(error, FetchError::Cancelled { .. }), "{error:?}");
}

/// `claimdesk extract ADDRESS -o DIR/page.review.json` for a page of the test server: the review's path and
/// its JSON.
fn extract_page(dir: &std::path::Path, path: &str) -> (std::path::PathBuf, serde_json::Value) {
    let review = dir.join("page.review.json");
    let address = format!("{}{path}", base());
    let output = claimdesk(&["extract", &address, "-o", review.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let saved = serde_json::from_slice(&std::fs::read(&review).unwrap()).unwrap();
    (review, saved)
}

#[test]
fn the_command_line_extracts_from_an_address_and_exports_its_appearance() {
    let dir = tempfile::tempdir().unwrap();
    let (review, saved) = extract_page(dir.path(), "/umleitung");
    let final_address = format!("{}/artikel", base());
    assert_eq!(saved["article"]["url"], final_address.as_str());
    assert!(saved["article"]["fetched"].is_string());
    assert!(
        saved["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["text"].as_str().unwrap().contains("18 Prozent"))
    );

    // A verdict, then the ClaimReview names where the claim appeared: the address, its author and date.
    let mut edited = saved.clone();
    edited["claims"][1]["verdict"] = "confirmed".into();
    std::fs::write(&review, serde_json::to_vec(&edited).unwrap()).unwrap();
    let export = claimdesk(&[
        "export",
        "--format",
        "claimreview",
        review.to_str().unwrap(),
    ]);
    assert!(export.status.success(), "{}", stderr(&export));
    let json_ld: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let first = json_ld.as_array().map_or(&json_ld, |a| &a[0]);
    let appearance = &first["itemReviewed"]["appearance"];
    assert_eq!(appearance["url"], final_address.as_str(), "{json_ld:#}");
    assert_eq!(appearance["name"], final_address.as_str());
    assert_eq!(appearance["author"]["name"], "Lena Brandt, Jonas Ehlert");
    assert_eq!(first["itemReviewed"]["datePublished"], "2026-03-02");
    let text = String::from_utf8(export.stdout).unwrap();
    assert!(
        !text.contains(&dir.path().display().to_string()),
        "no local path"
    );
}

#[test]
fn other_schemes_are_refused_before_any_connection() {
    for address in ["file:///etc/passwd", "ftp://127.0.0.1/x.txt"] {
        let output = claimdesk(&["extract", address]);
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(message.contains(address), "{message}");
        assert!(message.contains("only http and https"), "{message}");
    }
}

#[test]
fn hostile_page_text_is_neutralised_in_csv_and_json_ld() {
    let dir = tempfile::tempdir().unwrap();
    let (review, mut saved) = extract_page(dir.path(), "/feindlich");
    let claims = saved["claims"].as_array_mut().unwrap();
    let texts: Vec<String> = claims
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with("=HYPERLINK(")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("</script><script>")),
        "{texts:?}"
    );
    for claim in claims.iter_mut() {
        claim["verdict"] = "denied".into();
    }
    std::fs::write(&review, serde_json::to_vec(&saved).unwrap()).unwrap();

    let csv_out = claimdesk(&["export", "--format", "csv", review.to_str().unwrap()]);
    assert!(csv_out.status.success(), "{}", stderr(&csv_out));
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_out.stdout.as_slice());
    let mut cells = 0;
    for record in reader.records() {
        for cell in &record.unwrap() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a spreadsheet would run {cell:?}"
            );
        }
    }
    assert!(cells > 10);

    let json_out = claimdesk(&[
        "export",
        "--format",
        "claimreview",
        review.to_str().unwrap(),
    ]);
    let text = String::from_utf8(json_out.stdout).unwrap();
    assert!(!text.contains('<') && !text.contains('>'), "{text}");
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        parsed.to_string().contains("</script><script>"),
        "the text survives, escaped"
    );
}
