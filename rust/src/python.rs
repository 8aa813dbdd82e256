//! The PyO3 boundary: a `Lexicon` class built once per process, and `find_cuts`.
//!
//! Nothing here panics into Python: the search runs inside `catch_unwind`, and a panic
//! becomes `NativeError`, which `arxivmeta.wraps` turns into its own typed error. The
//! search runs with the GIL released, so threads scale.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

use crate::chain::{find_cuts as search, Context, Params, Rule};
use crate::chars::{CharInfo, Chars};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::lexicon::{English, LogConstants};
use crate::wordfreq::CbPack;

create_exception!(
    _native,
    NativeError,
    PyException,
    "The compiled line-wrap search failed (a bug): the message says where."
);

/// One character as Python describes it: (code point, flags, `c.lower()`).
type CharRow = (u32, u16, String);
/// One cut for Python: (position, token start, token end, by width, score).
type CutRow = (usize, usize, usize, bool, f64);

fn info(row: &CharRow) -> Option<(char, CharInfo)> {
    let c = char::from_u32(row.0)?;
    let lower: Vec<char> = row.2.chars().collect();
    Some((c, CharInfo::new(row.1, &lower)))
}

/// The English word model, immutable once built.
#[pyclass(frozen, module = "arxivmeta._native", name = "Lexicon")]
pub struct PyLexicon {
    english: English,
}

#[pymethods]
impl PyLexicon {
    /// Build from the words joined by newlines, their frequencies and the natural
    /// logarithms of those as native-endian doubles (one bulk transfer each, not a
    /// third of a million objects), the 128 ASCII rows of the character table, and the
    /// log-probabilities of the word model (text once, text twice or more, user word,
    /// number, acronym).
    #[new]
    fn new(
        words: &str,
        frequencies: &[u8],
        logs: &[u8],
        ascii: Vec<CharRow>,
        constants: (f64, f64, f64, f64, f64),
    ) -> PyResult<Self> {
        let frequencies = doubles(frequencies);
        let logs = doubles(logs);
        let words: Vec<&str> = if words.is_empty() {
            Vec::new()
        } else {
            words.split('\n').collect()
        };
        if words.len() != frequencies.len() || words.len() != logs.len() {
            return Err(PyValueError::new_err(
                "words, frequencies and logs differ in length",
            ));
        }
        let table = ascii_table(&ascii)?;
        let rows = words
            .into_iter()
            .zip(frequencies)
            .zip(logs)
            .map(|((w, f), l)| (w.to_string(), f, l));
        Ok(PyLexicon {
            english: English::new(rows, table, log_constants(constants)),
        })
    }

    /// Build from a wordfreq data file (a gzip-compressed msgpack "cBpack", such as the
    /// installed package's `data/large_en.msgpack.gz`), read here with the GIL released;
    /// *ascii* and *constants* as for the constructor. Raises `ValueError` when the file
    /// is not a cBpack and `OSError` when it cannot be read.
    #[staticmethod]
    fn from_wordfreq(
        py: Python<'_>,
        path: std::path::PathBuf,
        ascii: Vec<CharRow>,
        constants: (f64, f64, f64, f64, f64),
    ) -> PyResult<Self> {
        let table = ascii_table(&ascii)?;
        let constants = log_constants(constants);
        let outcome = py.detach(move || {
            catch_unwind(AssertUnwindSafe(|| {
                let file = std::fs::File::open(&path).map_err(PyErr::from)?;
                let refused = |e| PyValueError::new_err(format!("{}: {e}", path.display()));
                let pack = CbPack::new(std::io::BufReader::new(file)).map_err(refused)?;
                let rows = pack.rows().map_err(refused)?;
                Ok(English::new(rows, table, constants))
            }))
        });
        match outcome {
            Ok(Ok(english)) => Ok(PyLexicon { english }),
            Ok(Err(error)) => Err(error),
            Err(panic) => Err(NativeError::new_err(panic_message(panic.as_ref()))),
        }
    }

    /// The frequency of a lower-case word and its natural logarithm, or `None`.
    fn frequency(&self, word: &str) -> Option<(f64, f64)> {
        self.english.get(word)
    }

    fn __len__(&self) -> usize {
        self.english.len()
    }
}

/// The cuts of a flattened *text* as (position, token start, token end, by width, score),
/// and the units of work the search took. *chars* describes every non-ASCII character of
/// the text, of its lower-case form and of *extra*.
#[pyfunction]
#[pyo3(signature = (lexicon, text, chars, extra, local_threshold, geometry_threshold, min_width, max_width, max_token))]
#[allow(clippy::too_many_arguments)] // the frozen WrapConfig, field by field
fn find_cuts(
    py: Python<'_>,
    lexicon: &Bound<'_, PyLexicon>,
    text: &str,
    chars: Vec<CharRow>,
    extra: Vec<String>,
    local_threshold: f64,
    geometry_threshold: f64,
    min_width: i64,
    max_width: i64,
    max_token: usize,
) -> PyResult<(Vec<CutRow>, u64)> {
    let english = &lexicon.get().english;
    let text: Vec<char> = text.chars().collect();
    let params = Params {
        local_threshold,
        geometry_threshold,
        min_width,
        max_width,
        max_token,
    };
    let outcome = py.detach(move || {
        catch_unwind(AssertUnwindSafe(|| {
            let other: FxHashMap<char, CharInfo> = chars.iter().filter_map(info).collect();
            let table = Chars::new(&english.ascii, other);
            let extra: FxHashSet<String> = extra.into_iter().collect();
            let ctx = Context {
                english,
                chars: &table,
                extra: &extra,
                params,
            };
            search(&text, &ctx)
        }))
    });
    match outcome {
        Ok((cuts, work)) => Ok((
            cuts.into_iter()
                .map(|c| {
                    (
                        c.position,
                        c.token_start,
                        c.token_end,
                        c.rule == Rule::Width,
                        c.score,
                    )
                })
                .collect(),
            work,
        )),
        Err(panic) => Err(NativeError::new_err(panic_message(panic.as_ref()))),
    }
}

/// Run a panic inside the same guard as `find_cuts`: the boundary's own check.
#[pyfunction]
fn _panic_inside_guard(py: Python<'_>) -> PyResult<()> {
    let outcome = py.detach(|| {
        catch_unwind(|| {
            let empty: Vec<u8> = Vec::new();
            // An out-of-bounds index, as a bug in the search would make.
            let index = empty.len() + 1;
            empty[index]
        })
    });
    match outcome {
        Ok(_) => Ok(()),
        Err(panic) => Err(NativeError::new_err(panic_message(panic.as_ref()))),
    }
}

fn ascii_table(rows: &[CharRow]) -> PyResult<[CharInfo; 128]> {
    let mut table = [CharInfo::new(0, &['\0']); 128];
    let mut filled = [false; 128];
    for row in rows {
        if let Some((c, info)) = info(row) {
            if (c as u32) < 128 {
                table[c as usize] = info;
                filled[c as usize] = true;
            }
        }
    }
    if filled.iter().any(|&f| !f) {
        return Err(PyValueError::new_err("the ASCII table needs all 128 rows"));
    }
    Ok(table)
}

fn log_constants(constants: (f64, f64, f64, f64, f64)) -> LogConstants {
    let (doc_once, doc_more, extra, number, acronym) = constants;
    LogConstants {
        doc_once,
        doc_more,
        extra,
        number,
        acronym,
    }
}

fn doubles(bytes: &[u8]) -> Vec<f64> {
    bytes
        .chunks_exact(8)
        .map(|chunk| {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            f64::from_ne_bytes(word)
        })
        .collect()
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string());
    format!("the compiled line-wrap search panicked: {detail}")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLexicon>()?;
    m.add_function(wrap_pyfunction!(find_cuts, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_inside_guard, m)?)?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    Ok(())
}
