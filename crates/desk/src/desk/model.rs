//! A desk's own check-worthiness model, learned from the desk's decisions: claims given a verdict or added
//! by hand were worth checking, claims removed were not. It lives in `<desk>/.claimdesk/model/model.json`
//! and is used for every article of that desk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::extract::model::Model;
use crate::extract::train::{self, Example, TrainError, TrainOptions, Trained};
use crate::review::{Origin, store};

use super::DATA_DIR;

/// Passes over a desk's decisions: few, because they adjust the shipped weights rather than replace them.
pub const DESK_EPOCHS: usize = 4;

/// Where a desk keeps its model.
#[must_use]
pub fn model_path(desk: &Path) -> PathBuf {
    desk.join(DATA_DIR).join("model").join("model.json")
}

/// The model of the desk `path` is in (the nearest folder above it with `.claimdesk/model/model.json`),
/// when there is one and it can be read. A broken desk model is passed over: the shipped model scores
/// instead, and extraction never fails for it.
#[must_use]
pub fn model_for(path: &Path) -> Option<Arc<Model>> {
    let start = if path.is_dir() { path } else { path.parent()? };
    let absolute = start.canonicalize().ok()?;
    absolute
        .ancestors()
        .map(model_path)
        .find(|candidate| candidate.is_file())
        .and_then(|found| Model::load(&found).ok())
        .map(Arc::new)
}

/// The desk's decisions as labelled sentences: every claim with a verdict or added by hand counts as
/// check-worthy, every removed claim as not. Pending extracted claims say nothing yet and are left out.
#[must_use]
pub fn decisions(desk: &Path) -> Vec<Example> {
    let mut examples = Vec::new();
    for file in super::scan(desk) {
        if !file.review_path.is_file() {
            continue;
        }
        let Ok(review) = store::load(&file.review_path) else {
            continue;
        };
        let language = review.article.language;
        for claim in &review.claims {
            if claim.verdict.is_some() || claim.origin == Origin::Manual {
                examples.push(Example {
                    text: claim.text.clone(),
                    label: true,
                    language,
                });
            }
        }
        for claim in &review.removed {
            examples.push(Example {
                text: claim.text.clone(),
                label: false,
                language,
            });
        }
    }
    examples
}

/// Trains the desk's model from its decisions (see [`decisions`]), starting from the shipped model (whose weights the
/// decisions adjust rather than replace), writes it to [`model_path`] and drops the desk's cached claim
/// counts, which the old model made.
///
/// # Errors
/// [`TrainError`]: too few decisions of either kind, or the model cannot be written.
pub fn train_desk(
    desk: &Path,
    examples: &[Example],
    seed: u64,
    epochs: usize,
) -> Result<Trained, TrainError> {
    let options = TrainOptions {
        seed,
        epochs,
        start: Some(Model::shipped().clone()),
        description: format!(
            "The desk's own model: the shipped model adjusted by the decisions in {} (verdicts and hand-added \
             claims: check-worthy; removed claims: not), {epochs} epochs, seed {seed}.",
            desk.display()
        ),
        ..TrainOptions::default()
    };
    let trained = train::train(examples, &options).map_err(|error| match error {
        TrainError::TooFew {
            positives,
            negatives,
            ..
        } => TrainError::TooFew {
            what: format!(
                "the desk {} (claims with a verdict or added by hand / claims removed)",
                desk.display()
            ),
            positives,
            negatives,
        },
        other => other,
    })?;
    train::save_model(&trained.model, &model_path(desk))?;
    let _ = std::fs::remove_dir_all(super::data_dir(desk).join("cache"));
    Ok(trained)
}
