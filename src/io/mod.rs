//! Reading and writing graphs: one module per format.

pub mod aif;
pub mod argdown;
pub mod graphml;
pub mod iccma;
pub mod json;
pub mod report;
