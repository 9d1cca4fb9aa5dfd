//! Markdown → article text: headings and paragraphs as blocks, markup removed.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The text of a Markdown document and its headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Blocks separated by blank lines, without Markdown syntax.
    pub text: String,
    /// The first level-one heading.
    pub title: Option<String>,
}

/// Extracts the text of a Markdown document.
#[must_use]
pub fn extract(source: &str) -> Document {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut title = None;
    let mut in_title_heading = false;
    let mut image_depth = 0usize;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let block = current.trim();
        if !block.is_empty() {
            blocks.push(block.to_owned());
        }
        current.clear();
    };
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut blocks);
                in_title_heading = level == HeadingLevel::H1 && title.is_none();
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_title_heading {
                    title = Some(current.trim().to_owned()).filter(|t| !t.is_empty());
                    in_title_heading = false;
                }
                flush(&mut current, &mut blocks);
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::TableRow,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => flush(&mut current, &mut blocks),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::End(TagEnd::TableCell) => current.push('\t'),
            Event::Text(text) | Event::Code(text) if image_depth == 0 => current.push_str(&text),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    Document {
        text: blocks.join("\n\n"),
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_blocks_kept() {
        let document = extract(
            "# Rates *rise* again\n\nThe bank raised rates to **4.5%**,\naccording to [Reuters](https://example.org).\n\n- one\n- two\n\n![chart](x.png)\n",
        );
        assert_eq!(document.title.as_deref(), Some("Rates rise again"));
        assert_eq!(
            document.text,
            "Rates rise again\n\nThe bank raised rates to 4.5%, according to Reuters.\n\none\n\ntwo"
        );
    }
}
