fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    match hadr_rules::Topology::from_json(&bytes) {
        Ok(t) => print!("{}", hadr_rules::check(&t, &Default::default()).to_json()),
        Err(e) => println!("{e}"),
    }
}
