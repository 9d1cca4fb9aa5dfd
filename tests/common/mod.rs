//! Helpers shared by the integration tests: running the binary, writing PDFs, and an HTTP server on
//! 127.0.0.1 (the only address a test may reach).
// Each test crate uses a part of these.
#![allow(dead_code)]
#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure to build a fixture fails the test"
)]

use std::process::{Command, Output};

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// Runs the claimdesk binary with `args`.
pub fn claimdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .output()
        .expect("claimdesk runs")
}

/// Runs the claimdesk binary with `args` in the folder `dir`.
pub fn claimdesk_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .current_dir(dir)
        // Vectors of files named on the command line go to a cache of the tests', not the user's.
        .env(
            "CLAIMDESK_CACHE_DIR",
            std::env::temp_dir().join("claimdesk-tests-vector-cache"),
        )
        .args(args)
        .output()
        .expect("claimdesk runs")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One line of text on a PDF page: its height from the bottom (points) and its text.
pub type Line<'a> = (f32, &'a str);

/// A PDF with one page per entry, each line set in 11 pt Helvetica (WinAnsi, so German letters work) at
/// its height. A page without lines has no text layer (a scan, to the reader).
pub fn pdf(pages: &[Vec<Line<'_>>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        if lines.is_empty() {
            // A grey box where a scanned image would be: marks without text.
            operations.push(Operation::new(
                "re",
                vec![50.into(), 50.into(), 495.into(), 742.into()],
            ));
            operations.push(Operation::new("f", vec![]));
        }
        for (height, text) in lines {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(!unmappable, "{text} fits WinAnsi");
            operations.push(Operation::new("BT", vec![]));
            operations.push(Operation::new("Tf", vec!["F1".into(), 11.into()]));
            operations.push(Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    56.into(),
                    (*height).into(),
                ],
            ));
            operations.push(Operation::new(
                "Tj",
                vec![Object::string_literal(bytes.into_owned())],
            ));
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = i64::try_from(kids.len()).expect("few pages");
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF writes");
    bytes
}

/// A three-page press release as a PDF: running header and footer on every page, page numbers, a word
/// hyphenated at a line end, and a paragraph running on over a page break.
pub fn press_release_pdf() -> Vec<u8> {
    let page = |number: &'static str, body: Vec<Line<'static>>| {
        let mut lines = vec![(800.0, "Stadtwerke Nordhafen · Pressemitteilung")];
        lines.extend(body);
        lines.push((60.0, number));
        lines.push((44.0, "stadtwerke-nordhafen.example · Presse"));
        lines
    };
    pdf(&[
        page(
            "Seite 1 von 3",
            vec![
                (740.0, "Strompreis steigt zum 1. Mai"),
                (
                    700.0,
                    "Die Stadtwerke Nordhafen erhöhen den Strompreis zum 1. Mai um 18 Pro-",
                ),
                (
                    686.0,
                    "zent, sagte Geschäftsführerin Eva Kröger am Montag in Nordhafen.",
                ),
                (
                    646.0,
                    "Der Grundpreis steigt nach Angaben des Unternehmens auf 14 Euro im",
                ),
            ],
        ),
        page(
            "Seite 2 von 3",
            vec![
                (
                    740.0,
                    "Monat. Betroffen sind rund 41.000 Haushalte in der Stadt.",
                ),
                (
                    700.0,
                    "Im vergangenen Jahr hatte der Versorger einen Verlust von 3,2 Millionen",
                ),
                (686.0, "Euro gemeldet."),
            ],
        ),
        page(
            "Seite 3 von 3",
            vec![(
                740.0,
                "Die Verbraucherzentrale kündigte an, die Erhöhung zu prüfen.",
            )],
        ),
    ])
}

/// The article text [`press_release_pdf`] must come out as.
pub const PRESS_RELEASE_TEXT: &str = "Strompreis steigt zum 1. Mai\n\n\
Die Stadtwerke Nordhafen erhöhen den Strompreis zum 1. Mai um 18 Prozent, sagte Geschäftsführerin Eva Kröger am Montag in Nordhafen.\n\n\
Der Grundpreis steigt nach Angaben des Unternehmens auf 14 Euro im Monat. Betroffen sind rund 41.000 Haushalte in der Stadt.\n\n\
Im vergangenen Jahr hatte der Versorger einen Verlust von 3,2 Millionen Euro gemeldet.\n\n\
Die Verbraucherzentrale kündigte an, die Erhöhung zu prüfen.";

/// A page a test server serves: its path, content type, body and how long it waits before answering.
#[derive(Clone)]
pub struct TestPage {
    /// The path, e.g. `/artikel`.
    pub path: &'static str,
    /// The Content-Type header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// The wait before the answer.
    pub delay: std::time::Duration,
}

/// Serves `pages` on 127.0.0.1 (a free port) until the test process ends; returns `http://127.0.0.1:PORT`.
/// Other paths answer 404.
pub fn serve(pages: Vec<TestPage>) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a port on 127.0.0.1");
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let pages = std::sync::Arc::new(pages);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let pages = std::sync::Arc::clone(&pages);
            std::thread::spawn(move || {
                let page = pages.iter().find(|p| p.path == request.url()).cloned();
                let _ = match page {
                    Some(page) => {
                        std::thread::sleep(page.delay);
                        let header = tiny_http::Header::from_bytes(
                            b"Content-Type".as_slice(),
                            page.content_type.as_bytes(),
                        )
                        .expect("a valid header");
                        request
                            .respond(tiny_http::Response::from_data(page.body).with_header(header))
                    }
                    None => request.respond(tiny_http::Response::empty(404)),
                };
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// Says on the terminal that a test skipped its check because `../shared` (or a part of it) is absent.
/// Written to standard error directly, past the test harness's capture: a skip must never pass silently.
pub fn skipped(test: &str, missing: &std::path::Path, what: &str) {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {} not found; {what}",
        missing.display()
    );
}

pub mod hostile;

/// Runs claimdesk with `args` and extra environment, failing the test (instead of hanging it) when it has
/// not ended after `limit`: the hang guard of the hostile-input tests, not a speed target.
pub fn claimdesk_within(args: &[&str], env: &[(&str, &str)], limit: std::time::Duration) -> Output {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("claimdesk runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("claimdesk is waited for") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("claimdesk {args:?} did not end within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout read"),
        stderr: err.join().expect("stderr read"),
    }
}
