//! Every byte that goes into or comes out of sled passes here. All bincode calls live in this
//! module, so the encoding could switch (e.g. to postcard) without touching anything else.
//!
//! A stored value is one version byte followed by the bincode (standard config) payload. Decoding
//! checks the version and that the payload is consumed exactly: bincode is not self-describing,
//! so a value written by another layout must fail loudly, never decode as garbage.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why bytes could not be turned into a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("empty value")]
    Empty,
    #[error("unknown format version {found} (expected {expected})")]
    Version { found: u8, expected: u8 },
    #[error("malformed payload: {0}")]
    Malformed(String),
    #[error("{0} unexpected trailing bytes")]
    TrailingBytes(usize),
}

/// Largest payload decode will attempt to allocate for; guards against hostile length prefixes.
const DECODE_LIMIT: usize = 64 * 1024 * 1024;

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

fn decode_limited<T: DeserializeOwned, const LIMIT: usize>(
    payload: &[u8],
) -> Result<(T, usize), bincode::error::DecodeError> {
    let config = bincode::config::standard().with_limit::<LIMIT>();
    bincode::serde::decode_from_slice::<T, _>(payload, config)
}

/// Encodes `value` as `[version, payload…]`.
pub fn encode<T: Serialize>(version: u8, value: &T) -> Vec<u8> {
    let mut bytes = vec![version];
    // Serialising our own plain data types into a Vec cannot fail: no maps with non-string
    // keys, no unsized sequences. Should it ever, the empty payload is caught by decode.
    if let Ok(payload) = bincode::serde::encode_to_vec(value, config()) {
        bytes.extend(payload);
    }
    bytes
}

/// The version byte of a stored value.
pub fn version_of(bytes: &[u8]) -> Result<u8, CodecError> {
    bytes.first().copied().ok_or(CodecError::Empty)
}

/// Decodes a value written by [`encode`] with `expected` version.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], expected: u8) -> Result<T, CodecError> {
    let found = version_of(bytes)?;
    if found != expected {
        return Err(CodecError::Version { found, expected });
    }
    decode_payload(&bytes[1..])
}

/// Decodes with a byte limit that fits the input. bincode counts against the limit the
/// length of every string before it allocates it, and the full width of every integer it reads
/// (8 for a `u64`, 16 for a `u128`, although a varint may take one byte), so a real record
/// never claims more than 16 times its length. A limit of that size never refuses a real
/// record, while a lying length prefix in a short record can no longer make decode allocate
/// megabytes. The limit is a type parameter in bincode, hence the tiers; the top tier is the
/// old fixed limit.
fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, CodecError> {
    let decoded = match payload.len().saturating_mul(16) {
        n if n <= 64 * 1024 => decode_limited::<T, { 64 * 1024 }>(payload),
        n if n <= 1024 * 1024 => decode_limited::<T, { 1024 * 1024 }>(payload),
        n if n <= 16 * 1024 * 1024 => decode_limited::<T, { 16 * 1024 * 1024 }>(payload),
        _ => decode_limited::<T, DECODE_LIMIT>(payload),
    };
    let (value, consumed) = decoded.map_err(|e| CodecError::Malformed(e.to_string()))?;
    if consumed != payload.len() {
        return Err(CodecError::TrailingBytes(payload.len() - consumed));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Fund, Indicator, Measure, MeasureId, Status};

    fn sample() -> Measure {
        let mut m = Measure::new("Kiezfest");
        m.id = MeasureId(7);
        m.fund = Some(Fund::Projektfonds);
        m.approved = Some(Cents(1_250_000));
        m.start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        m.status = Status::Laufend;
        m.target_groups = vec!["Jugendliche".into()];
        m.indicators = vec![Indicator {
            name: "Teilnehmende".into(),
            unit: "Personen".into(),
            baseline: 0.0,
            target: 40.5,
            actual: Some(12.0),
        }];
        m
    }

    #[test]
    fn round_trips_with_version() {
        let bytes = encode(1, &sample());
        assert_eq!(bytes[0], 1);
        assert_eq!(decode::<Measure>(&bytes, 1), Ok(sample()));
    }

    #[test]
    fn wrong_version_empty_and_trailing_bytes_are_errors() {
        let mut bytes = encode(1, &sample());
        assert_eq!(
            decode::<Measure>(&bytes, 2),
            Err(CodecError::Version {
                found: 1,
                expected: 2
            })
        );
        assert_eq!(decode::<Measure>(&[], 1), Err(CodecError::Empty));
        bytes.push(0);
        assert_eq!(
            decode::<Measure>(&bytes, 1),
            Err(CodecError::TrailingBytes(1))
        );
    }

    #[test]
    fn truncated_and_garbage_bytes_never_panic() {
        let bytes = encode(1, &sample());
        for cut in 0..bytes.len() {
            assert!(decode::<Measure>(&bytes[..cut], 1).is_err(), "cut at {cut}");
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for len in 0..400 {
            let garbage: Vec<u8> = std::iter::once(1)
                .chain((0..len).map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                }))
                .collect();
            let _ = decode::<Measure>(&garbage, 1);
        }
    }

    #[test]
    fn hostile_length_prefix_is_refused_not_allocated() {
        // Version 1, then a varint string length of u64::MAX.
        let bytes = [1, 251, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        assert!(decode::<Measure>(&bytes, 1).is_err());
    }
}

#[cfg(test)]
mod batch_depth_tests {
    use crate::model::MeasureId;
    use crate::ops::{MAX_BATCH_DEPTH, Op};
    use crate::store::codec;

    fn nested(depth: usize) -> Op {
        let mut op = Op::DeleteMeasure { id: MeasureId(1) };
        for _ in 0..depth {
            op = Op::Batch { ops: vec![op] };
        }
        op
    }

    #[test]
    fn batches_decode_up_to_the_depth_limit_and_no_deeper() {
        let ok = nested(MAX_BATCH_DEPTH);
        let bytes = codec::encode(1, &ok);
        assert_eq!(codec::decode::<Op>(&bytes, 1).unwrap(), ok);
        let deep = codec::encode(1, &nested(MAX_BATCH_DEPTH + 1));
        assert!(codec::decode::<Op>(&deep, 1).is_err());
        // The depth counter is reset after an error: a normal batch decodes again.
        assert_eq!(codec::decode::<Op>(&bytes, 1).unwrap(), ok);
    }

    #[test]
    fn expectations_count_towards_the_same_depth_limit() {
        use crate::ops::Record;
        let expecting = |depth: usize| {
            let mut op = Op::DeleteMeasure { id: MeasureId(1) };
            for _ in 0..depth {
                op = op.expecting(Record::Measure(MeasureId(1)), 1);
            }
            op
        };
        let ok = expecting(MAX_BATCH_DEPTH);
        assert_eq!(codec::decode::<Op>(&codec::encode(1, &ok), 1).unwrap(), ok);
        let deep = codec::encode(1, &expecting(MAX_BATCH_DEPTH + 1));
        assert!(codec::decode::<Op>(&deep, 1).is_err());
    }
}
