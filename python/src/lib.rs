//! Python bindings of the hadr-rules engine.
