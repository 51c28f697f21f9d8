//! Article metadata from every source a page offers (being written; see issue 4).
