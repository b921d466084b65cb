//! VIRT: Virtualization.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
