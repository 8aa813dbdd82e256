//! Spans of a token that are not prose: web addresses, e-mail addresses, file names and
//! code.
//!
//! Their spelling is exact, so a lost line break is never repaired inside one: a URL that
//! was wrapped across two lines was joined with nothing between its pieces, and a space
//! anywhere in "liagm.github.io" breaks the address. A cut at the start of a span is still
//! allowed ("at:|https://…"), as is one after a code span's closing backtick.
//!
//! The spans are told by shape (RFC 3986 schemes, RFC 5322 addresses, dotted names ending
//! in a top-level domain or a file type, Markdown code spans), never by a list of known
//! addresses; a few hosts of research code ("github", "www") only tell where a word glued
//! before a host ends. Each kind of span is found in one pass over the token.

use crate::chars::Chars;

/// Schemes a glued word can precede: "athttps://x.org" is "at" and an address.
const GLUED_SCHEMES: &[&str] = &["https", "http", "ftp"];
/// Hosts a glued word can precede: "atgithub.com/x", "seewww.x.org".
const GLUED_HOSTS: &[&str] = &["www", "github", "gitlab", "huggingface", "zenodo"];

/// The last label of a dotted name that makes it an address or a file name: generic
/// top-level domains, country domains that are not English words ("in", "it", "is", "me",
/// "no", "us" would read "results.in" as a host), file types, and the labels of hosting
/// services ("user.github.io"). Lower case: a capital after a full stop starts a sentence
/// ("systems.As").
const ADDRESS_TAILS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "ai", "co", "info", "biz", "dev", "app",
    "tech", "xyz", "ac", "cc", "tv", "ly", "uk", "de", "fr", "cn", "jp", "ca", "au", "ch", "nl",
    "se", "ru", "eu", "kr", "br", "es", "pl", "cz", "tw", "hk", "sg", "il", "fi", "dk", "gr", "pt",
    "hu", "ro", "sk", "si", "ar", "mx", "nz", "za", "html", "htm", "php", "pdf", "json", "jsonl",
    "py", "ipynb", "txt", "csv", "tsv", "xml", "tex", "bib", "zip", "gz", "tgz", "tar", "md",
    "cpp", "hpp", "cu", "js", "ts", "rs", "jl", "java", "yaml", "yml", "toml", "sh", "git", "png",
    "jpg", "jpeg", "svg", "gif", "mp4", "npy", "npz", "h5", "hdf5", "pkl", "onnx", "ckpt",
    "github", "gitlab", "www",
];

/// Whether *label* ends an address or a file name: "com", "io", "json", but not "Com".
fn is_address_tail(label: &[char]) -> bool {
    ADDRESS_TAILS.iter().any(|w| crate::chars::eq(label, w))
}

/// The spans of *token* that are not prose, as `(start, end)` offsets: no space may be
/// inserted strictly between `start` and `end`. Spans may overlap.
pub fn literal_spans(chars: &Chars, token: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if chars.all_alnum(token) {
        return spans; // the common case: a word has no punctuation to shape an address
    }
    address_spans(chars, token, &mut spans);
    code_spans(token, &mut spans);
    mail_spans(chars, token, &mut spans);
    dotted_spans(chars, token, &mut spans);
    spans.sort_unstable();
    spans
}

/// For each offset `0..=len`, whether a cut there falls strictly inside one of *spans*.
pub fn inside_mask(spans: &[(usize, usize)], len: usize) -> Vec<bool> {
    // A difference array: one pass however many spans overlap.
    let mut depth = vec![0i64; len + 2];
    for &(start, end) in spans {
        if start + 1 < end && end <= len {
            depth[start + 1] += 1;
            depth[end] -= 1;
        }
    }
    let mut open = 0;
    depth[..=len]
        .iter()
        .map(|&d| {
            open += d;
            open > 0
        })
        .collect()
}

/// URLs with a scheme ("https://") or a "www." host, appended to *spans*. Each runs to
/// the first character RFC 3986 leaves out of a URL (`"`, `<`, `>`, `{`, `}`, ...) or to
/// the next URL; where else an address ends and the next word begins its shape does not
/// tell.
fn address_spans(chars: &Chars, token: &[char], spans: &mut Vec<(usize, usize)>) {
    let n = token.len();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if open.is_some() && NOT_IN_URLS.contains(token[i]) {
            if let Some(start) = open.take() {
                spans.push((start, i));
            }
            i += 1;
            continue;
        }
        // A "www." host inside an open URL ("https://www.x.org") is part of it.
        let start = match scheme_start(token, i) {
            Some(start) => start,
            None if open.is_none() && www_start(chars, token, i) => i,
            None => {
                i += 1;
                continue;
            }
        };
        if let Some(previous) = open.take() {
            spans.push((previous, start.max(previous)));
        }
        open = Some(start);
        i += 3; // past "://" or "www"
    }
    if let Some(start) = open {
        spans.push((start, n));
    }
}

/// Characters RFC 3986 leaves out of a URL: one ends the address before it.
/// The backslash is left in: LaTeX writes "\\_" inside addresses.
const NOT_IN_URLS: &str = "\"<>`{|}";

/// Where the path of an address that goes on at *i* ends.
fn url_end(token: &[char], i: usize) -> usize {
    token[i..]
        .iter()
        .position(|&c| NOT_IN_URLS.contains(c))
        .map_or(token.len(), |k| i + k)
}

/// Where the URL whose "://" is at *i* starts, if one is there.
fn scheme_start(token: &[char], i: usize) -> Option<usize> {
    let n = token.len();
    if i + 3 <= n && token[i] == ':' && token[i + 1] == '/' && token[i + 2] == '/' {
        let mut start = i;
        while start > 0 && token[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        let scheme = &token[start..i];
        for known in GLUED_SCHEMES {
            let len = known.len();
            if scheme.len() > len && eq_ignore_case(&scheme[scheme.len() - len..], known) {
                return Some(i - len); // "athttps://": "at" is a glued word
            }
        }
        return Some(start);
    }
    None
}

/// Whether a "www." host starts at *i*. Letters before it are a glued word
/// ("atwww.x.org"), not part of the host.
fn www_start(chars: &Chars, token: &[char], i: usize) -> bool {
    i + 4 < token.len() && eq_ignore_case(&token[i..i + 4], "www.") && chars.is_alnum(token[i + 4])
}

/// `s.lower() == literal` for an ASCII lower-case *literal*.
fn eq_ignore_case(s: &[char], literal: &str) -> bool {
    s.len() == literal.chars().count()
        && s.iter()
            .zip(literal.chars())
            .all(|(a, b)| a.to_ascii_lowercase() == b)
}

/// Markdown code spans inside the token: a single backtick closed by another before any
/// apostrophe. "`o4-mini`" is code; "`hard'" and "``quasi''" are LaTeX quotes, and
/// "Omn\`es" an accent.
fn code_spans(token: &[char], spans: &mut Vec<(usize, usize)>) {
    let n = token.len();
    let single = |i: usize| {
        token[i] == '`'
            && (i == 0 || (token[i - 1] != '`' && token[i - 1] != '\\'))
            && token.get(i + 1) != Some(&'`')
    };
    let mut i = 0;
    while i < n {
        if !single(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && token[j] != '`' && token[j] != '\'' {
            j += 1;
        }
        if j < n && j > i + 1 && single(j) {
            spans.push((i, j + 1));
            i = j + 1;
        } else {
            i = j.max(i + 1);
        }
    }
}

/// Whether *left* ends with the closing backtick of a code span ("`o4-mini`").
pub fn ends_code_span(left: &[char]) -> bool {
    let mut spans = Vec::new();
    code_spans(left, &mut spans);
    spans.last().is_some_and(|&(_, end)| end == left.len())
}

fn is_local_char(chars: &Chars, c: char) -> bool {
    chars.is_alnum(c) || "._%+-".contains(c)
}

fn is_host_char(chars: &Chars, c: char) -> bool {
    chars.is_alnum(c) || c == '-' || c == '.'
}

/// E-mail addresses: "name@host.edu". "mAP@0.5" and "Recall@10" are scores.
fn mail_spans(chars: &Chars, token: &[char], spans: &mut Vec<(usize, usize)>) {
    let n = token.len();
    for at in 0..n {
        if token[at] != '@' {
            continue;
        }
        let mut start = at;
        while start > 0 && is_local_char(chars, token[start - 1]) {
            start -= 1;
        }
        while start < at && !chars.is_alnum(token[start]) {
            start += 1;
        }
        let mut end = at + 1;
        while end < n && is_host_char(chars, token[end]) {
            end += 1;
        }
        while end > at + 1 && !chars.is_alnum(token[end - 1]) {
            end -= 1;
        }
        let host = &token[at + 1..end];
        let Some(dot) = host.iter().rposition(|&c| c == '.') else {
            continue;
        };
        let tail = &host[dot + 1..];
        let labels_ok = host.split(|&c| c == '.').all(|label| !label.is_empty());
        if start < at && labels_ok && tail.len() >= 2 && chars.all_alpha(tail) {
            spans.push((start, end));
        }
    }
}

/// Dotted names that end in a top-level domain or a file type ("arrowpose.github.io",
/// "llama.cpp", "config.json"); one followed by "/" carries a path, as far as a URL goes.
fn dotted_spans(chars: &Chars, token: &[char], spans: &mut Vec<(usize, usize)>) {
    let n = token.len();
    let name_char = |c: char| chars.is_alnum(c) || c == '-' || c == '_' || c == '.';
    let mut i = 0;
    while i < n {
        if !chars.is_alnum(token[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && name_char(token[i]) {
            i += 1;
        }
        let run = &token[start..i];
        // The end of the last label that names an address or a file type.
        let mut end = None;
        let mut label_start = 0;
        let mut labels = 0;
        for (k, &c) in run.iter().chain(std::iter::once(&'.')).enumerate() {
            if c != '.' {
                continue;
            }
            let label = &run[label_start..k];
            if label.is_empty() {
                break; // ".." or a full stop: the name ends here
            }
            if labels > 0 && is_address_tail(label) {
                end = Some(start + k);
            }
            labels += 1;
            label_start = k + 1;
        }
        if let Some(end) = end {
            let end = if end == i && token.get(i) == Some(&'/') {
                url_end(token, i)
            } else {
                end
            };
            let first = run.iter().position(|&c| c == '.').unwrap_or(run.len());
            spans.push((start + host_start(&run[..first]), end));
            i = i.max(end); // a path holds the names after it: one pass in all
        }
    }
}

/// Where the host starts in the first label of a dotted name: after a word glued to a
/// host of research code ("atgithub.com/x" is "at" and "github.com/x").
fn host_start(label: &[char]) -> usize {
    for host in GLUED_HOSTS {
        let len = host.len();
        if label.len() > len && eq_ignore_case(&label[label.len() - len..], host) {
            return label.len() - len;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::testing::{ascii_table, chars};
    use crate::fxhash::FxHashMap;

    fn spans(token: &str) -> Vec<(usize, usize)> {
        let table = ascii_table();
        let chars_table = Chars::new(&table, FxHashMap::default());
        literal_spans(&chars_table, &chars(token))
    }

    /// The token with each span's text, for readable assertions.
    fn texts(token: &str) -> Vec<String> {
        let c = chars(token);
        spans(token)
            .iter()
            .map(|&(a, b)| c[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn addresses_with_a_scheme_run_to_the_end_of_the_token() {
        // arXiv 2504.20042, 2504.19839, 2505.16349, 2506.23777.
        assert_eq!(
            texts("page:https://liagm.github.io/CompleteMe/")[0],
            "https://liagm.github.io/CompleteMe/"
        );
        assert_eq!(
            texts("at:https://github.com/BinSpa/SRMF.git.")[0],
            "https://github.com/BinSpa/SRMF.git."
        );
        assert_eq!(
            texts("athttps://github.com/webis-de/scolia25-xsum")[0],
            "https://github.com/webis-de/scolia25-xsum"
        );
        assert_eq!(
            texts("(ftp://ftp.arxiv.org/x.txt)")[0],
            "ftp://ftp.arxiv.org/x.txt)"
        );
        assert_eq!(texts("s3://bucket/key"), ["s3://bucket/key"]);
        assert_eq!(texts("atwww.bogus.org")[0], "www.bogus.org");
        // arXiv 2507.03745: HTML around the address; the word after it can be cut.
        assert_eq!(
            texts("href=\"https://x.github.io/S/\">thishttps"),
            ["https://x.github.io/S/", "x.github.io/S/"]
        );
        // LaTeX escapes inside an address do not end it.
        assert_eq!(
            texts("https://github.com/1/SSL\\_Seg.")[0],
            "https://github.com/1/SSL\\_Seg."
        );
    }

    #[test]
    fn dotted_names_need_a_domain_or_file_type_at_the_end() {
        // arXiv 2506.03621: "subjectfidelityoptimization.github.io" had two spaces put in.
        assert_eq!(
            texts("subjectfidelityoptimization.github.io/"),
            ["subjectfidelityoptimization.github.io/"]
        );
        assert_eq!(texts("llama.cpp,"), ["llama.cpp"]);
        assert_eq!(texts("config.json,which"), ["config.json"]);
        assert_eq!(
            texts("github.com/hf618/COSMIC."),
            ["github.com/hf618/COSMIC."]
        );
        // arXiv 2503.23388: a word glued before the host is not part of it.
        assert_eq!(
            texts("atgithub.com/hf618/COSMIC.")[0],
            "github.com/hf618/COSMIC."
        );
        // Sentences glued at a full stop, abbreviations and numbers are prose.
        for prose in [
            "systems.As",
            "results.in",
            "e.g.",
            "U.S.",
            "Fig.3",
            "1,000.5",
            "H2O",
        ] {
            assert!(spans(prose).is_empty(), "{prose}");
        }
        assert!(spans("systems.AI").is_empty());
    }

    #[test]
    fn mail_addresses_are_literal_but_scores_at_a_cutoff_are_not() {
        assert_eq!(
            texts("(jane.doe@uni-x.edu)."),
            ["jane.doe@uni-x.edu", "uni-x.edu"]
        );
        for score in ["mAP@0.5", "Recall@10", "eRisk@CLEF", "N@C60.", "GP\\@."] {
            assert!(spans(score).is_empty(), "{score}");
        }
    }

    #[test]
    fn code_spans_are_backticks_but_latex_quotes_are_not() {
        // arXiv 2505.12000: "`claude-3.7-sonnet`achieved" was cut before the backtick.
        assert_eq!(
            texts("`claude-3.7-sonnet`achieved"),
            ["`claude-3.7-sonnet`"]
        );
        assert_eq!(texts("`o4-mini`,"), ["`o4-mini`"]);
        for quote in [
            "`non-classicality'is",
            "``quasiclassical''",
            "Omn\\`es",
            "``",
            "`",
        ] {
            assert!(spans(quote).is_empty(), "{quote}");
        }
    }

    #[test]
    fn the_mask_excludes_the_span_ends() {
        let mask = inside_mask(&[(2, 6), (3, 4), (5, 8)], 8);
        let inside: Vec<usize> = (0..=8).filter(|&i| mask[i]).collect();
        assert_eq!(inside, [3, 4, 5, 6, 7]);
        assert_eq!(inside_mask(&[], 0), [false]);
    }

    #[test]
    fn long_tokens_full_of_addresses_are_read() {
        // Thousands of paths and addresses in one token, each read once.
        let token = "a.io/".repeat(4000) + &"x@y.com".repeat(4000);
        let found = spans(&token);
        assert!(found.len() < 10_000, "{}", found.len());
    }

    #[test]
    fn junk_tokens_do_not_panic() {
        for junk in [
            "://", "a://", "www.", "@", "@.", "a@.b", "`a", "a`", "..", ".io", "a..io",
        ] {
            let _ = spans(junk);
        }
        assert_eq!(texts("://x"), ["://x"]);
    }
}
