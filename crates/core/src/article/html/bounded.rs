//! Parsing HTML with its depth bounded while the tree is built. A count of tags in the text cannot see the
//! depth a page really reaches (`<div/>` repeated, `<div></x>`, `</div>` inside an attribute value or a
//! script: html5ever nests each of these for real), and html5ever's work per tag grows with the depth of
//! its open elements. So the depth is measured on the tree the parser builds — each element one deeper than
//! the node it is appended to — and the input is fed in chunks that stop as soon as the bound is passed or
//! the parse takes longer than its time budget.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use ego_tree::NodeId;
use foldhash::{HashMap, HashMapExt};
use html5ever::tendril::{StrTendril, TendrilSink as _};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// Bytes fed to the parser at once: small enough that a page is stopped soon after it passes the bound.
const CHUNK_BYTES: usize = 32 * 1024;

/// Why a page was not parsed to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Its elements nest deeper than the bound (the depth reached).
    TooDeep(usize),
    /// Its parse took longer than the budget (the seconds).
    TooSlow(u64),
}

/// scraper's tree sink, measuring how deep each element lands.
struct DepthSink {
    inner: HtmlTreeSink,
    depths: RefCell<HashMap<NodeId, usize>>,
    deepest: Rc<Cell<usize>>,
}

impl DepthSink {
    fn depth_of(&self, node: NodeId) -> usize {
        self.depths.borrow().get(&node).copied().unwrap_or(0)
    }

    fn placed(&self, parent_depth: usize, child: &NodeOrText<NodeId>) {
        if let NodeOrText::AppendNode(node) = child {
            let depth = parent_depth + 1;
            self.depths.borrow_mut().insert(*node, depth);
            if depth > self.deepest.get() {
                self.deepest.set(depth);
            }
        }
    }
}

impl TreeSink for DepthSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.placed(self.depth_of(*parent), &child);
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.placed(self.depth_of(*prev_element), &child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        // A sibling's depth: one less than the sibling's own.
        self.placed(self.depth_of(*sibling).saturating_sub(1), &new_node);
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}

/// Parses `source` as a document, refusing it once its elements nest deeper than `max_depth` or the parse
/// has taken longer than `budget`.
///
/// # Errors
/// [`Refused`] with the depth reached or the budget.
pub fn parse_document(source: &str, max_depth: usize, budget: Duration) -> Result<Html, Refused> {
    let deepest = Rc::new(Cell::new(0));
    let sink = DepthSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        depths: RefCell::new(HashMap::new()),
        deepest: Rc::clone(&deepest),
    };
    let mut parser = html5ever::parse_document(sink, html5ever::ParseOpts::default());
    let started = Instant::now();
    let mut rest = source;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (chunk, after) = rest.split_at(end);
        parser.process(StrTendril::from_slice(chunk));
        rest = after;
        if deepest.get() > max_depth {
            return Err(Refused::TooDeep(deepest.get()));
        }
        if started.elapsed() > budget {
            return Err(Refused::TooSlow(budget.as_secs()));
        }
    }
    let document = parser.finish();
    if deepest.get() > max_depth {
        return Err(Refused::TooDeep(deepest.get()));
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: Duration = Duration::from_secs(30);

    #[test]
    fn depth_hidden_from_the_tags_is_measured_on_the_tree() {
        for pattern in [
            "<div/>",
            "<div></x>",
            "<div title=\"</div>\">",
            "<div><script></div></script>",
        ] {
            let page = pattern.repeat(20_000);
            assert!(
                matches!(parse_document(&page, 5_000, BUDGET), Err(Refused::TooDeep(depth)) if depth > 5_000),
                "{pattern}"
            );
        }
        let flat = "<div>Absatz.</div>".repeat(20_000);
        assert!(parse_document(&flat, 5_000, BUDGET).is_ok());
    }

    #[test]
    fn a_parse_over_its_budget_stops() {
        let page = "<div>".repeat(4_000) + &"<p>x</p>".repeat(50_000);
        assert_eq!(
            parse_document(&page, 5_000, Duration::ZERO).err(),
            Some(Refused::TooSlow(0))
        );
    }
}
