//! The generated docs state every rule in the words `inspect` gives: for
//! every member of every structure of both services (and every enum and
//! scalar), the rules the generator writes after a shape's name are
//! `ecr_models::inspect::rules` of the type the runtime reads it with, and
//! the doc line of each member in `types.rs` is that shape's name and
//! those words.

use std::path::Path;

use codegen::emit;
use codegen::ir::{self, Kind};
use ecr_models::registry::{self, ShapeRef};
use ecr_models::shape::Ty;
use ecr_models::{inspect, Service};

fn services() -> Vec<(Service, ir::Service)> {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    ir::SERVICES
        .iter()
        .map(|info| {
            let service = Service::from_name(info.key).expect("a service of the runtime");
            (service, ir::load(&model, info))
        })
        .collect()
}

#[test]
fn generated_docs_state_each_members_rules_in_the_words_inspect_gives() {
    let mut members = 0;
    for (service, model) in services() {
        let types = emit::types(&model);
        for entry in registry::entries(service) {
            let ShapeRef::Structure(shape) = entry.shape else {
                continue;
            };
            let Kind::Structure(st) = &model.shape(shape.name).kind else {
                panic!("{service} {}: not a structure in the model", shape.name);
            };
            for m in &st.members {
                for wire in std::iter::once(&m.wire).chain(&m.alias) {
                    let runtime = shape
                        .members
                        .iter()
                        .find(|r| r.name == wire)
                        .unwrap_or_else(|| panic!("{service} {}.{wire}", shape.name));
                    let said = inspect::rules(&runtime.ty);
                    let at = format!("{service} {}.{wire} ({})", shape.name, m.shape);
                    assert_eq!(emit::rules_in_words(&model, &m.shape), said, "{at}");
                    let head = emit::head(&model, &m.shape);
                    assert!(!head.contains(".."), "{at}: a rule in the name: {head}");
                    let stated = match said.as_str() {
                        "" => head,
                        rules => format!("{head}: {rules}"),
                    };
                    let required = if m.required { "required" } else { "optional" };
                    let line = format!("/// `{}`: {required}; {stated}.", m.wire);
                    assert!(types.contains(&line), "{at}: no doc line {line}");
                    members += 1;
                }
            }
        }
    }
    // Both services, every member: far more than a handful.
    assert!(members > 1000, "{members}");
}

#[test]
fn generated_docs_state_each_enums_and_scalars_rules_in_the_words_inspect_gives() {
    let mut shapes = 0;
    for (service, model) in services() {
        for entry in registry::entries(service) {
            let ty = match entry.shape {
                ShapeRef::Enum(e) => Ty::Enum(e),
                ShapeRef::Scalar(s) => s.ty,
                _ => continue,
            };
            assert_eq!(
                emit::rules_in_words(&model, entry.name),
                inspect::rules(&ty),
                "{service} {}",
                entry.name
            );
            shapes += 1;
        }
    }
    assert!(shapes > 100, "{shapes}");
}

#[test]
fn the_words_name_every_kind_of_rule() {
    let (_, model) = services().remove(0);
    let said = |name: &str| emit::describe(&model, name);
    assert_eq!(
        said("AttributeKey"),
        "string `AttributeKey`: length 1..=128 characters"
    );
    assert_eq!(
        said("CustomRoleArn"),
        "string `CustomRoleArn`: length 0..=2048 characters"
    );
    assert_eq!(
        said("InUseCount"),
        "long (`i64`) `InUseCount`: range 0..=9223372036854775807"
    );
    assert_eq!(
        said("MaxResults"),
        "integer (`i32`) `MaxResults`: range 1..=1000"
    );
    assert_eq!(
        said("RegistryId"),
        "string `RegistryId`: pattern `^(?:[0-9]{12})$`"
    );
    assert_eq!(
        said("ScanType"),
        "enum [`ScanType`](super::ScanType): one of `BASIC`, `ENHANCED`"
    );
    assert_eq!(
        said("ImageTagsList"),
        "list `ImageTagsList` of string `ImageTag`: each item (length 1..=300 characters)"
    );
}
