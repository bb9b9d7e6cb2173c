//! Throughput of a full parse (with JSON output) over the fixtures.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    let name = p
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    out.push((name, t));
                }
            }
        }
    }
    out.sort();
    out
}

fn bench_parse(c: &mut Criterion) {
    let docs = fixtures();
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(total as u64));
    let full = chidao::Parser::new();
    g.bench_function("corpus/full+json", |b| {
        b.iter(|| {
            for (_, t) in &docs {
                let doc = full.parse(t).expect("fixture parses");
                std::hint::black_box(doc.to_json());
            }
        })
    });
    let structure = chidao::Parser::new().semantics(false);
    g.bench_function("corpus/structure+json", |b| {
        b.iter(|| {
            for (_, t) in &docs {
                let doc = structure.parse(t).expect("fixture parses");
                std::hint::black_box(doc.to_json());
            }
        })
    });
    g.finish();

    // Per document, so a slow shape shows.
    let mut g = c.benchmark_group("document");
    for (name, t) in &docs {
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| std::hint::black_box(full.parse(t).expect("fixture parses").to_json()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
