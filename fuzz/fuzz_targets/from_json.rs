//! Any bytes against any structure of either service, in default or strict
//! mode: never a panic, and every rejection keeps the invariants of
//! `ecr_models_fuzz::check_error`. With flag bit 3 the document is checked
//! again with a small `max_violations`, which must list a prefix of the same
//! violations and count the rest.
#![no_main]

use ecr_models::Code;
use ecr_models_fuzz as fz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(&flags) = data.first() else {
        return;
    };
    let service = fz::service(flags);
    let entry = fz::structure(service, fz::u16_at(data, 1));
    let doc = data.get(3..).unwrap_or_default();
    let opts = fz::options(flags);
    let verdict = entry.check(doc, &opts);
    if let Err(e) = &verdict {
        fz::check_error(e, &opts);
    }
    fz::check_syntax(doc, &verdict);

    if flags & 8 != 0 {
        let limit = 1 + usize::from((flags >> 4) & 7);
        let small = opts.clone().max_violations(limit);
        let again = entry.check(doc, &small);
        match (&verdict, &again) {
            (Ok(()), Ok(())) => {}
            (Err(full), Err(few)) => {
                fz::check_error(few, &small);
                assert_eq!(full.total(), few.total(), "the limit changed the count");
                assert_eq!(few.violations().len(), full.total().min(limit));
                // Listed violations are the first ones, except that a syntax
                // error takes the last place when the list is full: the
                // document's, or that of a document inside one of its
                // strings (docs/documents.md), which ended its reading early.
                let last_ends_early = few
                    .violations()
                    .last()
                    .is_some_and(|v| matches!(v.code, Code::Syntax | Code::Limit));
                let keep = if few.is_syntax() || last_ends_early {
                    few.violations().len() - 1
                } else {
                    few.violations().len()
                };
                assert_eq!(few.violations()[..keep], full.violations()[..keep]);
                assert_eq!(few.is_syntax(), full.is_syntax());
            }
            _ => panic!("the limit changed the verdict: {verdict:?} vs {again:?}"),
        }
    }
});
