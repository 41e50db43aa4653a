//! Hostile and careless input to the ICCMA readers and the `iccma` command:
//! headers that declare more than is there, numbers past every integer
//! type, byte-order marks, CRLF, NUL bytes, long lines, files of another
//! format. Memory is only ever asserted in a child process with an
//! address-space limit, so that a reader that trusts a header fails the
//! test instead of the machine.

use std::path::Path;
use std::process::{Command, Output};

use argraph::convert::{self, Format};
use argraph::iccma::{self, IccmaFormat};

use crate::common::{argraph, stderr, stdout};

/// Runs `argraph args` with its address space limited to `limit_kb`
/// (`ulimit -v`): an allocation past it fails instead of being granted.
fn argraph_within(limit_kb: u32, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {limit_kb} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_argraph"))
        .args(args)
        .output()
        .expect("sh runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn read_err(bytes: &[u8], format: IccmaFormat) -> argraph::Error {
    iccma::read(bytes, format).expect_err("refused")
}

#[test]
fn i23_header_larger_than_content_does_not_allocate_for_it() {
    // 10^9 arguments declared (and the most a framework holds), one
    // attack: the arguments past the last one in an attack take no memory
    // (the old reader asked for 8 GB, and for 32 GB).
    let dir = tempfile::tempdir().unwrap();
    for text in ["p af 1000000000\n1 2\n", "p af 4294967294\n2 1\n"] {
        let input = write(dir.path(), "huge.i23", text.as_bytes());
        let output = dir.path().join("out.i23");
        let out = argraph_within(200_000, &["convert", &input, output.to_str().unwrap()]);
        assert!(out.status.success(), "{text:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&output).unwrap(), text);
    }
    // The library answers questions about the arguments past the last
    // attack (in-process with a count that is harmless either way).
    let af = iccma::read_i23(&b"p af 1000000\n2 1\n"[..]).unwrap();
    assert_eq!((af.len(), af.attack_count()), (1_000_000, 1));
    assert_eq!(af.targets(1), &[0]);
    assert_eq!(af.attackers(0), &[1]);
    assert!(af.targets(999_999).is_empty() && af.in_degree(999_999) == 0);
    assert!(af.attackers(999_999).is_empty());
    assert_eq!(af.index_of("1000000"), Some(999_999));
    assert_eq!(af.attack_pairs().collect::<Vec<_>>(), [(1, 0)]);
    let mut apx = Vec::new();
    iccma::write_apx(&iccma::read_i23(&b"p af 3\n2 1\n"[..]).unwrap(), &mut apx).unwrap();
    assert_eq!(apx, b"arg(1).\narg(2).\narg(3).\natt(2,1).\n");
}

#[test]
fn i23_attack_on_the_last_of_four_billion_arguments_reads_in_little_memory() {
    // An attack on the last of 4·10^9 arguments once asked for 32 GB of
    // offsets (then refused cleanly at the header); the rows now follow
    // the attacks, so the file converts within 200 MB. The fuzz-found
    // case: an attack from argument 1709551166 of 3709551166 took 13 GB.
    let dir = tempfile::tempdir().unwrap();
    for (text, written) in [
        (
            "# four billion\np af 4000000000\n4000000000 1\n",
            "p af 4000000000\n4000000000 1\n",
        ),
        (
            "p af 3709551166\n 1709551166  1\n",
            "p af 3709551166\n1709551166 1\n",
        ),
    ] {
        let input = write(dir.path(), "big.i23", text.as_bytes());
        let output = dir.path().join("out.i23");
        let out = argraph_within(200_000, &["convert", &input, output.to_str().unwrap()]);
        assert!(out.status.success(), "{text:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&output).unwrap(), written);
    }
}

#[test]
fn iccma_task_on_four_billion_arguments_is_an_error_not_an_abort() {
    // A label per argument is 4 GB here: past the address-space limit the
    // reasoner says so (exit 1), where `vec!` aborted the process.
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "big.i23", b"p af 4000000000\n4000000000 1\n");
    for task in ["SE-GR", "DC-PR", "DS-ST"] {
        let out = argraph_within(400_000, &["iccma", "-p", task, "-f", &input, "-a", "1"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{task}: {err}");
        assert!(err.contains("not enough memory"), "{task}: {err}");
        assert!(err.contains("4000000000 arguments"), "{task}: {err}");
        assert!(stdout(&out).is_empty(), "{task}");
    }
}

#[test]
fn i23_argument_count_past_the_index_type_is_refused_with_its_text() {
    for count in ["4294967295", "99999999999999999999", "18446744073709551616"] {
        let text = format!("p af {count}\n");
        let err = read_err(text.as_bytes(), IccmaFormat::I23);
        let shown = err.to_string();
        assert_eq!((err.line(), err.column()), (Some(1), Some(6)), "{shown}");
        assert!(shown.contains(&format!("`p af {count}`")), "{shown}");
        assert!(shown.contains("4294967294"), "{shown}");
    }
    // Leading zeros are the number they pad.
    let af = iccma::read_i23(&b"p af 0000000000000000000000003\n0000000000000000000001 03\n"[..])
        .unwrap();
    assert_eq!(
        (af.len(), af.attack_pairs().collect::<Vec<_>>()),
        (3, vec![(0, 2)])
    );
}

#[test]
fn i23_big_argument_number_reported_as_written() {
    for (text, written, column) in [
        (
            "p af 3\n1 99999999999999999999\n",
            "99999999999999999999",
            3,
        ),
        (
            "p af 3\n99999999999999999999 1\n",
            "99999999999999999999",
            1,
        ),
        ("p af 3\n1 4\n", "4", 3),
        ("p af 3\n0 1\n", "0", 1),
        (
            "p af 3\n 18446744073709551616  1\n",
            "18446744073709551616",
            2,
        ),
    ] {
        let err = read_err(text.as_bytes(), IccmaFormat::I23);
        let shown = err.to_string();
        assert_eq!(
            (err.line(), err.column()),
            (Some(2), Some(column)),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("argument {written} is outside 1..=3")),
            "{shown}"
        );
        assert!(!shown.contains("18446744073709551615"), "{shown}");
    }
}

#[test]
fn i23_with_byte_order_mark_reads() {
    let bom = "\u{feff}";
    let cases = [
        (IccmaFormat::I23, format!("{bom}p af 2\n1 2\n")),
        (IccmaFormat::I23, format!("{bom}# comment\np af 2\n1 2\n")),
        (
            IccmaFormat::Apx,
            format!("{bom}arg(1).\narg(2).\natt(1,2).\n"),
        ),
        (IccmaFormat::Tgf, format!("{bom}1\n2\n#\n1 2\n")),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (format, text) in cases {
        let af = iccma::read(text.as_bytes(), format).unwrap();
        assert_eq!(af.attack_pairs().collect::<Vec<_>>(), [(0, 1)], "{text:?}");
        assert_eq!(af.name(0), "1", "{text:?}: the mark is not part of a name");
        // From a file, by its extension and by its content.
        for name in [format!("f.{format}"), "noext".to_string()] {
            let path = write(dir.path(), &name, text.as_bytes());
            let af = iccma::read_path(path.as_ref(), None).unwrap();
            assert_eq!(af.attack_count(), 1, "{name}");
        }
    }
    // The position of an error on the first line does not count the mark.
    let err = read_err(format!("{bom}p af x\n").as_bytes(), IccmaFormat::I23);
    assert_eq!((err.line(), err.column()), (Some(1), Some(6)), "{err}");
}

#[test]
fn json_given_to_iccma_is_named_json() {
    let dir = tempfile::tempdir().unwrap();
    let json = br#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A"}]}"#;
    for name in ["graph.json", "graph", "graph.tgf", "graph.i23", "graph.apx"] {
        let path = write(dir.path(), name, json);
        let out = argraph(&["iccma", "-p", "SE-GR", "-f", &path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(stdout(&out).is_empty(), "{name}: no answer for a JSON file");
        assert!(
            err.contains("JSON document") && err.contains("i23") && err.contains("tgf"),
            "{name}: {err}"
        );
        assert!(err.contains(&format!("{name}:1:1")), "{name}: {err}");
        assert!(!err.contains("declared twice"), "{name}: {err}");
    }
    // `--fo tgf` and `convert --from tgf` as well: tgf takes almost any
    // text, so what is plainly JSON is refused before.
    let path = write(dir.path(), "g.json", json);
    let out = argraph(&["iccma", "-p", "SE-GR", "-f", &path, "--fo", "tgf"]);
    assert!(stderr(&out).contains("JSON document"), "{}", stderr(&out));
    let target = dir.path().join("g.apx");
    let err = convert::convert(path.as_ref(), &target, Some(Format::Tgf), None).unwrap_err();
    assert!(err.to_string().contains("JSON document"), "{err}");
    assert!(!target.exists());
}

#[test]
fn other_formats_given_to_iccma_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "g.graphml",
            b"<?xml version=\"1.0\"?>\n<graphml/>\n",
            "XML document",
        ),
        ("g.dot", b"digraph {\n  a -> b\n}\n", "Graphviz DOT graph"),
        ("g.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data"),
        (
            "notes.txt",
            b"some words\nand more words\n",
            "cannot tell the format",
        ),
    ];
    for (name, bytes, what) in cases {
        let path = write(dir.path(), name, bytes);
        let out = argraph(&["iccma", "-p", "SE-GR", "-f", &path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(what), "{name}: {err}");
        assert!(stdout(&out).is_empty(), "{name}");
    }
    // With the format named, the reader says what the file is instead of
    // reporting its first token.
    let dot = b"digraph {\n  a -> b\n}\n";
    for format in [IccmaFormat::I23, IccmaFormat::Apx, IccmaFormat::Tgf] {
        let err = read_err(dot, format);
        assert!(
            err.to_string().contains("Graphviz DOT graph"),
            "{format}: {err}"
        );
    }
}

#[test]
fn convert_tells_an_iccma_framework_without_extension_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    for (text, from) in [
        ("p af 2\n1 2\n", Format::I23),
        ("arg(a).\narg(b).\natt(a,b).\n", Format::Apx),
        ("a\nb\n#\na b\n", Format::Tgf),
    ] {
        let input = write(dir.path(), "framework.txt", text.as_bytes());
        let output = dir.path().join("out.apx");
        let done = convert::convert(input.as_ref(), &output, None, None).unwrap();
        assert_eq!(done.from, from, "{text:?}");
        let af = iccma::read_path(&output, None).unwrap();
        assert_eq!(af.attack_pairs().collect::<Vec<_>>(), [(0, 1)], "{text:?}");
    }
    let input = write(dir.path(), "notes.txt", b"<html><body>hi</body></html>\n");
    let err = convert::convert(input.as_ref(), &dir.path().join("o.json"), None, None).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.contains("notes.txt") && shown.contains("XML document") && shown.contains("--from"),
        "{shown}"
    );
}

#[test]
fn text_without_a_format_mark_is_not_taken_for_tgf() {
    // Sniffing once took any text for tgf: a README gave "w README…".
    let err = IccmaFormat::sniff(b"This is a README\nabout frameworks\n").unwrap_err();
    assert!(err.to_string().contains("cannot tell the format"), "{err}");
    assert!(IccmaFormat::sniff(b"").is_err());
    assert!(IccmaFormat::sniff(b"# only a comment\n").is_err());
    // `#` comments before an i23 header, a lone `#` included.
    assert_eq!(
        IccmaFormat::sniff(b"#\n# made by hand\np af 1\n").unwrap(),
        IccmaFormat::I23
    );
    // A tgf argument named like an apx keyword is still tgf.
    assert_eq!(
        IccmaFormat::sniff(b"argument\n#\n").unwrap(),
        IccmaFormat::Tgf
    );
}

#[test]
fn crlf_line_ends_read_in_every_iccma_format() {
    let cases = [
        (IccmaFormat::I23, "p af 2\r\n# c\r\n1 2\r\n2 1\r\n"),
        (
            IccmaFormat::Apx,
            "arg(a).\r\narg(b).\r\natt(a,b).\r\natt(b,a).\r\n",
        ),
        (IccmaFormat::Tgf, "a\r\nb\r\n#\r\na b\r\nb a\r\n"),
    ];
    for (format, text) in cases {
        let af = iccma::read(text.as_bytes(), format).unwrap();
        assert_eq!(af.attack_pairs().collect::<Vec<_>>(), [(0, 1), (1, 0)]);
        if format != IccmaFormat::I23 {
            assert_eq!((af.name(0), af.name(1)), ("a".into(), "b".into()));
        }
    }
}

#[test]
fn nul_and_control_bytes_are_refused_in_names() {
    for (format, text, line, column) in [
        (IccmaFormat::Tgf, &b"a\nb\x00c\n#\na b\n"[..], 2, 2),
        (IccmaFormat::Apx, &b"arg(a).\narg(b\x1b[2J).\n"[..], 2, 6),
        (IccmaFormat::Tgf, &b"a\nb\x7f\n#\n"[..], 2, 2),
    ] {
        let err = read_err(text, format);
        assert_eq!(
            (err.line(), err.column()),
            (Some(line), Some(column)),
            "{err}"
        );
        let shown = err.to_string();
        assert!(
            shown.contains("control character U+") || shown.contains("NUL bytes"),
            "{shown}"
        );
    }
    // Past the first KiB a NUL is a control character in a name.
    let mut late: Vec<u8> = (0..600)
        .flat_map(|i| format!("a{i}\n").into_bytes())
        .collect();
    late.extend_from_slice(b"b\x00\n#\n");
    let err = read_err(&late, IccmaFormat::Tgf);
    assert_eq!((err.line(), err.column()), (Some(601), Some(2)), "{err}");
    assert!(
        err.to_string().contains("control character U+0000"),
        "{err}"
    );
    // i23: a NUL where a number belongs is named, escaped.
    let err = read_err(b"p af 2\n1 \x002\n", IccmaFormat::I23);
    assert_eq!((err.line(), err.column()), (Some(2), Some(3)), "{err}");
    // Names the readers refuse are not written either.
    let af = argraph::ArgumentationFramework::with_names(["a", "b\u{7}"], [(0, 1)]).unwrap();
    for format in [IccmaFormat::Apx, IccmaFormat::Tgf] {
        let err = iccma::write(&af, Vec::new(), format).unwrap_err();
        assert!(err.to_string().contains("control character"), "{err}");
    }
}

#[test]
fn i23_structure_errors_are_located() {
    let cases: [(&str, usize, usize, &str); 4] = [
        ("1 2\np af 2\n", 1, 1, "expected the header"),
        ("p af 2\np af 3\n", 2, 1, "a second header"),
        ("p af 2\n1 2\np af 2\n", 3, 1, "a second header"),
        ("p af 2\n1 2 2\n", 2, 5, "expected the end of the line"),
    ];
    for (text, line, column, what) in cases {
        let err = read_err(text.as_bytes(), IccmaFormat::I23);
        assert_eq!(
            (err.line(), err.column()),
            (Some(line), Some(column)),
            "{err}"
        );
        assert!(err.to_string().contains(what), "{err}");
    }
}

#[test]
fn second_tgf_hash_line_is_named() {
    let err = read_err(b"a\nb\n#\na b\n#\nb a\n", IccmaFormat::Tgf);
    assert_eq!((err.line(), err.column()), (Some(5), Some(1)), "{err}");
    assert!(err.to_string().contains("a second line `#`"), "{err}");
}

#[test]
fn long_lines_are_read_across_pieces() {
    // A comment line and a blank-padded attack line longer than the 1 MiB
    // pieces the i23 reader works in, then attacks after them.
    let mut text = String::from("p af 3\n# ");
    text.push_str(&"x".repeat(3 << 20));
    text.push_str("\n1");
    text.push_str(&" ".repeat(2 << 20));
    text.push_str("2\n2 3\n");
    let af = iccma::read_i23(text.as_bytes()).unwrap();
    assert_eq!(af.attack_pairs().collect::<Vec<_>>(), [(0, 1), (1, 2)]);
    // A long run of digits is one number, quoted as written (shortened).
    let digits = format!("p af 3\n1 {}\n", "9".repeat(2 << 20));
    let err = read_err(digits.as_bytes(), IccmaFormat::I23);
    assert_eq!((err.line(), err.column()), (Some(2), Some(3)), "{err}");
    assert!(
        err.to_string().len() < 4096,
        "the message quotes, it does not copy"
    );
}

#[test]
fn i23_query_argument_is_digits_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "f.i23", b"p af 3\n1 2\n");
    // `+1`, ` 1` and an overlong number name no argument; the message
    // quotes them as given.
    for arg in ["+1", " 1", "1 ", "99999999999999999999", "0", "4", ""] {
        let out = argraph(&["iccma", "-p", "DC-GR", "-f", &path, "-a", arg]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{arg:?}: {err}");
        assert!(err.contains(&format!("{arg:?}")), "{arg:?}: {err}");
    }
    // Leading zeros are the number, as in the file's own attacks.
    let out = argraph(&["iccma", "-p", "DC-GR", "-f", &path, "-a", "01"]);
    assert_eq!(stdout(&out), "YES\nw 1 3\n", "{}", stderr(&out));
}

/// Found by the `apx_read` and `tgf_read` fuzz targets: names the readers
/// took and the writers then refused (`%` inside an apx name, a vertical
/// tab, a no-break space). A name read is a name written.
#[test]
fn apx_names_read_are_names_written() {
    use argraph::iccma::{self, IccmaFormat};
    for (text, format) in [
        ("arg(a%).\n", IccmaFormat::Apx),
        ("arg(a\u{0B}b).\n", IccmaFormat::Apx),
        ("arg(a\u{A0}b).\n", IccmaFormat::Apx),
        ("a\u{0B}b\n#\n", IccmaFormat::Tgf),
        ("a\u{A0}b\n#\n", IccmaFormat::Tgf),
    ] {
        match iccma::read(text.as_bytes(), format) {
            Ok(af) => {
                let mut out = Vec::new();
                iccma::write(&af, &mut out, format)
                    .unwrap_or_else(|e| panic!("{text:?} read but not written: {e}"));
            }
            Err(e) => assert!(e.line().is_some(), "{text:?}: {e}"),
        }
    }
}

/// Found by the `apx_read` fuzz target: `arg({n}).` read, written as tgf
/// (`{n}`, `#`), and that tgf refused as "a JSON document". Any first
/// name that looks like another format (JSON, XML, DOT) is written and
/// read back; a document without the line `#` that is plainly another
/// format is still named as such.
#[test]
fn tgf_whose_first_name_looks_like_another_format_reads_back() {
    use argraph::iccma::{self, IccmaFormat};
    for name in ["{n}", "[x", "<a", "<?xml", "digraph{"] {
        let af = argraph::ArgumentationFramework::with_names([name, "b"], [(0, 1)]).unwrap();
        let mut tgf = Vec::new();
        iccma::write(&af, &mut tgf, IccmaFormat::Tgf).unwrap();
        let back = iccma::read(&tgf[..], IccmaFormat::Tgf)
            .unwrap_or_else(|e| panic!("{name:?}: the tgf written reads back, but: {e}"));
        assert_eq!(back, af, "{name:?}");
        let mut apx = Vec::new();
        iccma::write(&af, &mut apx, IccmaFormat::Apx).unwrap();
        assert_eq!(
            iccma::read(&apx[..], IccmaFormat::Apx).unwrap(),
            af,
            "{name:?}"
        );
    }
    for (text, what) in [
        ("{\n  \"argraph\": 1,\n  \"nodes\": []\n}\n", "JSON"),
        ("<?xml version=\"1.0\"?>\n<graphml/>\n", "XML"),
        ("digraph {\n a -> b\n}\n", "DOT"),
        ("a\n\0\n#\n", "NUL"),
    ] {
        let err = iccma::read(text.as_bytes(), IccmaFormat::Tgf).expect_err(text);
        assert!(err.to_string().contains(what), "{text:?}: {err}");
    }
}

/// Found by the `apx_read` and `tgf_read` fuzz targets: `arg(\u{feff}a).`
/// written as tgf began the document with U+FEFF, which the tgf reader
/// took for a byte-order mark, so the name came back as `a`.
#[test]
fn tgf_first_name_starting_with_a_byte_order_mark_keeps_it() {
    use argraph::iccma::{self, IccmaFormat};
    let af = iccma::read(
        "arg(\u{feff}a).\narg(b).\natt(\u{feff}a,b).\n".as_bytes(),
        IccmaFormat::Apx,
    )
    .unwrap();
    assert_eq!(af.name(0), "\u{feff}a");
    for format in IccmaFormat::ALL {
        let mut out = Vec::new();
        iccma::write(&af, &mut out, *format).unwrap();
        let back = iccma::read(&out[..], *format).unwrap();
        assert_eq!(back.name(0), "\u{feff}a", "{format}");
        assert_eq!(
            back.attack_pairs().collect::<Vec<_>>(),
            [(0, 1)],
            "{format}"
        );
    }
}

/// Found by the `i23_read` fuzz target: name comments holding control
/// characters (`# 2 a\0\r\r`) were taken as names, which the writer then
/// wrote otherwise (a line end strips one `\r`), so i23 -> i23 was not
/// the same framework. Such comments are only comments.
#[test]
fn i23_name_comments_with_control_characters_are_only_comments() {
    use argraph::iccma::{self, IccmaFormat};
    let text = "p af 2\n# 1 x\n# 2 a\0\r\r\n2 2\n";
    let af = iccma::read(text.as_bytes(), IccmaFormat::I23).unwrap();
    assert!(af.is_numbered(), "{:?}", af.name(1));
    let mut out = Vec::new();
    iccma::write(&af, &mut out, IccmaFormat::I23).unwrap();
    assert_eq!(iccma::read(&out[..], IccmaFormat::I23).unwrap(), af);
    // Without the control characters, the names are read.
    let named = iccma::read("p af 2\n# 1 x\n# 2 a\n2 2\n".as_bytes(), IccmaFormat::I23).unwrap();
    assert_eq!((named.name(0), named.name(1)), ("x".into(), "a".into()));
}
