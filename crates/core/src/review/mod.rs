//! The review document: an article, its claims, and the analyst's verdicts, notes and evidence.
//!
//! Every change goes through [`edit::Edit`] values applied by [`edit::History`], which records undo/redo and
//! knows whether the document has unsaved changes. [`store`] reads and writes review files.

pub mod agreement;
pub mod anchor;
pub mod base;
pub mod edit;
pub mod fields;
pub mod merge;
pub mod store;
pub mod words;

pub use fields::{Act, ClaimField, HistoryAction, Step, VerdictState};
pub use words::Vocabulary;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::article::Span;

/// The `format` field of every review file.
pub const FORMAT_NAME: &str = "claimdesk-review";
/// The newest review file version this build writes and reads.
pub const FORMAT_VERSION: u32 = 3;

/// The analyst's verdict on a claim. A claim without one is pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The claim checks out.
    Confirmed,
    /// The claim is false.
    Denied,
    /// The claim cannot be verified with the evidence available.
    Unverified,
}

impl Verdict {
    /// All verdicts, in display order.
    pub const ALL: [Self; 3] = [Self::Confirmed, Self::Denied, Self::Unverified];

    /// The verdict as an English word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Denied => "denied",
            Self::Unverified => "unverified",
        }
    }
}

/// What sort of statement a claim is. See the README for the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A direct quotation attributed to a speaker.
    Quote,
    /// An attributed statement in reported (indirect) speech, or "according to X".
    ReportedStatement,
    /// Numbers, quantities, money or percentages.
    Statistic,
    /// A forecast or expectation about the future.
    Prediction,
    /// A comparison, change, record or superlative.
    Comparison,
    /// Something that happened: an action, decision or incident.
    Event,
    /// A checkable statement of fact that fits none of the above.
    #[default]
    Fact,
    /// A headline or heading that itself states a checkable fact.
    Headline,
    /// A claim circulating on social media or by word of mouth, without a source that vouches for it.
    Rumour,
    /// A claim asked as a question ("Actress dead?", "Is it true that …?"): what circulates, put as a
    /// question.
    Question,
}

impl ClaimKind {
    /// A short human label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Quote => "quote",
            Self::ReportedStatement => "reported statement",
            Self::Statistic => "statistic",
            Self::Prediction => "prediction",
            Self::Comparison => "comparison",
            Self::Event => "event",
            Self::Fact => "fact",
            Self::Headline => "headline",
            Self::Rumour => "rumour",
            Self::Question => "question",
        }
    }
}

/// Why a claim was picked: one contribution to its check-worthiness. Stored without words of any language,
/// so the window shows it in the window's language and a report in the report's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Reason {
    /// A feature the extractor found, with the article's words that showed it.
    Found(FoundReason),
    /// A reason in English words, as files before version 3 stored them; shown as written.
    Written(String),
}

/// A feature of a claim and what showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FoundReason {
    /// Which feature: a named feature of the model (`figures.statistic`, `attribution.named` — listed in the
    /// README), `words` for words the model weighs, or `by_hand` for a claim the analyst added.
    pub feature: std::borrow::Cow<'static, str>,
    /// The article's words that showed it, as written (`…` last when there were more).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The speaker it attributes the claim to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The reporting word or phrase (`sagte`, `according to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Whether it counts for or against check-worthiness; absent for reasons outside the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign: Option<Sign>,
}

/// The direction of a contribution to check-worthiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Makes the claim more check-worthy.
    For,
    /// Makes it less check-worthy.
    Against,
}

impl FoundReason {
    /// A feature without words, speaker or sign.
    #[must_use]
    pub fn new(feature: impl Into<std::borrow::Cow<'static, str>>) -> Self {
        Self {
            feature: feature.into(),
            words: Vec::new(),
            speaker: None,
            marker: None,
            sign: None,
        }
    }

    /// The same reason showing `words`, at most `limit` of them and `…` when there were more.
    #[must_use]
    pub fn with_words<S: Into<String>>(
        mut self,
        words: impl IntoIterator<Item = S>,
        limit: usize,
    ) -> Self {
        let mut words = words.into_iter();
        // A reason is kept as long as its review, and a long article has hundreds of thousands of them: sized
        // by what the words' source promises, and trimmed only where that promise was loose.
        let promised = words.size_hint().1.unwrap_or(limit).min(limit);
        self.words = Vec::with_capacity(promised);
        self.words
            .extend(words.by_ref().take(limit).map(Into::into));
        if words.next().is_some() {
            self.words.push("…".to_owned());
        }
        self.words.shrink_to_fit();
        self
    }
}

impl From<FoundReason> for Reason {
    fn from(found: FoundReason) -> Self {
        Self::Found(found)
    }
}

/// Who made a claim: the extractor or the analyst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by claimdesk's extractor.
    #[default]
    Extracted,
    /// Added by the analyst.
    Manual,
}

/// Whether a speaker is a person or an organisation (schema.org `Person` or `Organization`), decided where
/// the speaker is found so that exports need no language knowledge of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person.
    Person,
    /// An organisation, authority, place or group.
    Organisation,
    /// A survey, study, report, ruling or post: a work (schema.org `CreativeWork`), not who wrote it.
    Work,
}

/// One recorded change of a claim: who did what, when.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct HistoryEntry {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The reviewer's name (`unknown` when none was given).
    pub by: String,
    /// What changed: `verdict`, `note`, `evidence`, `speaker`, `span`, `added`, `removed`, `approved`,
    /// `resolved <field>`; an undo or redo is recorded as `undo <action>` / `redo <action>`.
    pub action: HistoryAction,
    /// The value before, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The value after, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A second reviewer's sign-off of a claim's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Approval {
    /// Who approved (never the reviewer who set the verdict).
    pub by: String,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// One field that two reviewers changed in different ways, kept by a merge until someone decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Conflict {
    /// `verdict`, `note`, `speaker`, `span`, `approval` or `claim` (changed on one side, removed on the other).
    pub field: ClaimField,
    /// Our value (the one the claim holds until the conflict is resolved).
    pub ours: serde_json::Value,
    /// Their value.
    pub theirs: serde_json::Value,
    /// Who set ours, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours_by: Option<String>,
    /// Who set theirs, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_by: Option<String>,
}

/// One check-worthy statement in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// Stable identifier within the review (`c1`, `c2`, …).
    pub id: String,
    /// Byte offset of the claim's first byte in the article text.
    pub start: usize,
    /// Byte offset one past the claim's last byte.
    pub end: usize,
    /// Exactly `article.text[start..end]`.
    pub text: String,
    /// Check-worthiness in [0, 1].
    pub score: f64,
    /// What sort of statement it is.
    pub kind: ClaimKind,
    /// Why it was picked, strongest first.
    pub reasons: Vec<Reason>,
    /// The person or organisation the claim is attributed to.
    pub speaker: Option<String>,
    /// Where the speaker is named in the article text, when it is.
    #[serde(default)]
    pub speaker_span: Option<Span>,
    /// Whether extraction only inferred the speaker from the context (a pronoun, reported speech that
    /// continues) instead of finding it named in the claim's sentence. Exports leave such a speaker out
    /// until the analyst confirms or edits it, which clears this.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub speaker_inferred: bool,
    /// Whether the speaker is a person or an organisation; absent in files of earlier versions, where it is
    /// derived on opening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<SpeakerKind>,
    /// Words that make the claim uncertain, as they appear in the text.
    pub hedges: Vec<String>,
    /// Where each hedge stands in the article text.
    #[serde(default)]
    pub hedge_spans: Vec<Span>,
    /// The analyst's verdict; `null` while pending.
    pub verdict: Option<Verdict>,
    /// The analyst's note.
    pub note: String,
    /// Evidence links (http or https URLs).
    pub evidence: Vec<String>,
    /// Found by the extractor or added by hand.
    #[serde(default)]
    pub origin: Origin,
    /// Who set the current verdict (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict_by: Option<String>,
    /// The second reviewer's approval of the current verdict (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Every change, oldest first (version 2). Append-only through the window.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Fields a merge could not decide (version 2); the claim holds "ours" until they are resolved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Claim {
    /// The claim's span in the article text.
    #[must_use]
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

/// A review in progress: what a review file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The file format version, [`FORMAT_VERSION`] when written by this build.
    pub version: u32,
    /// The article under review, with its full text.
    pub article: Article,
    /// The claims, ordered by position in the article.
    pub claims: Vec<Claim>,
    /// When the review was created (RFC 3339).
    pub created: String,
    /// When it was last saved (RFC 3339).
    pub modified: String,
    /// The claimdesk version that wrote the file.
    pub generator: String,
    /// The claim that was selected when the review was saved, so it reopens where the analyst left off.
    #[serde(default)]
    pub selected: Option<String>,
    /// Claims whose text is no longer in the article (after it changed); kept with their verdicts and
    /// notes. Their spans refer to the earlier text and are not checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned: Vec<Claim>,
    /// Claims that were removed, with their history (version 2): the audit trail outlives the claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Claim>,
}

/// Counts of claims per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Claims without a verdict.
    pub pending: usize,
    /// Confirmed claims.
    pub confirmed: usize,
    /// Denied claims.
    pub denied: usize,
    /// Unverified claims.
    pub unverified: usize,
}

impl Progress {
    /// Claims with any verdict.
    #[must_use]
    pub fn reviewed(&self) -> usize {
        self.confirmed + self.denied + self.unverified
    }

    /// All claims.
    #[must_use]
    pub fn total(&self) -> usize {
        self.reviewed() + self.pending
    }
}

/// The current time as RFC 3339, to the second, in UTC.
#[must_use]
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// When a new review is made: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
/// convention) when it is set, so a re-run — or an engine re-running a task — writes the same bytes; else now.
#[must_use]
pub fn creation_time() -> String {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|seconds| seconds.trim().parse::<i64>().ok())
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .map_or_else(now_rfc3339, |time| {
            time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
}

impl Review {
    /// A new review of `article` with `claims`, created now (or at `SOURCE_DATE_EPOCH`).
    #[must_use]
    pub fn new(article: Article, claims: Vec<Claim>) -> Self {
        let now = creation_time();
        Self {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            article,
            claims,
            created: now.clone(),
            modified: now,
            generator: concat!("claimdesk ", env!("CARGO_PKG_VERSION")).to_owned(),
            selected: None,
            orphaned: Vec::new(),
            removed: Vec::new(),
        }
    }

    /// Counts per verdict.
    #[must_use]
    pub fn progress(&self) -> Progress {
        let mut progress = Progress::default();
        for claim in &self.claims {
            match claim.verdict {
                None => progress.pending += 1,
                Some(Verdict::Confirmed) => progress.confirmed += 1,
                Some(Verdict::Denied) => progress.denied += 1,
                Some(Verdict::Unverified) => progress.unverified += 1,
            }
        }
        progress
    }

    /// The index of the claim with `id`.
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.claims.iter().position(|claim| claim.id == id)
    }

    /// The claim with `id`.
    #[must_use]
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|claim| claim.id == id)
    }

    /// An id no claim has yet (orphaned and removed claims included: a removed claim's history keeps its id).
    #[must_use]
    pub fn next_claim_id(&self) -> String {
        let highest = self
            .claims
            .iter()
            .chain(&self.orphaned)
            .chain(&self.removed)
            .filter_map(|claim| {
                claim
                    .id
                    .strip_prefix('c')
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .max()
            .unwrap_or(0);
        format!("c{}", highest + 1)
    }
}
