//! On-device extractive summary (being written; see issue 5).
