//! Extraction's tests: segments, features, speakers, kinds, routine items, pieces and reviews.

use super::pieces::{Judge, pieces};
use super::routine::has_minute_mark;
use super::*;

/// The claims the words model finds: these tests are about structure (segments, named features, speakers,
/// kinds, hedges), which both scorers share; the default scorer's decisions (meaning and words) are
/// measured on labelled sets in `tests/quality`, and checked here where a test says `by_default`.
fn claims(text: &str, language: Language) -> Vec<Claim> {
    extract_text(text, language, &ExtractOptions::fast())
}

/// The claims the default scorer (meaning and words, as the command line and the window use) finds.
fn claims_by_default(text: &str, language: Language) -> Vec<Claim> {
    extract_text(text, language, &ExtractOptions::default())
}

/// A claim's reasons as the English window shows them.
fn reasons(claim: &Claim) -> Vec<String> {
    use crate::i18n::InWords as _;
    let english = crate::i18n::Locale::English.messages();
    claim.reasons.iter().map(|r| r.in_words(english)).collect()
}

/// The article read sentence by sentence on one thread: what the parallel reading must equal.
fn one_by_one(text: &str, language: Language, options: &ExtractOptions) -> Vec<Claim> {
    let judge = Judge::new(text, language, options);
    let run = judge.run(segment(text, judge.lexicon), Context::default());
    run.claims
        .into_iter()
        .enumerate()
        .map(|(index, mut claim)| {
            claim.id = format!("c{}", index + 1);
            claim
        })
        .collect()
}

#[test]
fn circulating_claims_are_rumours_with_the_platform_or_the_users_as_source() {
    let cases = [
        (
            "In sozialen Netzwerken heißt es erneut, die Impfung verändere das Erbgut.",
            Language::German,
            "soziale Netzwerke",
        ),
        (
            "Auf Telegram kursiert ein Video, das angeblich brennende Wahlzettel zeigt.",
            Language::German,
            "Telegram",
        ),
        (
            "Seit Tagen kursiert die Behauptung, das Leitungswasser in Linz sei vergiftet.",
            Language::German,
            "Nutzer",
        ),
        (
            "Users shared a video said to show ballots being burned in Ohio.",
            Language::English,
            "users",
        ),
        (
            "It is being claimed on TikTok that cash will be abolished in January.",
            Language::English,
            "TikTok",
        ),
    ];
    for (text, language, source) in cases {
        let found = claims(text, language);
        assert_eq!(found.len(), 1, "{text}: a claim");
        assert_eq!(found[0].kind, ClaimKind::Rumour, "{text}");
        assert_eq!(found[0].speaker.as_deref(), Some(source), "{text}");
        assert!(found[0].score > 0.7, "{text}: {}", found[0].score);
        assert!(
            reasons(&found[0])
                .iter()
                .any(|r| r.starts_with("circulating claim")),
            "{text}: {:?}",
            reasons(&found[0])
        );
    }
    // A platform is where someone wrote something, not a rumour by itself.
    let written = claims(
        "Die Ministerin schrieb am Montag auf Facebook, die Schule werde 2027 eröffnet.",
        Language::German,
    );
    assert!(
        written.iter().all(|c| c.kind != ClaimKind::Rumour),
        "{written:?}"
    );
}

#[test]
fn minutes_of_play_are_told_from_ages_and_years() {
    for marked in [
        "Welbeck (60.) traf.",
        "Saka (34th minute) scored.",
        "Havertz (71st) scored.",
        "Kane (90+2) scored.",
        "Kane (90.+2) traf.",
        "Salah (12') scored.",
    ] {
        assert!(has_minute_mark(marked), "{marked}");
    }
    for unmarked in [
        "Max Müller (34) wurde verletzt.",
        "The law (2019) was changed.",
        "Der Verein (gegründet 1902) feiert.",
        "(",
    ] {
        assert!(!has_minute_mark(unmarked), "{unmarked}");
    }
}

#[test]
fn routine_results_and_schedules_score_low_unless_something_in_them_is_news() {
    let options = ExtractOptions {
        min_score: 0.0,
        ..ExtractOptions::fast()
    };
    let score = |text: &str, language: Language| {
        let found = extract_text(text, language, &options);
        assert_eq!(found.len(), 1, "{text}");
        (found[0].score, reasons(&found[0]))
    };
    let routine_items = [
        (
            "Die Londoner gewannen bei West Bromwich Albion mit 3:0 (2:0).",
            Language::German,
        ),
        (
            "Danny Welbeck (60.) traf zum Tor des Tages.",
            Language::German,
        ),
        ("Der Anpfiff erfolgt um 15.05 Uhr.", Language::German),
        (
            "Newcastle setzte sich mit 1:0 (0:0) gegen Crystal Palace durch.",
            Language::German,
        ),
        (
            "Arsenal won 3-0 at West Bromwich Albion on Saturday.",
            Language::English,
        ),
        (
            "Saka (34th minute) and Havertz (71st) scored for the hosts.",
            Language::English,
        ),
        ("Kick-off is at 3 p.m. on Saturday.", Language::English),
    ];
    // Races and tables: below the threshold (a figure and a name still count for them).
    let race_results = [
        (
            "Die Schweizerin fuhr im Riesentorlauf auf Rang drei, 0,45 Sekunden hinter der Siegerin.",
            Language::German,
        ),
        (
            "Der Norweger setzte sich im Slalom 0,28 Sekunden vor seinem Teamkollegen durch.",
            Language::German,
        ),
        (
            "In der Gesamtwertung hat die Kanadierin nun 85 Punkte Vorsprung auf die Zweite.",
            Language::German,
        ),
        (
            "The Austrian finished third in the giant slalom, 0.45 seconds behind the winner.",
            Language::English,
        ),
    ];
    for (text, language, below) in routine_items
        .into_iter()
        .map(|(text, language)| (text, language, 0.2))
        .chain(
            race_results
                .into_iter()
                .map(|(text, language)| (text, language, DEFAULT_MIN_SCORE)),
        )
    {
        let (score, reasons) = score(text, language);
        assert!(score < below, "{text}: {score} {reasons:?}");
        let by_meaning = ExtractOptions {
            scorer: Scorer::Meaning,
            ..options.clone()
        };
        let found = extract_text(text, language, &by_meaning);
        assert!(
            found.iter().all(|c| c.score < DEFAULT_MIN_SCORE),
            "by meaning: {text}: {found:?}"
        );
        assert!(
            reasons.iter().any(|r| r.starts_with("routine sport result")
                || r.starts_with("schedule or broadcast note")),
            "{text}: {reasons:?}"
        );
    }
    for (text, language) in [
        (
            "Der Verein hat Schulden von 30 Millionen Euro und beantragte nach dem 0:3 die Insolvenz.",
            Language::German,
        ),
        (
            "Der Radprofi wurde nach einem positiven Dopingtest für vier Jahre gesperrt.",
            Language::German,
        ),
        (
            "The court ruled 5-4 that the law was unconstitutional.",
            Language::English,
        ),
    ] {
        // News inside a result is a claim for the default scorer. (A meeting's agenda with a debt figure,
        // "Die Sitzung beginnt um 9.30 Uhr mit einem Bericht über 40 Millionen Euro Schulden.", is a
        // schedule by the rubric's "a figure in routine is routine", and the default scorer reads it so.)
        let found = claims_by_default(text, language);
        assert_eq!(found.len(), 1, "by default: {text}: {found:?}");
        assert!(found[0].score >= DEFAULT_MIN_SCORE, "{text}: {found:?}");
        assert!(
            !reasons(&found[0]).iter().any(|r| r.starts_with("routine")),
            "{text}: {:?}",
            reasons(&found[0])
        );
    }
    // Margins and places outside a race: a poll, a ranking, an election.
    for (text, language) in [
        (
            "Laut der jüngsten Umfrage liegt die Partei mit drei Punkten Vorsprung vorn.",
            Language::German,
        ),
        (
            "Österreich fiel im Bildungsvergleich auf Platz 20 zurück.",
            Language::German,
        ),
        (
            "The Conservatives won 12 seats and came in second place, four points behind.",
            Language::English,
        ),
    ] {
        let (_, reasons) = score(text, language);
        assert!(
            !reasons.iter().any(|r| r.starts_with("routine")),
            "{text}: {reasons:?}"
        );
    }
}

#[test]
fn reading_in_parallel_pieces_gives_exactly_the_claims_of_reading_one_by_one() {
    // Reported speech that continues across line breaks and pieces (the context a piece must take
    // over), a speaker taken up by a pronoun, an anonymous source, headings that reset, long lines.
    let german = "Bürgermeisterin Anna Roth sagte am Montag, die Stadt habe 4,2 Millionen Euro gespart.\n\
        Das Geld werde in neue Schulen fließen.\n\
        Man habe zudem 30 Stellen geschaffen.\n\
        Haushalt 2025\n\
        Der Rat beschloss am Dienstag mit 31 Stimmen den Haushalt.\n\
        Aus Kreisen der Opposition hieß es, die Zahlen seien geschönt.\n\
        Es fehle ein Plan für die Brücke.\n\
        Sie kündigte an, bis Ende 2027 sollten 12 Kitas entstehen.";
    let english = "Mayor Jane Roe said on Monday that the city had saved $4.2 million.\n\
        She added that 30 new jobs were created in March.\n\
        Budget 2025\n\
        The council approved the budget by 31 votes to 9 on Tuesday, officials said.\n\
        \"We will build twelve new schools by 2027,\" she said.";
    let samples = [
        (german.to_owned(), Language::German),
        (english.to_owned(), Language::English),
        (
            include_str!("../../../../assets/samples/de-stadtwerke.txt").to_owned(),
            Language::German,
        ),
        (
            include_str!("../../../../assets/samples/en-harbour.txt").to_owned(),
            Language::English,
        ),
        (german.repeat(40), Language::German),
    ];
    for (text, language) in samples {
        let options = ExtractOptions::default();
        let expected = one_by_one(&text, language, &options);
        assert!(
            expected.len() >= 4,
            "{language:?}: {} claims",
            expected.len()
        );
        for piece_bytes in [1, 7, 60, 200, 1000, PIECE_BYTES] {
            let parallel = extract_in_pieces(&text, language, &options, piece_bytes, &mut |_| {});
            assert_eq!(
                parallel, expected,
                "{language:?}, pieces of {piece_bytes} bytes"
            );
        }
    }
}

#[test]
fn pieces_end_at_line_breaks_and_cover_the_text() {
    let text = "eins\nzwei drei\n\nvier\nfünf";
    for piece_bytes in [1, 3, 8, 100] {
        let found = pieces(text, piece_bytes);
        let mut next = 0;
        for piece in &found {
            assert_eq!(piece.start, next);
            assert!(piece.end == text.len() || text.as_bytes()[piece.end] == b'\n');
            next = piece.end + 1;
        }
        assert_eq!(found.last().map(|p| p.end), Some(text.len()));
    }
    assert_eq!(pieces("", 10), [Span { start: 0, end: 0 }]);
}

#[test]
fn spans_equal_text_and_ids_are_sequential() {
    let text = "Der Bundestag hat am Donnerstag das Gesetz mit 380 Stimmen beschlossen.\nWas bedeutet das?\nDie Opposition kündigte eine Klage an, sagte Fraktionschef Max Berger.";
    let found = claims(text, Language::German);
    assert_eq!(found.len(), 2);
    for (index, claim) in found.iter().enumerate() {
        assert_eq!(&text[claim.start..claim.end], claim.text);
        assert_eq!(claim.id, format!("c{}", index + 1));
        assert!((0.0..=1.0).contains(&claim.score));
        assert!(!claim.reasons.is_empty());
    }
}

#[test]
fn bylines_and_credit_lines_are_not_claims() {
    let english = "The Port of Caldwell will cut 400 jobs by March, the port authority said on Tuesday.\n\
        Reporting by Jane Roe; editing by John Smith\n\
        (Reporting by Jane Roe in Caldwell; Editing by Mark Potter)\n\
        Additional reporting by Ann Lee\n";
    let found = extract_text(
        english,
        Language::English,
        &ExtractOptions::with_min_score(0.0),
    );
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    let german = "Die Stadt zahlte 2024 rund 3 Millionen Euro, sagte Kämmerer Jan Ohl.\n\
        Mitarbeit: Anna Weber, Jan Ohl\nMit Material von dpa und AFP\nText: Eva Kröger; Redaktion: Paul Ritter\n";
    let found = extract_text(
        german,
        Language::German,
        &ExtractOptions::with_min_score(0.0),
    );
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_titled_speaker_before_an_apposition_is_the_speaker() {
    let text = "Dr. Jane Roe, an economist at Northfield University, said unemployment would rise to 6 percent.";
    let found = claims(text, Language::English);
    assert_eq!(found[0].speaker.as_deref(), Some("Dr. Jane Roe"));
    let text = "Prof. Anna Weber, Ökonomin an der Universität Kiel, sagte, die Arbeitslosigkeit steige auf 6 Prozent.";
    let found = claims(text, Language::German);
    assert_eq!(found[0].speaker.as_deref(), Some("Prof. Anna Weber"));
    let text = "Council member Tom Baker, who voted against the plan, said the city \"cannot afford another overrun.\"";
    let found = claims(text, Language::English);
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Council member Tom Baker")
    );
    // An adverbial before the comma is no speaker.
    let text = "In Berlin, the minister said the budget would grow by 4 percent.";
    let found = claims(text, Language::English);
    assert_eq!(found[0].speaker.as_deref(), Some("the minister"));
}

#[test]
fn scheduled_events_with_a_date_are_claims() {
    // By the default scorer, as the rubric (docs/model.md) says. Known miss, noted on issue 39: "The
    // bridge is scheduled to open in 2027." scores 0.23 by default (words alone: 0.39): the network has seen
    // too few dated plans. Move it into the list when a retrained scorer finds it.
    for (text, language) in [
        ("The new law takes effect on July 1.", Language::English),
        (
            "Die Brücke soll bis Ende 2027 fertig sein.",
            Language::German,
        ),
        ("Das Gesetz tritt am 1. Juli in Kraft.", Language::German),
    ] {
        assert_eq!(claims_by_default(text, language).len(), 1, "{text}");
    }
    let bridge = "The bridge is scheduled to open in 2027.";
    assert_eq!(claims(bridge, Language::English).len(), 1, "by words");
}

/// Round 4's structures of German and English news, each as the rules read it (the tagger comes on top in
/// the default scorer): (text, the source, inferred).
#[test]
fn sources_of_real_news_structures() {
    let (de, en) = (Language::German, Language::English);
    let cases = [
        // A source inside a compound.
        (
            "Nach Polizeiangaben wurden bei dem Unfall zwölf Menschen verletzt.",
            de,
            "Polizei",
        ),
        // "zufolge" after a genitive chain: the noun phrase whole.
        (
            "Einem Bericht des Rechnungshofs zufolge fehlen 40 Millionen Euro.",
            de,
            "Bericht des Rechnungshofs",
        ),
        // A team named by who leads it.
        (
            "Forscher um Anna Berg berichten, dass das Eis doppelt so schnell schmilzt.",
            de,
            "Forscher um Anna Berg",
        ),
        (
            "Wie Forscher der Universität Graz zeigen konnten, ist die Art nur in Österreich heimisch.",
            de,
            "Forscher der Universität Graz",
        ),
        // The speaker after the clause, with titles.
        (
            "Die Steuer werde um 3 Prozent steigen, sagte Finanzminister Dr. Karl Huber.",
            de,
            "Finanzminister Dr. Karl Huber",
        ),
        // After the verb and a long clause: the phrase that closes the sentence.
        (
            "Höchstens 200 Satellitentelefone, und um diese abzuhören, musste man darüberfliegen, erklärt DEA-Agent Steve Murphy.",
            de,
            "DEA-Agent Steve Murphy",
        ),
        // An unnamed statement placed at its source.
        (
            "Aus dem Finanzministerium hieß es, die Steuer werde um 3 Prozent steigen.",
            de,
            "dem Finanzministerium",
        ),
        // Appositions: the name.
        (
            "Der Sprecher des Präsidenten, Pavel Novak, sagte, die Truppen würden abgezogen.",
            de,
            "Pavel Novak",
        ),
        (
            "Gabriele Sturm, Präsidentin der Richtervereinigung, warnte vor 300 fehlenden Richtern.",
            de,
            "Gabriele Sturm",
        ),
        (
            "The talks had cost $4 million, said the prime minister's spokeswoman, Helga Sorensen.",
            en,
            "Helga Sorensen",
        ),
        (
            "The company's founder, Arjun Mehta, said 600 jobs would go.",
            en,
            "Arjun Mehta",
        ),
    ];
    for (text, language, source) in cases {
        let found = claims(text, language);
        assert_eq!(found.len(), 1, "{text}");
        let claim = &found[0];
        assert_eq!(claim.speaker.as_deref(), Some(source), "{text}");
        let span = claim.speaker_span.expect("a named source has its span");
        assert!(
            text[span.start..span.end].contains(source.split(' ').next_back().unwrap_or(source)),
            "{text}: the span shows the source"
        );
        assert!(!claim.speaker_inferred, "{text}");
    }
}

/// A later sentence takes its source from the person the article just named: a pronoun, or reported speech
/// in Konjunktiv, both marked as inferred.
#[test]
fn a_named_person_is_the_source_of_what_follows() {
    let text = "Die Ministerin Eva Brandt besuchte am Montag das Werk. Sie sagte, 300 Stellen seien in Gefahr.";
    let found = claims(text, Language::German);
    let said = found
        .iter()
        .find(|c| c.text.starts_with("Sie sagte"))
        .expect("the statement");
    assert_eq!(said.speaker.as_deref(), Some("Ministerin Eva Brandt"));
    assert!(said.speaker_inferred);
    let text =
        "Die Ministerin Eva Brandt besuchte am Montag das Werk. Dort würden 300 Stellen abgebaut.";
    let found = claims(text, Language::German);
    let reported = found
        .iter()
        .find(|c| c.text.starts_with("Dort"))
        .expect("the report");
    assert_eq!(reported.speaker.as_deref(), Some("Ministerin Eva Brandt"));
    assert_eq!(reported.kind, ClaimKind::ReportedStatement);
    assert!(reported.speaker_inferred);
}

/// A denial of what the text just said is a claim by default, though alone it reads like nothing.
#[test]
fn a_denial_of_the_sentence_before_is_a_claim_by_default() {
    let text = "Die Stadt hat im Mai 40 Stellen gestrichen, sagte der Bürgermeister. Die Gewerkschaft bestreitet das.";
    let found = claims_by_default(text, Language::German);
    assert!(
        found
            .iter()
            .any(|c| c.text == "Die Gewerkschaft bestreitet das."),
        "{found:?}"
    );
}

/// The speaker tagger (the default scorer's) names a source the rules miss, but not the subject of a plain
/// statement.
#[test]
fn the_tagger_finds_sources_but_not_subjects() {
    let ruled = claims_by_default(
        "Das Verfassungsgericht hat entschieden, dass das Gesetz verfassungswidrig ist.",
        Language::German,
    );
    assert_eq!(ruled[0].speaker.as_deref(), Some("Das Verfassungsgericht"));
    let plain = claims_by_default("Das Gesetz tritt am 1. Juli in Kraft.", Language::German);
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].speaker, None);
}

#[test]
fn questions_boilerplate_and_topic_headings_are_not_claims() {
    let text = "Streik bei der Bahn\nWer trägt die Kosten?\nDiese Nachricht wurde am 22.10.2024 im Programm gesendet.";
    assert!(claims(text, Language::German).is_empty());
}

#[test]
fn konjunktiv_continues_the_previous_speaker() {
    let text = "Der Geheimdienst hatte berichtet, dass 1.500 Soldaten verlegt worden seien. Die Truppen würden mit Waffen versorgt.";
    let found = claims(text, Language::German);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].speaker.as_deref(), Some("Der Geheimdienst"));
    assert_eq!(found[1].kind, ClaimKind::ReportedStatement);
    assert!(reasons(&found[1]).iter().any(|r| r.contains("Konjunktiv")));
}

#[test]
fn hedges_are_listed_with_spans() {
    let text = "Russland soll angeblich 10.000 Soldaten an die Grenze verlegt haben.";
    let found = claims(text, Language::German);
    assert_eq!(found[0].hedges, ["soll", "angeblich"]);
    for (hedge, span) in found[0].hedges.iter().zip(&found[0].hedge_spans) {
        assert_eq!(&text[span.start..span.end], hedge);
    }
}

#[test]
fn second_hand_hedges_make_a_claim_and_modal_ones_do_not() {
    // A second-hand claim without figures or names: only its hedges make it check-worthy.
    let german = "Die Stadt baut ein neues Hallenbad. Finanziert werden soll es angeblich durch höhere Gewerbesteuern.\nVielleicht wird es morgen wärmer.";
    let found = claims(german, Language::German);
    let hedged = found
        .iter()
        .find(|c| c.text.starts_with("Finanziert"))
        .expect("the second-hand sentence is a claim");
    assert_eq!(hedged.hedges, ["soll", "angeblich"]);
    assert!(
        reasons(hedged)
            .iter()
            .any(|r| r == "second-hand: soll, angeblich +"),
        "{:?}",
        hedged.reasons
    );
    assert!(!found.iter().any(|c| c.text.starts_with("Vielleicht")));
    let english =
        "The minister allegedly knew about the defects for months.\nMaybe it will rain tomorrow.";
    let found = claims(english, Language::English);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        reasons(&found[0])
            .iter()
            .any(|r| r.starts_with("second-hand: allegedly"))
    );
}

#[test]
fn reasons_name_no_number_placeholder_and_no_slight_counterweight() {
    let text = "„Wir haben 12 Millionen Euro eingeplant“, sagte Bürgermeisterin Anna Roth.";
    let found = claims(text, Language::German);
    assert!(
        reasons(&found[0]).iter().all(|r| !r.contains('#')),
        "{:?}",
        found[0].reasons
    );
    // A model in which a direct quote counts slightly against a sentence (as debate-trained weights had
    // it) does not list it as a reason; one in which it counts clearly against does.
    for (weight, shown) in [(-0.19, false), (-1.4, true)] {
        let mut model = Model::shipped().clone();
        model.named.insert("quote.reported".to_owned(), weight);
        let options = ExtractOptions {
            model: Some(std::sync::Arc::new(model)),
            min_score: 0.0,
            ..ExtractOptions::default()
        };
        let found = extract_text(text, Language::German, &options);
        assert_eq!(
            reasons(&found[0]).iter().any(|r| r == "direct quote −"),
            shown,
            "{weight}: {:?}",
            found[0].reasons
        );
    }
}

#[test]
fn english_quote_and_statistic() {
    let text = "\"Unemployment fell to 3.9 percent in May,\" Labor Secretary Julie Su said on Friday.\nIt was a great day for everyone!";
    let found = claims(text, Language::English);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, ClaimKind::Quote);
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Labor Secretary Julie Su")
    );
}

#[test]
fn publication_dates_come_from_publication_notes() {
    let german = "Ein Satz mit 12 Zahlen am 3. Mai 2020.\nDiese Nachricht wurde am 22.10.2024 im Programm Deutschlandfunk gesendet.";
    assert_eq!(
        publication_date(german, Language::German).as_deref(),
        Some("2024-10-22")
    );
    let english = "Prices rose 3% on May 2, 2019.\nThis article was updated on March 3, 2025 to correct a figure.";
    assert_eq!(
        publication_date(english, Language::English).as_deref(),
        Some("2025-03-03")
    );
    assert_eq!(
        publication_date("Kein Hinweis am 3. Mai 2020.", Language::German),
        None
    );
}

#[test]
fn opinions_without_facts_are_not_claims() {
    let text = "I think this is a wonderful idea for all of us.";
    assert!(claims(text, Language::English).is_empty());
}

#[test]
fn every_post_is_a_claim_candidate_whatever_its_style() {
    let options = ExtractOptions::with_min_score(0.0);
    let posts = [
        // A viral headline in title case without a full stop.
        (
            "Employees Place Animals In Plastic Bags While Cleaning Tanks",
            Language::English,
        ),
        ("Teen To Be Euthanized", Language::English),
        (
            "Bürgermeister Von Lindenau Verkauft Das Hallenbad An Investor",
            Language::German,
        ),
        // Shouting.
        (
            "BREAKING: Minister DEMANDS All Citizens Hand In Their Cash",
            Language::English,
        ),
        ("ACHTUNG: NICHT HERUNTERLADEN", Language::German),
        // Addressing an account.
        (
            "@StadtLindenau stimmt es, dass das Hallenbad schließt?",
            Language::German,
        ),
        // A link and a signature pasted with it.
        (
            "The bridge in Marlow collapsed this morning pic.twitter.com/AbC123 — Jane Roe (@janeroe) January 8, 2020",
            Language::English,
        ),
    ];
    for (post, language) in posts {
        let claims = extract_text(post, language, &options);
        assert_eq!(claims.len(), 1, "{post}");
        let claim = &claims[0];
        assert!(
            !claim.text.contains("pic.twitter") && !claim.text.contains("(@"),
            "{post}"
        );
    }
}

#[test]
fn a_question_that_carries_a_claim_is_a_question_claim() {
    let options = ExtractOptions::with_min_score(0.0);
    for (post, language) in [
        (
            "Actress Dead? Did She Die Of An Asthma Attack?",
            Language::English,
        ),
        (
            "Is it true that the Marlow library closes in March?",
            Language::English,
        ),
        ("Ist die Sängerin wirklich tot?", Language::German),
    ] {
        let claims = extract_text(post, language, &options);
        assert_eq!(claims.len(), 1, "{post}");
        assert_eq!(claims[0].kind, ClaimKind::Question, "{post}");
    }
    // Inside an article a question stays no claim.
    let article = "Die Stadt schließt das Hallenbad im Oktober, sagte der Bürgermeister.\n\nWas wird aus den Schwimmkursen?\n\nDie Kurse ziehen nach Talheim um, teilte die Stadt mit.\n";
    assert!(
        extract_text(article, Language::German, &options)
            .iter()
            .all(|c| c.kind != ClaimKind::Question)
    );
}
