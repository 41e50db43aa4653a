//! argraph: typed argument graphs.
#![deny(missing_docs)]
