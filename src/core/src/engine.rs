//! The two-phase engine: analyse a page once, then analyse newly added nodes cheaply.
//!
//! ```text
//! Engine::new(doc)          snapshot → aggregates → article candidate
//! engine.style_probes()     (browser) which nodes to measure; fill with set_style
//! engine.analyze()          blocks, page fixes, article
//! engine.document_mut()     (incremental) attach the added subtrees to the snapshot
//! engine.attach(..)         take them in; (browser) measure the nodes it returns
//! engine.analyze_added(..)  blocks and fixes for just those subtrees
//! ```

use serde::Serialize;

use crate::classify::{self, PageContext};
use crate::dom::{Document, LiveStyle, NodeId};
use crate::extract;
use crate::features::Stats;
use crate::metadata::{extract_metadata, Metadata};
use crate::model::{Block, Fix, Label, Reason, ReasonCode};
use crate::summary::{summarize, Summary, SummaryOptions};
use crate::text::word_count;

/// Words read per minute for `reading_minutes`.
const WORDS_PER_MINUTE: usize = 230;

/// The article found on a page.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    /// The article's root element.
    pub node: NodeId,
    pub path: String,
    /// Title, byline, dates, site, source, language, canonical URL, image, excerpt.
    #[serde(flatten)]
    pub metadata: Metadata,
    pub article_text: String,
    pub article_html: String,
    pub word_count: usize,
    pub reading_minutes: u32,
}

/// Everything the analysis found.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// The article, or `None` when the page is not an article (home pages, listings).
    pub article: Option<Article>,
    /// The page's metadata (also for pages that are not articles).
    pub metadata: Metadata,
    /// Key points of the article, computed on the device; `None` when not an article.
    pub summary: Option<Summary>,
    /// Flagged blocks, the article's root first when there is one.
    pub blocks: Vec<Block>,
    pub fixes: Vec<Fix>,
}

/// What an incremental analysis adds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Delta {
    pub blocks: Vec<Block>,
    pub fixes: Vec<Fix>,
}

/// What the caller can tune.
#[derive(Clone, Debug)]
pub struct Options {
    /// Summary length and language hint.
    pub summary: SummaryOptions,
    /// Compute the summary (on by default). A cleanup that shows no summary can skip it.
    pub summarize: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary: SummaryOptions::default(),
            summarize: true,
        }
    }
}

/// A page under analysis. Holds the snapshot so later batches can be analysed against it.
pub struct Engine {
    doc: Document,
    options: Options,
    stats: Stats,
    article: Option<NodeId>,
    readerable: bool,
    flagged: Vec<bool>,
    blocks: Vec<Block>,
    fixes: Vec<Fix>,
}

impl Engine {
    /// Prepares a snapshot: aggregates and the article candidate.
    pub fn new(doc: Document) -> Engine {
        Engine::with_options(doc, Options::default())
    }

    /// [`Engine::new`] with options.
    pub fn with_options(doc: Document, options: Options) -> Engine {
        let stats = Stats::compute(&doc);
        let article = classify::find_article(&doc, &stats);
        let readerable = article.is_some_and(|a| classify::is_readerable(&doc, &stats, a));
        let flagged = vec![false; doc.len()];
        Engine {
            doc,
            options,
            stats,
            article,
            readerable,
            flagged,
            blocks: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// The snapshot.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The snapshot, to attach added subtrees before [`Engine::analyze_added`].
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// Records the browser's computed style for a node.
    pub fn set_style(&mut self, id: NodeId, style: LiveStyle) {
        self.doc.set_style(id, style);
    }

    /// Nodes whose style and geometry the browser should measure before [`Engine::analyze`].
    pub fn style_probes(&self) -> Vec<NodeId> {
        self.probes_under(NodeId::ROOT)
    }

    /// Nodes under `root` worth measuring (for an added subtree).
    pub fn probes_under(&self, root: NodeId) -> Vec<NodeId> {
        let mut out = classify::style_candidates(&self.doc, &self.stats, root);
        if root == NodeId::ROOT {
            if let Some(a) = self.article {
                out.push(a);
                out.extend(
                    self.doc
                        .ancestors(a)
                        .filter(|&n| self.doc.element(n).is_some()),
                );
                for c in self.doc.children(a) {
                    if self.doc.element(c).is_some() && self.stats.get(c).chars >= 60 {
                        out.push(c);
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
        }
        out
    }

    fn context(&self) -> PageContext {
        PageContext {
            // Protect the best prose candidate even when the page is not readerable.
            article: self.article,
            article_para_chars: self.article.map_or(0, |a| self.stats.get(a).para_chars),
            aggregator_page: self.doc.body().is_some_and(|b| {
                self.stats.get(b).hit(Label::Aggregator) >= classify::AGGREGATOR_PAGE_WEIGHT
            }),
            body: self.doc.body(),
        }
    }

    /// The article root, when the page is an article.
    pub fn article_root(&self) -> Option<NodeId> {
        self.article.filter(|_| self.readerable)
    }

    /// Full analysis of the page.
    pub fn analyze(&mut self) -> Analysis {
        let ctx = self.context();
        self.flagged = vec![false; self.doc.len()];
        let mut blocks = match ctx.body {
            Some(body) => {
                classify::find_blocks(&self.doc, &self.stats, body, &ctx, &mut self.flagged)
            }
            None => Vec::new(),
        };
        if let Some(body) = ctx.body {
            let layers = classify::find_layers(
                &self.doc,
                &self.stats,
                body,
                &ctx,
                &blocks,
                &mut self.flagged,
            );
            blocks.extend(layers);
        }
        self.fixes = classify::find_fixes(&self.doc, &self.stats, &ctx, &blocks);
        self.blocks = blocks;
        let metadata = extract_metadata(&self.doc, self.article_root());
        let (article, summary) = match self.article_root() {
            Some(root) => {
                let (article, spans) = self.article_info(root, metadata.clone());
                // The paragraphs as slices of the article text (not a second copy of it).
                let paragraphs: Vec<&str> = spans
                    .iter()
                    .map(|&(a, b)| &article.article_text[a..b])
                    .collect();
                let title = metadata.title.as_deref();
                let mut opts = self.options.summary.clone();
                if opts.lang.is_none() {
                    opts.lang = metadata.lang.clone();
                }
                let summary = self
                    .options
                    .summarize
                    .then(|| summarize(&paragraphs, title, &opts));
                drop(paragraphs);
                (Some(article), summary)
            }
            None => (None, None),
        };
        let mut all = Vec::with_capacity(self.blocks.len() + 1);
        if let Some(a) = &article {
            let detail = format!("{} paragraphs of prose", self.stats.get(a.node).paragraphs);
            all.push(Block {
                node: a.node,
                label: Label::Article,
                confidence: 0.9,
                message: detail.clone(),
                reasons: vec![Reason {
                    code: ReasonCode::ArticleScore,
                    detail,
                }],
                path: a.path.clone(),
                preview: crate::text::preview(&a.article_text, 80),
            });
        }
        all.extend(self.blocks.iter().cloned());
        Analysis {
            article,
            metadata,
            summary,
            blocks: all,
            fixes: self.fixes.clone(),
        }
    }

    /// The article and its paragraphs, as byte ranges of `article_text` (paragraphs joined by
    /// blank lines).
    fn article_info(&self, root: NodeId, metadata: Metadata) -> (Article, Vec<(usize, usize)>) {
        // Text and HTML from one layout: the parts and what ends the article are found once.
        let (paras, layout) = extract::paragraphs_and_layout(
            &self.doc,
            &self.stats,
            root,
            &self.flagged,
            metadata.excerpt.as_deref(),
        );
        let mut text = String::with_capacity(paras.iter().map(|p| p.len() + 2).sum());
        let mut spans = Vec::with_capacity(paras.len());
        for (i, p) in paras.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            spans.push((text.len(), text.len() + p.len()));
            text.push_str(p);
        }
        // Before the HTML is built: a big page's paragraphs are megabytes.
        drop(paras);
        let words = word_count(&text);
        let article = Article {
            node: root,
            path: classify::css_path(&self.doc, root),
            metadata,
            article_html: extract::layout_html(&self.doc, &self.stats, &self.flagged, &layout),
            word_count: words,
            reading_minutes: if words == 0 {
                0
            } else {
                words.div_ceil(WORDS_PER_MINUTE) as u32
            },
            article_text: text,
        };
        (article, spans)
    }

    /// Takes in subtrees attached to the snapshot (via [`Engine::document_mut`]) since the
    /// last analysis: updates the aggregates and returns the nodes the browser should measure
    /// before [`Engine::analyze_added`].
    pub fn attach(&mut self, roots: &[NodeId]) -> Vec<NodeId> {
        let mut probes = Vec::new();
        for &r in roots {
            self.stats.add_subtree(&self.doc, r);
        }
        for &r in roots {
            probes.extend(self.probes_under(r));
        }
        probes
    }

    /// Analyses subtrees taken in by [`Engine::attach`]. Returns only what is new.
    pub fn analyze_added(&mut self, roots: &[NodeId]) -> Delta {
        if self.flagged.len() < self.doc.len() {
            self.flagged.resize(self.doc.len(), false);
        }
        let ctx = self.context();
        let mut delta = Delta::default();
        let first_new = self.blocks.len();
        for &r in roots {
            // Judge the added root in its page context: walk from the root itself.
            let found = classify::find_blocks(&self.doc, &self.stats, r, &ctx, &mut self.flagged);
            self.blocks.extend(found);
        }
        // Layers are judged against every block so far (the page's and this batch's), and
        // join them only after the whole batch (no block list is copied: pages have hundreds).
        let mut layers = Vec::new();
        for &r in roots {
            layers.extend(classify::find_layers(
                &self.doc,
                &self.stats,
                r,
                &ctx,
                &self.blocks,
                &mut self.flagged,
            ));
        }
        self.blocks.extend(layers);
        delta.blocks = self.blocks[first_new..].to_vec();
        let fixes = classify::find_fixes(&self.doc, &self.stats, &ctx, &self.blocks);
        for f in fixes {
            if !self.fixes.contains(&f) {
                delta.fixes.push(f.clone());
                self.fixes.push(f);
            }
        }
        delta
    }
}

/// Analyses a document in one call.
pub fn analyze(doc: Document) -> Analysis {
    Engine::new(doc).analyze()
}
