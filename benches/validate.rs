//! Each payload through: (a) `from_slice` (parse + validate into typed
//! values), (b) `check_slice` (validate only), (c) serde_json into the same
//! structs without validation, (d) serde_json skipping the input
//! (`IgnoredAny`, the floor), (e) serde_json::Value plus the `jsonschema`
//! crate on the exported schema. `benches/report.py` turns the results into
//! the README's table and chart.

mod payloads;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ecr_models::ecr::{
    CreateRepositoryRequest, DescribeImageScanFindingsResponse, DescribeImagesResponse,
    PutLifecyclePolicyRequest,
};
use ecr_models::{Model, Options};
use serde::de::{DeserializeOwned, IgnoredAny};
use std::hint::black_box;

fn paths<T: Model + DeserializeOwned>(c: &mut Criterion, name: &str, text: &[u8]) {
    let opts = Options::default();
    let schema = ecr_models::registry::find(T::SHAPE.service, T::SHAPE.name)
        .and_then(|e| e.schema(&ecr_models::Options::default()))
        .expect("the shape has a schema");
    let validator = jsonschema::draft202012::new(&schema).expect("schema compiles");
    assert!(
        ecr_models::check_slice::<T>(text, &opts).is_ok(),
        "{name}: the payload is valid"
    );

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Run in the order a, c, e, b, d: the two sides of (a)/(c) and of
    // (b)/(d) run one after the other, where the drift of a shared machine
    // moves their ratio least. The report orders them by name.
    group.bench_function(BenchmarkId::from_parameter("a_from_slice"), |b| {
        b.iter(|| black_box(ecr_models::from_slice::<T>(black_box(text)).is_ok()))
    });
    group.bench_function(BenchmarkId::from_parameter("c_serde_typed"), |b| {
        b.iter(|| black_box(serde_json::from_slice::<T>(black_box(text)).is_ok()))
    });
    group.bench_function(BenchmarkId::from_parameter("e_value_jsonschema"), |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_slice(black_box(text)).expect("JSON");
            black_box(validator.is_valid(&value))
        })
    });
    group.bench_function(BenchmarkId::from_parameter("b_check_slice"), |b| {
        b.iter(|| black_box(ecr_models::check_slice::<T>(black_box(text), &opts).is_ok()))
    });
    group.bench_function(BenchmarkId::from_parameter("d_serde_ignored"), |b| {
        b.iter(|| black_box(serde_json::from_slice::<IgnoredAny>(black_box(text)).is_ok()))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let images = serde_json::to_vec(&payloads::describe_images(7, 1000)).expect("json");
    paths::<DescribeImagesResponse>(c, "describe_images_1000", &images);
    let findings =
        serde_json::to_vec(&payloads::describe_image_scan_findings(7, 500)).expect("json");
    paths::<DescribeImageScanFindingsResponse>(c, "scan_findings_500", &findings);
    let small = serde_json::to_vec(&payloads::create_repository()).expect("json");
    paths::<CreateRepositoryRequest>(c, "create_repository", &small);
    lifecycle_policy(c);
    // The JSON Lines stream, line by line, as ecr-validate --jsonl reads it.
    let stream = payloads::describe_images_stream(40);
    let mut group = c.benchmark_group("describe_images_stream");
    group.throughput(Throughput::Bytes(stream.len() as u64));
    group.sample_size(20);
    let opts = Options::default();
    let lines = payloads::lines(&stream);
    let lines = || lines.iter().copied();
    // In the order a, c, b, d, as above.
    group.bench_function("a_from_slice", |b| {
        b.iter(|| lines().all(|l| ecr_models::from_slice::<DescribeImagesResponse>(l).is_ok()))
    });
    group.bench_function("c_serde_typed", |b| {
        b.iter(|| lines().all(|l| serde_json::from_slice::<DescribeImagesResponse>(l).is_ok()))
    });
    group.bench_function("b_check_slice", |b| {
        b.iter(|| {
            lines().all(|l| ecr_models::check_slice::<DescribeImagesResponse>(l, &opts).is_ok())
        })
    });
    group.bench_function("d_serde_ignored", |b| {
        b.iter(|| lines().all(|l| serde_json::from_slice::<IgnoredAny>(l).is_ok()))
    });
    group.finish();
}

/// A PutLifecyclePolicyRequest carrying a 30-rule policy, checked and
/// read with the policy checked inside it (the default) and without
/// (`Options::embedded_documents(false)`), beside serde_json's floor.
fn lifecycle_policy(c: &mut Criterion) {
    let text = serde_json::to_vec(&payloads::put_lifecycle_policy(30)).expect("json");
    let on = Options::default();
    let off = Options::default().embedded_documents(false);
    assert!(ecr_models::check_slice::<PutLifecyclePolicyRequest>(&text, &on).is_ok());
    let mut group = c.benchmark_group("lifecycle_policy_30_rules");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, opts) in [("embedded", &on), ("envelope_only", &off)] {
        group.bench_function(format!("b_check_slice_{name}"), |b| {
            b.iter(|| {
                black_box(
                    ecr_models::check_slice::<PutLifecyclePolicyRequest>(black_box(&text), opts)
                        .is_ok(),
                )
            })
        });
        group.bench_function(format!("a_from_slice_{name}"), |b| {
            b.iter(|| {
                black_box(
                    ecr_models::from_slice_with::<PutLifecyclePolicyRequest>(
                        black_box(&text),
                        opts,
                    )
                    .is_ok(),
                )
            })
        });
    }
    group.bench_function("d_serde_ignored", |b| {
        b.iter(|| black_box(serde_json::from_slice::<IgnoredAny>(black_box(&text)).is_ok()))
    });
    group.finish();
}

criterion_group!(validate, benches);
criterion_main!(validate);
