//! Writes the benchmark payloads as files, for the comparison runs with
//! pydantic and ajv: `cargo run --release --example bench-data -- DIR [PAGES]`.

#[path = "../benches/payloads.rs"]
mod payloads;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench-data".into()));
    let pages: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(400);
    std::fs::create_dir_all(&dir).expect("output folder");
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).expect("written");
        println!("{} ({} bytes)", path.display(), bytes.len());
    };
    write(
        "describe-images.jsonl",
        payloads::describe_images_stream(pages),
    );
    write(
        "describe-images-1000.json",
        serde_json::to_vec(&payloads::describe_images(7, 1000)).expect("json"),
    );
    write(
        "describe-image-scan-findings-500.json",
        serde_json::to_vec(&payloads::describe_image_scan_findings(7, 500)).expect("json"),
    );
}
