//! EDGE: Edge pools.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
