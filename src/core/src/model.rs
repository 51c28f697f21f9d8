//! The analysis a caller gets back: labels, reasons, blocks, page fixes.
//!
//! These names are a public interface (CLI JSON, WASM API, extension): extend, never rename.

use serde::Serialize;

use crate::dom::NodeId;

/// What a block of the page is. Serialised as the public label names
/// (`article`, `paywall`, `aggregator`, `consent`, `newsletter`, `app-banner`, `related`, `ad`,
/// `nav`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Article,
    Paywall,
    Aggregator,
    Consent,
    Newsletter,
    AppBanner,
    Related,
    Ad,
    Nav,
}

impl Label {
    /// Every clutter label (all but `article`), in report order.
    pub const CLUTTER: [Label; 8] = [
        Label::Paywall,
        Label::Aggregator,
        Label::Consent,
        Label::Newsletter,
        Label::AppBanner,
        Label::Related,
        Label::Ad,
        Label::Nav,
    ];

    /// Labels the extension and the package hide unless told otherwise (prompts and overlays;
    /// related rails, ads and navigation are flagged but kept).
    pub const HIDDEN_BY_DEFAULT: [Label; 5] = [
        Label::Paywall,
        Label::Aggregator,
        Label::Consent,
        Label::Newsletter,
        Label::AppBanner,
    ];

    /// Whether cleanup hides this label by default.
    pub fn hidden_by_default(self) -> bool {
        Label::HIDDEN_BY_DEFAULT.contains(&self)
    }

    /// The public name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Article => "article",
            Label::Paywall => "paywall",
            Label::Aggregator => "aggregator",
            Label::Consent => "consent",
            Label::Newsletter => "newsletter",
            Label::AppBanner => "app-banner",
            Label::Related => "related",
            Label::Ad => "ad",
            Label::Nav => "nav",
        }
    }

    /// Parses a public name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::CLUTTER
            .into_iter()
            .chain([Label::Article])
            .find(|l| l.as_str() == s)
    }

    /// Index among [`Label::CLUTTER`] (article has none).
    pub(crate) fn clutter_index(self) -> Option<usize> {
        Label::CLUTTER.iter().position(|&l| l == self)
    }
}

/// Why a block got its label. Stable codes: scripts may match on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// A phrase of the multilingual prompt lexicon (detail: the phrase).
    Phrase,
    /// A class/id/role token of a known vendor or CMP (detail: the token).
    VendorToken,
    /// A generic class/id/role/aria token (detail: the token).
    ClassToken,
    /// A landmark element or role (`nav`, `header`, `footer`, `role=navigation`).
    Landmark,
    /// `position: fixed` or `sticky`.
    FixedPosition,
    /// Covers a large share of the viewport.
    CoversViewport,
    /// A very high z-index.
    HighZIndex,
    /// `role=dialog`, `aria-modal`, `<dialog>`.
    DialogRole,
    /// An empty full-screen layer behind a prompt.
    Backdrop,
    /// A fade or clip over truncated content.
    Fade,
    /// A form asking for an e-mail address.
    EmailForm,
    /// Buttons or call-to-action links.
    CallToAction,
    /// Most of the text is links (a rail of teasers).
    LinkDense,
    /// Sits inside the article but is not part of its prose.
    InsideArticle,
    /// Short text, unlike article prose.
    ShortText,
    /// Appended after the article (a next article of an infinite scroll).
    NextArticle,
    /// Chosen as the article by paragraph scoring.
    ArticleScore,
}

/// One piece of evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub code: ReasonCode,
    /// A short human phrase for this piece of evidence.
    pub detail: String,
}

/// A flagged block: the root element of a piece of clutter (or the article).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    pub node: NodeId,
    pub label: Label,
    /// 0..1.
    pub confidence: f32,
    pub reasons: Vec<Reason>,
    /// The reasons as one sentence ("fixed overlay covering 85% of the viewport; ...").
    pub message: String,
    /// A CSS path to the element.
    pub path: String,
    /// The start of the block's text.
    pub preview: String,
}

/// What a page fix undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// `overflow: hidden` / `position: fixed` on `html` or `body` (inline or by class).
    ScrollLock,
    /// A blur filter over delivered content.
    Blur,
    /// `user-select: none` on delivered content.
    NoSelect,
    /// A height clip (with a fade) over delivered content.
    HeightClip,
}

/// A change the cleanup makes to an element that stays visible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub node: NodeId,
    pub kind: FixKind,
    pub path: String,
    /// Classes responsible (scroll-lock classes such as `modal-open`), if any.
    pub classes: Vec<String>,
    /// Why, in words.
    pub detail: String,
}
