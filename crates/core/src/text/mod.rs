//! The one text analysis that extraction and the memory share, so that a fix lands in both: tokens with
//! byte spans ([`tokens`]), the language lexicon of categorised words and phrases ([`lexicon`]), and
//! figures with units, scales and currencies, and dates, read into comparable values ([`figures`]), and
//! the phrases that deny what follows ([`denial`]). Who a
//! statement is attributed to is found by [`crate::extract::attribution`], which the memory uses too.

pub mod denial;
pub mod figures;
pub mod lexicon;
pub mod tokens;
