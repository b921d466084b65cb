//! VOICE: Registrar resiliency (Enterprise Voice).

use crate::registry::Rule;

pub(super) const RULES: &[Rule] = &[];
