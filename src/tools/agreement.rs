//! Typed reading (`from_slice_with::<T>`, what `ServiceError` and users
//! call) and checking by description (`check_slice`, the registry and
//! `ecr-validate`) give the same verdict, violation for violation, on every
//! structure of both services: on generated documents and every single
//! fault of them, on every member given every JSON type once and twice,
//! under each set of options.

use crate::json::check_shape;
use crate::json::TypedReader;
use crate::testdata::{faults, Generator};
use crate::Options;

/// Every structure of both services, with its typed reading.
fn structures() -> impl Iterator<Item = &'static TypedReader> {
    let ecr: &[TypedReader] = {
        #[cfg(feature = "ecr")]
        {
            crate::ecr::structures::TYPED
        }
        #[cfg(not(feature = "ecr"))]
        {
            &[]
        }
    };
    let ecr_public: &[TypedReader] = {
        #[cfg(feature = "ecr-public")]
        {
            crate::ecr_public::structures::TYPED
        }
        #[cfg(not(feature = "ecr-public"))]
        {
            &[]
        }
    };
    ecr.iter().chain(ecr_public)
}

/// The options that change a verdict, alone and together.
fn option_sets() -> Vec<Options> {
    let strict = Options::default().strict(true);
    let enums = Options::default().allow_unknown_enums(true);
    let exact = Options::default().exact_outputs(true);
    let all = Options::default()
        .strict(true)
        .allow_unknown_enums(true)
        .exact_outputs(true);
    vec![Options::default(), strict, enums, exact, all]
}

/// Both readers on the same bytes.
fn agree(typed: &TypedReader, doc: &[u8], opts: &Options) {
    let (shape, read) = typed;
    let checked = check_shape(shape, doc, opts);
    let typed = read(doc, opts);
    assert_eq!(
        checked,
        typed,
        "{} under {opts:?}: {}",
        shape.name,
        String::from_utf8_lossy(doc)
    );
}

#[test]
fn the_table_holds_every_structure() {
    let mut expected = 0;
    #[cfg(feature = "ecr")]
    {
        expected += crate::ecr::shapes::STRUCTURES.len();
    }
    #[cfg(feature = "ecr-public")]
    {
        expected += crate::ecr_public::shapes::STRUCTURES.len();
    }
    assert_eq!(structures().count(), expected);
    assert!(expected > 300, "both services' structures: {expected}");
}

#[test]
fn typed_reading_and_checking_agree_on_every_structure_and_every_fault() {
    let sets = option_sets();
    let mut documents = 0usize;
    for typed in structures() {
        let shape = typed.0;
        for seed in 0..2 {
            let valid = Generator::new(seed).structure(shape);
            let text = serde_json::to_vec(&valid).expect("a generated document");
            let faulty = faults(shape, &valid)
                .map(|fault| serde_json::to_vec(&fault.document).expect("a faulty document"));
            for doc in std::iter::once(text).chain(faulty) {
                for opts in &sets {
                    agree(typed, &doc, opts);
                }
                documents += 1;
            }
        }
    }
    assert!(documents > 9_000, "{documents} documents");
}

#[test]
fn typed_reading_and_checking_agree_on_every_member_given_every_json_type() {
    let values = [
        "null",
        "true",
        "7",
        "-1.5",
        "1e400",
        "1e20",
        "-253402300800",
        "\"x\"",
        "\"2024-01-01T00:00:00Z\"",
        "[]",
        "[null]",
        "[\"x\"]",
        "{}",
        "{\"a\":1}",
    ];
    let sets = [
        Options::default(),
        Options::default().strict(true).allow_unknown_enums(true),
    ];
    for typed in structures() {
        let names = typed.0.members.iter().map(|m| m.name).chain([
            "__type",
            "code",
            "Message",
            "notAMember",
        ]);
        for name in names {
            for value in values {
                for opts in &sets {
                    let once = format!("{{\"{name}\":{value}}}");
                    let twice = format!("{{\"{name}\":{value},\"{name}\":{value}}}");
                    agree(typed, once.as_bytes(), opts);
                    agree(typed, twice.as_bytes(), opts);
                }
            }
        }
    }
}
