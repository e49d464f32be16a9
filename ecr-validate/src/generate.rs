//! `ecr-validate generate`: valid documents of a structure as JSON Lines,
//! drawn by [`ecr_models::testdata::Generator`].

use std::io::Write;

use ecr_models::registry::ShapeRef;
use ecr_models::testdata::{list_pointers, Generator};

use crate::args::ShapeArgs;
use crate::Stop;

/// The options of `generate`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("name", |a| {
    a.help("The structure: DescribeImagesResponse, CreateRepositoryRequest...")
}))]
pub struct Args {
    #[command(flatten)]
    pub shape: ShapeArgs,

    /// How many documents.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub count: u64,

    /// The seed: the same seed prints the same documents.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub seed: u64,

    /// Gives the list at POINTER (a JSON Pointer from the document root,
    /// list indices left out) N items, within the list's bounds:
    /// `--items /imageDetails=1000`. Repeatable.
    #[arg(long, value_name = "POINTER=N", value_parser = parse_items)]
    pub items: Vec<(String, usize)>,
}

/// The value of `--items`: `POINTER=N`.
fn parse_items(text: &str) -> Result<(String, usize), String> {
    let (pointer, count) = text
        .rsplit_once('=')
        .ok_or_else(|| "expected POINTER=N, e.g. /imageDetails=1000".to_string())?;
    if !pointer.starts_with('/') {
        return Err(format!(
            "`{pointer}` is not a JSON Pointer: it starts with `/`"
        ));
    }
    let count = count
        .parse()
        .map_err(|_| format!("`{count}` is not a number of items"))?;
    Ok((pointer.to_string(), count))
}

/// Prints `--count` documents, a line each. Nothing is judged: a run
/// that prints them all is valid.
pub fn run<W: Write>(args: &Args, out: &mut W) -> Result<(), Stop> {
    let entry = args.shape.entry()?;
    let ShapeRef::Structure(shape) = entry.shape else {
        let kind = match entry.shape {
            ShapeRef::Enum(_) => "an enum",
            _ => "a scalar",
        };
        return Err(Stop::Usage(format!(
            "`{}` is {kind} of {}, not a structure: only structures can be generated (`ecr-validate inspect {}` describes it)",
            entry.name, args.shape.service, entry.name
        )));
    };
    let lists = list_pointers(shape);
    let mut generator = Generator::new(args.seed);
    for (pointer, count) in &args.items {
        if !lists.contains(pointer) {
            let known = match lists.is_empty() {
                true => "it has no lists".to_string(),
                false => format!("its lists: {}", lists.join(", ")),
            };
            return Err(Stop::Usage(format!(
                "`{pointer}` is not a list of {} ({known})",
                entry.name
            )));
        }
        generator = generator.with_items(pointer, *count);
    }
    for _ in 0..args.count {
        let doc = generator.structure(shape);
        serde_json::to_writer(&mut *out, &doc).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
