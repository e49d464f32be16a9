//! The runtime is layered (DESIGN.md, "The runtime, bottom to top"), and
//! its tree shows the layers: a layer is a folder of `src/` holding its
//! modules, or, where it has one module (or holds the generated services),
//! its modules stand in `src/` themselves. No module names a module of a
//! layer above its own, through a `crate::` or `super::` path (also
//! through the crate root's re-exports, and in macros, `$crate::`), and no
//! module reaches, through the modules it names, a module that names it
//! back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

/// A layer: what it is, its folder under `src/` (`None` where its modules
/// stand in `src/`), and its modules.
type Layer = (&'static str, Option<&'static str>, &'static [&'static str]);

/// The layers, bottom to top: a module may name modules of its own layer
/// and of the layers below it. Every module of `src/` has one.
const LAYERS: &[Layer] = &[
    ("errors and options", Some("base"), &["error", "options"]),
    ("the JSON scanner", None, &["parse"]),
    (
        "the rule kinds",
        Some("values"),
        &["rules", "timestamp", "blob", "enums"],
    ),
    ("the shape descriptions", None, &["shape"]),
    // The readers, with the check-only sink (`check`) and the reader of
    // error bodies (`aws_error`): both read with `read`'s readers, and the
    // entry points and the generated `ServiceError` call them.
    (
        "the readers",
        Some("readers"),
        &["read", "check", "aws_error", "locate"],
    ),
    // The entry points, and what the generated code calls besides the
    // readers: the JSON Schema writer (`impl_json_schema!`), the SDK
    // conversions (`struct_twins!`), each written from the shape tables as
    // `model_struct!` is, and the trees of validator and garde that
    // `model_struct!` hands a verdict to. DESIGN.md: generated code depends
    // only on layers below the registry.
    (
        "the entry points",
        Some("entry"),
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
    ("the documents inside payloads", None, &["documents"]),
    ("the generated services", None, &["ecr", "ecr_public"]),
    (
        "the tools and adapters",
        Some("tools"),
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

/// The folders that are layers: `base`, `values`...
fn layer_folders() -> BTreeSet<&'static str> {
    LAYERS.iter().filter_map(|(_, folder, _)| *folder).collect()
}

/// A module's source: each file of it with the number of `super`s that
/// stay below the crate root from it (0 for `src/x.rs` and `src/x/mod.rs`,
/// 1 for `src/x/y.rs` and `src/layer/x.rs`).
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

/// Every `.rs` file below `dir`, as its path below `src/`.
fn files(dir: &Path, below: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder of src/") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, below, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(below).expect("below src/").to_path_buf());
        }
    }
}

/// Each module of `src/` and its source, and the crate root's source. A
/// file's module is its first name below `src/`, or below its layer's
/// folder; a layer folder's own `mod.rs` only declares its modules.
fn sources() -> (Sources, String) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |path: &Path| without_comments(&std::fs::read_to_string(path).expect("source"));
    let folders = layer_folders();
    let mut all = Vec::new();
    files(&src, &src, &mut all);
    let mut sources = Sources::new();
    for file in all {
        let mut names: Vec<String> = file
            .iter()
            .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if names.last().is_some_and(|n| n == "mod") {
            names.pop();
        }
        // How many `super`s stay below the crate root: one per module
        // around the file's own.
        let depth = names.len() - 1;
        if folders.contains(names[0].as_str()) {
            names.remove(0);
        }
        match names.first().map(String::as_str) {
            None | Some("lib" | "bin") => continue,
            Some(module) => sources
                .entry(module.to_string())
                .or_default()
                .push((depth, read(&src.join(&file)))),
        }
    }
    (sources, read(&src.join("lib.rs")))
}

/// Each module of `src/` stands where its layer says: `src/<folder>/<m>`,
/// or `src/<m>` for a layer without a folder.
#[test]
fn the_tree_shows_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (what, folder, modules) in LAYERS {
        let dir = folder.map_or(src.clone(), |f| src.join(f));
        for module in *modules {
            let places = [dir.join(format!("{module}.rs")), dir.join(module)];
            assert!(
                places.iter().any(|p| p.exists()),
                "{module} ({what}) is not in {}",
                dir.display()
            );
        }
    }
    let (sources, _) = sources();
    let known: BTreeSet<&str> = LAYERS
        .iter()
        .flat_map(|(_, _, m)| m.iter().copied())
        .collect();
    for module in sources.keys() {
        assert!(known.contains(module.as_str()), "{module} has no layer");
    }
}

/// The modules each module names: `crate::x`, `$crate::x`, `crate::{x, y}`,
/// and `super::x` where `super` is the crate root; an item the root
/// re-exports (`crate::Role`) counts as its module (`shape`).
fn graph_of(sources: &Sources, lib: &str) -> Graph {
    let reexport = Regex::new(r"pub use (\w+)::\{?([^;]*?)\}?;").expect("regex");
    let mut home = BTreeMap::new();
    let folders = layer_folders();
    // `pub use tools::{inspect, registry}` re-exports modules by their own
    // names; `pub use shape::{Role, ...}` re-exports items of `shape`.
    for c in reexport.captures_iter(lib) {
        if folders.contains(&c[1]) {
            continue;
        }
        for item in c[2].split([',', ' ', '\n']).filter(|i| !i.is_empty()) {
            home.insert(item.to_string(), c[1].to_string());
        }
    }
    let path =
        Regex::new(r"\b(crate|super(?:::super)*)::(\{[^}]*\}?|\w+(?:::\w+)*)").expect("regex");
    // The module a path below the root names: its first name, or its
    // second after a layer's folder (`tools::registry::X`).
    let module_in = |path: &str| -> String {
        let mut names = path.split("::");
        let first = names.next().unwrap_or_default();
        let module = if folders.contains(first) {
            names.next().unwrap_or_default()
        } else {
            first
        };
        module.to_string()
    };
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
                let firsts: Vec<String> = match rest.strip_prefix('{') {
                    Some(group) => group
                        .split(',')
                        .map(|i| module_in(i.trim()))
                        .filter(|i| !i.is_empty())
                        .collect(),
                    None => vec![module_in(rest)],
                };
                for first in firsts {
                    let module = match home.get(first.as_str()) {
                        Some(home) => home.as_str(),
                        None => first.as_str(),
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
fn upward(graph: &Graph, layers: &[Layer]) -> Vec<String> {
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|(_, _, modules)| modules.contains(&module))
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
        ("side", "fn f() { super::base::low::g() }"),
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
    let layers: &[Layer] = &[
        ("bottom", None, &["low", "folder"]),
        ("top", None, &["high"]),
    ];
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

/// The guide's layout (docs/contributing.md) names each entry of `src/`,
/// in the order of the layers, and nothing that is not there.
#[test]
fn the_guide_shows_the_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("docs/contributing.md")).expect("the guide");
    let entry = Regex::new(r"(?m)^  ([a-z_]+(?:/|\.rs))").expect("regex");
    let listed: Vec<String> = entry
        .captures_iter(&guide)
        .map(|c| {
            c[1].trim_end_matches(['/'])
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    let mut expected: Vec<String> = Vec::new();
    for (_, folder, modules) in LAYERS {
        let names = folder.map_or_else(|| modules.to_vec(), |f| vec![f]);
        for name in names {
            if !expected.iter().any(|e| e == name) {
                expected.push(name.to_string());
            }
        }
    }
    // The generated services share one line of the guide.
    expected.retain(|e| e != "ecr_public");
    assert_eq!(listed, expected);
    let mut in_tree: Vec<String> = std::fs::read_dir(root.join("src"))
        .expect("src/")
        .map(|e| {
            let name = e
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            name.trim_end_matches(".rs").to_string()
        })
        .filter(|n| n != "lib" && n != "bin")
        .collect();
    in_tree.sort();
    in_tree.dedup();
    let mut sorted = expected.clone();
    sorted.push("ecr_public".into());
    sorted.sort();
    assert_eq!(in_tree, sorted);
}
