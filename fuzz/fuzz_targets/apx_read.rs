//! Any bytes as an ICCMA `apx` framework: reading never panics; an error says
//! what and, for a parse error, where inside the input; a framework that
//! reads is consistent, and written in each of i23, apx and tgf reads back
//! the same (written as apx, equal; apx and tgf may refuse only names they
//! cannot hold).
#![no_main]

use argraph::iccma::IccmaFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| argraph_fuzz::check_iccma(data, IccmaFormat::Apx));
