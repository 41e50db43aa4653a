//! Times the phases of SE-GR on an i23 file: read+build, grounded.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let t = std::time::Instant::now();
    let af = argraph::iccma::read_path(std::path::Path::new(&path), None).unwrap();
    let t1 = t.elapsed();
    let g = argraph::reason::grounded(&af);
    let t2 = t.elapsed();
    eprintln!(
        "read+build {:?}  grounded {:?}  in={}",
        t1,
        t2 - t1,
        g.extension().len()
    );
}
