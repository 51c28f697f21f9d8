//! Schema.org JSON-LD: the article object of a page's `application/ld+json` scripts.

use super::clean::{is_url, tidy};
use crate::json::Value;

/// Most objects looked at across all of a page's JSON-LD.
const MAX_OBJECTS: usize = 5_000;

/// What a page's JSON-LD says about its article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// `publisher.name` of the article.
    pub publisher: Option<String>,
    /// The `WebSite` object's name.
    pub website: Option<String>,
    /// `isBasedOn` / `sourceOrganization` / `provider` names of the article.
    pub source: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// True when an article-typed object was found (not just a WebPage).
    pub is_article: bool,
}

/// The `@type` names of one object (a string or an array of them).
pub(crate) fn types(v: &Value) -> impl Iterator<Item = &str> {
    v.get("@type")
        .into_iter()
        .flat_map(|t| t.items())
        .filter_map(Value::as_str)
}

/// 4 for article types, 3 for other written works, 2 for media, 1 for web pages, 0 otherwise.
fn type_rank(v: &Value) -> u8 {
    let mut best = 0;
    for t in types(v) {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        let r = if t.ends_with("Article") || t.ends_with("Posting") || t == "Blog" {
            4
        } else if matches!(
            t,
            "Report" | "Review" | "Recipe" | "HowTo" | "CreativeWork" | "Thesis" | "Book"
        ) {
            3
        } else if matches!(
            t,
            "VideoObject" | "AudioObject" | "Episode" | "PodcastEpisode" | "Clip"
        ) {
            2
        } else if t.ends_with("Page") {
            1
        } else {
            0
        };
        best = best.max(r);
    }
    best
}

/// All objects in the value, parents before children, breadth-first by depth, without
/// recursion: (depth, object).
pub(crate) fn objects(root: &Value) -> Vec<(usize, &Value)> {
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    queue.push_back((0usize, root));
    while let Some((d, v)) = queue.pop_front() {
        if out.len() >= MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| queue.push_back((d, i))),
            Value::Object(members) => {
                out.push((d, v));
                for (k, m) in members {
                    if k == "@context" {
                        continue;
                    }
                    // A graph's members are top-level objects of their own.
                    let nd = if k == "@graph" { d } else { d + 1 };
                    if matches!(m, Value::Array(_) | Value::Object(_)) {
                        queue.push_back((nd, m));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Names by `@id`, for resolving `{"@id": ...}` references in a graph.
struct Ids<'a>(Vec<(&'a str, &'a Value)>);

impl<'a> Ids<'a> {
    fn resolve(&self, v: &'a Value) -> &'a Value {
        if v.get("name").is_none() {
            if let Some(id) = v.get("@id").and_then(Value::as_str) {
                if let Some((_, o)) = self
                    .0
                    .iter()
                    .find(|(i, o)| *i == id && o.get("name").is_some())
                {
                    return o;
                }
            }
        }
        v
    }

    /// The name(s) of a person/organization value: a string, an object, or a list of either.
    fn names(&self, v: &'a Value, out: &mut Vec<String>) {
        for item in v.items().iter().take(20) {
            let item = self.resolve(item);
            let n = match item {
                Value::String(s) => Some(s.as_str()),
                Value::Object(_) => item
                    .get("name")
                    .and_then(|n| n.items().first())
                    .and_then(Value::as_str),
                _ => None,
            };
            if let Some(n) = n.filter(|n| !is_url(n)).and_then(tidy) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }

    fn name(&self, v: Option<&'a Value>) -> Option<String> {
        let mut out = Vec::new();
        self.names(v?, &mut out);
        out.into_iter().next()
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    v?.items().iter().find_map(Value::as_str).and_then(tidy)
}

fn image(v: Option<&Value>) -> Option<String> {
    let first = v?.items().first()?;
    match first {
        Value::String(s) => tidy(s),
        Value::Object(_) => string(first.get("url")).or_else(|| string(first.get("contentUrl"))),
        _ => None,
    }
}

/// Reads the JSON-LD scripts (already parsed) of a page.
pub fn extract(docs: &[Value]) -> JsonLd {
    let all: Vec<(usize, &Value)> = docs.iter().flat_map(objects).take(MAX_OBJECTS).collect();
    let ids = Ids(all
        .iter()
        .filter_map(|(_, o)| Some((o.get("@id")?.as_str()?, *o)))
        .collect());
    let mut out = JsonLd {
        website: all
            .iter()
            .find(|(_, o)| types(o).any(|t| t == "WebSite"))
            .and_then(|(_, o)| string(o.get("name"))),
        ..JsonLd::default()
    };
    // The best-typed object, shallowest first, then in source order.
    let best = all
        .iter()
        .filter(|(_, o)| type_rank(o) > 0)
        .min_by_key(|(d, o)| (4 - type_rank(o), *d));
    let Some(&(_, art)) = best else {
        return out;
    };
    out.is_article = type_rank(art) >= 3;
    out.headline = string(art.get("headline"));
    out.name = string(art.get("name"));
    let mut authors = Vec::new();
    for key in ["author", "creator"] {
        if let Some(a) = art.get(key) {
            ids.names(a, &mut authors);
        }
        if !authors.is_empty() {
            break;
        }
    }
    out.authors = authors;
    out.published = string(art.get("datePublished")).or_else(|| string(art.get("dateCreated")));
    out.modified = string(art.get("dateModified"));
    out.publisher = ids.name(art.get("publisher"));
    out.source = ["isBasedOn", "sourceOrganization", "provider"]
        .iter()
        .find_map(|k| {
            let v = ids.resolve(art.get(k)?);
            // isBasedOn may be a CreativeWork: its publisher is the source.
            ids.name(v.get("publisher"))
                .or_else(|| ids.name(Some(v)).filter(|n| !is_url(n)))
        });
    out.image = image(art.get("image")).or_else(|| image(art.get("thumbnailUrl")));
    out.description = string(art.get("description"));
    out.url = string(art.get("url")).or_else(|| {
        string(art.get("mainEntityOfPage").and_then(|m| {
            if m.as_str().is_some() {
                Some(m)
            } else {
                m.get("@id")
            }
        }))
    });
    out.lang = string(art.get("inLanguage"));
    // An article's missing fields may sit on the WebPage that holds it, or vice versa.
    if out.published.is_none() || out.authors.is_empty() {
        if let Some(&(_, page)) = all
            .iter()
            .find(|(_, o)| type_rank(o) == 1 && !std::ptr::eq(*o, art))
        {
            if out.published.is_none() {
                out.published = string(page.get("datePublished"));
            }
            if out.modified.is_none() {
                out.modified = string(page.get("dateModified"));
            }
            if out.authors.is_empty() {
                if let Some(a) = page.get("author") {
                    ids.names(a, &mut out.authors);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn finds_the_article_in_a_graph() {
        let v = parse(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Example News"},
              {"@type":"Person","@id":"#p1","name":"Jane Doe"},
              {"@type":["NewsArticle"],"headline":"Big &amp; news","author":[{"@id":"#p1"},{"@type":"Person","name":"John Roe"}],
               "datePublished":"2021-10-15T08:30:00+02:00","publisher":{"@type":"Organization","name":"Wire Service"},
               "image":[{"@type":"ImageObject","url":"https://x/i.jpg"}]}
            ]}"##,
        )
        .unwrap();
        let j = extract(&[v]);
        assert_eq!(j.headline.as_deref(), Some("Big & news"));
        assert_eq!(
            j.authors,
            vec!["Jane Doe".to_string(), "John Roe".to_string()]
        );
        assert_eq!(j.published.as_deref(), Some("2021-10-15T08:30:00+02:00"));
        assert_eq!(j.publisher.as_deref(), Some("Wire Service"));
        assert_eq!(j.website.as_deref(), Some("Example News"));
        assert_eq!(j.image.as_deref(), Some("https://x/i.jpg"));
        assert!(j.is_article);
    }

    #[test]
    fn arrays_and_plain_authors() {
        let v = parse(r#"[{"@type":"Organization","name":"X"},{"@type":"BlogPosting","name":"T","author":"A. Writer","isBasedOn":{"@type":"NewsArticle","publisher":{"name":"Origin Times"}}}]"#).unwrap();
        let j = extract(&[v]);
        assert_eq!(j.name.as_deref(), Some("T"));
        assert_eq!(j.authors, vec!["A. Writer".to_string()]);
        assert_eq!(j.source.as_deref(), Some("Origin Times"));
    }
}
