//! Where a web page's text is: its boilerplate (navigation, consent banners, share
//! buttons, comments…) named by class, id or ARIA role, and the element that holds its
//! reading text (`<main>` or a lone `<article>`), as readability-style extractors find it.
//!
//! A class name only marks boilerplate as a whole word or a leading word (`menu-primary`,
//! `sidebar-left`), never as a layout hint on a wrapper (`has-sidebar`,
//! `main-menu-offset`); and an element that holds the page's content (`<main>`,
//! `<article>`, an `<h1>`, or one of their ancestors) is never boilerplate.

use std::collections::HashSet;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// Names that mark boilerplate wherever they appear in a class or id
/// (`CybotCookiebotDialog`, `jp-relatedposts`, `footer-newsletter`).
const ANYWHERE: &[&str] = &[
    "cookie",
    "onetrust",
    "didomi",
    "usercentrics",
    "breadcrumb",
    "skip-link",
    "newsletter",
    "relatedposts",
    "sharedaddy",
    "addtoany",
];

/// Words of a class or id (split at `-` and `_`) that mark boilerplate wherever they stand
/// (`post-share`, `comments-area`, `gdpr-banner`, `language-nav`).
const WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "consent",
    "gdpr",
    "cmp",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
];

/// Words that mark boilerplate only as the first word of a class or id (`menu-primary`,
/// `sidebar-left`, `comment-list`): elsewhere they describe a layout (`has-sidebar`,
/// `main-menu-offset`, `no-comment`).
const LEADING: &[&str] = &["menu", "sidebar", "comment"];

/// Words that mark boilerplate as the last word of a class or id (`dropdown-menu`,
/// `sub-menu`, EUR-Lex's language list): inside a name they describe a layout
/// (`main-menu-offset`).
const TRAILING: &[&str] = &["menu"];

/// Whole leading compounds that mark boilerplate (`cc-window cc-banner` of cookieconsent,
/// `site-header`).
const COMPOUNDS: &[&str] = &[
    "cc-window",
    "cc-banner",
    "cc-revoke",
    "site-header",
    "site-footer",
    "site-nav",
    "main-nav",
];

/// ARIA roles of navigation, site banners, side content and dialogs (consent pop-ups).
const ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "dialog",
    "alertdialog",
];

/// Most `<main>`, `<article>` and `<h1>` elements whose ancestors are protected; a page
/// with more is a listing, and the rest are left unprotected.
const MAX_ANCHORS: usize = 1_000;

/// Least share of a page's text its `<main>` or `<article>` must hold to be read alone.
const MIN_ROOT_SHARE: usize = 5;

/// Navigation, menus, consent banners and dialogs, share and related-post blocks,
/// newsletter boxes and comments, named by class, id or ARIA role.
pub fn is_boilerplate(element: &Element) -> bool {
    let role = element.attr("role").unwrap_or("").to_ascii_lowercase();
    if ROLES.contains(&role.as_str()) || element.attr("aria-modal") == Some("true") {
        return true;
    }
    let id = element.id().map(str::to_ascii_lowercase);
    id.iter().any(|id| is_boilerplate_name(id))
        || element
            .classes()
            .any(|class| is_boilerplate_name(&class.to_ascii_lowercase()))
}

/// Whether one lower-case class or id names boilerplate.
fn is_boilerplate_name(name: &str) -> bool {
    if ANYWHERE.iter().any(|n| name.contains(n)) {
        return true;
    }
    if COMPOUNDS.iter().any(|c| starts_word(name, c)) {
        return true;
    }
    let mut words = name.split(['-', '_']).filter(|w| !w.is_empty());
    let leading = words.clone().next().is_some_and(|w| LEADING.contains(&w));
    let trailing = words
        .clone()
        .next_back()
        .is_some_and(|w| TRAILING.contains(&w));
    leading || trailing || words.any(|w| WORDS.contains(&w))
}

/// Whether `name` is `word` or starts with it followed by `-` or `_`.
fn starts_word(name: &str, word: &str) -> bool {
    name.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_']))
}

/// Where a page's reading text is.
#[derive(Default)]
pub struct Layout {
    /// The element holding the page's text, when one clearly does.
    pub root: Option<NodeId>,
    /// The page's `<h1>` when it stands outside `root` (`<header><h1>…</header><main>`).
    pub heading: Option<NodeId>,
    /// `root`, `heading` and their ancestors: the path the walk follows to them.
    pub path: HashSet<NodeId>,
    /// `<main>`, `<article>`, `<h1>` and their ancestors: never boilerplate.
    pub holders: HashSet<NodeId>,
}

impl Layout {
    /// Finds the content root and the elements holding the content of `document`.
    pub fn of(document: &Html) -> Self {
        let mut layout = Layout {
            holders: content_holders(document),
            ..Layout::default()
        };
        let Some(root) = content_root(document) else {
            return layout;
        };
        layout.root = Some(root.id());
        layout.heading = heading_outside(document, root).map(|h| h.id());
        for id in [layout.root, layout.heading].into_iter().flatten() {
            mark_with_ancestors(document, id, &mut layout.path);
        }
        layout
    }

    /// Whether the walk reads only part of the page.
    pub fn is_scoped(&self) -> bool {
        self.root.is_some()
    }

    /// Whether `id` is the root or the heading outside it: text inside is read.
    pub fn opens_scope(&self, id: NodeId) -> bool {
        Some(id) == self.root || Some(id) == self.heading
    }
}

/// The single `<main>` (or `role="main"`), else the single outermost `<article>`, when it
/// holds at least a fifth of the page's text.
fn content_root(document: &Html) -> Option<ElementRef<'_>> {
    let (mains, articles) = mains_and_outer_articles(document);
    let candidate = match (mains.as_slice(), articles.as_slice()) {
        ([main], _) => *main,
        ([], [article]) => *article,
        _ => return None,
    };
    let page_text = text_length(document.root_element());
    let root_text = text_length(candidate);
    (root_text > 0 && root_text * MIN_ROOT_SHARE >= page_text).then_some(candidate)
}

/// Up to two `<main>` elements and up to two `<article>` elements not inside another
/// (the comments of an article may be articles too), in one pass over the tree.
fn mains_and_outer_articles(document: &Html) -> (Vec<ElementRef<'_>>, Vec<ElementRef<'_>>) {
    let (mut mains, mut articles) = (Vec::new(), Vec::new());
    let mut article_depth = 0usize;
    for edge in document.root_element().traverse() {
        let (node, opening) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let is_article = element.value().name() == "article";
        if !opening {
            article_depth -= usize::from(is_article);
            continue;
        }
        let is_main =
            element.value().name() == "main" || element.value().attr("role") == Some("main");
        if is_main && mains.len() < 2 {
            mains.push(element);
        }
        if is_article && article_depth == 0 && articles.len() < 2 {
            articles.push(element);
        }
        article_depth += usize::from(is_article);
    }
    (mains, articles)
}

/// The page's only `<h1>`, when `root` has none and it stands outside `root`.
fn heading_outside<'a>(document: &'a Html, root: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let in_root = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "h1");
    if in_root {
        return None;
    }
    let mut h1s = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "h1");
    let only = h1s.next()?;
    if h1s.next().is_some() {
        return None;
    }
    let in_boilerplate = only
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| is_boilerplate(a.value()));
    (!in_boilerplate).then_some(only)
}

/// Characters of visible text under an element (scripts and styles left out).
fn text_length(element: ElementRef) -> usize {
    element
        .descendants()
        .filter_map(|node| {
            let text = node.value().as_text()?;
            let parent = node.parent().and_then(ElementRef::wrap)?;
            let hidden = matches!(parent.value().name(), "script" | "style" | "noscript");
            (!hidden).then(|| text.trim().len())
        })
        .sum()
}

/// `<main>`, `<article>`, `<h1>` and all their ancestors, for up to [`MAX_ANCHORS`]
/// anchors; each node is marked once, so the work stays linear.
fn content_holders(document: &Html) -> HashSet<NodeId> {
    let mut holders = HashSet::new();
    let anchors = document
        .root_element()
        .descendants()
        .filter(|node| match node.value() {
            Node::Element(e) => {
                matches!(e.name(), "main" | "article" | "h1") || e.attr("role") == Some("main")
            }
            _ => false,
        })
        .take(MAX_ANCHORS);
    let ids: Vec<NodeId> = anchors.map(|n| n.id()).collect();
    for id in ids {
        mark_with_ancestors(document, id, &mut holders);
    }
    holders
}

/// Inserts `id` and its ancestors into `set`, stopping at the first already there.
fn mark_with_ancestors(document: &Html, id: NodeId, set: &mut HashSet<NodeId>) {
    let mut node = document.tree.get(id);
    while let Some(current) = node {
        if !set.insert(current.id()) {
            return;
        }
        node = current.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_classes_on_wrappers_are_not_boilerplate() {
        for name in [
            "has-sidebar",
            "main-menu-offset",
            "entry-content",
            "no-comment",
        ] {
            assert!(!is_boilerplate_name(name), "{name}");
        }
    }

    #[test]
    fn boilerplate_is_named_by_whole_or_leading_words() {
        for name in [
            "onetrust-banner-sdk",
            "onetrust-consent-sdk",
            "cc-window",
            "cc-banner",
            "cookie-notice",
            "gdpr-banner",
            "cmp-container",
            "consent",
            "share-buttons",
            "post-share",
            "related-posts",
            "jp-relatedposts",
            "newsletter-signup",
            "comments",
            "comments-area",
            "comment-list",
            "menu-primary",
            "dropdown-menu",
            "sub-menu",
            "sidebar-left",
            "site-nav",
            "language-nav",
            "breadcrumbs",
        ] {
            assert!(is_boilerplate_name(name), "{name}");
        }
    }
}
