//! NFC of already-NFC text against a full parse, over the corpus fixtures.
//!
//! The bar: `normalize/nfc-already-nfc` costs well under 10% of `normalize/parse`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    out.sort();
    out.into_iter().map(|(_, t)| t).collect()
}

fn bench_normalize(c: &mut Criterion) {
    let docs = fixtures();
    let total: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("nfc-already-nfc", |b| {
        b.iter(|| {
            for t in &docs {
                std::hint::black_box(chidao::normalize::nfc(std::hint::black_box(t)));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &docs {
                std::hint::black_box(chidao::parse(t).expect("fixture parses"));
            }
        })
    });
    let legacy: Vec<Vec<u8>> = docs
        .iter()
        .map(|t| chidao::decode::encode(t, chidao::Encoding::Tcvn3))
        .collect();
    g.bench_function("detect+decode-tcvn3", |b| {
        b.iter(|| {
            for t in &legacy {
                std::hint::black_box(chidao::decode::decode_to_string(t, None));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
