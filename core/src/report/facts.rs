//! The values a rule read, as static keys with small typed values: nothing is converted to
//! JSON until the report is written.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::pointer::Pointer;
use crate::document::Text;

/// One value a rule read.
#[derive(Debug, Clone)]
pub enum Fact {
    /// An absent value (`null`).
    Null,
    /// A yes or no.
    Bool(bool),
    /// A count or a limit.
    Int(i64),
    /// A token of the format (`sfb2019`, `mirroring`).
    Token(&'static str),
    /// A name from the topology, shared with it.
    Text(Text),
    /// Several values.
    List(Box<[Fact]>),
    /// JSON Pointers, e.g. the keys a rule found missing.
    Pointers(Box<[Pointer]>),
    /// A value of another shape.
    Json(Box<Value>),
}

/// The facts of a diagnostic, in the order the rule recorded them. The keys a rule writes are
/// static strings, held without a copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts(Vec<(Text, Fact)>);

impl Facts {
    /// Records a fact; a second value for the same key replaces the first in place.
    pub(crate) fn insert(&mut self, key: &'static str, value: Fact) {
        self.insert_text(Text::new_static(key), value);
    }

    /// [`Facts::insert`] with a key read back from a report.
    pub(crate) fn insert_text(&mut self, key: Text, value: Fact) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    /// Gives back the room kept for more facts, once the rule has recorded them all.
    pub(crate) fn shrink(&mut self) {
        self.0.shrink_to_fit();
    }

    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&Fact> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The facts in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Fact)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The facts as a JSON object.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// Facts are equal when they are the same JSON: a token equals a name of the same text.
impl PartialEq for Fact {
    fn eq(&self, other: &Fact) -> bool {
        fn text(fact: &Fact) -> Option<&str> {
            match fact {
                Fact::Token(s) => Some(s),
                Fact::Text(s) => Some(s),
                _ => None,
            }
        }
        match (self, other) {
            (Fact::Null, Fact::Null) => true,
            (Fact::Bool(a), Fact::Bool(b)) => a == b,
            (Fact::Int(a), Fact::Int(b)) => a == b,
            (Fact::List(a), Fact::List(b)) => a == b,
            (Fact::Pointers(a), Fact::Pointers(b)) => a == b,
            (a, b) => match (text(a), text(b)) {
                (Some(a), Some(b)) => a == b,
                _ => a.to_json() == b.to_json(),
            },
        }
    }
}

impl Fact {
    /// The value as JSON.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key.as_str(), value)?;
        }
        map.end()
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Null => serializer.serialize_unit(),
            Fact::Bool(value) => serializer.serialize_bool(*value),
            Fact::Int(value) => serializer.serialize_i64(*value),
            Fact::Token(value) => serializer.serialize_str(value),
            Fact::Text(value) => serializer.serialize_str(value),
            Fact::List(values) => {
                let mut seq = serializer.serialize_seq(Some(values.len()))?;
                for value in values {
                    seq.serialize_element(value)?;
                }
                seq.end()
            }
            Fact::Pointers(pointers) => {
                let mut seq = serializer.serialize_seq(Some(pointers.len()))?;
                for pointer in pointers {
                    seq.serialize_element(pointer)?;
                }
                seq.end()
            }
            Fact::Json(value) => value.serialize(serializer),
        }
    }
}

impl From<bool> for Fact {
    fn from(value: bool) -> Self {
        Fact::Bool(value)
    }
}

macro_rules! int_facts {
    ($($t:ty),*) => {$(
        impl From<$t> for Fact {
            fn from(value: $t) -> Self {
                Fact::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_facts!(usize, u32, u64, i64, i32);

impl From<&'static str> for Fact {
    fn from(value: &'static str) -> Self {
        Fact::Token(value)
    }
}

impl From<&Text> for Fact {
    fn from(value: &Text) -> Self {
        Fact::Text(value.clone())
    }
}

impl From<Text> for Fact {
    fn from(value: Text) -> Self {
        Fact::Text(value)
    }
}

impl From<String> for Fact {
    fn from(value: String) -> Self {
        Fact::Text(Text::from(value))
    }
}

impl<T: Into<Fact>> From<Option<T>> for Fact {
    fn from(value: Option<T>) -> Self {
        value.map_or(Fact::Null, Into::into)
    }
}

impl<T: Into<Fact>> From<Vec<T>> for Fact {
    fn from(values: Vec<T>) -> Self {
        Fact::List(values.into_iter().map(Into::into).collect())
    }
}

impl From<Vec<Pointer>> for Fact {
    fn from(pointers: Vec<Pointer>) -> Self {
        Fact::Pointers(pointers.into_boxed_slice())
    }
}

impl From<Value> for Fact {
    fn from(value: Value) -> Self {
        Fact::Json(Box::new(value))
    }
}
