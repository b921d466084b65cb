//! Names that compare without case (FQDNs), as map keys that need no lower-case copy.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// A name compared as its lower-case form: `Pool.Contoso.com` equals `pool.contoso.com`.
///
/// ASCII names, nearly all of them, are lowered byte by byte while hashing; others take the
/// Unicode lower case, so the result is that of comparing `to_lowercase()` copies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caseless<'a>(pub &'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.0.is_ascii() && other.0.is_ascii() {
            self.0.eq_ignore_ascii_case(other.0)
        } else {
            self.0.to_lowercase() == other.0.to_lowercase()
        }
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let lower = if self.0.is_ascii() {
            Cow::Borrowed(self.0)
        } else {
            Cow::Owned(self.0.to_lowercase())
        };
        for chunk in lower.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            if let Some(start) = word.get_mut(..chunk.len()) {
                start.copy_from_slice(chunk);
            }
            state.write_u64(ascii_lowercase(u64::from_le_bytes(word)));
        }
        state.write_usize(lower.len());
    }
}

/// Eight ASCII bytes in lower case at once: bit 5 is set in every byte from `A` to `Z`. (Bytes
/// above 0x7F, from a lower-cased non-ASCII name, go through unchanged or not, but always the
/// same way, which is all a hash needs.)
fn ascii_lowercase(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let seven = word & (0x7F * ONES);
    let from_a = seven + (0x80 - u64::from(b'A')) * ONES;
    let past_z = seven + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = from_a & !past_z & (0x80 * ONES);
    word | (upper >> 2)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::Caseless;
    use std::hash::BuildHasher;

    fn hash(name: &str) -> u64 {
        std::hash::RandomState::new().hash_one(Caseless(name))
    }

    #[test]
    fn equal_names_hash_alike_whatever_their_case_or_length() {
        let state = std::hash::RandomState::new();
        let long = "a-very-long-front-end-pool-name.corp.contoso.com";
        for (a, b) in [
            ("Pool.Contoso.com", "pool.contoso.COM"),
            (long, &long.to_uppercase()),
            ("\u{212A}", "k"),
            ("ÉCOLE.example", "école.example"),
        ] {
            assert_eq!(Caseless(a), Caseless(b));
            assert_eq!(state.hash_one(Caseless(a)), state.hash_one(Caseless(b)));
        }
        assert_ne!(Caseless("pool1.contoso.com"), Caseless("pool2.contoso.com"));
        assert_ne!(hash("a"), 0);
    }

    #[test]
    fn words_are_lowered_as_bytes_are() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let lowered = super::ascii_lowercase(u64::from_le_bytes(word)).to_le_bytes();
            assert_eq!(lowered.to_vec(), chunk.to_ascii_lowercase(), "{chunk:?}");
        }
    }
}
