//! Conversions between Python objects and JSON values.

use hadr_rules::{ErrorKind, InputError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyTypeMethods,
};
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted from a Python object: the limit serde_json applies to JSON text, and
/// a guard against self-referencing containers.
const MAX_DEPTH: usize = 128;

/// One step of a location in a document: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

impl Segment {
    /// The JSON Pointer text of the segment, without the leading `/` (RFC 6901).
    fn pointer(&self) -> String {
        match self {
            Segment::Key(key) => key.replace('~', "~0").replace('/', "~1"),
            Segment::Index(index) => index.to_string(),
        }
    }
}

/// A Python object that has no JSON equivalent, with its location.
#[derive(Debug)]
pub struct Unconvertible {
    /// The error, in the engine's terms.
    pub error: InputError,
    /// Where it is.
    pub loc: Vec<Segment>,
}

/// A dict (or any mapping) shaped like a topology document, as a JSON value.
pub fn to_value(object: &Bound<'_, PyAny>) -> Result<Value, Box<Unconvertible>> {
    let mut loc = Vec::new();
    convert(object, &mut loc)
}

fn convert(object: &Bound<'_, PyAny>, loc: &mut Vec<Segment>) -> Result<Value, Box<Unconvertible>> {
    if loc.len() > MAX_DEPTH {
        return Err(fail(
            ErrorKind::InvalidValue,
            loc,
            format!("the document nests deeper than {MAX_DEPTH} levels"),
            "a JSON-shaped document without cycles",
        ));
    }
    if object.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(value) = object.cast::<PyBool>() {
        return Ok(Value::Bool(value.is_true()));
    }
    if object.is_instance_of::<PyInt>() {
        if let Ok(value) = object.extract::<i64>() {
            return Ok(Value::from(value));
        }
        if let Ok(value) = object.extract::<u64>() {
            return Ok(Value::from(value));
        }
        return Err(fail(
            ErrorKind::InvalidValue,
            loc,
            format!("invalid value: integer `{}` is out of range", repr(object)),
            "an integer that fits in 64 bits",
        ));
    }
    if object.is_instance_of::<PyFloat>() {
        let value = object.extract::<f64>().unwrap_or(f64::NAN);
        return Number::from_f64(value).map(Value::Number).ok_or_else(|| {
            fail(
                ErrorKind::InvalidValue,
                loc,
                format!("invalid value: `{}` is not a JSON number", repr(object)),
                "a finite number",
            )
        });
    }
    if let Ok(text) = object.cast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => Ok(Value::String(text.into_owned())),
            Err(_) => Err(fail(
                ErrorKind::Encoding,
                loc,
                "the string is not valid Unicode (it holds a lone surrogate)".to_owned(),
                "text that can be written as UTF-8",
            )),
        };
    }
    if object.is_instance_of::<PyList>() || object.is_instance_of::<PyTuple>() {
        let mut array = Vec::new();
        let items = object.try_iter().map_err(|_| not_json(object, loc))?;
        for (index, item) in items.enumerate() {
            let item = item.map_err(|_| not_json(object, loc))?;
            loc.push(Segment::Index(index));
            array.push(convert(&item, loc)?);
            loc.pop();
        }
        return Ok(Value::Array(array));
    }
    if let Ok(mapping) = object.cast::<PyMapping>() {
        return convert_mapping(object, mapping, loc);
    }
    Err(not_json(object, loc))
}

fn convert_mapping(
    object: &Bound<'_, PyAny>,
    mapping: &Bound<'_, PyMapping>,
    loc: &mut Vec<Segment>,
) -> Result<Value, Box<Unconvertible>> {
    let items = match object.cast::<PyDict>() {
        Ok(dict) => dict.items(),
        Err(_) => mapping.items().map_err(|_| not_json(object, loc))?,
    };
    let mut map = Map::new();
    for item in items.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            item.extract().map_err(|_| not_json(object, loc))?;
        let Ok(key) = key
            .cast::<PyString>()
            .map(|key| key.to_string_lossy().into_owned())
        else {
            return Err(fail(
                ErrorKind::InvalidType,
                loc,
                format!(
                    "invalid type: key `{}` is a Python `{}`",
                    repr(&key),
                    type_name(&key)
                ),
                "string keys",
            ));
        };
        loc.push(Segment::Key(key.clone()));
        let value = convert(&value, loc)?;
        loc.pop();
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn not_json(object: &Bound<'_, PyAny>, loc: &[Segment]) -> Box<Unconvertible> {
    fail(
        ErrorKind::InvalidType,
        loc,
        format!(
            "invalid type: Python `{}` has no JSON equivalent",
            type_name(object)
        ),
        "a dict, list, tuple, str, int, float, bool or None",
    )
}

fn fail(kind: ErrorKind, loc: &[Segment], message: String, expected: &str) -> Box<Unconvertible> {
    Box::new(Unconvertible {
        error: InputError {
            kind,
            file: None,
            path: pointer(loc),
            line: None,
            column: None,
            message,
            expected: Some(expected.to_owned()),
        },
        loc: loc.to_vec(),
    })
}

/// The JSON Pointer of a location.
pub fn pointer(loc: &[Segment]) -> String {
    loc.iter().map(|s| format!("/{}", s.pointer())).collect()
}

/// The keys of a format-1 document whose values are arrays: a segment of digits after one of
/// them is an index, anywhere else a key (outside `x`, where the user's data may be either).
const ARRAYS: [&str; 7] = [
    "sites",
    "pools",
    "servers",
    "sql_stores",
    "file_stores",
    "replicas",
    "nodes",
];

/// The location of a JSON Pointer into a document given as a dict (`root`) or as text: array
/// indices become integers. The dict tells an index from a key made of digits; text is not
/// parsed again for that (it may be tens of megabytes): the format says where arrays are.
pub fn loc(pointer: &str, root: Option<&Value>) -> Vec<Segment> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Vec::new();
    };
    if root.is_none() {
        return by_format(rest);
    }
    let mut current = root;
    rest.split('/')
        .map(|raw| {
            let key = raw.replace("~1", "/").replace("~0", "~");
            let index = key
                .parse::<usize>()
                .ok()
                .filter(|_| key == "0" || !key.starts_with('0'));
            let (segment, next) = match (current, index) {
                (Some(Value::Array(items)), Some(index)) => {
                    (Segment::Index(index), items.get(index))
                }
                (Some(Value::Object(map)), _) => {
                    let next = map.get(&key);
                    (Segment::Key(key), next)
                }
                (None, Some(index)) => (Segment::Index(index), None),
                _ => (Segment::Key(key), None),
            };
            current = next;
            segment
        })
        .collect()
}

/// [`loc`] for a document given as text: a segment of digits is an index after an array key of
/// the format, and anywhere under `x` (where only nesting errors arise, deep in arrays).
fn by_format(rest: &str) -> Vec<Segment> {
    let mut parent: Option<String> = None;
    let mut user_data = false;
    rest.split('/')
        .map(|raw| {
            let key = raw.replace("~1", "/").replace("~0", "~");
            let index = key
                .parse::<usize>()
                .ok()
                .filter(|_| key == "0" || !key.starts_with('0'))
                .filter(|_| user_data || parent.as_deref().is_some_and(|p| ARRAYS.contains(&p)));
            let segment = match index {
                Some(index) => Segment::Index(index),
                None => Segment::Key(key.clone()),
            };
            user_data |= index.is_none() && key == "x";
            parent = Some(key);
            segment
        })
        .collect()
}

/// The location of a JSON Pointer into a document without arrays (a facts file): every
/// segment is a key.
pub fn keys(pointer: &str) -> Vec<Segment> {
    pointer
        .strip_prefix('/')
        .map(|rest| {
            rest.split('/')
                .map(|raw| Segment::Key(raw.replace("~1", "/").replace("~0", "~")))
                .collect()
        })
        .unwrap_or_default()
}

/// A location as a Python tuple of `str` and `int`.
pub fn loc_tuple<'py>(py: Python<'py>, loc: &[Segment]) -> PyResult<Bound<'py, PyTuple>> {
    let items: Vec<Bound<'py, PyAny>> = loc
        .iter()
        .map(|segment| match segment {
            Segment::Key(key) => PyString::new(py, key).into_any(),
            Segment::Index(index) => index
                .into_pyobject(py)
                .map(Bound::into_any)
                .unwrap_or_else(|never| match never {}),
        })
        .collect();
    PyTuple::new(py, items)
}

/// A JSON value as Python objects: dicts, lists, str, int, float, bool and None.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(number) => {
            if let Some(n) = number.as_i64() {
                n.into_pyobject(py)?.into_any()
            } else if let Some(n) = number.as_u64() {
                n.into_pyobject(py)?.into_any()
            } else {
                number
                    .as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|item| to_python(py, item))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A value's `repr()`, or a placeholder when it fails.
pub fn repr(object: &Bound<'_, PyAny>) -> String {
    object
        .repr()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "<unprintable>".to_owned())
}

/// The name of a value's type.
pub fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "object".to_owned())
}
