//! CPU time of one workbench frame with 100 and with 20 000 claims (a 5 MB article), headless with
//! egui_kittest: layout, claim list, article view and inspector, without GPU rendering.
//! Run: `cargo bench --bench ui_frame`.

use claimdesk::app::{ClaimDeskApp, Settings, StartOptions};
use claimdesk::article::{Article, Language, SourceFormat, sha256_hex};
use claimdesk::extract::{ExtractOptions, extract};
use claimdesk::review::Review;
use divan::Bencher;
use egui_kittest::Harness;

const GERMAN: &str = include_str!("../assets/samples/de-stadtwerke.txt");

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A review of a German article with about `claims` claims.
fn review_with(claims: usize) -> Review {
    let sample_claims = extract(&article(GERMAN.to_owned()), &ExtractOptions::default())
        .len()
        .max(1);
    let copies = claims.div_ceil(sample_claims);
    let text = GERMAN.repeat(copies);
    let article = article(text);
    let mut found = extract(&article, &ExtractOptions::default());
    found.truncate(claims);
    Review::new(article, found)
}

fn article(text: String) -> Article {
    Article {
        source: "bench.txt".to_owned(),
        title: None,
        language: Language::German,
        sha256: sha256_hex(&text),
        text,
        format: SourceFormat::Text,
        published: None,
        url: None,
        fetched: None,
        canonical_url: None,
        author: None,
    }
}

#[divan::bench(args = [100, 20_000], sample_count = 30)]
fn frame(bencher: Bencher, claims: usize) {
    let data = tempfile::tempdir().expect("temp dir");
    let review = review_with(claims);
    let path = data.path().join("bench.review.json");
    claimdesk::review::store::save(&review, &path).expect("save");
    let options = StartOptions {
        file: Some(path),
        data_dir: Some(data.path().to_owned()),
        ..StartOptions::default()
    };
    let app = ClaimDeskApp::new(&egui::Context::default(), Settings::default(), options);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut ClaimDeskApp| app.root_ui(ui), app);
    while harness.state().is_loading() {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    harness.run_steps(5);
    assert!(
        harness
            .state()
            .workbench
            .workspace
            .as_ref()
            .is_some_and(|w| w.review().claims.len() == claims)
    );
    // Select a claim in the middle, as during a review, then measure steady frames.
    harness.key_press(egui::Key::J);
    harness.run_steps(3);
    bencher.bench_local(|| harness.step());
}
