//! Frames on the socket: a 4-byte big-endian payload length, then the payload.
//!
//! The payload is a message encoded by [`crate::store::codec`] (one version byte, then bincode),
//! so the wire uses the same codec as the database and could switch encoding with it. A reader
//! refuses a length above its maximum before reading the payload, and grows its buffer only as
//! bytes arrive: a peer that announces 4 GiB and sends nothing costs four bytes of memory.

use std::io::{self, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::store::codec::{self, CodecError};

/// Largest payload either side accepts. An import of 100 000 measures as one op fits.
pub const MAX_FRAME: usize = 64 * 1024 * 1024;

/// Format version byte of every protocol message (the handshake has its own, never changed).
pub const MESSAGE_FORMAT: u8 = 1;

/// Why a frame could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The peer closed the connection between frames.
    #[error("connection closed")]
    Closed,
    /// The announced length is above the reader's maximum.
    #[error("frame of {len} bytes is larger than the maximum of {max}")]
    TooLarge { len: usize, max: usize },
    /// The connection ended inside a frame, or reading failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The payload is not a message of this protocol.
    #[error("malformed message: {0}")]
    Malformed(#[from] CodecError),
}

/// Writes one frame holding `payload`.
pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let len = u32::try_from(payload.len())
        .ok()
        .filter(|len| *len as usize <= MAX_FRAME)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "frame too large"))?;
    let mut bytes = Vec::with_capacity(4 + payload.len());
    bytes.extend_from_slice(&len.to_be_bytes());
    bytes.extend_from_slice(payload);
    writer.write_all(&bytes)?;
    writer.flush()
}

/// Reads one frame's payload, refusing lengths above `max`.
pub fn read_frame(reader: &mut impl Read, max: usize) -> Result<Vec<u8>, FrameError> {
    let mut header = [0u8; 4];
    let mut filled = 0;
    while filled < header.len() {
        match reader.read(&mut header[filled..]) {
            Ok(0) if filled == 0 => return Err(FrameError::Closed),
            Ok(0) => return Err(io::Error::from(io::ErrorKind::UnexpectedEof).into()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let len = u32::from_be_bytes(header) as usize;
    if len > max {
        return Err(FrameError::TooLarge { len, max });
    }
    let mut payload = Vec::with_capacity(len.min(64 * 1024));
    reader.take(len as u64).read_to_end(&mut payload)?;
    if payload.len() < len {
        return Err(io::Error::from(io::ErrorKind::UnexpectedEof).into());
    }
    Ok(payload)
}

/// Encodes a message as a frame payload.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    codec::encode(MESSAGE_FORMAT, message)
}

/// Decodes a frame payload as a message.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    Ok(codec::decode(payload, MESSAGE_FORMAT)?)
}

/// Writes `message` as one frame.
pub fn send<T: Serialize>(writer: &mut impl Write, message: &T) -> io::Result<()> {
    write_frame(writer, &encode(message))
}

/// Reads one frame and decodes it as a message.
pub fn receive<T: DeserializeOwned>(reader: &mut impl Read, max: usize) -> Result<T, FrameError> {
    decode(&read_frame(reader, max)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_frame_round_trips_and_the_stream_ends_cleanly_after_it() {
        let mut wire = Vec::new();
        send(&mut wire, &("hallo", 42u64)).unwrap();
        let mut reader = wire.as_slice();
        let message: (String, u64) = receive(&mut reader, MAX_FRAME).unwrap();
        assert_eq!(message, ("hallo".to_string(), 42));
        assert!(matches!(
            read_frame(&mut reader, MAX_FRAME),
            Err(FrameError::Closed)
        ));
    }

    #[test]
    fn a_length_above_the_maximum_is_refused_before_any_payload_is_read() {
        let wire = u32::MAX.to_be_bytes();
        let error = read_frame(&mut wire.as_slice(), MAX_FRAME).unwrap_err();
        assert!(
            matches!(error, FrameError::TooLarge { len, max } if len == u32::MAX as usize && max == MAX_FRAME),
            "{error:?}"
        );
    }

    #[test]
    fn a_connection_ending_inside_a_frame_is_an_error_not_a_short_message() {
        let mut wire = Vec::new();
        send(&mut wire, &"ein langer Text").unwrap();
        for cut in 1..wire.len() {
            let error = read_frame(&mut &wire[..cut], MAX_FRAME).unwrap_err();
            assert!(
                matches!(error, FrameError::Io(_)),
                "cut at {cut}: {error:?}"
            );
        }
    }

    proptest! {
        /// Whatever bytes arrive, reading and decoding frames returns or errs: it never panics
        /// and never allocates more than the bytes that arrived allow.
        #[test]
        fn arbitrary_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut reader = bytes.as_slice();
            for _ in 0..8 {
                match read_frame(&mut reader, 1024) {
                    Ok(payload) => {
                        let _ = decode::<crate::net::protocol::ClientMessage>(&payload);
                        let _ = decode::<crate::net::protocol::ServerMessage>(&payload);
                    }
                    Err(_) => break,
                }
            }
        }

        /// A well-formed frame with a message whose payload bytes were flipped is refused or
        /// decoded, never a panic.
        #[test]
        fn flipped_bytes_in_a_request_never_panic(index in 0usize..64, value in any::<u8>()) {
            let message = crate::net::protocol::ClientMessage::Request {
                id: 7,
                request: crate::net::protocol::Request::History { limit: 20 },
            };
            let mut payload = encode(&message);
            if index < payload.len() {
                payload[index] = value;
            }
            let _ = decode::<crate::net::protocol::ClientMessage>(&payload);
        }
    }
}
