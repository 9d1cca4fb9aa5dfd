//! Throughput of segmentation and claim extraction on a generated text of 10 MB and more, built from the
//! bundled sample articles (German and English): by words alone (`--fast`, the bulk path) on 10 MB, by the
//! default scorer (meaning and words) on 100 KB, and one 30-sentence article by each. Run: `cargo bench
//! --bench extract`.

use claimdesk::article::Language;
use claimdesk::extract::{
    ExtractOptions, Scorer, extract_text, lexicon::Lexicon, segment::segment,
};
use divan::Bencher;
use divan::counter::BytesCount;

const GERMAN: &str = include_str!("../assets/samples/de-stadtwerke.txt");
const ENGLISH: &str = include_str!("../assets/samples/en-harbour.txt");

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Repeats the sample, varying its numbers so the text is not one string over and over, to `bytes`.
fn corpus(sample: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + sample.len());
    let mut round = 0u32;
    while text.len() < bytes {
        for line in sample.lines() {
            text.push_str(&line.replace("18", &(round % 97).to_string()));
            text.push('\n');
        }
        text.push('\n');
        round += 1;
    }
    text
}

const MB: usize = 1024 * 1024;

#[divan::bench(args = [Language::German, Language::English])]
fn segment_10mb(bencher: Bencher, language: Language) {
    let text = corpus(
        if language == Language::German {
            GERMAN
        } else {
            ENGLISH
        },
        10 * MB,
    );
    let lexicon = Lexicon::for_language(language);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| segment(divan::black_box(&text), lexicon));
}

#[divan::bench(args = [Language::German, Language::English], sample_count = 10)]
fn extract_10mb(bencher: Bencher, language: Language) {
    let text = corpus(
        if language == Language::German {
            GERMAN
        } else {
            ENGLISH
        },
        10 * MB,
    );
    let options = ExtractOptions::fast();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| extract_text(divan::black_box(&text), language, &options));
}

/// Linear growth: compare the per-byte time at 1 MB and 10 MB (the ratio of total times must stay ≤ 12).
#[divan::bench(args = [1, 10], sample_count = 10)]
fn extract_german_mb(bencher: Bencher, megabytes: usize) {
    let text = corpus(GERMAN, megabytes * MB);
    let options = ExtractOptions::fast();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| extract_text(divan::black_box(&text), Language::German, &options));
}

/// The default scorer's throughput (meaning and words, every candidate through the encoder): 100 KB.
#[divan::bench(args = [Language::German, Language::English], sample_count = 3)]
fn extract_100kb_by_default(bencher: Bencher, language: Language) {
    let text = corpus(
        if language == Language::German {
            GERMAN
        } else {
            ENGLISH
        },
        100 * 1024,
    );
    claimdesk::encoder::shared().expect("the encoder's model file");
    let options = ExtractOptions::default();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| extract_text(divan::black_box(&text), language, &options));
}

/// The window's article: 30 sentences (the German sample, then its first eleven sentences again with other
/// figures), scored by words and by meaning (the default). Round 4's target for meaning is under 150 ms on
/// two cores.
#[divan::bench(args = ["words", "meaning"], sample_count = 10)]
fn article_of_30_sentences(bencher: Bencher, scorer: &str) {
    let scorer = if scorer == "meaning" {
        Scorer::Meaning
    } else {
        Scorer::Words
    };
    let lexicon = Lexicon::for_language(Language::German);
    let mut again = String::new();
    for span in segment(GERMAN, lexicon).iter().take(11) {
        again.push_str(&GERMAN[span.start..span.end].replace("18", "23"));
        again.push_str("\n\n");
    }
    let text = format!("{GERMAN}\n{again}");
    assert_eq!(segment(&text, lexicon).len(), 30, "thirty sentences");
    if scorer == Scorer::Meaning {
        // Loading the model is a start-up cost, not the article's.
        claimdesk::encoder::shared().expect("the encoder's model file");
    }
    let options = ExtractOptions {
        scorer,
        ..ExtractOptions::default()
    };
    bencher.bench(|| extract_text(divan::black_box(&text), Language::German, &options));
}
