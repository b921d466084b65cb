//! C ABI of the hadr-rules engine.
