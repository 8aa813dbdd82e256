//! wordfreq's English table, read from the installed package's data file.
//!
//! wordfreq (Apache-2.0) ships each word list as a "cBpack": a gzip-compressed msgpack
//! array whose first element is a header `{"format": "cB", "version": 1}` and whose
//! element *i* (from 1) lists the words of frequency `10 ** (-(i - 1) / 100)`, one
//! centibel per bucket. Reading it here, rather than through `wordfreq.get_frequency_dict`
//! and a third of a million Python objects, is most of the first call's cost. The numbers
//! are the ones Python computes: `10 ** (cB / 100)` and `math.log` are the C library's
//! `pow` and `log` on the same doubles.

use std::io::Read;

use flate2::read::GzDecoder;

/// The decompressed bytes of a cBpack file.
pub struct CbPack {
    data: Vec<u8>,
}

impl CbPack {
    /// Decompress a cBpack file's bytes (gzip-compressed).
    pub fn new(compressed: impl Read) -> Result<Self, String> {
        let mut data = Vec::new();
        GzDecoder::new(compressed)
            .read_to_end(&mut data)
            .map_err(|e| format!("not a gzip file: {e}"))?;
        Ok(CbPack { data })
    }

    /// Each word with its frequency and the natural logarithm of that, the rarest bucket
    /// first: where a word is listed twice, its first row is the later listing, the one
    /// `get_frequency_dict` keeps.
    pub fn rows(&self) -> Result<Vec<(&str, f64, f64)>, String> {
        let mut rd: &[u8] = &self.data;
        let buckets = rmp::decode::read_array_len(&mut rd).map_err(bad)?;
        if buckets == 0 {
            return Err("empty cBpack".to_string());
        }
        read_header(&mut rd)?;
        let mut lists: Vec<Vec<&str>> = Vec::with_capacity(buckets as usize - 1);
        for _ in 1..buckets {
            let words = rmp::decode::read_array_len(&mut rd).map_err(bad)?;
            let mut list = Vec::with_capacity((words as usize).min(rd.len()));
            for _ in 0..words {
                list.push(read_str(&mut rd)?);
            }
            lists.push(list);
        }
        let total = lists.iter().map(Vec::len).sum();
        let mut rows = Vec::with_capacity(total);
        for (index, list) in lists.iter().enumerate().rev() {
            let freq = centibels_to_frequency(index);
            let log = freq.ln();
            rows.extend(list.iter().map(|&word| (word, freq, log)));
        }
        Ok(rows)
    }
}

/// wordfreq's `cB_to_freq(-index)`: `10 ** (-index / 100)`.
pub fn centibels_to_frequency(index: usize) -> f64 {
    10f64.powf(-(index as f64) / 100.0)
}

fn read_header(rd: &mut &[u8]) -> Result<(), String> {
    let entries = rmp::decode::read_map_len(rd).map_err(bad)?;
    let (mut format, mut version) = (None, None);
    for _ in 0..entries {
        match read_str(rd)? {
            "format" => format = Some(read_str(rd)?.to_string()),
            "version" => version = Some(rmp::decode::read_int::<u64, _>(rd).map_err(bad)?),
            other => return Err(format!("not a cBpack: unknown header field {other:?}")),
        }
    }
    if format.as_deref() != Some("cB") || version != Some(1) {
        return Err(format!(
            "not a cBpack of version 1: format {format:?}, version {version:?}"
        ));
    }
    Ok(())
}

fn read_str<'d>(rd: &mut &'d [u8]) -> Result<&'d str, String> {
    let len = rmp::decode::read_str_len(rd).map_err(bad)? as usize;
    if len > rd.len() {
        return Err("a string runs past the end of the data".to_string());
    }
    let (bytes, rest) = rd.split_at(len);
    *rd = rest;
    std::str::from_utf8(bytes).map_err(|e| format!("a word is not UTF-8: {e}"))
}

fn bad(error: impl std::fmt::Display) -> String {
    format!("not a cBpack: {error}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::testing::ascii_table;
    use crate::lexicon::testing::constants;
    use crate::lexicon::English;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn pack(header: (&str, u64), buckets: &[&[&str]]) -> Vec<u8> {
        let mut raw = Vec::new();
        rmp::encode::write_array_len(&mut raw, buckets.len() as u32 + 1).unwrap();
        rmp::encode::write_map_len(&mut raw, 2).unwrap();
        rmp::encode::write_str(&mut raw, "format").unwrap();
        rmp::encode::write_str(&mut raw, header.0).unwrap();
        rmp::encode::write_str(&mut raw, "version").unwrap();
        rmp::encode::write_uint(&mut raw, header.1).unwrap();
        for bucket in buckets {
            rmp::encode::write_array_len(&mut raw, bucket.len() as u32).unwrap();
            for word in *bucket {
                rmp::encode::write_str(&mut raw, word).unwrap();
            }
        }
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(&raw).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn buckets_are_centibels() {
        let data = pack(("cB", 1), &[&[], &["the"], &["of", "the"]]);
        let pack = CbPack::new(&data[..]).unwrap();
        let rows = pack.rows().unwrap();
        let (f, g) = (10f64.powf(-0.02), 10f64.powf(-0.01));
        // The later listing comes first, and English keeps a word's first row.
        assert_eq!(
            rows,
            [("of", f, f.ln()), ("the", f, f.ln()), ("the", g, g.ln())]
        );
        let english = English::new(rows, ascii_table(), constants());
        assert_eq!(english.len(), 2);
        assert_eq!(english.get("the"), Some((f, f.ln())));
    }

    #[test]
    fn other_data_is_refused() {
        let read = |data: &[u8]| CbPack::new(data).and_then(|p| p.rows().map(|r| r.len()));
        assert!(read(&pack(("zipf", 1), &[])).is_err());
        assert!(read(&pack(("cB", 2), &[])).is_err());
        assert!(read(b"not gzip").is_err());
        let mut cut = pack(("cB", 1), &[&["word"]]);
        cut.truncate(cut.len() - 12);
        assert!(read(&cut).is_err());
    }
}
