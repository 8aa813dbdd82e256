//! The compiled core of arxivmeta's line-wrap repair.
//!
//! Python keeps the public API (`arxivmeta.wraps`), the configuration, the explanations
//! and the marked-text path; this crate does the hot part of the flattened-text path: the
//! prepared document, the scoring of candidate cuts, the width/chain search and its
//! resynchronisation. The pure-Rust modules know nothing of Python and are tested by
//! `cargo test`; the `python` feature adds the PyO3 bindings in [`python`].

pub mod chain;
pub mod chars;
pub mod costs;
pub mod doc;
pub mod fxhash;
pub mod junctions;
pub mod lexicon;
pub mod literals;
pub mod resync;
pub mod table;
pub mod wordfreq;
pub mod words;

#[cfg(feature = "python")]
pub mod python;
