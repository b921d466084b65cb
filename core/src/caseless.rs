//! Names that compare without case (FQDNs), as map keys that need no lower-case copy.

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
        if self.0.is_ascii() {
            let mut buffer = [0u8; 32];
            for chunk in self.0.as_bytes().chunks(buffer.len()) {
                let lower = buffer.get_mut(..chunk.len()).unwrap_or_default();
                lower.copy_from_slice(chunk);
                lower.make_ascii_lowercase();
                state.write(lower);
            }
        } else {
            for chunk in self.0.to_lowercase().as_bytes().chunks(32) {
                state.write(chunk);
            }
        }
        state.write_u8(0xff);
    }
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
}
