//! Reading an input within its size limit: whatever the file is (a regular file, a FIFO,
//! `/dev/zero`, a terminal, standard input), never more than the limit and one byte is read.
//!
//! Every interface reads files through here: the command line (documents, facts, standard
//! input), the Python module (paths) and anything else that links the engine.

use std::io::Read;
use std::path::Path;

use crate::TopologyError;
use crate::limits::Limits;

/// What is being read, for the messages: `"document"` or `"facts file"`.
pub type What = &'static str;

/// Reads the file at `path` (named `name` in errors) within `limits.max_document_bytes`. A
/// regular file whose length is past the limit is refused before anything is read; any other
/// file is read no further than the limit and one byte.
pub fn file(
    path: &Path,
    name: &str,
    limits: &Limits,
    what: What,
) -> Result<Vec<u8>, TopologyError> {
    let unreadable = |error: &std::io::Error| TopologyError::unreadable(name, &reason(error));
    let file = std::fs::File::open(path).map_err(|error| unreadable(&error))?;
    let metadata = file.metadata().map_err(|error| unreadable(&error))?;
    if metadata.is_dir() {
        return Err(TopologyError::unreadable(name, "it is a directory"));
    }
    if metadata.is_file() {
        let len = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
        limits
            .size(len, what)
            .map_err(|error| TopologyError::from(*error).in_file(name))?;
    }
    stream(file, name, limits, what)
}

/// Reads `reader` (named `name` in errors) to its end, or refuses it once it is longer than
/// `limits.max_document_bytes`: at most the limit and one byte are read.
pub fn stream(
    reader: impl Read,
    name: &str,
    limits: &Limits,
    what: What,
) -> Result<Vec<u8>, TopologyError> {
    let cap = u64::try_from(limits.max_document_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|error| TopologyError::unreadable(name, &reason(&error)))?;
    if bytes.len() > limits.max_document_bytes {
        return Err(TopologyError::from(*limits.longer(what)).in_file(name));
    }
    Ok(bytes)
}

/// An I/O error in plain words.
fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}
