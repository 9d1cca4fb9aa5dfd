//! `claimdesk train-speakers` (hidden): trains the speaker tagger (`crate::extract::speakers`) from
//! claimdesk's own annotated sentences and measures it on sentences it never saw, so the shipped
//! `assets/model/speakers.json` is rebuilt by one command:
//!
//! ```sh
//! claimdesk train-speakers assets/model/attribution/*.jsonl --test tests/data/attribution/*.jsonl \
//!     -o assets/model/speakers.json
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use crate::article::Language;
use crate::extract::features::analyze;
use crate::extract::lexicon::Lexicon;
use crate::extract::segment::Span;
use crate::extract::speakers::{Example, SpeakerTagger, train};

/// Arguments of `claimdesk train-speakers`.
#[derive(Debug, clap::Args)]
pub struct TrainSpeakersArgs {
    /// Annotated sentences, JSON Lines `{"text", "mention" (a substring of text, or null), …}`; the
    /// language is the file name's first two letters (`de.jsonl`, `en.jsonl`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Sentences to measure on, never trained on (`tests/data/attribution/*.jsonl`: their `speaker` is
    /// the mention when it is a substring of the text).
    #[arg(long, num_args = 1..)]
    pub test: Vec<PathBuf>,
    /// Hidden units.
    #[arg(long, default_value_t = 64)]
    pub hidden: usize,
    /// Passes over the sentences.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// The order of the passes.
    #[arg(long, default_value_t = 20_261_208)]
    pub seed: u64,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = 1e-4)]
    pub penalty: f32,
    /// Where to write the tagger.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// One sentence read from a file: its text, the byte span of its source's mention, its language.
struct Item {
    text: String,
    mention: Option<(usize, usize)>,
    language: Language,
    structure: String,
}

fn read(path: &Path, field: &str) -> Result<Vec<Item>, CliError> {
    let language = match path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.get(..2).unwrap_or_default())
    {
        Some("de") => Language::German,
        _ => Language::English,
    };
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Io {
        what: "reading annotated sentences",
        source,
    })?;
    let mut items = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|error| CliError::Usage(format!("{}: {error}", path.display())))?;
        let sentence = value["text"].as_str().unwrap_or_default().to_owned();
        let mention = value[field]
            .as_str()
            .and_then(|m| sentence.find(m).map(|at| (at, at + m.len())));
        // A speaker found only in the context (a pronoun resolved, a continuation) is no mention here.
        if value[field].is_string() && mention.is_none() && field == "mention" {
            continue;
        }
        items.push(Item {
            text: sentence,
            mention,
            language,
            structure: value["structure"].as_str().unwrap_or_default().to_owned(),
        });
    }
    Ok(items)
}

fn examples(
    items: &[Item],
    encoder: &crate::encoder::Encoder,
) -> Vec<(Example, Vec<(usize, usize)>)> {
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let states = encoder.embed_words_parallel(&texts, crate::encoder::Kind::Query, threads);
    items
        .iter()
        .zip(&states)
        .map(|(item, states)| {
            let lexicon = Lexicon::for_language(item.language);
            let analysis = analyze(
                &item.text,
                Span {
                    start: 0,
                    end: item.text.len(),
                },
                lexicon,
            );
            let mention = item.mention.map(|(start, end)| Span { start, end });
            let words = analysis.words.iter().map(|w| (w.start, w.end)).collect();
            (Example::of(&analysis, states, mention), words)
        })
        .collect()
}

impl TrainSpeakersArgs {
    /// Trains, measures, writes.
    ///
    /// # Errors
    /// When a file cannot be read or the encoder cannot be loaded.
    pub fn run(self) -> Result<ExitCode, CliError> {
        let encoder =
            crate::encoder::shared().map_err(|error| CliError::Usage(error.to_string()))?;
        let mut items = Vec::new();
        for file in &self.files {
            items.extend(read(file, "mention")?);
        }
        eprintln!("claimdesk: {} annotated sentences", items.len());
        let training: Vec<Example> = examples(&items, encoder)
            .into_iter()
            .map(|(example, _)| example)
            .collect();
        let mut tagger = train(
            &training,
            self.hidden,
            self.epochs,
            self.seed,
            self.penalty,
            encoder.identity(),
        );
        let mut evaluation = serde_json::Map::new();
        for file in &self.test {
            let tests = read(file, "speaker")?;
            let measured = examples(&tests, encoder);
            let (mut right, mut total) = (0usize, 0usize);
            for (item, (example, _)) in tests.iter().zip(&measured) {
                if matches!(
                    item.structure.as_str(),
                    "pronoun" | "konjunktiv_continuation" | "konjunktiv_across_paragraph"
                ) {
                    continue;
                }
                total += 1;
                let lexicon = Lexicon::for_language(item.language);
                let analysis = analyze(
                    &item.text,
                    Span {
                        start: 0,
                        end: item.text.len(),
                    },
                    lexicon,
                );
                let states = encoder.embed_words(&[&item.text], crate::encoder::Kind::Query);
                let found = tagger
                    .tag(&analysis, &states[0])
                    .map(|(span, _)| item.text[span.start..span.end].to_owned());
                let gold = item.mention.map(|(s, e)| item.text[s..e].to_owned());
                if same_speaker(found.as_deref(), gold.as_deref()) {
                    right += 1;
                }
                let _ = example;
            }
            #[expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]
            let share = right as f64 / total.max(1) as f64;
            eprintln!(
                "claimdesk: {}: {right} of {total} sources right ({:.1} %)",
                file.display(),
                share * 100.0
            );
            evaluation.insert(
                file.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                serde_json::json!({"right": right, "total": total}),
            );
        }
        tagger.evaluation = evaluation;
        if let Some(output) = &self.output {
            let mut bytes = serde_json::to_vec(&round(&tagger)).map_err(|source| CliError::Io {
                what: "writing the tagger",
                source: source.into(),
            })?;
            bytes.push(b'\n');
            super::Output::of(Some(output.as_path())).write(&bytes)?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Weights to six decimals: a file of reasonable size that the same run writes byte for byte.
fn round(tagger: &SpeakerTagger) -> SpeakerTagger {
    let six =
        |values: &[f32]| -> Vec<f32> { values.iter().map(|v| (v * 1e6).round() / 1e6).collect() };
    SpeakerTagger {
        w1: six(&tagger.w1),
        b1: six(&tagger.b1),
        w2: six(&tagger.w2),
        b2: six(&tagger.b2),
        mean: six(&tagger.mean),
        scale: six(&tagger.scale),
        ..tagger.clone()
    }
}

/// Whether a found source names the gold one: the same words after a leading article, or one holding the
/// other with at least 60 % of its letters (as `scripts/eval/attribution.py` counts).
fn same_speaker(found: Option<&str>, gold: Option<&str>) -> bool {
    let normal = |text: &str| -> String {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let skip = usize::from(words.first().is_some_and(|w| {
            matches!(
                *w,
                "der"
                    | "die"
                    | "das"
                    | "des"
                    | "dem"
                    | "den"
                    | "ein"
                    | "eine"
                    | "einer"
                    | "eines"
                    | "einem"
                    | "the"
                    | "a"
                    | "an"
            )
        }));
        words[skip..].join(" ")
    };
    match (found, gold) {
        (None, None) => true,
        (Some(found), Some(gold)) => {
            let (a, b) = (normal(found), normal(gold));
            let (short, long) = if a.len() <= b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            a == b
                || (!short.is_empty()
                    && long.contains(short.as_str())
                    && short.len() * 10 >= long.len() * 6)
        }
        _ => false,
    }
}
