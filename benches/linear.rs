//! Parse time against input size: the corpus concatenated 1x, 10x and 100x,
//! and pathological inputs at growing sizes. With `Throughput::Bytes`, a
//! linear parser shows the same MB/s at every size.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench_linear(c: &mut Criterion) {
    let base = corpus();
    let mut g = c.benchmark_group("linear/corpus");
    g.sample_size(10);
    for n in [1usize, 10, 100] {
        let text = base.repeat(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{n}x")),
            &text,
            |b, t| {
                b.iter(|| std::hint::black_box(chidao::parse(t).expect("parses").to_json().len()))
            },
        );
    }
    g.finish();

    let shapes: [(&str, &str); 6] = [
        ("markers", "1. Sở Y tế.\na) Rà soát.\n- Một.\n+ Hai.\n"),
        ("nested", "1.1.1.1.1.1. x\n"),
        ("letters", "a) Rà soát.\nb) Ban hành.\nđ) Kiểm tra.\n"),
        (
            "footnotes",
            "Theo Kết luận của Tổng Bí thư Tô Lâm1 và\n1 Nghị quyết số 57-NQ/TW.\n",
        ),
        (
            "one-line",
            "Bộ Tài chính rà soát, hoàn thành trước ngày 20/7/2025; ",
        ),
        ("blank", " \n\n\t\n"),
    ];
    let mut g = c.benchmark_group("linear/pathological");
    g.sample_size(10);
    for (name, unit) in shapes {
        for kb in [64usize, 640, 6400] {
            let text = unit.repeat(kb * 1024 / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, format!("{kb}KiB")), &text, |b, t| {
                b.iter(|| std::hint::black_box(chidao::parse(t).expect("parses").to_json().len()))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_linear);
criterion_main!(benches);
