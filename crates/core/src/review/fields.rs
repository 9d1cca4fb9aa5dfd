//! The review's words, typed: the fields of a claim that reviewers change ([`ClaimField`]), what a
//! history entry records ([`HistoryAction`]: a change, an addition, a removal or a resolved conflict, done,
//! undone or redone), and a verdict or pending ([`VerdictState`]). Each is written to review files as the
//! words files have always had (`verdict`, `approved`, `undo note`, `resolved approval`, `pending`), so files
//! read and write both ways between versions; only this module spells those words.

use std::borrow::Cow;
use std::fmt;

use super::Verdict;

/// A field of a claim that reviewers change, that history records and a merge compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimField {
    /// The verdict (and who set it).
    Verdict,
    /// The note.
    Note,
    /// The speaker or source.
    Speaker,
    /// The span in the article.
    Span,
    /// The evidence links.
    Evidence,
    /// A second reviewer's approval.
    Approval,
    /// The claim itself: kept on one side, removed on the other (conflicts only).
    Claim,
}

impl ClaimField {
    /// The fields history records a change of, in the order a change records them.
    pub const RECORDED: [Self; 6] = [
        Self::Verdict,
        Self::Note,
        Self::Speaker,
        Self::Span,
        Self::Evidence,
        Self::Approval,
    ];

    /// The fields a merge compares as units (evidence is merged link by link).
    pub const MERGED: [Self; 5] = [
        Self::Verdict,
        Self::Approval,
        Self::Note,
        Self::Speaker,
        Self::Span,
    ];

    /// Its name in a conflict (`Conflict.field`) and in "resolved …".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Verdict => "verdict",
            Self::Note => "note",
            Self::Speaker => "speaker",
            Self::Span => "span",
            Self::Evidence => "evidence",
            Self::Approval => "approval",
            Self::Claim => "claim",
        }
    }

    /// Its name, as [`Self::name`]: what `Conflict.field` holds in a file.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    /// Its name as a history entry's action records a change of it: "approved" for the approval.
    #[must_use]
    pub fn change_name(self) -> &'static str {
        match self {
            Self::Approval => "approved",
            other => other.name(),
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [
            Self::Verdict,
            Self::Note,
            Self::Speaker,
            Self::Span,
            Self::Evidence,
            Self::Approval,
            Self::Claim,
        ]
        .into_iter()
        .find(|field| field.name() == name)
    }

    fn from_change_name(name: &str) -> Option<Self> {
        Self::RECORDED
            .into_iter()
            .find(|field| field.change_name() == name)
    }
}

impl fmt::Display for ClaimField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for ClaimField {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl serde::Serialize for ClaimField {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for ClaimField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = Cow::<str>::deserialize(deserializer)?;
        Self::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("{name:?} is not a claim field")))
    }
}

impl schemars::JsonSchema for ClaimField {
    fn schema_name() -> Cow<'static, str> {
        "ClaimField".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "`verdict`, `note`, `speaker`, `span`, `approval` or `claim` (changed on one side, removed on the other).",
            "type": "string",
        })
    }

    fn inline_schema() -> bool {
        true
    }
}

/// Whether a history entry records the step itself, or its undoing or redoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Done.
    Did,
    /// Undone (`undo …`).
    Undid,
    /// Redone (`redo …`).
    Redid,
}

impl Step {
    fn prefix(self) -> &'static str {
        match self {
            Self::Did => "",
            Self::Undid => "undo ",
            Self::Redid => "redo ",
        }
    }
}

/// What a history entry records.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Act {
    /// A field changed.
    Changed(ClaimField),
    /// The claim was added.
    Added,
    /// The claim was removed.
    Removed,
    /// A merge conflict of this field was resolved.
    Resolved(ClaimField),
    /// An action of a newer claimdesk, kept as written.
    Other(String),
}

/// A history entry's action: what was done, and whether it was undone or redone. Written as files have
/// always had it: `verdict`, `undo note`, `redo added`, `resolved approval`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HistoryAction {
    step: Step,
    act: Act,
    /// The written form, kept so that [`Self::as_str`] lends it.
    text: String,
}

impl HistoryAction {
    /// The action `act`, done as `step`.
    #[must_use]
    pub fn new(step: Step, act: Act) -> Self {
        let text = format!(
            "{}{}",
            step.prefix(),
            match &act {
                Act::Changed(field) => Cow::Borrowed(field.change_name()),
                Act::Added => Cow::Borrowed("added"),
                Act::Removed => Cow::Borrowed("removed"),
                Act::Resolved(field) => Cow::Owned(format!("resolved {}", field.name())),
                Act::Other(text) => Cow::Borrowed(text.as_str()),
            }
        );
        Self { step, act, text }
    }

    /// Done, undone or redone.
    #[must_use]
    pub fn step(&self) -> Step {
        self.step
    }

    /// What was done.
    #[must_use]
    pub fn act(&self) -> &Act {
        &self.act
    }

    /// The field the action concerns: the one changed or whose conflict was resolved.
    #[must_use]
    pub fn field(&self) -> Option<ClaimField> {
        match self.act {
            Act::Changed(field) | Act::Resolved(field) => Some(field),
            _ => None,
        }
    }

    /// The field it changed (not a resolved conflict): the base of a merge reads changes only.
    #[must_use]
    pub fn changed(&self) -> Option<ClaimField> {
        match self.act {
            Act::Changed(field) => Some(field),
            _ => None,
        }
    }

    /// As written in files.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Reads a written action; what this build does not know is kept as [`Act::Other`].
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let (step, rest) = if let Some(rest) = text.strip_prefix("undo ") {
            (Step::Undid, rest)
        } else if let Some(rest) = text.strip_prefix("redo ") {
            (Step::Redid, rest)
        } else {
            (Step::Did, text)
        };
        let act = match rest {
            "added" => Some(Act::Added),
            "removed" => Some(Act::Removed),
            other => other
                .strip_prefix("resolved ")
                .and_then(ClaimField::from_name)
                .map(Act::Resolved)
                .or_else(|| ClaimField::from_change_name(other).map(Act::Changed)),
        };
        match act {
            Some(act) => Self::new(step, act),
            None => Self {
                step: Step::Did,
                act: Act::Other(text.to_owned()),
                text: text.to_owned(),
            },
        }
    }
}

impl fmt::Display for HistoryAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq<&str> for HistoryAction {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

// Ordered as written, as history entries always were.
impl PartialOrd for HistoryAction {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HistoryAction {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl serde::Serialize for HistoryAction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for HistoryAction {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::parse(&Cow::<str>::deserialize(deserializer)?))
    }
}

impl schemars::JsonSchema for HistoryAction {
    fn schema_name() -> Cow<'static, str> {
        "HistoryAction".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "What changed: `verdict`, `note`, `evidence`, `speaker`, `span`, `added`, `removed`, `approved`, `resolved <field>`; an undo or redo is recorded as `undo <action>` / `redo <action>`.",
            "type": "string",
        })
    }

    fn inline_schema() -> bool {
        true
    }
}

/// A claim's verdict, or pending: what reports, history and the desk count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerdictState {
    /// No verdict yet.
    Pending,
    /// A verdict.
    Given(Verdict),
}

impl VerdictState {
    /// Its machine name: `pending`, or the verdict's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Given(verdict) => verdict.label(),
        }
    }

    /// The state a machine name names (`pending`, `confirmed` …).
    #[must_use]
    pub fn of_label(label: &str) -> Option<Self> {
        if label == "pending" {
            return Some(Self::Pending);
        }
        Verdict::ALL
            .into_iter()
            .find(|verdict| verdict.label() == label)
            .map(Self::Given)
    }

    /// The verdict, when there is one.
    #[must_use]
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Self::Pending => None,
            Self::Given(verdict) => Some(verdict),
        }
    }
}

impl From<Option<Verdict>> for VerdictState {
    fn from(verdict: Option<Verdict>) -> Self {
        verdict.map_or(Self::Pending, Self::Given)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_read_and_write_as_files_have_them() {
        for text in [
            "verdict",
            "note",
            "speaker",
            "span",
            "evidence",
            "approved",
            "added",
            "removed",
            "undo removed",
            "redo added",
            "undo note",
            "resolved verdict",
            "resolved approval",
            "resolved claim",
            "merged",
        ] {
            let action = HistoryAction::parse(text);
            assert_eq!(action.as_str(), text);
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, format!("{text:?}"));
            assert_eq!(
                serde_json::from_str::<HistoryAction>(&json).unwrap(),
                action
            );
        }
        assert_eq!(
            HistoryAction::parse("undo approved").changed(),
            Some(ClaimField::Approval)
        );
        assert_eq!(
            HistoryAction::parse("resolved note").field(),
            Some(ClaimField::Note)
        );
        assert_eq!(HistoryAction::parse("resolved note").changed(), None);
        assert!(matches!(
            HistoryAction::parse("merged").act(),
            Act::Other(_)
        ));
    }

    #[test]
    fn fields_and_verdict_states_by_their_names() {
        for field in ClaimField::RECORDED.into_iter().chain([ClaimField::Claim]) {
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(serde_json::from_str::<ClaimField>(&json).unwrap(), field);
        }
        assert_eq!(ClaimField::Approval.name(), "approval");
        assert_eq!(ClaimField::Approval.change_name(), "approved");
        assert!(serde_json::from_str::<ClaimField>("\"colour\"").is_err());
        assert_eq!(VerdictState::from(None).label(), "pending");
        assert_eq!(
            VerdictState::of_label("denied"),
            Some(VerdictState::Given(Verdict::Denied))
        );
    }
}
