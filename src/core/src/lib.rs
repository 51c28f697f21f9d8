//! Decant's core: one classifier over one document snapshot.
#![forbid(unsafe_code)]

pub mod dom;
#[cfg(feature = "html")]
pub mod html;
pub mod metadata;
pub mod summary;
