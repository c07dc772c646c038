//! JSON-LD (`<script type="application/ld+json">`) of web pages: the headline, dates and
//! publisher of the article a page is about, as news sites and WordPress SEO plugins
//! declare them (a single object, an array, or a Yoast-style `@graph` with `@id` links).

use serde_json::{Map, Value};

use super::clean::normalize;

/// Largest JSON-LD script parsed; a bigger one is skipped (serde_json also caps nesting).
pub const MAX_JSONLD_BYTES: usize = 1 << 20;

/// Most objects of one page's JSON-LD looked at.
const MAX_NODES: usize = 1_000;

/// Schema.org types of the thing a page publishes (a `WebPage` stands in when none is
/// declared).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "PressRelease",
    "ScholarlyArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "SocialMediaPosting",
];

/// What a page's JSON-LD says about the article it publishes.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LinkedData {
    /// `headline` (or `name`) of the article.
    pub headline: Option<String>,
    /// `datePublished`, as written.
    pub published: Option<String>,
    /// `dateCreated`, as written.
    pub created: Option<String>,
    /// Name of the `publisher`, or of an `author` that is an organisation.
    pub publisher: Option<String>,
    /// Name of the `WebSite` node: the site name.
    pub site_name: Option<String>,
}

/// Reads the JSON-LD scripts of a page, first article found first.
pub fn read<'a>(scripts: impl IntoIterator<Item = &'a str>) -> LinkedData {
    let mut nodes = Vec::new();
    for script in scripts {
        if script.len() > MAX_JSONLD_BYTES {
            continue;
        }
        if let Ok(value) = serde_json::from_str::<Value>(script.trim()) {
            collect_nodes(value, &mut nodes);
        }
    }
    linked_data(&nodes)
}

/// The objects of a JSON-LD value: itself, the items of an array, and those of `@graph`.
fn collect_nodes(value: Value, nodes: &mut Vec<Map<String, Value>>) {
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        if nodes.len() >= MAX_NODES {
            return;
        }
        match value {
            Value::Array(items) => pending.extend(items.into_iter().rev()),
            Value::Object(mut object) => {
                if let Some(graph) = object.remove("@graph") {
                    pending.push(graph);
                }
                nodes.push(object);
            }
            _ => {}
        }
    }
}

/// The article's fields, resolving `publisher: {"@id": …}` links within the page.
fn linked_data(nodes: &[Map<String, Value>]) -> LinkedData {
    let site_name = nodes
        .iter()
        .find(|n| has_type(n, &["WebSite"]))
        .and_then(|n| text(n, "name"));
    let article = nodes
        .iter()
        .find(|n| has_type(n, ARTICLE_TYPES))
        .or_else(|| nodes.iter().find(|n| has_type(n, &["WebPage"])))
        .or_else(|| nodes.iter().find(|n| n.contains_key("datePublished")));
    let Some(article) = article else {
        return LinkedData {
            site_name,
            ..LinkedData::default()
        };
    };
    let publisher = organisation_name(nodes, article.get("publisher"))
        .or_else(|| organisation_of_author(nodes, article.get("author")));
    LinkedData {
        headline: text(article, "headline").or_else(|| {
            // A `WebPage`'s name is usually the `<title>`, site name and all.
            (!has_type(article, &["WebPage"]))
                .then(|| text(article, "name"))
                .flatten()
        }),
        published: text(article, "datePublished"),
        created: text(article, "dateCreated"),
        publisher,
        site_name,
    }
}

/// The name of an organisation given inline or as an `@id` link to another node.
fn organisation_name(nodes: &[Map<String, Value>], value: Option<&Value>) -> Option<String> {
    let object = match value? {
        Value::Array(items) => items.first()?.as_object()?,
        Value::Object(object) => object,
        Value::String(name) => return nonempty(name),
        _ => return None,
    };
    text(object, "name").or_else(|| {
        let id = object.get("@id")?.as_str()?;
        let linked = nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))?;
        text(linked, "name")
    })
}

/// The name of an `author` that is an organisation (a person is not a publisher).
fn organisation_of_author(nodes: &[Map<String, Value>], value: Option<&Value>) -> Option<String> {
    let object = match value? {
        Value::Array(items) => items.first()?.as_object()?,
        Value::Object(object) => object,
        _ => return None,
    };
    let linked = object
        .get("@id")
        .and_then(Value::as_str)
        .and_then(|id| {
            nodes
                .iter()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
        })
        .unwrap_or(object);
    has_type(
        linked,
        &[
            "Organization",
            "NGO",
            "GovernmentOrganization",
            "NewsMediaOrganization",
        ],
    )
    .then(|| text(linked, "name"))
    .flatten()
}

/// Whether a node's `@type` (a string or an array) is one of `types`.
fn has_type(node: &Map<String, Value>, types: &[&str]) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .any(|t| types.contains(&t)),
        _ => false,
    }
}

/// A field's text, trimmed, when it is a non-empty string.
fn text(node: &Map<String, Value>, key: &str) -> Option<String> {
    node.get(key).and_then(Value::as_str).and_then(nonempty)
}

/// `text` normalised as every page fact is, unless that leaves nothing.
fn nonempty(text: &str) -> Option<String> {
    let text = normalize(text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_article_gives_headline_date_and_publisher() {
        let ld = read([
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Encryptie onder vuur","datePublished":"2022-10-03T08:15:00+02:00","author":{"@type":"Person","name":"Rejo Zenger"},"publisher":{"@type":"Organization","name":"Bits of Freedom"}}"#,
        ]);
        assert_eq!(ld.headline.as_deref(), Some("Encryptie onder vuur"));
        assert_eq!(ld.published.as_deref(), Some("2022-10-03T08:15:00+02:00"));
        assert_eq!(ld.publisher.as_deref(), Some("Bits of Freedom"));
    }

    #[test]
    fn a_yoast_graph_links_the_publisher_by_id() {
        let ld = read([
            r##"{"@graph":[{"@type":"WebSite","@id":"#w","name":"Hermes Center"},{"@type":["Article"],"headline":"La privacy","dateCreated":"2024-02-13","datePublished":"2024-02-14","publisher":{"@id":"#o"},"author":{"@type":"Person","name":"Laura"}},{"@type":"Organization","@id":"#o","name":"Hermes"}]}"##,
        ]);
        assert_eq!(ld.published.as_deref(), Some("2024-02-14"));
        assert_eq!(ld.created.as_deref(), Some("2024-02-13"));
        assert_eq!(ld.publisher.as_deref(), Some("Hermes"));
        assert_eq!(ld.site_name.as_deref(), Some("Hermes Center"));
    }

    #[test]
    fn broken_deep_and_huge_scripts_are_ignored() {
        let deep = "[".repeat(100_000);
        let huge = format!("{{\"headline\":\"{}\"}}", "x".repeat(MAX_JSONLD_BYTES));
        let ld = read(["{not json", deep.as_str(), huge.as_str()]);
        assert_eq!(ld, LinkedData::default());
    }
}
