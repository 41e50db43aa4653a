//! Times reading an i23 file (whole-file parallel path, then streaming) and
//! grounded on it.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let t = std::time::Instant::now();
    let af = argraph::iccma::read_path(std::path::Path::new(&path), None).unwrap();
    let t1 = t.elapsed();
    let g = argraph::reason::grounded(&af);
    let t2 = t.elapsed();
    eprintln!(
        "file: read+build {:?}  grounded {:?}  in={}",
        t1,
        t2 - t1,
        g.extension().len()
    );
    let t = std::time::Instant::now();
    let f = std::fs::File::open(&path).unwrap();
    let af2 = argraph::iccma::read_i23(f).unwrap();
    eprintln!("streaming: read+build {:?}", t.elapsed());
    assert_eq!(af, af2);
}
