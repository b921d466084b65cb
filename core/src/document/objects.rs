//! Entities are JSON objects: serde's derive also reads a struct from an array of its values
//! in field order, which would accept `[1, "name", [...]]` as a document and report paths that
//! do not exist in it.

use serde::Deserializer;
use serde::de::Visitor;

/// A deserializer that reads a struct only from a map: an array gets serde's `invalid type`
/// error at its path.
pub(crate) struct Objects<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Implements `Deserialize` and `Serialize` for structs derived with `#[serde(remote =
/// "Self")]`: read through [`Objects`], written as derived.
macro_rules! only {
    ($($ty:ty),* $(,)?) => {
        $(
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <$ty>::deserialize($crate::document::objects::Objects(deserializer))
                }
            }

            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    <$ty>::serialize(self, serializer)
                }
            }
        )*
    };
}

pub(crate) use only;
