//! The integration tests, one module per area, linked into one binary so the
//! suite links once.

mod common;
mod strategies;

mod architecture;
mod argdown_differential;
mod argdown_text;
mod bad_input;
mod cli;
mod cli_output;
mod corpus_defects;
mod dialogue;
mod dot;
mod examples;
mod files_and_signals;
mod hostile_iccma;
mod hostile_readers;
mod interchange_aif;
mod interchange_argdown;
mod interchange_convert;
mod interchange_graphml;
mod interchange_iccma;
mod interchange_roundtrip;
mod json_roundtrip;
mod page;
mod picture;
mod portfolio;
mod reason_cli;
mod reason_dung;
mod reason_framing;
mod reason_gradual;
mod reason_iccma_io;
mod reason_structured;
mod render_builtin;
mod render_integrity;
mod seed;
mod seed_findings;
mod validation;
mod views;
