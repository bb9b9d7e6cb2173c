//! The `chidao/1` JSON of every fixture, reviewed like code (`cargo insta review`).

#[test]
fn corpus_json() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let bytes = std::fs::read(path).expect("fixture reads");
        let doc = chidao::Parser::new()
            .parse_bytes(&bytes)
            .expect("fixture parses");
        insta::assert_json_snapshot!(doc);
    });
}

#[test]
fn extra_json() {
    insta::glob!("../fixtures/extra", "*.txt", |path| {
        let bytes = std::fs::read(path).expect("fixture reads");
        let doc = chidao::Parser::new()
            .parse_bytes(&bytes)
            .expect("fixture parses");
        insta::assert_json_snapshot!(doc);
    });
}
