//! LB: Load balancing.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
