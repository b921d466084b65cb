//! MED: Mediation Server.

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
