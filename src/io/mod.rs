//! Reading and writing graphs: one module per format.

pub mod aif;
pub mod argdown;
pub mod graphml;
pub mod iccma;
pub mod json;
mod json_text;
pub(crate) mod report;

pub(crate) use crate::file::{load_with, read_file, read_with, write_file};
