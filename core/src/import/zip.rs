//! The `Export-CsConfiguration` zip: find `DocItemSet.xml` and read it within limits, so that a
//! zip bomb or an oversized entry is refused before it is expanded.

use std::io::{Cursor, Read};

use super::Limits;
use crate::error::{ErrorKind, InputError};

/// The name of the entry that holds the configuration documents.
pub(crate) const DOC_ITEM_SET: &str = "DocItemSet.xml";

fn archive_error(message: String, expected: &str) -> Box<InputError> {
    Box::new(InputError::at(ErrorKind::Archive, "", message).expected(expected.to_owned()))
}

/// The bytes of `DocItemSet.xml` (at any depth, name compared without case).
pub(crate) fn doc_item_set(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, Box<InputError>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        archive_error(
            format!("the file starts like a zip archive but cannot be read: {error}"),
            "an Export-CsConfiguration zip",
        )
    })?;
    if archive.len() > limits.max_entries {
        return Err(archive_error(
            format!(
                "the zip has {} entries, more than the limit of {}",
                archive.len(),
                limits.max_entries
            ),
            "an Export-CsConfiguration zip (a handful of entries)",
        ));
    }
    let index = (0..archive.len()).find(|&i| {
        archive.name_for_index(i).is_some_and(|name| {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            base.eq_ignore_ascii_case(DOC_ITEM_SET)
        })
    });
    let Some(index) = index else {
        let names: Vec<String> = archive
            .file_names()
            .take(10)
            .map(|n| format!("`{n}`"))
            .collect();
        return Err(Box::new(
            InputError::at(
                ErrorKind::NotTopology,
                "",
                format!(
                    "the zip holds no {DOC_ITEM_SET} (it holds {})",
                    if names.is_empty() {
                        "nothing".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            )
            .expected("the zip written by Export-CsConfiguration, with DocItemSet.xml"),
        ));
    };
    let (name, size, compressed) = {
        let entry = archive.by_index_raw(index).map_err(|error| {
            archive_error(
                format!("cannot read the zip entry {DOC_ITEM_SET}: {error}"),
                "an intact zip",
            )
        })?;
        (
            entry.name().to_owned(),
            entry.size(),
            entry.compressed_size(),
        )
    };
    if size > limits.max_entry_size {
        return Err(archive_error(
            format!(
                "the zip entry `{name}` expands to {size} bytes, more than the limit of {} bytes",
                limits.max_entry_size
            ),
            "a topology of a realistic size",
        ));
    }
    if size > limits.ratio_floor && size > compressed.saturating_mul(limits.max_ratio) {
        return Err(bomb(&name, size, compressed, limits));
    }
    let mut entry = archive.by_index(index).map_err(|error| {
        archive_error(
            format!("cannot expand the zip entry `{name}`: {error}"),
            "an intact zip compressed with deflate or stored",
        )
    })?;
    let mut out = Vec::new();
    let read = entry
        .by_ref()
        .take(limits.max_entry_size.saturating_add(1))
        .read_to_end(&mut out);
    if let Err(error) = read {
        return Err(archive_error(
            format!("cannot expand the zip entry `{name}`: {error}"),
            "an intact zip compressed with deflate or stored",
        ));
    }
    if out.len() as u64 > limits.max_entry_size {
        return Err(bomb(&name, out.len() as u64, compressed, limits));
    }
    Ok(out)
}

fn bomb(name: &str, size: u64, compressed: u64, limits: &Limits) -> Box<InputError> {
    archive_error(
        format!(
            "the zip entry `{name}` expands from {compressed} to {size} bytes (more than {} times \
             its size or more than {} bytes): refused as a zip bomb",
            limits.max_ratio, limits.max_entry_size
        ),
        "an Export-CsConfiguration zip",
    )
}
