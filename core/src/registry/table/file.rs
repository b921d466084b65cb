//! FILE: File store.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
