//! Drive the pure-Rust search over a file of texts, one per line, for profiling
//! (`perf record`, `valgrind --tool=callgrind`) without Python in the picture.
//!
//! ```text
//! cargo run --release --example wrap_profile -- WORDFREQ.msgpack.gz TEXTS.txt [ROUNDS]
//! ```
//!
//! The ASCII table is the one Python reports (`arxivmeta.wraps._lexicon.char_row`), so a
//! file of ASCII texts gets the cuts `repair_line_wraps` finds.

use std::time::Instant;

use _native::chain::{find_cuts, Context, Params};
use _native::chars::{ascii_table_by_hand, Chars};
use _native::fxhash::{FxHashMap, FxHashSet};
use _native::lexicon::{English, LogConstants};
use _native::wordfreq::CbPack;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: wrap_profile WORDFREQ.msgpack.gz TEXTS.txt [ROUNDS]");
        std::process::exit(2);
    }
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
    let started = Instant::now();
    let file = std::fs::File::open(&args[1]).expect("the wordfreq file");
    let pack = CbPack::new(std::io::BufReader::new(file)).expect("a cBpack");
    let constants = LogConstants {
        doc_once: 4e-6f64.ln(),
        doc_more: 2e-5f64.ln(),
        extra: 1e-5f64.ln(),
        number: 1e-4f64.ln(),
        acronym: 1e-6f64.ln(),
    };
    let english = English::new(pack.rows().expect("rows"), ascii_table_by_hand(), constants);
    eprintln!("lexicon: {:.3} s", started.elapsed().as_secs_f64());
    let texts: Vec<Vec<char>> = std::fs::read_to_string(&args[2])
        .expect("the texts")
        .lines()
        .map(|line| line.chars().collect())
        .collect();
    let table = Chars::new(&english.ascii, FxHashMap::default());
    let extra = FxHashSet::default();
    let ctx = Context {
        english: &english,
        chars: &table,
        extra: &extra,
        params: Params::default(),
    };
    let started = Instant::now();
    let cpu = cpu_seconds();
    let (mut cuts, mut work) = (0, 0);
    for _ in 0..rounds {
        for text in &texts {
            let (found, units) = find_cuts(text, &ctx);
            cuts += found.len();
            work += units;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let per = 1e6 * seconds / (rounds * texts.len()) as f64;
    let per_cpu = 1e6 * (cpu_seconds() - cpu) / (rounds * texts.len()) as f64;
    println!(
        "{} texts x {rounds}: {cuts} cuts, {work} units, {per:.1} us/text ({per_cpu:.1} CPU)",
        texts.len()
    );
}

/// CPU seconds of this process (Linux: user and system time from /proc/self/stat).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<f64> = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse().ok())
        .collect();
    fields.iter().sum::<f64>() / 100.0 // clock ticks, 100 a second on Linux
}
