//! "Checked before": the claim memory in the window.
//!
//! Whenever the open review's claims change (another article, a claim added, a span moved), the claims are
//! matched against the memory of the desk the review belongs to, on a background thread; no frame waits for
//! it. The inspector shows the matches of the selected claim, the claim list marks claims that were checked
//! before, and [`crate::app::Command::AdoptEarlierVerdict`] takes over the best "same" match's verdict with a note
//! that cites it, as one undoable edit.

use crate::review::{Verdict, Vocabulary};
use std::path::PathBuf;

use foldhash::HashMap;

use crate::app::jobs::{Job, JobFailure, Progress};
use crate::article::Language;
use crate::i18n::{InWords, Locale, Messages};
use crate::layout;
use crate::memory::{Match, MatchOptions, Memory, Relation};
use crate::review::{Claim, Review};

/// What the matches were computed for: the review's file and its claims' ids and texts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LookupKey {
    location: Option<PathBuf>,
    claims: u64,
    /// The desk memory's import stamp: an import from the command line makes the window look again.
    memory: Option<(u64, u128)>,
}

/// Where the lookup stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LookupState {
    /// Nothing opened from a folder: there is no desk to remember.
    #[default]
    NoDesk,
    /// Matching in the background.
    Running,
    /// Matches are in; the memory holds this many earlier claims.
    Ready(u64),
    /// The memory could not be read.
    Failed(String),
}

/// What a lookup found: the memory's size, each claim's matches, and the memory's notices in words.
type LookupResult = Result<(u64, HashMap<String, Vec<Match>>, Vec<String>), String>;

/// The matches of the open review's claims.
#[derive(Default)]
pub struct CheckedBefore {
    key: Option<LookupKey>,
    job: Option<(LookupKey, Job<LookupResult>)>,
    matches: HashMap<String, Vec<Match>>,
    /// The review file the matches are wanted for.
    current_location: Option<PathBuf>,
    /// The document revision whose claims `key` is known to describe: while it stands, no frame hashes the
    /// claims again.
    checked_revision: Option<u64>,
    /// Where the lookup stands.
    pub state: LookupState,
    /// The window's language when the last lookup started: its failures are told in it.
    messages: Option<&'static Messages>,
    /// What the memory said about itself (matching by words only, a vector file repaired).
    pub notices: Vec<String>,
    /// The memory's import stamp as last read, and when: read at most once a second.
    memory_stamp: Option<(std::time::Instant, Option<(u64, u128)>)>,
    /// The analyst stopped the vectors' computation: later lookups of this session do not start it again.
    embedding_stopped: bool,
}

fn fingerprint(claims: &[Claim]) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = foldhash::quality::FixedState::with_seed(7).build_hasher();
    for claim in claims {
        claim.id.hash(&mut hasher);
        claim.text.hash(&mut hasher);
    }
    hasher.finish()
}

impl CheckedBefore {
    /// The matches of a claim, best first.
    #[must_use]
    pub fn matches(&self, claim_id: &str) -> &[Match] {
        self.matches.get(claim_id).map_or(&[], Vec::as_slice)
    }

    /// The best match whose verdict M can carry over: the same fact, or its opposite (inverted).
    #[must_use]
    pub fn best_adoptable(&self, claim_id: &str) -> Option<&Match> {
        self.matches(claim_id)
            .iter()
            .find(|m| matches!(m.relation, Relation::Same | Relation::Opposite))
    }

    /// Forgets everything (another review is opening) but whether the analyst stopped the vectors.
    pub fn clear(&mut self) {
        *self = Self {
            embedding_stopped: self.embedding_stopped,
            ..Self::default()
        };
    }

    /// Starts a lookup when the claims changed since the last one, and takes in finished ones.
    /// `location` is the review's (or article's) file; without one there is no desk. `revision` is the
    /// document's: the claims are only looked at again when it changed.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        review: &Review,
        revision: u64,
        location: Option<PathBuf>,
        m: &'static Messages,
    ) {
        self.messages = Some(m);
        if self.current_location != location || self.key.is_none() && self.job.is_none() {
            // Another review: its claim ids mean other claims, so nothing of the last one may show.
            self.current_location.clone_from(&location);
            self.matches.clear();
            self.key = None;
            self.checked_revision = None;
            self.state = if location.is_some() {
                LookupState::Running
            } else {
                LookupState::NoDesk
            };
        }
        self.poll(ctx);
        if location.is_some() {
            // An import from another process shows without the analyst touching anything.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        let memory = self.memory_stamp(location.as_deref());
        let memory_changed = self.key.as_ref().is_some_and(|k| k.memory != memory);
        if self.job.is_none()
            && self.key.is_some()
            && self.checked_revision == Some(revision)
            && !memory_changed
        {
            return;
        }
        let key = LookupKey {
            location: location.clone(),
            claims: fingerprint(&review.claims),
            memory,
        };
        if self.key.as_ref() == Some(&key) {
            self.checked_revision = Some(revision);
            return;
        }
        if self.job.is_some() {
            // A job for older claims finishes first; the next refresh starts one for these.
            return;
        }
        let Some(path) = location else {
            self.key = Some(key);
            self.matches.clear();
            self.state = LookupState::NoDesk;
            return;
        };
        let claims = review.claims.clone();
        let article = review.article.text.clone();
        let language = review.article.language;
        let embed = !self.embedding_stopped;
        let job = Job::spawn("memory", ctx, move |progress| {
            lookup(&path, &claims, &article, language, embed, m, progress)
        });
        self.job = Some((key, job));
        if !matches!(self.state, LookupState::Ready(_)) {
            self.state = LookupState::Running;
        }
    }

    /// The import stamp of the memory of the desk that holds `location`, read again at most once a second
    /// (a stat of one file); the window repaints each second while a desk review is open.
    fn memory_stamp(&mut self, location: Option<&std::path::Path>) -> Option<(u64, u128)> {
        let location = location?;
        let fresh = self
            .memory_stamp
            .filter(|(read, _)| read.elapsed() < std::time::Duration::from_secs(1));
        if let Some((_, stamp)) = fresh {
            return stamp;
        }
        let stamp = crate::memory::import_stamp(&layout::desk_containing(location));
        self.memory_stamp = Some((std::time::Instant::now(), stamp));
        stamp
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some((_, job)) = &mut self.job else {
            return;
        };
        let Some(outcome) = job.poll() else {
            return;
        };
        let result = outcome.unwrap_or_else(|failure| Err(self.failed(&failure)));
        self.finish(result);
        ctx.request_repaint();
    }

    fn finish(&mut self, result: LookupResult) {
        let Some((key, _)) = self.job.take() else {
            return;
        };
        if key.location != self.current_location {
            // For a review that is no longer open.
            return;
        }
        self.key = Some(key);
        match result {
            Ok((size, matches, notices)) => {
                self.matches = matches;
                self.notices = notices;
                self.state = LookupState::Ready(size);
            }
            Err(message) => {
                self.matches.clear();
                self.state = LookupState::Failed(message);
            }
        }
    }

    /// What a lookup that gave no answer says, in the language it was started in.
    fn failed(&self, failure: &JobFailure) -> String {
        let m = self.messages.unwrap_or_else(|| Locale::English.messages());
        match failure {
            JobFailure::Panicked(_) => m.text("error-lookup-failed"),
            JobFailure::Lost(_) => m.text("error-lookup-stopped"),
        }
    }

    /// While the memory computes the vectors of claims that lack one (after a large import): how many of
    /// how many are done.
    #[must_use]
    pub fn embedding(&self) -> Option<(f32, bool)> {
        let (_, job) = self.job.as_ref()?;
        let fraction = job.fraction();
        (fraction > 0.0).then(|| (fraction, job.is_cancelled()))
    }

    /// Stops computing vectors: what is done is kept, the lookup finishes with words for the rest, and
    /// the next lookup goes on from there.
    pub fn cancel_embedding(&mut self) {
        self.embedding_stopped = true;
        if let Some((_, job)) = &self.job {
            job.cancel();
        }
    }

    /// Waits for a running lookup to finish (tests only: the window never waits).
    #[doc(hidden)]
    pub fn wait(&mut self) {
        let Some((_, job)) = &mut self.job else {
            return;
        };
        let result = job
            .wait()
            .unwrap_or_else(|failure| Err(self.failed(&failure)));
        self.finish(result);
    }
}

/// Matches `claims` against the memory of the desk that holds `path`, leaving out the review's own claims.
/// Claims without vectors (a large import) are embedded first, with progress, until cancelled; each claim
/// is read with its paragraph of `article`.
fn lookup(
    path: &std::path::Path,
    claims: &[Claim],
    article: &str,
    language: Language,
    embed: bool,
    m: &Messages,
    progress: &Progress,
) -> LookupResult {
    type Found = (u64, HashMap<String, Vec<Match>>, Vec<String>);
    let work = || -> Result<Found, crate::memory::MemoryError> {
        let desk = layout::desk_containing(path);
        let mut memory = Memory::new();
        memory.add_desk(&desk)?;
        let pending = memory.pending();
        if pending > 0 && embed {
            progress.set_total(pending);
            memory.embed_pending(&mut |done, _| {
                progress.set_done(done);
                !progress.is_cancelled()
            })?;
        }
        let notices = memory.notices().iter().map(|n| n.in_words(m)).collect();
        let review_path = if layout::is_review_file(path) {
            path.to_owned()
        } else {
            layout::review_path_for(path)
        };
        memory.exclude_review(&desk, &review_path);
        let results =
            memory.match_claims_in(claims, Some(article), language, MatchOptions::default())?;
        let matches = results
            .into_iter()
            .filter(|claim| !claim.matches.is_empty())
            .map(|claim| (claim.claim_id, claim.matches))
            .collect();
        Ok((memory.len(), matches, notices))
    };
    work().map_err(|error| error.in_words(m))
}

/// The verdict M gives a claim from an earlier check it matches: the same verdict for the same fact, the
/// inverse for its opposite (a denial of a false rumour is true, and the other way round); `None` when the
/// opposite of the earlier verdict is not a verdict (the opposite of "unverified" is not known either).
#[must_use]
pub fn adopted_verdict(found: &Match) -> Option<Verdict> {
    match found.relation {
        Relation::Same => Some(found.entry.verdict),
        Relation::Opposite => match found.entry.verdict {
            Verdict::Confirmed => Some(Verdict::Denied),
            Verdict::Denied => Some(Verdict::Confirmed),
            Verdict::Unverified => None,
        },
        Relation::Related => None,
    }
}

/// The note that cites an adopted earlier verdict, in `m`'s language (the review's, not the window's):
/// which verdict, who gave it and when, their rating, the claim they checked and their link.
#[must_use]
pub fn citation(found: &Match, m: &Messages) -> String {
    let entry = &found.entry;
    let verdict = Verdict::words(Vocabulary::Window, m, Some(entry.verdict));
    let source = entry.source.clone();
    let mut note = if found.relation == Relation::Opposite {
        m.format(
            "checked-before-note-opposite",
            &[("verdict", verdict.into()), ("source", source.into())],
        )
    } else {
        m.format(
            "checked-before-note",
            &[("verdict", verdict.into()), ("source", source.into())],
        )
    };
    if let Some(date) = &entry.reviewed_at {
        note.push_str(", ");
        note.push_str(&m.date(date));
    }
    if let Some(rating) = &entry.rating {
        note.push_str(", ");
        note.push_str(&m.format(
            "checked-before-note-rating",
            &[("rating", rating.clone().into())],
        ));
    }
    note.push_str(": ");
    note.push_str(&m.format(
        "checked-before-note-text",
        &[("text", entry.text.clone().into())],
    ));
    if let Some(url) = &entry.url {
        note.push(' ');
        note.push_str(url);
    }
    note
}
