//! The claim memory at scale: importing 100 000 published fact-checks (one core), matching a 50-claim article
//! against them in-process and as a whole `claimdesk match` process with a warm index, and the index size
//! per claim (printed). Run: `cargo bench --bench claim_memory`.
//!
//! The fact-checks are generated from templates (German and English, varied subjects, places, figures and
//! months), so the index holds a realistic spread of words rather than 100 000 copies of a few.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use claimdesk::article::Language;
use claimdesk::memory::{self, MatchOptions, Memory};
use claimdesk::review::Claim;
use divan::Bencher;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const FACT_CHECKS: usize = 100_000;

const GERMAN_SUBJECTS: [&str; 24] = [
    "Arbeitslosenquote",
    "Inflationsrate",
    "Mietpreis",
    "Gaspreis",
    "Strompreis",
    "Zahl der Einbrüche",
    "Zahl der Studierenden",
    "Geburtenrate",
    "Wahlbeteiligung",
    "Staatsverschuldung",
    "Exportquote",
    "Zahl der Pendler",
    "Radverkehr",
    "Zahl der Windräder",
    "Kita-Gebühr",
    "Grundsteuer",
    "Zahl der Ärzte",
    "Wartezeit beim Bürgeramt",
    "Zahl der Verkehrstoten",
    "Trinkwasserverbrauch",
    "Feinstaubbelastung",
    "Zahl der Insolvenzen",
    "Bevölkerung",
    "Zahl der Asylanträge",
];
const ENGLISH_SUBJECTS: [&str; 24] = [
    "unemployment rate",
    "inflation rate",
    "average rent",
    "gas price",
    "electricity price",
    "number of burglaries",
    "student enrollment",
    "birth rate",
    "voter turnout",
    "national debt",
    "export volume",
    "number of commuters",
    "bike traffic",
    "number of wind turbines",
    "childcare fee",
    "property tax",
    "number of doctors",
    "waiting time at city hall",
    "number of road deaths",
    "water consumption",
    "air pollution",
    "number of bankruptcies",
    "population",
    "number of asylum claims",
];
const PLACES: [&str; 20] = [
    "Hamburg",
    "Berlin",
    "München",
    "Köln",
    "Leipzig",
    "Bremen",
    "Dresden",
    "Kiel",
    "Mainz",
    "Erfurt",
    "London",
    "Manchester",
    "Leeds",
    "Bristol",
    "Glasgow",
    "Boston",
    "Denver",
    "Austin",
    "Seattle",
    "Ohio",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const RATINGS_DE: [&str; 4] = ["Falsch", "Richtig", "Irreführend", "Unbelegt"];
const RATINGS_EN: [&str; 4] = ["False", "True", "Misleading", "Unproven"];

/// The `n`-th generated claim and its language.
fn generated_claim(n: usize) -> (String, Language) {
    let place = PLACES[n % PLACES.len()];
    let figure = format!("{},{}", 1 + (n / 7) % 97, n % 10);
    let year = 2000 + (n / 13) % 26;
    if n.is_multiple_of(2) {
        let subject = GERMAN_SUBJECTS[(n / 2) % GERMAN_SUBJECTS.len()];
        let month = MONTHS_DE[(n / 3) % 12];
        let verb = ["stieg", "sank", "lag"][n % 3];
        (
            format!("Die {subject} in {place} {verb} im {month} {year} auf {figure} Prozent."),
            Language::German,
        )
    } else {
        let subject = ENGLISH_SUBJECTS[(n / 2) % ENGLISH_SUBJECTS.len()];
        let month = MONTHS_EN[(n / 3) % 12];
        let verb = ["rose", "fell", "stood"][n % 3];
        let figure = figure.replace(',', ".");
        (
            format!("The {subject} in {place} {verb} to {figure} percent in {month} {year}."),
            Language::English,
        )
    }
}

fn write_feed(path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("feed"));
    for n in 0..FACT_CHECKS {
        let (text, language) = generated_claim(n);
        let rating = match language {
            Language::German => RATINGS_DE[n % 4],
            _ => RATINGS_EN[n % 4],
        };
        let line = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": text,
            "reviewRating": {"@type": "Rating", "alternateName": rating},
            "author": {"@type": "Organization", "name": "Faktencheck Nord"},
            "url": format!("https://fakten.example/checks/{n}"),
            "datePublished": "2026-10-30",
            "inLanguage": language.code(),
        });
        writeln!(out, "{line}").expect("write");
    }
    out.flush().expect("flush");
}

fn folder_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .sum()
}

/// A desk with the 100 000 fact-checks imported, built once for the matching benchmarks.
static DESK: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let desk = tempfile::tempdir().expect("desk");
    std::fs::create_dir_all(desk.path().join(".claimdesk")).expect("data dir");
    let feed = desk.path().join("feed.jsonl");
    write_feed(&feed);
    memory::import(desk.path(), std::slice::from_ref(&feed)).expect("import");
    let index = memory::memory_dir(desk.path()).join("index");
    let size = folder_size(&index);
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let per_claim = size as f64 / FACT_CHECKS as f64;
    eprintln!(
        "claim memory index: {size} bytes for {FACT_CHECKS} fact-checks = {per_claim:.0} bytes per claim"
    );
    let article = desk.path().join("article.txt");
    let mut text = String::from("Fünfzig Behauptungen\n\n");
    for n in (0..50).map(|i| i * 1999 + 5) {
        text.push_str(&generated_claim(n).0);
        text.push('\n');
    }
    std::fs::write(&article, text).expect("article");
    (desk, article)
});

/// `claimdesk memory import` of 100 000 ClaimReviews (JSON Lines) into an empty desk, on one core.
/// Target: < 30 s.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn import_100k_fact_checks(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let desk = tempfile::tempdir().expect("desk");
            std::fs::create_dir_all(desk.path().join(".claimdesk")).expect("data dir");
            let feed = desk.path().join("feed.jsonl");
            write_feed(&feed);
            (desk, feed)
        })
        .bench_local_values(|(desk, feed)| {
            let reports = memory::import(desk.path(), &[feed]).expect("import");
            assert_eq!(reports[0].added, FACT_CHECKS);
            desk
        });
}

/// Fifty of the imported claims (reworded by nothing: the benchmark measures lookup, the test set in
/// `tests/memory_match.rs` measures quality), with their languages.
fn fifty_claims() -> Vec<(Claim, Language)> {
    (0..50)
        .map(|i| {
            let (text, language) = generated_claim(i * 1999 + 5);
            let claim = Claim {
                id: format!("c{i}"),
                start: 0,
                end: text.len(),
                text,
                score: 0.5,
                kind: claimdesk::review::ClaimKind::Statistic,
                reasons: Vec::new(),
                speaker: None,
                speaker_span: None,
                speaker_kind: None,
                hedges: Vec::new(),
                hedge_spans: Vec::new(),
                speaker_inferred: false,
                verdict: None,
                note: String::new(),
                evidence: Vec::new(),
                origin: claimdesk::review::Origin::Extracted,
                verdict_by: None,
                approval: None,
                history: Vec::new(),
                conflicts: Vec::new(),
            };
            (claim, language)
        })
        .collect()
}

/// Matching a 50-claim article (German and English) against 100 000 fact-checks, index open. Target: < 50 ms.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn match_50_claims_against_100k(bencher: Bencher) {
    let (desk, _) = &*DESK;
    let mut memory = Memory::new();
    memory.add_desk(desk.path()).expect("memory");
    let claims = fifty_claims();
    let of = |wanted: Language| -> Vec<Claim> {
        claims
            .iter()
            .filter(|(_, language)| *language == wanted)
            .map(|(claim, _)| claim.clone())
            .collect()
    };
    let (german, english) = (of(Language::German), of(Language::English));
    bencher.bench_local(|| {
        let a = memory
            .match_claims(&german, Language::German, MatchOptions::default())
            .expect("match");
        let b = memory
            .match_claims(&english, Language::English, MatchOptions::default())
            .expect("match");
        assert!(a.iter().chain(&b).all(|c| !c.matches.is_empty()));
        (a, b)
    });
}

/// The whole `claimdesk match` process on a 50-claim article with the 100 000-claim index warm (opened
/// once before). Target: < 1 s.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn match_process_with_warm_index(bencher: Bencher) {
    let (desk, article) = &*DESK;
    let run = || {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .arg("match")
            .arg(article)
            .current_dir(desk.path())
            .output()
            .expect("claimdesk runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    };
    run();
    bencher.bench_local(run);
}

/// What matching by meaning reads once per memory before its first match: the character n-gram
/// frequencies of a sample of 20 000 of the 100 000 claims (`src/memory/grams.rs`). Target: well under the
/// 1 s a match may take.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn gram_frequencies_of_100k(bencher: Bencher) {
    let (desk, _) = &*DESK;
    let index = memory::MemoryIndex::open_or_create(&memory::memory_dir(desk.path()).join("index"))
        .expect("index");
    bencher.bench_local(|| {
        let sample = index.sample(memory::grams::SAMPLE).expect("sample");
        assert_eq!(sample.len(), memory::grams::SAMPLE);
        memory::grams::Frequencies::of(sample.iter().map(|entry| entry.text.as_str()))
    });
}
