//! JSON Pointers kept as structure while a check runs, written out only when read.

use std::cmp::Ordering;
use std::fmt;

/// One step of a pointer: an object key or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key of the topology format.
    Key(&'static str),
    /// An array index.
    Index(u32),
}

/// The most segments a pointer holds: the deepest key of the topology format is
/// `/sql_stores/N/ha/nodes/N/service_pack`.
const DEPTH: usize = 6;

/// A JSON Pointer into the topology document (`/pools/3/servers/1/os`), built without
/// allocating and rendered by [`fmt::Display`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pointer {
    segments: [Segment; DEPTH],
    len: u8,
}

impl Pointer {
    /// The empty pointer: the whole document.
    pub const ROOT: Pointer = Pointer {
        segments: [Segment::Index(0); DEPTH],
        len: 0,
    };

    /// `/collection/index`, the usual start of a pointer to an entity.
    pub fn entity(collection: &'static str, index: usize) -> Pointer {
        Pointer::ROOT.key(collection).index(index)
    }

    /// This pointer followed by an object key.
    #[must_use]
    pub fn key(self, key: &'static str) -> Pointer {
        self.push(Segment::Key(key))
    }

    /// This pointer followed by an array index.
    #[must_use]
    pub fn index(self, index: usize) -> Pointer {
        self.push(Segment::Index(u32::try_from(index).unwrap_or(u32::MAX)))
    }

    fn push(mut self, segment: Segment) -> Pointer {
        // The topology format is no deeper than `DEPTH`: a longer pointer is a programming
        // error that `deepest_key_fits` catches; keep the prefix rather than panic.
        if let Some(slot) = self.segments.get_mut(usize::from(self.len)) {
            *slot = segment;
            self.len += 1;
        }
        self
    }

    /// Its segments, from the root.
    pub fn segments(&self) -> &[Segment] {
        self.segments
            .get(..usize::from(self.len))
            .unwrap_or_default()
    }

    /// The pointer without its last segment.
    #[must_use]
    pub fn parent(mut self) -> Pointer {
        self.len = self.len.saturating_sub(1);
        self
    }

    /// Whether it points at the whole document.
    pub fn is_root(&self) -> bool {
        self.len == 0
    }

    /// The order of the rendered strings, which the report sorts by.
    pub fn cmp_text(&self, other: &Pointer) -> Ordering {
        if self == other {
            return Ordering::Equal;
        }
        self.to_string().cmp(&other.to_string())
    }
}

/// `path == "/pools/0/servers"`: compares the rendered pointer.
impl PartialEq<str> for Pointer {
    fn eq(&self, other: &str) -> bool {
        /// Compares written text with `rest` as it is written.
        struct Rest<'a>(Option<&'a str>);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.and_then(|rest| rest.strip_prefix(s));
                Ok(())
            }
        }
        let mut rest = Rest(Some(other));
        let _ = fmt::Write::write_fmt(&mut rest, format_args!("{self}"));
        rest.0 == Some("")
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialOrd for Pointer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Pointers sort as their text.
impl Ord for Pointer {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_text(other)
    }
}

impl Default for Pointer {
    fn default() -> Self {
        Pointer::ROOT
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in self.segments() {
            match segment {
                Segment::Key(key) => {
                    f.write_str("/")?;
                    for c in key.chars() {
                        match c {
                            '~' => f.write_str("~0")?,
                            '/' => f.write_str("~1")?,
                            c => fmt::Write::write_char(f, c)?,
                        }
                    }
                }
                Segment::Index(index) => write!(f, "/{index}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pointer({self})")
    }
}

impl serde::Serialize for Pointer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_as_a_json_pointer() {
        let pointer = Pointer::entity("pools", 3)
            .key("servers")
            .index(1)
            .key("os");
        assert_eq!(pointer.to_string(), "/pools/3/servers/1/os");
        assert_eq!(Pointer::ROOT.to_string(), "");
        assert_eq!(Pointer::ROOT.key("a/b~c").to_string(), "/a~1b~0c");
    }

    #[test]
    fn deepest_key_fits() {
        let pointer = Pointer::entity("sql_stores", 12)
            .key("ha")
            .key("nodes")
            .index(1)
            .key("service_pack");
        assert_eq!(
            pointer.to_string(),
            "/sql_stores/12/ha/nodes/1/service_pack"
        );
    }

    #[test]
    fn sorts_as_its_text() {
        let nine = Pointer::entity("pools", 9);
        let ten = Pointer::entity("pools", 10);
        assert_eq!(nine.cmp_text(&ten), Ordering::Greater);
    }
}
