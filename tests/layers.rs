//! The runtime is layered (DESIGN.md, "The runtime, bottom to top"): no
//! module of `src/` names a module of a layer above its own, through a
//! `crate::` or `super::` path (also through the crate root's re-exports,
//! and in macros, `$crate::`), and no module reaches, through the modules
//! it names, a module that names it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

/// The layers, bottom to top: a module may name modules of its own layer
/// and of the layers below it. Every module of `src/` has one.
const LAYERS: &[(&str, &[&str])] = &[
    ("errors and options", &["error", "options"]),
    ("the JSON scanner", &["parse"]),
    ("the rule kinds", &["rules", "timestamp", "blob", "enums"]),
    ("the shape descriptions", &["shape"]),
    // The readers, with the check-only sink (`check`) and the reader of
    // error bodies (`aws_error`): both read with `read`'s readers, and the
    // entry points and the generated `ServiceError` call them.
    ("the readers", &["read", "check", "aws_error"]),
    // The entry points, and what the generated code calls besides the
    // readers: the JSON Schema writer (`impl_json_schema!`), the SDK
    // conversions (`struct_twins!`), each written from the shape tables as
    // `model_struct!` is, and the trees of validator and garde that
    // `model_struct!` hands a verdict to. DESIGN.md: generated code depends
    // only on layers below the registry.
    (
        "the entry points",
        &[
            "json",
            "model",
            "validated",
            "json_schema",
            "convert",
            "validator_errors",
            "garde_report",
        ],
    ),
    ("the documents inside payloads", &["documents"]),
    ("the generated services", &["ecr", "ecr_public"]),
    (
        "the tools and adapters",
        &[
            "registry",
            "inspect",
            "schema",
            "testdata",
            "refs",
            "traffic",
            "paginate",
            "waiter",
            "sdk",
            "agreement",
            "axum",
        ],
    ),
];

/// A module's source: each file of it with its depth below the module (0
/// for `src/x.rs` and `src/x/mod.rs`, 1 for `src/x/y.rs`).
type Sources = BTreeMap<String, Vec<(usize, String)>>;

/// Each module and the modules it names, each with the first path that
/// names it (`crate::shape::Role`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each module of `src/` (a file, a folder, or both) and its source, and
/// the crate root's source.
fn sources() -> (Sources, String) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |path: &Path| without_comments(&std::fs::read_to_string(path).expect("source"));
    let mut sources = Sources::new();
    for entry in std::fs::read_dir(&src).expect("src/") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "lib" || name == "bin" {
            continue;
        }
        if path.is_dir() {
            for file in std::fs::read_dir(&path).expect("a module folder") {
                let file = file.expect("a file").path();
                if file.extension().is_some_and(|e| e == "rs") {
                    let depth = usize::from(!file.ends_with("mod.rs"));
                    sources
                        .entry(name.clone())
                        .or_default()
                        .push((depth, read(&file)));
                }
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            sources.entry(name).or_default().push((0, read(&path)));
        }
    }
    (sources, read(&src.join("lib.rs")))
}

/// The modules each module names: `crate::x`, `$crate::x`, `crate::{x, y}`,
/// and `super::x` where `super` is the crate root; an item the root
/// re-exports (`crate::Role`) counts as its module (`shape`).
fn graph_of(sources: &Sources, lib: &str) -> Graph {
    let reexport = Regex::new(r"pub use (\w+)::\{?([^;]*?)\}?;").expect("regex");
    let mut home = BTreeMap::new();
    for c in reexport.captures_iter(lib) {
        for item in c[2].split([',', ' ', '\n']).filter(|i| !i.is_empty()) {
            home.insert(item.to_string(), c[1].to_string());
        }
    }
    let path =
        Regex::new(r"\b(crate|super(?:::super)*)::(\{[^}]*\}?|\w+(?:::\w+)*)").expect("regex");
    let mut graph = Graph::new();
    for (name, files) in sources {
        let named = graph.entry(name.clone()).or_default();
        for (depth, text) in files {
            for c in path.captures_iter(text) {
                // `super` reaches the crate root from a file `depth` below
                // its module; short of it, it names the module itself.
                let supers = c[1].matches("super").count();
                if &c[1] != "crate" && supers <= *depth {
                    continue;
                }
                let rest = &c[2];
                let firsts: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group
                        .split(',')
                        .map(|i| i.trim().split("::").next().unwrap_or_default())
                        .filter(|i| !i.is_empty())
                        .collect(),
                    None => rest.split("::").next().into_iter().collect(),
                };
                for first in firsts {
                    let module = match home.get(first) {
                        Some(home) => home.as_str(),
                        None => first,
                    };
                    if module != name && sources.contains_key(module) {
                        let shown: String = c[0].split_whitespace().collect::<Vec<_>>().join(" ");
                        named.entry(module.to_string()).or_insert(shown);
                    }
                }
            }
        }
    }
    graph
}

fn graph() -> Graph {
    let (sources, lib) = sources();
    graph_of(&sources, &lib)
}

/// Every import that points up (`options (layer 1, errors and options)
/// names shape (layer 4, the shape descriptions): crate::shape::Role`),
/// and every module with no layer.
fn upward(graph: &Graph, layers: &[(&str, &[&str])]) -> Vec<String> {
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|(_, modules)| modules.contains(&module))
    };
    let at = |i: usize| format!("layer {}, {}", i + 1, layers[i].0);
    let mut found = Vec::new();
    for (module, named) in graph {
        let Some(from) = layer_of(module) else {
            found.push(format!("{module} has no layer"));
            continue;
        };
        for (other, path) in named {
            match layer_of(other) {
                Some(to) if to > from => found.push(format!(
                    "{module} ({}) names {other} ({}): {path}",
                    at(from),
                    at(to)
                )),
                Some(_) => {}
                None => found.push(format!("{other} has no layer")),
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn no_module_of_the_runtime_names_a_layer_above_its_own() {
    let graph = graph();
    // The reader names the scanner, the entry points name the checker, and
    // the generated code names the macros of `model`: the graph is read.
    assert!(graph["read"].contains_key("parse"), "{graph:?}");
    assert!(graph["json"].contains_key("check"), "{graph:?}");
    assert!(graph["ecr"].contains_key("model"), "{graph:?}");
    let found = upward(&graph, LAYERS);
    assert!(
        found.is_empty(),
        "imports that point up:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_layer_check_names_an_import_that_points_up() {
    let sources: Sources = [
        ("low", "use crate::Thing;\nfn f() { crate::high::g() }"),
        ("high", "use crate::low;\nuse super::Thing;"),
        ("side", "fn f() { super::low::g() }"),
        ("folder", "use super::sibling;"),
    ]
    .into_iter()
    .map(|(name, text)| {
        let depth = usize::from(name == "folder");
        (name.to_string(), vec![(depth, text.to_string())])
    })
    .collect();
    let lib = "pub use high::Thing;";
    let graph = graph_of(&sources, lib);
    assert_eq!(graph["low"].keys().collect::<Vec<_>>(), ["high"]);
    assert_eq!(graph["side"].keys().collect::<Vec<_>>(), ["low"]);
    assert!(graph["folder"].is_empty(), "{graph:?}");
    let layers: &[(&str, &[&str])] = &[("bottom", &["low", "folder"]), ("top", &["high"])];
    assert_eq!(
        upward(&graph, layers),
        [
            "low (layer 1, bottom) names high (layer 2, top): crate::Thing",
            "side has no layer",
        ]
    );
}

/// A path from `from` back to itself, if there is one.
fn cycle_through(graph: &Graph, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().cloned().unwrap_or_default();
        for next in graph.get(&last).into_iter().flat_map(|n| n.keys()) {
            if next == from {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_of_the_runtime_reaches_itself() {
    let graph = graph();
    for module in graph.keys() {
        if let Some(cycle) = cycle_through(&graph, module) {
            panic!("a cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: Graph = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| {
        let named = v
            .into_iter()
            .map(|n| (n.to_string(), format!("crate::{n}")))
            .collect();
        (k.to_string(), named)
    })
    .collect();
    assert_eq!(
        cycle_through(&graph, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(cycle_through(&graph, "d"), None);
}
