//! NET: Network interfaces.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
