//! ICCMA readers and writers: round trips on random frameworks, and
//! errors that name line and column.

use argraph::iccma::{self, IccmaFormat};
use proptest::prelude::*;

use crate::strategies::framework_named;

proptest! {
    #[test]
    fn every_format_round_trips(af in framework_named()) {
        for format in [IccmaFormat::I23, IccmaFormat::Apx, IccmaFormat::Tgf] {
            let mut bytes = Vec::new();
            iccma::write(&af, &mut bytes, format).unwrap();
            let back = iccma::read(&bytes[..], format).unwrap();
            prop_assert_eq!(back.len(), af.len());
            let a: Vec<_> = af.attack_pairs().collect();
            let b: Vec<_> = back.attack_pairs().collect();
            prop_assert_eq!(a, b);
            if format != IccmaFormat::I23 {
                for i in 0..af.len() {
                    prop_assert_eq!(back.name(i), af.name(i));
                }
            }
        }
    }
}

#[test]
fn errors_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("a.i23", "p af 3\n1 2\n\n4 1\n", 4, 1, "outside 1..=3"),
        (
            "b.apx",
            "arg(a).\narg(b).\natt(a b).\n",
            3,
            7,
            "expected `,`",
        ),
        ("c.tgf", "a\nb\n#\na b\nb\n", 5, 2, "found one name"),
        ("d.af", "# no header\n", 1, 1, "missing header"),
    ];
    for (name, text, line, column, what) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let err = iccma::read_path(&path, None).unwrap_err();
        assert_eq!(
            (err.line(), err.column()),
            (Some(line), Some(column)),
            "{name}: {err}"
        );
        let shown = err.to_string();
        assert!(shown.contains(name) && shown.contains(what), "{shown}");
    }
}

#[test]
fn formats_are_sniffed_from_content() {
    let dir = tempfile::tempdir().unwrap();
    for (text, n) in [("p af 2\n1 2\n", 2), ("arg(x).\n", 1), ("x\ny\nz\n#\n", 3)] {
        let path = dir.path().join("noext");
        std::fs::write(&path, text).unwrap();
        assert_eq!(iccma::read_path(&path, None).unwrap().len(), n);
    }
}

#[test]
fn large_files_are_parsed_in_pieces() {
    // Over 4 MiB: several pieces of whole lines; the same framework
    // whether read from a file or from memory, attacks in file order.
    let n = 400_000;
    let mut text = format!("p af {n}\n");
    for a in 1..=n {
        text.push_str(&format!(
            "{a} {}\n{a} {}\n",
            (a * 13) % n + 1,
            (a * 31) % n + 1
        ));
    }
    assert!(text.len() > 4 << 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.i23");
    std::fs::write(&path, &text).unwrap();
    let a = iccma::read_path(&path, None).unwrap();
    let b = iccma::read_i23(text.as_bytes()).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.attack_count(), 2 * n);
    assert_eq!(
        a.targets(n - 1),
        &[(n * 13 % n) as u32, (n * 31 % n) as u32]
    );
    assert_eq!(
        a.attackers(0).len(),
        a.attack_pairs().filter(|&(_, t)| t == 0).count()
    );
}

proptest! {
    /// Arbitrary and mutated input never panics: it parses or gives a
    /// located error.
    #[test]
    fn bad_input_never_panics(
        junk in prop::collection::vec(any::<u8>(), 0..200),
        cut in 0usize..60,
        byte in any::<u8>(),
    ) {
        let valid = [
            "p af 4\n# c\n1 2\n2 3\n3 4\n4 1\n",
            "arg(a).\narg(b).\natt(a,b).\natt(b,a).\n",
            "a\nb\n#\na b\nb a\n",
        ];
        for (doc, format) in valid.iter().zip([IccmaFormat::I23, IccmaFormat::Apx, IccmaFormat::Tgf]) {
            let _ = iccma::read(&junk[..], format);
            let mut mutated = doc.as_bytes().to_vec();
            let at = cut.min(mutated.len() - 1);
            mutated[at] = byte;
            if let Err(e) = iccma::read(&mutated[..], format) {
                prop_assert!(e.line().is_some() || !e.to_string().is_empty());
            }
            mutated.truncate(at);
            let _ = iccma::read(&mutated[..], format);
        }
    }
}

#[test]
fn long_and_colliding_names_are_told_apart() {
    // Many long names sharing a prefix: each is found by its own bytes.
    let names: Vec<String> = (0..20_000)
        .map(|i| format!("argument-with-a-long-name-{i}"))
        .collect();
    let mut apx = String::new();
    for n in &names {
        apx.push_str(&format!("arg({n}).\n"));
    }
    for i in 0..names.len() {
        apx.push_str(&format!(
            "att({},{}).\n",
            names[i],
            names[(i * 7 + 3) % names.len()]
        ));
    }
    let af = iccma::read_apx(apx.as_bytes()).unwrap();
    assert_eq!(af.len(), names.len());
    for i in (0..names.len()).step_by(997) {
        assert_eq!(af.name(i), names[i]);
        assert_eq!(af.targets(i), &[((i * 7 + 3) % names.len()) as u32]);
    }
    let dup = format!("{apx}arg({}).\n", names[123]);
    assert!(iccma::read_apx(dup.as_bytes()).is_err());
}

#[test]
fn format_names_parse_in_any_case() {
    for (text, format) in [
        ("i23", IccmaFormat::I23),
        ("AF", IccmaFormat::I23),
        ("Apx", IccmaFormat::Apx),
        ("TGF", IccmaFormat::Tgf),
    ] {
        assert_eq!(text.parse::<IccmaFormat>().unwrap(), format);
        let path = std::path::PathBuf::from(format!("x.{text}"));
        assert_eq!(IccmaFormat::from_path(&path), Some(format));
    }
    assert_eq!(IccmaFormat::I23.to_string(), "i23");
    assert_eq!(IccmaFormat::from_path("x.json".as_ref()), None);
    let err = "csv".parse::<IccmaFormat>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown framework format \"csv\" (expected one of: i23, apx, tgf)"
    );
}

#[test]
fn short_last_lines_and_crlf_read_alike_from_files_and_readers() {
    // Reading a file reserves room for attacks from its size: the last line
    // may be shorter than the reservation assumes, and CRLF longer.
    let dir = tempfile::tempdir().unwrap();
    for text in ["p af 2\n1 2", "p af 1\r\n1 1\r\n", "p af 3\n1 2\n2 3\n3 1"] {
        let path = dir.path().join("short.i23");
        std::fs::write(&path, text).unwrap();
        let from_file = iccma::read_path(&path, None).unwrap();
        assert_eq!(from_file, iccma::read_i23(text.as_bytes()).unwrap());
        assert_eq!(
            from_file.attack_count(),
            text.trim_end().lines().count() - 1
        );
    }
}
