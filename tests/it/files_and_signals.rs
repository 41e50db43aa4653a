//! Output files and the process around a run (issue 11, items 1, 4, 6, 12
//! and the `--format` half of 16): special files stay what they are, `-`
//! is standard output, an output never overwrites its input, a signal or
//! `--timeout` leaves no temporary file and no `dot` behind, every "cannot
//! run Graphviz" is exit 3 naming the program.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, stderr, stdout};

fn argraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_argraph"))
}

fn seed() -> String {
    common::seed_path().to_str().unwrap().to_owned()
}

fn run(command: &mut Command) -> Output {
    command.output().expect("argraph runs")
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The `.argraph-*.tmp` files in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".argraph-") && n.ends_with(".tmp"))
        .collect()
}

/// Waits up to `secs` for `ready`, polling.
fn wait_for(secs: u64, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    ready()
}

/// `true` while process `pid` runs (a zombie waiting for its parent to
/// reap it has ended).
fn running(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        }
        Err(_) => false,
    }
}

/// A stand-in for Graphviz's `dot` that writes its process id to `pidfile`,
/// prints the start of an SVG, then sleeps (as `exec`, so the process id
/// stays the sleeper's): a `dot` that hangs.
fn hanging_dot(dir: &Path) -> (PathBuf, PathBuf) {
    let pidfile = dir.join("dot.pid");
    let script = dir.join("hanging-dot");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\necho $$ > '{}.part' && mv '{0}.part' '{0}'\nprintf '<svg'\nexec sleep 30\n",
            pidfile.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    (script, pidfile)
}

fn read_pid(pidfile: &Path) -> u32 {
    fs::read_to_string(pidfile).unwrap().trim().parse().unwrap()
}

/// Kills a child still running at the end of a failed test.
struct Reap(Child);

impl Drop for Reap {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Makes a character device like `/dev/null` (1, 3) in `dir`, so that a
/// regression replaces only this copy; as a non-root user (no mknod) the
/// real `/dev/null`, which such a user cannot replace anyway.
fn null_device(dir: &Path) -> PathBuf {
    let made = dir.join("null");
    let mknod = Command::new("mknod")
        .args([s(&made), "c", "1", "3"])
        .status();
    if mknod.is_ok_and(|st| st.success()) {
        return made;
    }
    let null = PathBuf::from("/dev/null");
    assert!(
        fs::metadata(&null).unwrap().file_type().is_char_device(),
        "/dev/null is not a character device before the test: the machine is already damaged"
    );
    null
}

#[test]
fn output_to_char_device_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let device = null_device(dir.path());
    assert!(fs::metadata(&device).unwrap().file_type().is_char_device());
    let dot = run(argraph().args(["dot", &seed(), "-o", s(&device)]));
    assert!(dot.status.success(), "{}", stderr(&dot));
    let convert = run(argraph().args(["convert", &seed(), s(&device), "--to", "apx"]));
    assert!(convert.status.success(), "{}", stderr(&convert));
    let meta = fs::symlink_metadata(&device).unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "{} was replaced by a {:?}",
        device.display(),
        meta.file_type()
    );
    assert!(temp_files(device.parent().unwrap()).is_empty());
}

/// Makes a FIFO and starts `cat` reading it.
fn fifo_with_reader(path: &Path) -> Reap {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
    Reap(
        Command::new("cat")
            .arg(path)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// What the reader of a FIFO got, once the writer is done; `None` if the
/// FIFO was replaced (its reader then waits for ever, and is killed).
fn fifo_output(fifo: &Path, mut reader: Reap) -> Option<String> {
    if !fs::metadata(fifo).unwrap().file_type().is_fifo() {
        return None;
    }
    let mut text = String::new();
    reader
        .0
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    Some(text)
}

#[test]
fn output_to_fifo_is_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let reader = fifo_with_reader(&fifo);
    let o = run(argraph().args(["dot", &seed(), "-o", s(&fifo)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let got = fifo_output(&fifo, reader).expect("the FIFO is still a FIFO");
    assert!(got.starts_with("digraph"), "{got:.100}");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn output_through_symlink_to_fifo_is_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let link = dir.path().join("link.apx");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let reader = fifo_with_reader(&fifo);
    let o = run(argraph().args(["convert", &seed(), s(&link)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let got = fifo_output(&fifo, reader).expect("the FIFO is still a FIFO");
    assert!(got.starts_with("arg("), "{got:.100}");
}

#[test]
fn output_through_symlink_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.dot");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink("real.dot", &link).unwrap();
    let o = run(argraph().args(["dot", &seed(), "-o", s(&link)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let meta = fs::metadata(&real).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640, "mode kept");
    assert!(fs::read_to_string(&real).unwrap().starts_with("digraph"));

    // A link to a file that does not exist yet: the file is made, the link kept.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("made.json", &dangling).unwrap();
    let o = run(argraph().args(["convert", &seed(), s(&dangling)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(dir.path().join("made.json"))
        .unwrap()
        .contains("\"argraph\": 1"));
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn output_through_proc_self_fd_link_reaches_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("out.tgf");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let o = run(argraph().args(["convert", &seed(), s(&link)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("c-soviet-great-power"),
        "{}",
        stdout(&o)
    );
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn dash_means_stdout_for_dot_and_convert() {
    let dir = tempfile::tempdir().unwrap();
    let dot = run(argraph()
        .current_dir(dir.path())
        .args(["dot", &seed(), "-o", "-"]));
    assert!(dot.status.success(), "{}", stderr(&dot));
    assert!(stdout(&dot).starts_with("digraph"));
    let convert =
        run(argraph()
            .current_dir(dir.path())
            .args(["convert", &seed(), "-", "--to", "apx"]));
    assert!(convert.status.success(), "{}", stderr(&convert));
    assert!(stdout(&convert).contains("arg(c-soviet-great-power)."));
    assert!(stderr(&convert).contains("wrote standard output as ICCMA apx"));
    // Without --to, "-" says nothing of the format: a clear error.
    let bare = run(argraph()
        .current_dir(dir.path())
        .args(["convert", &seed(), "-"]));
    assert_eq!(bare.status.code(), Some(2), "a usage error");
    assert!(stderr(&bare).contains("--to"), "{}", stderr(&bare));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn output_that_is_a_directory_is_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let o = run(argraph().args(["dot", &seed(), "-o", s(&sub)]));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("sub: I/O error: is a directory"),
        "{}",
        stderr(&o)
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn dash_means_stdout_for_render() {
    let dir = tempfile::tempdir().unwrap();
    // Without --format, "-" says nothing of the format: a usage error.
    let bare = run(argraph()
        .current_dir(dir.path())
        .args(["render", &seed(), "-o", "-"]));
    assert_eq!(bare.status.code(), Some(2));
    assert!(stderr(&bare).contains("--format"), "{}", stderr(&bare));
    if common::have_dot("dash_means_stdout_for_render") {
        let o = run(argraph().current_dir(dir.path()).args([
            "render",
            &seed(),
            "-o",
            "-",
            "--format",
            "svg",
        ]));
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("<svg"), "{:.200}", stdout(&o));
    }
    assert!(!dir.path().join("-").exists());
}

#[test]
fn render_format_disagreeing_with_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.svg");
    let o = run(argraph().args(["render", &seed(), "-o", s(&out), "--format", "png"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("svg") && err.contains("png"), "{err}");
    assert!(!out.exists());
}

#[test]
fn same_file_as_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.json");
    fs::copy(common::seed_path(), &input).unwrap();
    let before = fs::read(&input).unwrap();
    let hard = dir.path().join("hard.json");
    fs::hard_link(&input, &hard).unwrap();
    let soft = dir.path().join("soft.json");
    std::os::unix::fs::symlink("g.json", &soft).unwrap();
    let same = dir.path().join(".").join("g.json");
    for output in [&input, &hard, &soft, &same] {
        let runs = [
            vec!["convert", s(&input), s(output)],
            vec!["convert", s(&input), s(output), "--from", "argdown"],
            vec!["dot", s(&input), "-o", s(output)],
            vec!["render", s(&input), "-o", s(output), "--format", "svg"],
        ];
        for args in runs {
            let o = run(argraph().args(&args));
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("same file as the input"),
                "{args:?}: {}",
                stderr(&o)
            );
        }
    }
    assert_eq!(fs::read(&input).unwrap(), before, "the input is intact");
    assert!(fs::symlink_metadata(&soft)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn argraph_dot_nonexistent_path_named_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let o = run(argraph().env("ARGRAPH_DOT", "/nonexistent/dot").args([
        "render",
        &seed(),
        "-o",
        s(&out),
    ]));
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("ARGRAPH_DOT=/nonexistent/dot"), "{err}");
    assert!(!err.contains("on PATH;"), "{err}");
    assert!(!out.exists());
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn argraph_dot_not_executable_named_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("not-executable");
    fs::write(&program, "#!/bin/sh\n").unwrap();
    fs::set_permissions(&program, fs::Permissions::from_mode(0o644)).unwrap();
    let out = dir.path().join("map.svg");
    let o = run(argraph()
        .env("ARGRAPH_DOT", &program)
        .args(["render", &seed(), "-o", s(&out)]));
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(s(&program)), "{err}");
    assert!(err.contains("ermission denied"), "{err}");
    assert!(!out.exists());
}

/// Starts `render` with a hanging `dot`, waits until it runs and the
/// output's temporary file exists, and returns the run and dot's pid.
fn render_with_hanging_dot(dir: &Path) -> (Reap, u32, PathBuf) {
    let (script, pidfile) = hanging_dot(dir);
    let out_dir = dir.join("out");
    fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("map.svg");
    let child = argraph()
        .env("ARGRAPH_DOT", &script)
        .args(["render", &seed(), "-o", s(&out)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let run = Reap(child);
    assert!(
        wait_for(20, || pidfile.exists()),
        "the stand-in dot never started"
    );
    let pid = read_pid(&pidfile);
    assert!(
        wait_for(20, || !temp_files(&out_dir).is_empty()),
        "the image streams into a temporary file while dot runs"
    );
    (run, pid, out)
}

fn stopped_by(signal: &str, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let (mut run, dot_pid, out) = render_with_hanging_dot(dir.path());
    let kill = Command::new("kill")
        .args([signal, &run.0.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = run.0.wait().unwrap();
    let left = temp_files(out.parent().unwrap());
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(
        wait_for(5, || !running(dot_pid)),
        "dot (pid {dot_pid}) outlived argraph"
    );
    assert!(!out.exists());
    assert_eq!(status.code(), Some(code), "{status:?}");
}

#[test]
fn sigterm_removes_temp_file_and_kills_dot() {
    stopped_by("-TERM", 143);
}

#[test]
fn sigint_removes_temp_file_and_kills_dot() {
    stopped_by("-INT", 130);
}

#[test]
fn timeout_kills_hanging_dot() {
    let dir = tempfile::tempdir().unwrap();
    let (script, pidfile) = hanging_dot(dir.path());
    let out = dir.path().join("map.svg");
    let start = Instant::now();
    let mut run = Reap(
        argraph()
            .env("ARGRAPH_DOT", &script)
            .args(["--timeout", "1", "render", &seed(), "-o", s(&out)])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let status = run.0.wait().unwrap();
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(status.code(), Some(4), "{status:?}");
    let mut err = String::new();
    run.0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(
        err.contains("argraph: error: timed out after 1 s (--timeout)"),
        "{err}"
    );
    assert!(!out.exists());
    assert!(temp_files(dir.path()).is_empty());
    assert!(pidfile.exists(), "dot started within the second");
    let dot_pid = read_pid(&pidfile);
    assert!(
        wait_for(5, || !running(dot_pid)),
        "dot (pid {dot_pid}) outlived argraph"
    );
}

/// 40 pairs of claims attacking each other: 2^40 preferred extensions.
fn many_extensions(dir: &Path) -> PathBuf {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for i in 0..40 {
        for side in ["a", "b"] {
            nodes.push(format!(
                r#"{{"id": "{side}{i}", "kind": "claim", "text": "{side}{i}"}}"#
            ));
        }
        edges.push(format!(
            r#"{{"from": "a{i}", "to": "b{i}", "kind": "attacks"}}"#
        ));
        edges.push(format!(
            r#"{{"from": "b{i}", "to": "a{i}", "kind": "attacks"}}"#
        ));
    }
    let path = dir.join("pairs.json");
    fs::write(
        &path,
        format!(
            r#"{{"argraph": 1, "nodes": [{}], "edges": [{}]}}"#,
            nodes.join(","),
            edges.join(",")
        ),
    )
    .unwrap();
    path
}

#[test]
fn timeout_stops_an_endless_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = many_extensions(dir.path());
    let start = Instant::now();
    let o = run(argraph().args([
        "eval",
        s(&pairs),
        "-s",
        "preferred",
        "--limit",
        "18446744073709551615",
        "--timeout",
        "1",
    ]));
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("timed out after 1 s (--timeout)"));
}

#[test]
fn timeout_must_be_a_positive_number_of_seconds() {
    for bad in ["0", "-1", "soon", "NaN"] {
        let o = run(argraph().args(["--timeout", bad, "check", &seed()]));
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
    }
    let o = run(argraph().args(["check", &seed(), "--timeout", "0.5"]));
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A stand-in for `dot` that takes `secs` seconds.
fn slow_dot(dir: &Path, secs: &str) -> PathBuf {
    let script = dir.join("slow-dot");
    let text = format!("#!/bin/sh\ncat > /dev/null\nsleep {secs}\nprintf '<svg/>'\n");
    fs::write(&script, text).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn progress_shows_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let script = slow_dot(dir.path(), "2");
    let out = dir.path().join("map.svg");
    // stderr a pipe: nothing on it, however long the run.
    let o = run(argraph()
        .env("ARGRAPH_DOT", &script)
        .args(["render", &seed(), "-o", s(&out)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert_eq!(fs::read_to_string(&out).unwrap(), "<svg/>");
    // `script` (util-linux) gives the run a terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("progress_shows_on_a_terminal_only: terminal half skipped, no `script`");
        return;
    }
    fs::remove_file(&out).unwrap();
    let line = format!(
        "'{}' render '{}' -o '{}'",
        env!("CARGO_BIN_EXE_argraph"),
        seed(),
        out.display()
    );
    let o = run(Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .env("ARGRAPH_DOT", &script)
        .stdin(Stdio::null()));
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("argraph: running dot"),
        "{:?}",
        stdout(&o)
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "<svg/>");
}

/// An argraph JSON chain of `n` claims, large enough that writing it
/// takes a while.
fn long_chain(dir: &Path, n: usize) -> PathBuf {
    let nodes: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "n{i}", "kind": "claim", "text": "claim number {i}"}}"#))
        .collect();
    let edges: Vec<String> = (1..n)
        .map(|i| {
            format!(
                r#"{{"from": "n{}", "to": "n{i}", "kind": "supports"}}"#,
                i - 1
            )
        })
        .collect();
    let path = dir.join("chain.json");
    let text = format!(
        r#"{{"argraph": 1, "nodes": [{}], "edges": [{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn sigterm_during_convert_removes_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = long_chain(dir.path(), 60_000);
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("chain.graphml");
    let mut run = Reap(
        argraph()
            .args(["convert", s(&input), s(&out)])
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    let mut seen = false;
    while start.elapsed() < Duration::from_secs(60) && run.0.try_wait().unwrap().is_none() {
        if !temp_files(&out_dir).is_empty() {
            seen = true;
            let kill = Command::new("kill")
                .args(["-TERM", &run.0.id().to_string()])
                .status()
                .unwrap();
            assert!(kill.success());
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let status = run.0.wait().unwrap();
    assert!(seen, "never saw the temporary file: {status:?}");
    let left = temp_files(&out_dir);
    assert!(left.is_empty(), "left behind: {left:?}");
    // The signal came while writing (143, no output) or just after the
    // rename (0, the whole output): never a half of either.
    match status.code() {
        Some(143) => assert!(!out.exists()),
        Some(0) => assert!(fs::read_to_string(&out).unwrap().ends_with("</graphml>\n")),
        other => panic!("{other:?}"),
    }
}
