//! `claimdesk train`: the check-worthiness model from labelled sentences, or a desk's own model from its
//! decisions.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, LangArg};
use crate::desk;

/// What `claimdesk train` is asked to do.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainArgs {
    /// Labelled sentences: JSON Lines {"text", "label": 0|1, "lang"?: "de"|"en"}, or a JSON array of
    /// such objects.
    #[arg(long, num_args = 1.., value_name = "FILE", required_unless_present = "from_desk")]
    pub labels: Vec<PathBuf>,
    /// The language of lines without "lang" (default: detected per sentence).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Learn from this desk's decisions (verdicts and hand-added claims: check-worthy; removed claims:
    /// not), starting from the shipped model; writes `DIR/.claimdesk/model/model.json`, and a copy to -o
    /// when given.
    #[arg(long, value_name = "DIR", conflicts_with = "labels")]
    pub from_desk: Option<PathBuf>,
    /// The seed of the shuffling.
    #[arg(long, default_value_t = crate::extract::train::DEFAULT_SEED)]
    pub seed: u64,
    /// Passes over the training sentences.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Where to write the model (JSON).
    #[arg(
        short,
        long,
        value_name = "MODEL",
        required_unless_present = "from_desk"
    )]
    pub output: Option<PathBuf>,
}

impl TrainArgs {
    /// Trains and prints the held-out numbers.
    ///
    /// # Errors
    /// See [`CliError`].
    pub fn run(self) -> Result<ExitCode, CliError> {
        train(&self)?;
        Ok(ExitCode::SUCCESS)
    }
}

fn train(args: &TrainArgs) -> Result<(), CliError> {
    use crate::extract::model::Model;
    use crate::extract::train::{self, TrainOptions};
    let (trained, output) = if let Some(desk) = &args.from_desk {
        let examples = desk::model::decisions(desk);
        eprintln!(
            "claimdesk: training the desk's model on {} decisions ({} check-worthy) in {}",
            examples.len(),
            examples.iter().filter(|e| e.label).count(),
            desk.display()
        );
        let epochs = args.epochs.min(desk::model::DESK_EPOCHS);
        let trained = desk::model::train_desk(desk, &examples, args.seed, epochs)?;
        let output = desk::model::model_path(desk);
        if let Some(copy) = &args.output {
            train::save_model(&trained.model, copy)?;
        }
        (trained, output)
    } else {
        let mut examples = Vec::new();
        for path in &args.labels {
            examples.extend(train::read_labels(path, args.lang.language())?);
        }
        let output = args
            .output
            .clone()
            .ok_or_else(|| CliError::Usage("give -o MODEL: where to write the model".to_owned()))?;
        let sources: Vec<String> = args
            .labels
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "claimdesk: training on {} sentences ({} check-worthy) from {}",
            examples.len(),
            examples.iter().filter(|e| e.label).count(),
            sources.join(", ")
        );
        let options = TrainOptions {
            seed: args.seed,
            epochs: args.epochs,
            start: Some(Model::prior().clone()),
            description: format!(
                "Logistic regression over claimdesk's named features and words (AdaGrad, {} epochs, seed {}, named weights anchored at assets/model/prior.json), trained by `claimdesk train` on {}.",
                args.epochs,
                args.seed,
                sources.join(", ")
            ),
            ..TrainOptions::default()
        };
        let trained = train::train(&examples, &options)?;
        train::save_model(&trained.model, &output)?;
        (trained, output)
    };
    let (training, calibration, held_out) = trained.split;
    println!(
        "split: {training} training, {calibration} calibration (threshold {:.3}), {held_out} held out",
        trained.model.threshold
    );
    println!("held out, new model:    {}", trained.held_out);
    println!("held out, balanced:     {}", trained.balanced);
    println!("held out, before:       {}", trained.before);
    for (language, evaluation) in &trained.by_language {
        println!(
            "held out, {:<13} {evaluation}",
            format!("{}:", language.name())
        );
    }
    println!(
        "model: {} ({} weights)",
        output.display(),
        trained.model.size()
    );
    Ok(())
}
