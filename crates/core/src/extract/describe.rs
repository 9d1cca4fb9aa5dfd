//! What a segment is: its named features, kind and speaker ([`describe`]), its score and reasons
//! ([`judge`]), and what showed each feature in the article's words ([`explain`]). Why a sentence is a
//! rumour, a quote or routine is decided here.

use super::{
    Analysis, Attribution, Category, ClaimKind, Feature, FoundReason, Language, Lexicon, Model,
    NumberKind, Reason, Span, attribute, attribution, dates_in_past_unknown, model, routine,
    score_in,
};

/// What earlier segments said that later ones build on.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Context {
    /// The most recent speaker of reported speech, for Konjunktiv continuations and pronouns.
    speaker: Option<(std::sync::Arc<str>, Option<Span>)>,
    /// Whether the previous segment was attributed speech.
    previous_reported: bool,
    /// Whether the segment being described opens a paragraph (set only while it is described).
    pub(super) paragraph_starts: bool,
    /// Whether the segment is a whole post (a text of one short paragraph) read as one statement: a
    /// question, a shout or a headline of four words is still a candidate (set only while it is described).
    pub(super) whole_post: bool,
    /// The person or body the latest segments named, for a later "er", "sie" or reported speech.
    actor: Option<Actor>,
}

/// Someone a segment named: who a later pronoun or a sentence in Konjunktiv refers back to.
#[derive(Debug, Clone, PartialEq)]
struct Actor {
    name: std::sync::Arc<str>,
    at: Option<Span>,
    /// Segments between the one that named them and the one being described (0: the one just before).
    age: u8,
}

/// How many segments a named actor stays the one a pronoun refers to: "Er" three sentences on is usually
/// someone the text has named since.
const ACTOR_REACH: u8 = 3;

impl Context {
    /// The most recent speaker, for a segment that continues their speech: inferred, not named there.
    fn previous_speaker(&self) -> Option<Speaker> {
        self.speaker
            .as_ref()
            .map(|(name, at)| (name.to_string(), *at, true))
    }

    /// Remembers who this segment names, as the actor of the segments after it.
    fn name_actor(&mut self, name: &str, at: Option<Span>) {
        self.actor = Some(Actor {
            name: name.into(),
            at,
            age: 0,
        });
    }
}

impl Actor {
    /// The actor as a speaker inferred from the context.
    fn as_speaker(&self) -> Speaker {
        (self.name.to_string(), self.at, true)
    }
}

/// A segment judged as a claim candidate.
pub(super) struct Candidate {
    pub(super) score: f64,
    pub(super) kind: ClaimKind,
    pub(super) reasons: Vec<Reason>,
    pub(super) speaker: Option<Speaker>,
}

/// A claim's speaker as found: the name, where it is written, and whether it was inferred from the
/// context (a pronoun, reported speech continuing) rather than named in the segment itself.
pub(super) type Speaker = (String, Option<Span>, bool);

/// What [`describe`] finds in a segment: the named features, the claim kind and the speaker.
pub struct Description {
    /// The named features present.
    pub features: Vec<Feature>,
    pub(super) kind: ClaimKind,
    pub(super) speaker: Option<Speaker>,
    /// The reporting verb or phrase of the attribution, if any.
    pub(super) marker: Option<String>,
}

/// Scores one segment with `model`. `None` for segments that can never be claims (questions, notes,
/// fragments).
pub(super) fn judge(
    analysis: &Analysis<'_>,
    context: &mut Context,
    lexicon: &Lexicon,
    model: &Model,
    min_score: f64,
) -> Option<Candidate> {
    let description = describe(analysis, context, lexicon)?;
    let terms = model::Terms::of(analysis);
    let language = lexicon.language;
    let weighed = model.weigh(&description.features, language, &terms);
    let score = model.calibrate(weighed.probability());
    // Reasons only for claims: explaining every segment would cost more than scoring it.
    let reasons = if score >= min_score {
        Model::reasons(
            weighed,
            |feature| explain(analysis, &description, feature),
            &terms,
        )
    } else {
        Vec::new()
    };
    Some(Candidate {
        score,
        kind: description.kind,
        reasons,
        speaker: description.speaker,
    })
}

const STATISTICS: [NumberKind; 3] = [
    NumberKind::Percentage,
    NumberKind::Money,
    NumberKind::Quantity,
];

/// The numbers of a segment of the given kinds, as written.
fn numbers<'a>(
    analysis: &'a Analysis<'_>,
    kinds: &'a [NumberKind],
) -> impl Iterator<Item = &'a str> + 'a {
    kinds.iter().flat_map(|kind| {
        analysis
            .numbers
            .iter()
            .filter(move |n| n.kind == *kind)
            .map(|n| n.text.as_str())
    })
}

/// Absolutes other than the plain negation ("nicht", "not"), which is in the lexicon only to make phrases
/// like "nicht ein einziger" whole.
fn absolutes(analysis: &Analysis<'_>) -> Vec<String> {
    analysis
        .matches(Category::Absolute)
        .into_iter()
        .filter(|a| !matches!(a.to_lowercase().as_str(), "nicht" | "not"))
        .collect()
}

/// Whether [`absolutes`] finds any, without building their text.
fn has_absolute(analysis: &Analysis<'_>) -> bool {
    analysis.has(Category::Absolute)
        && (analysis
            .phrases
            .iter()
            .any(|p| p.category == Category::Absolute)
            || analysis
                .words
                .iter()
                .any(|w| w.is(Category::Absolute) && !matches!(w.lower.as_ref(), "nicht" | "not")))
}

/// The hedges that mark speculation ("vielleicht", "could") rather than second-hand report ("angeblich").
fn modal_hedges(analysis: &Analysis<'_>) -> Vec<String> {
    let second_hand = analysis.matches(Category::SecondHand);
    analysis
        .hedges
        .iter()
        .map(|(hedge, _)| hedge.clone())
        .filter(|hedge| !second_hand.iter().any(|s| s.eq_ignore_ascii_case(hedge)))
        .collect()
}

/// First-person words outside quotations: the speaker of the article itself (a transcript's "we").
fn first_person<'a>(analysis: &'a Analysis<'_>) -> impl Iterator<Item = &'a str> + 'a {
    analysis
        .words
        .iter()
        .filter(|w| w.is(Category::FirstPerson) && !w.quoted)
        .map(|w| w.text)
}

/// What showed a feature of a description, in the article's words: a reason of a claim before the model
/// weighs it.
fn explain(analysis: &Analysis<'_>, description: &Description, feature: Feature) -> FoundReason {
    let reason = FoundReason::new(feature.name());
    let speaker = || {
        description
            .speaker
            .as_ref()
            .map(|(name, _, _)| name.clone())
    };
    // Each name is looked up while compiling (`named!`): a misspelt feature does not build.
    if feature == named!("attribution.named")
        || feature == named!("attribution.pronoun")
        || feature == named!("attribution.anonymous")
    {
        FoundReason {
            speaker: speaker(),
            marker: description.marker.clone(),
            ..reason
        }
    } else if feature == named!("reported.continues") {
        FoundReason {
            speaker: speaker(),
            marker: analysis
                .words
                .iter()
                .find(|w| w.is(Category::ReportedSpeech))
                .map(|w| w.text.to_owned()),
            ..reason
        }
    } else if feature == named!("figures.statistic") {
        reason.with_words(numbers(analysis, &STATISTICS), 3)
    } else if feature == named!("figures.plain") {
        reason.with_words(numbers(analysis, &[NumberKind::Plain]), 3)
    } else if feature == named!("date") {
        let dates: Vec<&str> = numbers(analysis, &[NumberKind::Date]).collect();
        if dates.is_empty() {
            let time_words = analysis
                .matches(Category::Month)
                .into_iter()
                .chain(analysis.matches(Category::TimeWord));
            reason.with_words(time_words, 2)
        } else {
            reason.with_words(dates, 2)
        }
    } else if feature == named!("names.one") || feature == named!("names.many") {
        reason.with_words(analysis.entities.iter().cloned(), 4)
    } else if feature == named!("event") {
        reason.with_words(analysis.matches(Category::Event), 2)
    } else if feature == named!("comparison") {
        reason.with_words(analysis.matches(Category::Comparison), 2)
    } else if feature == named!("absolute") {
        reason.with_words(absolutes(analysis), 2)
    } else if feature == named!("hedged.report") {
        reason.with_words(analysis.matches(Category::SecondHand), 3)
    } else if feature == named!("hedged") {
        reason.with_words(modal_hedges(analysis), 3)
    } else if feature == named!("opinion") {
        reason.with_words(analysis.matches(Category::Opinion), 2)
    } else if feature == named!("tense.past") {
        reason.with_words(analysis.matches(Category::PastTense), 2)
    } else if feature == named!("person.first_fact") {
        reason.with_words(first_person(analysis), 2)
    } else if feature == named!("prediction") {
        reason.with_words(analysis.matches(Category::Prediction), 2)
    } else if feature == named!("rumour") {
        reason.with_words(
            analysis
                .matches(Category::Rumour)
                .into_iter()
                .chain(analysis.matches(Category::Platform)),
            2,
        )
    } else if feature == named!("routine.sport") {
        let score = score_in(analysis.text).map(|(_, score)| score.to_owned());
        reason.with_words(
            score
                .into_iter()
                .chain(analysis.matches(Category::RoutineMargin))
                .chain(analysis.matches(Category::RoutineRace))
                .chain(analysis.matches(Category::RoutineSport)),
            2,
        )
    } else if feature == named!("routine.schedule") {
        reason.with_words(analysis.matches(Category::RoutineSchedule), 2)
    } else {
        // Shape features: nothing to quote.
        reason
    }
}

/// The named features of one segment, in the context of the segments before it. `None` for segments that
/// can never be claims (questions, notes, fragments, headings that only name a topic). Only names: what
/// showed them is built by [`explain`], for claims alone.
#[expect(
    clippy::too_many_lines,
    reason = "one feature after the other, in the order they are read"
)]
pub fn describe(
    analysis: &Analysis<'_>,
    context: &mut Context,
    lexicon: &Lexicon,
) -> Option<Description> {
    if analysis.is_heading {
        // A heading interrupts reported speech: what follows is a new paragraph of the article's own voice.
        context.previous_reported = false;
    }
    // The actor the segments before named, and the one the segments after see unless this one names another.
    let actor = context.actor.take().filter(|a| a.age < ACTOR_REACH);
    context.actor = actor.clone().map(|a| Actor {
        age: a.age + 1,
        ..a
    });
    if !analysis.is_heading
        && let Some((name, at)) = attribution::actor_mention(analysis, lexicon)
    {
        context.name_actor(&name, Some(at));
    }
    let words = analysis.word_count();
    let is_link = (analysis.text.starts_with("www.") || analysis.text.contains("://"))
        && !analysis.text.contains(char::is_whitespace);
    let gated = analysis.is_question || analysis.is_boilerplate || is_link || words < 4;
    if gated && !(context.whole_post && words >= 2) {
        context.previous_reported = false;
        return None;
    }
    let mut features = Vec::with_capacity(12);
    let mut feature = |feature: Feature| features.push(feature);

    let attribution = attribute(analysis, lexicon);
    let is_attributed = attribution != Attribution::None;
    let is_work = |name: &str| {
        attribution::speaker_kind(name, lexicon.language) == crate::review::SpeakerKind::Work
    };
    let mut speaker: Option<Speaker> = None;
    let mut marker = None;
    let mut reported = false;
    match attribution {
        Attribution::Named {
            speaker: name,
            span,
            marker: said,
        } => {
            feature(named!("attribution.named"));
            if is_work(&name) {
                // A survey or a report speaks here, and names no actor: not the newspaper inside "laut
                // einer Umfrage der Lindenauer Zeitung". The actor from before stays, a sentence older.
                context.actor = actor.clone().map(|a| Actor {
                    age: a.age + 1,
                    ..a
                });
            } else {
                context.name_actor(&name, Some(span));
            }
            speaker = Some((name, Some(span), false));
            marker = Some(said);
            reported = true;
        }
        Attribution::Pronoun { marker: said } => {
            feature(named!("attribution.pronoun"));
            // "Er sagte …": the person the text named last, whether as a speaker or as the one it was about.
            speaker = actor
                .as_ref()
                .map(Actor::as_speaker)
                .or_else(|| context.previous_speaker());
            if let Some((name, at, _)) = &speaker {
                context.name_actor(name, *at);
            }
            marker = Some(said);
            reported = true;
        }
        Attribution::Anonymous { marker: said } => {
            feature(named!("attribution.anonymous"));
            // "Das Ministerium wurde um eine Stellungnahme gebeten. … , hieß es": the body just named.
            speaker = actor
                .as_ref()
                .filter(|a| {
                    // The sentence before, or the one before it ("Und was sagt der Kreml? Dort gibt man
                    // sich gelassen. …, hieß es.").
                    a.age <= 1
                        && attribution::speaker_kind(&a.name, lexicon.language)
                            == crate::review::SpeakerKind::Organisation
                })
                .map(Actor::as_speaker);
            marker = Some(said);
            reported = true;
            // Reported speech that continues after this has no named speaker either.
            context.speaker = None;
        }
        Attribution::None => {}
    }
    // Across a paragraph break Konjunktiv alone does not carry a speaker: a survey or report named in the
    // paragraph before ("laut einer Umfrage der Zeitung") does not go on speaking in the next.
    let carries_across = || {
        context.speaker.as_ref().is_some_and(|(name, _)| {
            attribution::speaker_kind(name, lexicon.language) != crate::review::SpeakerKind::Work
        })
    };
    let konjunktiv = lexicon.language == Language::German
        && analysis
            .words
            .iter()
            .any(|w| w.is(Category::ReportedSpeech) && !w.quoted);
    let continuation = !is_attributed
        && konjunktiv
        && context.previous_reported
        && (!context.paragraph_starts || carries_across());
    // Reported speech of someone the sentence before named without a verb of saying: "Die Direktorin,
    // Elisabeth Rainer, verteidigte das Verbot. Seitdem gebe es weniger Streit."
    let actor_speaks = !is_attributed
        && !continuation
        && konjunktiv
        && actor
            .as_ref()
            .is_some_and(|a| a.age == 0 && !is_work(&a.name));
    if continuation || actor_speaks {
        reported = true;
        speaker = if continuation {
            context.previous_speaker()
        } else {
            actor.as_ref().map(Actor::as_speaker)
        };
        feature(named!("reported.continues"));
    }
    let has_quote = !analysis.quotes.is_empty();
    if has_quote && reported {
        feature(named!("quote.reported"));
    }

    let has_number = |kind: NumberKind| analysis.numbers.iter().any(|n| n.kind == kind);
    let has_statistic = STATISTICS.into_iter().any(has_number);
    if has_statistic {
        feature(named!("figures.statistic"));
    } else if has_number(NumberKind::Plain) {
        feature(named!("figures.plain"));
    }
    let dated = has_number(NumberKind::Date) || analysis.has(Category::Month);
    if dated {
        feature(named!("date"));
    }
    if !analysis.entities.is_empty() {
        feature(if analysis.entities.len() >= 2 {
            named!("names.many")
        } else {
            named!("names.one")
        });
    }
    let has_event = analysis.has(Category::Event);
    if has_event {
        feature(named!("event"));
    }
    if dated && has_event {
        // An event with its date ("tritt am 1. Juli in Kraft", "opened on 3 March") is the core of a news fact.
        feature(named!("event.dated"));
    }
    let has_comparison = analysis.has(Category::Comparison);
    if has_comparison {
        feature(named!("comparison"));
    }
    if has_absolute(analysis) {
        feature(named!("absolute"));
    }
    let declarative = analysis
        .text
        .trim_end_matches(['"', '“', '”', '«', '»', '’', ')'])
        .ends_with('.');
    if declarative {
        feature(named!("shape.declarative"));
    }
    if !analysis.hedges.is_empty() {
        // Second-hand hedges ("soll angeblich", "reportedly") report a fact nobody vouches for: in news the
        // first thing a desk checks. Modal ones ("vielleicht", "could") mark speculation, as debate data
        // teaches. Two features, so learning the second does not unlearn the first.
        if analysis.has(Category::SecondHand) {
            feature(named!("hedged.report"));
        }
        if !modal_hedges(analysis).is_empty() {
            feature(named!("hedged"));
        }
    }
    let has_opinion = analysis.has(Category::Opinion);
    if has_opinion {
        feature(named!("opinion"));
    }
    if analysis.is_exclamation {
        feature(named!("shape.exclamation"));
    }
    let has_past = analysis.has(Category::PastTense);
    if has_past {
        feature(named!("tense.past"));
    }
    if first_person(analysis).next().is_some() {
        let factual = !has_opinion && (has_past || !analysis.numbers.is_empty() || has_comparison);
        feature(if factual {
            named!("person.first_fact")
        } else {
            named!("person.first")
        });
    }
    if words < 8 {
        feature(named!("length.short"));
    } else if words > 30 {
        feature(named!("length.long"));
    }
    let is_prediction = analysis.has(Category::Prediction)
        && (!has_event || !analysis.hedges.is_empty())
        && dates_in_past_unknown(analysis);
    if analysis.is_heading {
        let has_verb_like = analysis.words.iter().skip(1).any(|w| {
            !w.is_capitalized()
                && !w.is(Category::Function)
                && !w.has_digit()
                && !lexicon.is_demonym(&w.lower)
                && w.text.len() > 3
        });
        // A heading with a number ("Zwei Tote und Tausende Evakuierte") states something even without a verb.
        // A post in title case ("Teen To Be Euthanized") is what circulates, not a heading over an article.
        if !context.whole_post && (words < 4 || (!has_verb_like && analysis.numbers.is_empty())) {
            // A heading that only announces a topic ("Streik bei der Bahn").
            return None;
        }
        // A headline with a verb states something: often the article's main claim, in its boldest form.
        features.insert(0, named!("headline.statement"));
    }

    // A platform with an unnamed source, a second-hand hedge or reported speech: "In sozialen Netzwerken
    // heißt es, …", "Auf Facebook wird verbreitet, die Regierung plane …".
    // A named source that writes on a platform is that source's statement ("Die Ministerin schrieb auf
    // Facebook, …").
    let named_source = features.contains(&named!("attribution.named"));
    // "Die Stadt weist Gerüchte zurück, wonach …": a denial speaks about a rumour; it is not one.
    let denies = crate::text::denial::denies(analysis.text, lexicon.language);
    let rumour = !denies
        && (analysis.has(Category::Rumour)
            || (analysis.has(Category::Platform)
                && !named_source
                && (analysis.has(Category::AnonymousAttribution)
                    || analysis.has(Category::SecondHand)
                    || analysis
                        .words
                        .iter()
                        .any(|w| w.is(Category::ReportedSpeech) && !w.quoted))));
    if rumour {
        // Circulating claims are what verification desks check most, whoever "reports" them.
        features.push(named!("rumour"));
        // "Users shared a video said to show …": a "speaker" made of the rumour's own words is the users.
        let spreader_words = |span: Span| {
            analysis.words.iter().any(|w| {
                (w.is(Category::Rumour) || w.is(Category::Platform) || w.is(Category::PhraseStart))
                    && span.start <= w.start
                    && w.end <= span.end
            })
        };
        let unnamed = match &speaker {
            None => true,
            Some((_, span, _)) => span.is_some_and(spreader_words),
        };
        if unnamed {
            let lower: Vec<&str> = analysis.words.iter().map(|w| w.lower.as_ref()).collect();
            speaker = Some((lexicon.rumour_source(&lower).to_owned(), None, false));
        }
    }
    if !rumour && let Some(routine) = routine(analysis) {
        features.push(routine);
    }

    let kind = if context.whole_post && analysis.is_question {
        ClaimKind::Question
    } else if analysis.is_heading {
        ClaimKind::Headline
    } else if rumour {
        ClaimKind::Rumour
    } else if has_quote && reported {
        ClaimKind::Quote
    } else if reported {
        ClaimKind::ReportedStatement
    } else if has_statistic {
        ClaimKind::Statistic
    } else if is_prediction {
        ClaimKind::Prediction
    } else if has_comparison {
        ClaimKind::Comparison
    } else if has_event || !analysis.numbers.is_empty() {
        ClaimKind::Event
    } else {
        ClaimKind::Fact
    };
    if is_prediction {
        // Forecasts and expectations are checked later against what happened, and their sources now.
        features.push(named!("prediction"));
    }

    if reported && let Some(named) = &speaker {
        context.speaker = Some((named.0.as_str().into(), named.1));
    }
    context.previous_reported = reported;
    Some(Description {
        features,
        kind,
        speaker,
        marker,
    })
}
