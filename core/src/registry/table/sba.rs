//! SBA: Branch survivability.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
