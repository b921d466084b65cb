//! DIR: Director pools.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
