//! CSV: one row per claim, RFC 4180 quoting by the `csv` crate, UTF-8 with a byte-order mark so that Excel
//! and LibreOffice detect the encoding.

use crate::i18n::Messages;
use crate::review::Review;

/// The header row.
pub const COLUMNS: [&str; 15] = [
    "id", "start", "end", "verdict", "score", "kind", "speaker", "hedges", "claim", "note",
    "evidence", "reasons", "origin", "position", "approval",
];

/// A cell that a spreadsheet shows as text, never runs as a formula (OWASP "CSV injection"): a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which Excel and
/// LibreOffice read as "text follows". Article text is attacker-controlled and becomes claims, so every text
/// cell goes through here.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

pub(super) fn render(
    review: &Review,
    words: &Messages,
    options: &super::ExportOptions,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    writer.write_record(COLUMNS)?;
    for (index, claim) in review.claims.iter().enumerate() {
        let verdict = crate::review::VerdictState::from(claim.verdict).label();
        let origin = match claim.origin {
            crate::review::Origin::Extracted => "extracted",
            crate::review::Origin::Manual => "manual",
        };
        writer.write_record([
            cell(&claim.id).as_ref(),
            &claim.start.to_string(),
            &claim.end.to_string(),
            verdict,
            &format!("{:.2}", claim.score),
            claim.kind.label(),
            &cell(super::published_speaker(claim).unwrap_or_default()),
            &cell(&claim.hedges.join("; ")),
            &cell(&claim.text),
            &cell(&claim.note),
            &cell(&claim.evidence.join(" ")),
            &cell(&super::reasons_text(claim, words, options)),
            origin,
            &(index + 1).to_string(),
            // Four eyes: a verdict nobody approved yet is marked so, never passed off as final.
            &cell(&super::approval_text(claim, words).unwrap_or_default()),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Language;
    use crate::export::tests::hostile_review;

    #[test]
    fn reads_back_with_a_csv_reader() {
        let review = hostile_review(Language::German);
        let bytes = render(
            &review,
            crate::i18n::Locale::English.messages(),
            &super::super::ExportOptions::default(),
        )
        .unwrap();
        assert!(bytes.starts_with(b"\xef\xbb\xbf"));
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            COLUMNS
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), review.claims.len());
        for (row, claim) in rows.iter().zip(&review.claims) {
            assert_eq!(&row[0], claim.id);
            assert_eq!(
                &row[8], claim.text,
                "claim text with quotes and commas survives"
            );
            assert_eq!(&row[9], claim.note, "notes with newlines survive");
        }
        assert_eq!(&rows[0][3], "confirmed");
        assert_eq!(&rows[1][3], "denied");
    }
}
