//! The runtime is layered: no module of `src/` reaches, through the
//! modules it names (`crate::x`, also through the crate root's
//! re-exports), a module that names it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

/// Each module of `src/` (a file, or a folder of generated files) and the
/// modules its code names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let without_comments = |text: &str| -> String {
        text.lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut sources = BTreeMap::new();
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
        let text = if path.is_dir() {
            let mut all = String::new();
            for file in std::fs::read_dir(&path).expect("a module folder") {
                all += &std::fs::read_to_string(file.expect("a file").path()).expect("source");
            }
            all
        } else if path.extension().is_some_and(|e| e == "rs") {
            std::fs::read_to_string(&path).expect("source")
        } else {
            continue;
        };
        sources.insert(name, without_comments(&text));
    }
    // What the crate root re-exports, by the module it comes from.
    let lib = without_comments(&std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs"));
    let reexport = Regex::new(r"pub use (\w+)::\{?([^;]*?)\}?;").expect("regex");
    let mut home = BTreeMap::new();
    for c in reexport.captures_iter(&lib) {
        for item in c[2].split([',', ' ', '\n']).filter(|i| !i.is_empty()) {
            home.insert(item.to_string(), c[1].to_string());
        }
    }
    let single = Regex::new(r"crate::(\w+)").expect("regex");
    let group = Regex::new(r"crate::\{([^}]*)\}").expect("regex");
    let mut graph = BTreeMap::new();
    for (name, text) in &sources {
        let named = single
            .captures_iter(text)
            .map(|c| c[1].to_string())
            .chain(group.captures_iter(text).flat_map(|c| {
                c[1].split([',', ' ', '\n'])
                    .filter(|i| !i.is_empty())
                    .map(|i| i.split("::").next().unwrap_or(i).to_string())
                    .collect::<Vec<_>>()
            }))
            .map(|n| home.get(&n).cloned().unwrap_or(n))
            .filter(|n| n != name && sources.contains_key(n))
            .collect();
        graph.insert(name.clone(), named);
    }
    graph
}

/// A path from `from` back to itself, if there is one.
fn cycle_through(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().cloned().unwrap_or_default();
        for next in graph.get(&last).into_iter().flatten() {
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
    assert!(
        graph.contains_key("read") && graph.contains_key("ecr"),
        "{graph:?}"
    );
    // The reader names the scanner, and the entry points name the checker:
    // the graph is read, not empty.
    assert!(graph["read"].contains("parse"));
    assert!(graph["json"].contains("check"));
    for module in graph.keys() {
        if let Some(cycle) = cycle_through(&graph, module) {
            panic!("a cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(
        cycle_through(&graph, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(cycle_through(&graph, "d"), None);
}
