//! Options that several subcommands share, declared once: the shape a
//! subcommand works on ([`ShapeArgs`]: `generate`, `check`) and how
//! documents are judged ([`Judging`]: the main command, `traffic`).

use ecr_models::registry::Entry;
use ecr_models::{Options, Service};

use crate::{parse_service, target, Stop};

/// `--service` and `--shape`: one registered shape of one service. A
/// subcommand that takes only some kinds of shape says which in its own
/// help for `--shape` (`#[command(mut_arg("name", ...))]`).
#[derive(Debug, clap::Args)]
pub struct ShapeArgs {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    pub service: Service,

    /// The shape, by its model name: CreateRepositoryRequest,
    /// RepositoryName, ScanType...
    #[arg(long = "shape", value_name = "NAME")]
    pub name: String,
}

impl ShapeArgs {
    /// The registered shape; a usage error (with close names) for an
    /// unknown name.
    pub fn entry(&self) -> Result<&'static Entry, Stop> {
        target::entry(self.service, &self.name).map_err(Stop::Usage)
    }
}

/// `--strict`, `--exact-outputs` and `--allow-unknown-enums`: the
/// library's [`Options`] of the same names.
#[derive(Debug, clap::Args)]
pub struct Judging {
    /// Members the model does not define are violations (unknown_field).
    #[arg(long)]
    pub strict: bool,

    /// Responses are held to the letter of the model too: its list item
    /// counts and its enums' known values (by default only requests are,
    /// as AWS's servers and SDKs do).
    #[arg(long)]
    pub exact_outputs: bool,

    /// Enum values the model does not know are accepted in requests too
    /// (responses accept them unless --exact-outputs).
    #[arg(long)]
    pub allow_unknown_enums: bool,
}

impl Judging {
    /// The options these flags set.
    pub fn options(&self) -> Options {
        Options::default()
            .strict(self.strict)
            .exact_outputs(self.exact_outputs)
            .allow_unknown_enums(self.allow_unknown_enums)
    }
}
