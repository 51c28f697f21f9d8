//! What an inline `style` attribute says, in the terms of [`LiveStyle`].
//!
//! Natively this is all the style we know; in the browser the bindings fill computed style for
//! the candidates that need it and that wins.

use crate::dom::{LiveStyle, Position};

/// Declarations of an inline style, names lower-cased, `!important` dropped.
pub fn declarations(style: &str) -> impl Iterator<Item = (String, String)> + '_ {
    style.split(';').filter_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        let value = value.trim().trim_end_matches("!important").trim();
        Some((name.trim().to_ascii_lowercase(), value.to_ascii_lowercase()))
    })
}

fn is_zero(v: &str) -> bool {
    matches!(v, "0" | "0px" | "0%" | "0em" | "0rem")
}

fn is_full(v: &str) -> bool {
    matches!(v, "100%" | "100vw" | "100vh" | "100dvh" | "100svh")
}

/// Reads an inline style attribute.
pub fn parse_inline(style: &str) -> LiveStyle {
    let mut s = LiveStyle::default();
    let (mut zero_edges, mut full_w, mut full_h, mut clip_height) = (0, false, false, false);
    for (name, value) in declarations(style) {
        match name.as_str() {
            "position" => {
                s.position = match value.as_str() {
                    "fixed" => Position::Fixed,
                    "sticky" | "-webkit-sticky" => Position::Sticky,
                    "absolute" => Position::Absolute,
                    "relative" => Position::Relative,
                    _ => Position::Static,
                }
            }
            "z-index" => s.z_index = value.parse().unwrap_or(0),
            "display" if value == "none" => s.hidden = true,
            "visibility" if value == "hidden" => s.hidden = true,
            "overflow" | "overflow-y" | "overflow-x"
                if value.contains("hidden") || value.contains("clip") =>
            {
                s.overflow_hidden = true
            }
            "filter" | "-webkit-filter" | "backdrop-filter" if value.contains("blur(") => {
                s.blurred = true
            }
            "user-select" | "-webkit-user-select" if value == "none" => s.no_select = true,
            "max-height" | "height" if value.ends_with("px") || value.ends_with("em") => {
                clip_height = true
            }
            "background" | "background-image" if value.contains("gradient(") => s.gradient = true,
            "inset" if is_zero(value.split_whitespace().next().unwrap_or("")) => zero_edges = 4,
            "top" | "left" | "right" | "bottom" if is_zero(&value) => zero_edges += 1,
            "width" if is_full(&value) => full_w = true,
            "height" if is_full(&value) => full_h = true,
            _ => {}
        }
    }
    s.height_clipped = clip_height && s.overflow_hidden;
    if matches!(s.position, Position::Fixed | Position::Absolute)
        && (zero_edges >= 4 || (full_w && full_h))
    {
        s.viewport_coverage = 1.0;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_overlay_and_clip() {
        let s =
            parse_inline("position: fixed; inset: 0; z-index: 99999 !important; Filter: blur(4px)");
        assert_eq!(s.position, Position::Fixed);
        assert_eq!(s.z_index, 99999);
        assert_eq!(s.viewport_coverage, 1.0);
        assert!(s.blurred);
        let c = parse_inline("max-height:300px;overflow:hidden");
        assert!(c.height_clipped);
        assert!(!parse_inline("color:red;;;:").hidden);
    }
}
