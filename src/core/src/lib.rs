//! Decant's core: one classifier over one document snapshot.
#![forbid(unsafe_code)]

pub mod classify;
pub mod dom;
pub mod engine;
#[cfg(feature = "html")]
#[doc(hidden)]
pub mod evaluation;
pub mod extract;
pub mod features;
#[cfg(feature = "html")]
pub mod html;
pub mod json;
pub mod lexicon;
pub mod metadata;
pub mod model;
pub mod serialize;
pub mod style;
pub mod summary;
pub mod text;
pub mod wire;

pub use dom::{Document, NodeId};
pub use engine::{analyze, Analysis, Article, Delta, Engine, Options};
pub use model::{Block, Fix, FixKind, Label, Reason, ReasonCode};
