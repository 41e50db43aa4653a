//! Reading and writing frameworks and graphs in other formats.

pub mod iccma;
