//! `hadr-rules`: check Lync Server 2013 and Skype for Business Server topologies against
//! Microsoft's high-availability and disaster-recovery support rules.

mod progress;
mod render;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hadr_rules::baseline::Baseline;
use hadr_rules::config::Config;
use hadr_rules::import::{Facts, Import};
use hadr_rules::output::{self, Checked};
use hadr_rules::tokens::{Family, Product, Severity};
use hadr_rules::{Limits, Options, Report, Selector, Suppression, Topology, TopologyError};
use hadr_rules::{generate, lifecycle, read, registry};
use progress::Progress;

#[derive(Debug, Parser)]
#[command(name = "hadr-rules", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colours: `auto` (the default) when the output is a terminal and `NO_COLOR` is not set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check topology documents: format 1 JSON, topology XML (`Get-CsTopology -AsXml`), a
    /// Topology Builder .tbxml file or an Export-CsConfiguration zip; `-` reads standard input.
    Check(CheckArgs),
    /// Import topology XML, a .tbxml file or an Export-CsConfiguration zip and write the
    /// format-1 JSON document.
    Import(ImportArgs),
    /// Write the facts file of a topology XML with every fact the rules read and the XML
    /// lacks, the facts that unlock the most rules first (`docs/facts-template.md`).
    Facts(FactsArgs),
    /// List the rules of the catalog.
    Rules {
        /// Only this family (`hadr-rules rules` lists them all).
        #[arg(long, value_parser = parse_family)]
        family: Option<Family>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Explain one rule: what it checks, why, an example, how to fix it, and its sources.
    Explain {
        /// A rule ID such as PAIR-001.
        rule: String,
    },
    /// Print the JSON Schema of the topology document, format 1.
    Schema {
        /// Print the JSON Schema of the facts file instead.
        #[arg(long)]
        facts: bool,
    },
    /// Show what happens to every pool when servers, SQL nodes, sites or data centers fail.
    Simulate(SimulateArgs),
    /// Write a large, valid topology document for benchmarks and load tests: paired Front End
    /// pools with their servers and back-end stores, one pair in ten carrying a known mistake.
    Generate {
        /// Number of Front End pools (rounded up to an even number; at most 1000000).
        #[arg(long, default_value_t = 1000)]
        pools: usize,
        /// Seed: the same pools and seed always give the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A realistic inventory that lacks facts (domains, some OS versions, users, load
        /// balancing) and has a mistake in one pair in five: about four findings a pool.
        #[arg(long)]
        dense: bool,
    },
}

#[derive(Debug, clap::Args)]
struct SimulateArgs {
    /// Topology document (format 1 JSON; `-` reads standard input).
    file: PathBuf,
    /// Entities failing together, comma-separated (a site, data center, pool, server, SQL host,
    /// SQL store, file store, gateway, or `wan:` and a branch site); repeat for several scenarios.
    #[arg(long, value_name = "NAME[,NAME...]")]
    fail: Vec<String>,
    /// Every single failure: each server, SQL host and file store on its own.
    #[arg(long)]
    all_single: bool,
    /// The loss of each site and each data center.
    #[arg(long)]
    sites: bool,
    /// Facts the topology XML does not hold (see `docs/facts-format.md`); XML input only.
    #[arg(long, value_name = "FACTS")]
    facts: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Input limits, shared by every command that reads a topology.
#[derive(Debug, Clone, Copy, clap::Args)]
struct LimitArgs {
    /// Largest input accepted, in bytes or with a unit (`64MiB`, `1GiB`); default 64 MiB.
    #[arg(long, value_name = "SIZE", value_parser = hadr_rules::parse_size)]
    max_document_size: Option<usize>,
    /// Most entities (sites, pools, servers, SQL stores and nodes, file stores, gateways, site
    /// links and failover gateways); default 1000000.
    #[arg(long, value_name = "N")]
    max_entities: Option<usize>,
}

impl LimitArgs {
    fn limits(self) -> Limits {
        Limits::with(self.max_document_size, self.max_entities)
    }
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// Topology XML, a .tbxml file or an Export-CsConfiguration zip (`-` reads standard input).
    file: PathBuf,
    /// Facts the XML does not hold (OS, platform, SQL versions, replicas, users…), format 1.
    #[arg(long, value_name = "FACTS")]
    facts: Option<PathBuf>,
    /// Write the document to this file instead of standard output.
    #[arg(long, value_name = "OUT")]
    out: Option<PathBuf>,
    /// Replace host names, domains, site and data-center ids consistently, for sharing.
    #[arg(long)]
    anonymize: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Where the settings of `hadr-rules.toml` come from.
#[derive(Debug, clap::Args)]
struct ConfigArgs {
    /// The configuration file (default: `hadr-rules.toml` in the current directory or its
    /// nearest parent that has one); the command line wins over it.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    no_config: bool,
}

impl ConfigArgs {
    /// The configuration that applies, with its file name; none when there is no file.
    fn load(&self) -> Result<Option<(String, Config)>, TopologyError> {
        if self.no_config {
            return Ok(None);
        }
        let file = match &self.config {
            Some(file) => Some(file.clone()),
            // Named from the current directory when it is there or below.
            None => std::env::current_dir().ok().and_then(|dir| {
                let found = Config::find(&dir)?;
                Some(
                    found
                        .strip_prefix(&dir)
                        .map_or(found.clone(), Path::to_path_buf),
                )
            }),
        };
        file.map(|file| Ok((name(&file), Config::load(&file)?)))
            .transpose()
    }
}

#[derive(Debug, clap::Args)]
struct FactsArgs {
    /// Topology XML, a .tbxml file or an Export-CsConfiguration zip (`-` reads standard input).
    file: PathBuf,
    /// The facts already known: the template lists only what is still missing.
    #[arg(long, value_name = "FACTS")]
    facts: Option<PathBuf>,
    /// Write the template to this file instead of standard output.
    #[arg(long, value_name = "OUT")]
    out: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Topology documents.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Facts for topology XML inputs (OS, platform, SQL versions, replicas, users…), format 1.
    #[arg(long, value_name = "FACTS")]
    facts: Option<PathBuf>,
    /// Output format: `json` is the report format, byte for byte; `sarif`, `junit` and `html`
    /// are for code scanning, CI test reports and people.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// With `--format html`: add what happens when each server, SQL host, file store, site and
    /// data center fails (`hadr-rules simulate --all-single --sites`).
    #[arg(long)]
    simulate: bool,
    /// Exit with 1 when a finding is at or above this severity (default: error).
    #[arg(long, value_enum)]
    fail_level: Option<Level>,
    /// Accept basic availability groups on SQL Server Standard edition (contested, catalog C-1):
    /// a warning instead of an error.
    #[arg(long)]
    allow_basic_ag_on_standard: bool,
    /// Override a severity: `RULE=LEVEL` or `FAMILY=LEVEL` (a rule wins over its family).
    #[arg(long = "severity", value_name = "SELECTOR=LEVEL", value_parser = parse_override)]
    severities: Vec<(Selector, Severity)>,
    /// Silence findings, kept in the report: `RULE[@SUBJECT]=REASON` or `FAMILY[@SUBJECT]=REASON`.
    #[arg(long = "suppress", value_name = "SELECTOR[@SUBJECT]=REASON", value_parser = parse_suppression)]
    suppressions: Vec<Suppression>,
    /// Run only these rules or families (comma-separated); the others are not evaluated at all.
    #[arg(long, value_name = "RULE|FAMILY,...", value_delimiter = ',', value_parser = parse_selector)]
    select: Vec<Selector>,
    /// Do not run these rules or families, even when selected; a rule ID wins over its family.
    #[arg(long, value_name = "RULE|FAMILY,...", value_delimiter = ',', value_parser = parse_selector)]
    ignore: Vec<Selector>,
    /// Exit with 1 when any rule could not be evaluated for lack of a fact.
    #[arg(long)]
    fail_on_not_evaluated: bool,
    /// List every not-evaluated finding under its subject instead of grouping them by the facts
    /// they lack (text output).
    #[arg(long)]
    show_not_evaluated: bool,
    /// Judge support lifecycles on this day (`YYYY-MM-DD`) instead of today (UTC): the same
    /// topology and date always give the same report.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = lifecycle::parse_date)]
    as_of: Option<lifecycle::Date>,
    /// How many months before an end of support LIFE-002 warns that it is approaching
    /// (default: 12).
    #[arg(long, value_name = "MONTHS")]
    approaching_months: Option<u32>,
    /// Readiness: check the topology as if every pool were moved to this product (`sfbse`: in
    /// place from 2019, side by side from 2015), and report what would block the move.
    #[arg(long, value_name = "PRODUCT", value_parser = parse_target_product)]
    target_product: Option<Product>,
    /// Report only the findings this baseline does not know, and say how many it hid and which
    /// of its entries no longer match (`docs/baselines.md`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file, and print no report.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    /// SARIF 2.1.0 for code scanning (`check` only).
    Sarif,
    /// JUnit XML for CI test reports (`check` only).
    Junit,
    /// One self-contained HTML page with a diagram of the topology (`check` of one file only).
    Html,
    /// The rule reference as Markdown (`rules` only).
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

impl From<Level> for Severity {
    fn from(level: Level) -> Self {
        match level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let choice = match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let code = match cli.command {
        Command::Facts(args) => facts(&args),
        Command::Check(args) => check(&args),
        Command::Rules { family, format } => rules(family, format),
        Command::Explain { rule } => explain(&rule),
        Command::Simulate(args) => simulate(&args),
        Command::Import(args) => import(&args),
        Command::Generate { pools, seed, dense } => generate(pools, seed, dense),
        Command::Schema { facts } => {
            let schema = if facts {
                hadr_rules::import::facts_schema()
            } else {
                hadr_rules::schema()
            };
            let mut schema = serde_json::to_string_pretty(&schema).unwrap_or_default();
            schema.push('\n');
            print(&schema, 0)
        }
    };
    ExitCode::from(code)
}

/// Writes `text` to standard output and gives `code`; a failed write is an error and exit 2.
/// A closed pipe (`| head`) ends the output quietly, with exit 2 all the same: the output is
/// not all there.
fn print(text: &str, code: u8) -> u8 {
    let mut stdout = anstream::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => code,
        Err(error) => output_failed(&error),
    }
}

/// The message and exit status of a failed write to standard output.
fn output_failed(error: &std::io::Error) -> u8 {
    if error.kind() != std::io::ErrorKind::BrokenPipe {
        let _ = writeln!(
            anstream::stderr(),
            "{}",
            render::failure(&format!("cannot write the output: {error}"))
        );
    }
    2
}

/// Streams a generated document to standard output.
fn generate(pools: usize, seed: u64, dense: bool) -> u8 {
    if pools > generate::MAX_POOLS {
        let _ = writeln!(
            anstream::stderr(),
            "{}",
            render::failure(&format!(
                "`--pools {pools}` is more than the maximum of {}",
                generate::MAX_POOLS
            ))
        );
        return 2;
    }
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let written = if dense {
        generate::write_dense(pools, seed, &mut out)
    } else {
        generate::write(pools, seed, &mut out)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(error) => output_failed(&error),
    }
}

/// A file name as it is shown in messages and reports (`-` for standard input).
fn name(file: &Path) -> String {
    file.to_string_lossy().into_owned()
}

/// The settings of a check: the command line over the configuration file over the defaults.
struct Settings {
    options: Options,
    level: Severity,
    fail_on_not_evaluated: bool,
    facts: Option<PathBuf>,
    baseline: Option<PathBuf>,
    limits: Limits,
}

impl Settings {
    /// The settings of `check`; the expired suppressions of the file are warned about.
    fn new(args: &CheckArgs) -> Result<Settings, TopologyError> {
        let loaded = args.config.load()?;
        let config = loaded.as_ref().map(|(_, c)| c.clone()).unwrap_or_default();
        let as_of = args.as_of.or(config.as_of).unwrap_or_else(lifecycle::today);
        let (mut suppress, expired) = config.suppressions(as_of);
        if let Some((file, _)) = &loaded {
            for expired in expired {
                let _ = writeln!(
                    anstream::stderr(),
                    "{}",
                    render::notice(&format!("{file}:{}: {expired}", expired.line))
                );
            }
        }
        suppress.extend(args.suppressions.iter().cloned());
        let pick = |cli: &[Selector], file: &Option<Vec<Selector>>| {
            if cli.is_empty() {
                file.clone().unwrap_or_default()
            } else {
                cli.to_vec()
            }
        };
        let mut severity = config.severity.clone();
        severity.extend(args.severities.iter().copied());
        let options = Options {
            allow_basic_ag_on_standard: args.allow_basic_ag_on_standard
                || config.allow_basic_ag_on_standard.unwrap_or(false),
            select: pick(&args.select, &config.select),
            ignore: pick(&args.ignore, &config.ignore),
            severity,
            suppress,
            as_of: Some(as_of),
            approaching_months: args.approaching_months.or(config.approaching_months),
            target_product: args.target_product.or(config.target_product),
        };
        Ok(Settings {
            options,
            level: args
                .fail_level
                .map(Severity::from)
                .or(config.fail_level)
                .unwrap_or(Severity::Error),
            fail_on_not_evaluated: args.fail_on_not_evaluated
                || config.fail_on_not_evaluated.unwrap_or(false),
            facts: args.facts.clone().or(config.facts),
            baseline: args.baseline.clone().or(config.baseline),
            limits: Limits::with(
                args.limits.max_document_size.or(config.max_document_size),
                args.limits.max_entities.or(config.max_entities),
            ),
        })
    }
}

/// Checks every file; exit 2 if any could not be read, else 1 if any fails, else 0.
fn check(args: &CheckArgs) -> u8 {
    let settings = match Settings::new(args) {
        Ok(settings) => settings,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            return 2;
        }
    };
    let (options, level, limits) = (&settings.options, settings.level, &settings.limits);
    let facts = match load_facts(settings.facts.as_deref(), limits) {
        Ok(facts) => facts,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            return 2;
        }
    };
    let baseline = match settings
        .baseline
        .as_deref()
        .map(|file| load_baseline(file, limits))
    {
        Some(Err(error)) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            return 2;
        }
        Some(Ok(baseline)) => Some(baseline),
        None => None,
    };
    let mut progress = Progress::new(args.files.len(), "files");
    let mut imports: Vec<Option<Import>> = Vec::new();
    let mut results: Vec<(String, Result<Report, TopologyError>)> = args
        .files
        .iter()
        .map(|file| {
            let loaded = load_import(file, facts.as_ref(), limits);
            let report = loaded
                .as_ref()
                .map(|import| hadr_rules::check(&import.topology, options))
                .map_err(Clone::clone);
            imports.push(loaded.ok());
            progress.step();
            (name(file), report)
        })
        .collect();
    drop(progress);
    for ((file, result), import) in results.iter().zip(&imports) {
        if let Err(error) = result {
            let _ = writeln!(anstream::stderr(), "{}", render::error(error));
        }
        for warning in import.iter().flat_map(|i| &i.warnings) {
            let _ = writeln!(anstream::stderr(), "{}", render::warning(file, warning));
        }
    }
    if args.format == Format::Markdown {
        let _ = writeln!(
            anstream::stderr(),
            "error: `--format markdown` is for `hadr-rules rules`"
        );
        return 2;
    }
    let unreadable = results.iter().any(|(_, result)| result.is_err());
    if let Some(out) = &args.write_baseline {
        let reports = results.iter().filter_map(|(_, r)| r.as_ref().ok());
        let baseline = Baseline::of_all(reports);
        return match write_file(out, &baseline.to_json()) {
            Ok(()) => {
                let _ = writeln!(
                    anstream::stderr(),
                    "wrote {} finding(s) to the baseline {}",
                    baseline.findings.len(),
                    render::escape(&name(out))
                );
                if unreadable { 2 } else { 0 }
            }
            Err(error) => {
                let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
                2
            }
        };
    }
    if let (Some(baseline), Some(file)) = (&baseline, &settings.baseline) {
        let outcome = baseline.apply_all(results.iter_mut().filter_map(|(_, r)| r.as_mut().ok()));
        let _ = write!(
            anstream::stderr(),
            "{}",
            render::baseline(&name(file), &outcome)
        );
    }
    let output = match check_output(args, level, &results, &imports) {
        Ok(output) => output,
        Err(message) => {
            let _ = writeln!(anstream::stderr(), "{}", render::failure(&message));
            return 2;
        }
    };
    let failed = results.iter().any(|(_, result)| {
        result.as_ref().is_ok_and(|r| {
            r.fails(level) || (settings.fail_on_not_evaluated && r.has_not_evaluated())
        })
    });
    print(&output, if unreadable { 2 } else { u8::from(failed) })
}

/// The output of `check` in the format asked for; an error for a format `check` cannot give.
fn check_output(
    args: &CheckArgs,
    level: Severity,
    results: &[(String, Result<Report, TopologyError>)],
    imports: &[Option<Import>],
) -> Result<String, String> {
    if args.simulate && args.format != Format::Html {
        return Err("`--simulate` adds the failure scenarios to `--format html`".to_owned());
    }
    // The files that could be read, with their reports and imports.
    let checked = || {
        results
            .iter()
            .zip(imports)
            .filter_map(|((file, result), import)| {
                Some((file, result.as_ref().ok()?, import.as_ref()?))
            })
    };
    Ok(match (args.format, results) {
        (Format::Markdown, _) => {
            return Err("`--format markdown` is for `hadr-rules rules`".to_owned());
        }
        (Format::Json, [(_, Ok(report))]) => report.to_json(),
        (Format::Json, [(_, Err(error))]) => error.to_json(),
        (Format::Json, _) => several_json(results),
        (Format::Sarif, _) => {
            let files: Vec<Checked<'_>> = checked()
                .map(|(file, report, import)| Checked::new(file, report, import))
                .collect();
            output::sarif(&files)
        }
        (Format::Junit, _) => {
            let files: Vec<Checked<'_>> = checked()
                .map(|(file, report, import)| Checked::new(file, report, import))
                .collect();
            output::junit(&files, level)
        }
        (Format::Html, [_]) => match checked().next() {
            Some((file, report, import)) => {
                let simulation = if args.simulate {
                    Some(
                        hadr_rules::simulate::simulate(
                            &import.topology,
                            &hadr_rules::simulate::Request::REPORT,
                        )
                        .map_err(|error| render::error(&error).to_string())?,
                    )
                } else {
                    None
                };
                let checked = Checked::new(file, report, import);
                output::html(&checked, &import.topology, level, simulation.as_ref())
            }
            None => String::new(),
        },
        (Format::Html, _) => {
            return Err("`--format html` writes the page of one file: give one file".to_owned());
        }
        (Format::Text, _) => checked()
            .map(|(file, report, import)| {
                let missing = report.missing_facts(&import.topology);
                let source = |path: &str| import.source(path).map(ToString::to_string);
                let text = render::TextOptions {
                    level,
                    missing: (!args.show_not_evaluated).then_some(missing.as_slice()),
                    source: &source,
                };
                render::report(file, report, &text)
            })
            .collect(),
    })
}

/// Exit 2 with a message for the formats only `check` writes.
fn refuse_check_format(format: Format) -> Option<u8> {
    let name = match format {
        Format::Sarif => "sarif",
        Format::Junit => "junit",
        Format::Html => "html",
        Format::Text | Format::Json | Format::Markdown => return None,
    };
    let _ = writeln!(
        anstream::stderr(),
        "{}",
        render::failure(&format!("`--format {name}` is for `hadr-rules check`"))
    );
    Some(2)
}

/// Reads a baseline file; errors name it.
fn load_baseline(file: &Path, limits: &Limits) -> Result<Baseline, TopologyError> {
    let bytes = read(file, limits, "baseline")?;
    Baseline::from_json(&bytes).map_err(|error| error.in_file(&name(file)))
}

/// Writes the facts template of one topology XML.
fn facts(args: &FactsArgs) -> u8 {
    let file = name(&args.file);
    let result = args.config.load().and_then(|loaded| {
        let config = loaded.map(|(_, c)| c).unwrap_or_default();
        let limits = Limits::with(
            args.limits.max_document_size.or(config.max_document_size),
            args.limits.max_entities.or(config.max_entities),
        );
        let (options, _) = config.options();
        let facts = load_facts(args.facts.as_deref(), &limits)?;
        let import = load_import(&args.file, facts.as_ref(), &limits)?;
        hadr_rules::import::template_of(&import, &options, &file)
            .map_err(|error| error.in_file(&file))
    });
    let template = match result {
        Ok(template) => template,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            return 2;
        }
    };
    match &args.out {
        Some(out) => match write_file(out, &template) {
            Ok(()) => 0,
            Err(error) => {
                let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
                2
            }
        },
        None => print(&template, 0),
    }
}

/// Runs the scenarios asked for; with none, every single failure and every site loss.
fn simulate(args: &SimulateArgs) -> u8 {
    if let Some(code) = refuse_check_format(args.format) {
        return code;
    }
    let file = name(&args.file);
    let fail = match scenarios(&args.fail) {
        Ok(fail) => fail,
        Err(message) => {
            let _ = writeln!(anstream::stderr(), "{}", render::failure(&message));
            return 2;
        }
    };
    let nothing_asked = fail.is_empty() && !args.all_single && !args.sites;
    let request = hadr_rules::simulate::Request {
        fail,
        all_single: args.all_single || nothing_asked,
        sites: args.sites || nothing_asked,
    };
    let limits = args.limits.limits();
    let import = load_facts(args.facts.as_deref(), &limits)
        .and_then(|facts| load_import(&args.file, facts.as_ref(), &limits));
    let plan = import.as_ref().map_err(Clone::clone).and_then(|import| {
        hadr_rules::simulate::Plan::new(&import.topology, &request)
            .map_err(|error| error.in_file(&file))
    });
    match plan {
        Ok(plan) => {
            // Each scenario is written as soon as it is known; a failed write stops the run.
            let mut stdout = std::io::BufWriter::new(anstream::stdout().lock());
            let written = match args.format {
                Format::Json => plan.write_json(&mut stdout),
                Format::Text | Format::Markdown | Format::Sarif | Format::Junit | Format::Html => {
                    write_text_simulation(&file, &plan, &mut stdout)
                }
            }
            .and_then(|()| stdout.flush());
            match written {
                Ok(()) => 0,
                Err(error) => output_failed(&error),
            }
        }
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            if args.format == Format::Json {
                return print(&error.to_json(), 2);
            }
            2
        }
    }
}

/// The simulation as text, one scenario at a time.
fn write_text_simulation(
    file: &str,
    plan: &hadr_rules::simulate::Plan<'_>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    out.write_all(render::simulation_title(file).as_bytes())?;
    let mut progress = Progress::new(plan.scenario_count(), "scenarios");
    let summary = plan.run(|scenario| {
        progress.step();
        let text = render::scenario(&scenario);
        progress.suspend(|| out.write_all(text.as_bytes()))
    })?;
    drop(progress);
    out.write_all(render::simulation_summary(&summary).as_bytes())
}

/// The scenarios of the `--fail` options, one each: names separated by commas and trimmed. An
/// empty or blank name is refused, as in every interface: it names nothing to fail.
fn scenarios(fail: &[String]) -> Result<Vec<Vec<String>>, String> {
    fail.iter()
        .map(|names| {
            names
                .split(',')
                .map(|n| {
                    let n = n.trim();
                    if n.is_empty() {
                        Err(format!(
                            "`--fail {}` holds an empty name (expected names separated by commas)",
                            render::escape(names)
                        ))
                    } else {
                        Ok(n.to_owned())
                    }
                })
                .collect()
        })
        .collect()
}

/// Several files in one JSON document: each file's report or its errors.
fn several_json(results: &[(String, Result<Report, TopologyError>)]) -> String {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|(file, result)| match result {
            Ok(report) => serde_json::json!({ "file": file, "report": report }),
            Err(error) => serde_json::json!({ "file": file, "errors": error.errors }),
        })
        .collect();
    let mut json =
        serde_json::to_string_pretty(&serde_json::json!({ "format": 1, "files": files }))
            .unwrap_or_default();
    json.push('\n');
    json
}

/// Reads one input of any form, with the facts for XML; errors name the file.
fn load_import(
    file: &Path,
    facts: Option<&Facts>,
    limits: &Limits,
) -> Result<Import, TopologyError> {
    let bytes = read(file, limits, "document")?;
    hadr_rules::import::read_with_limits(&bytes, facts, limits)
        .map_err(|error| error.in_file(&name(file)))
}

/// Reads the facts file, if one is given, within the same size limit as the document; errors
/// name the file.
fn load_facts(file: Option<&Path>, limits: &Limits) -> Result<Option<Facts>, TopologyError> {
    file.map(|file| {
        let bytes = read(file, limits, "facts file")?;
        Facts::from_json_with_limits(&bytes, limits).map_err(|error| error.in_file(&name(file)))
    })
    .transpose()
}

/// Imports one XML input and writes its format-1 document; warnings go to standard error.
fn import(args: &ImportArgs) -> u8 {
    let file = name(&args.file);
    let limits = args.limits.limits();
    let result = load_facts(args.facts.as_deref(), &limits)
        .and_then(|facts| {
            let bytes = read(&args.file, &limits, "document")?;
            hadr_rules::import::import_with_limits(&bytes, facts.as_ref(), &limits)
                .map_err(|error| error.in_file(&file))
        })
        .and_then(|import| {
            if !args.anonymize {
                return Ok((import.to_json(), import.warnings));
            }
            let document = hadr_rules::import::anonymize(import.document());
            let topology = Topology::from_document(document)?;
            let mut json = serde_json::to_string_pretty(topology.document()).unwrap_or_default();
            json.push('\n');
            Ok((json, import.warnings))
        });
    let (json, warnings) = match result {
        Ok(imported) => imported,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
            return 2;
        }
    };
    for warning in &warnings {
        let _ = writeln!(anstream::stderr(), "{}", render::warning(&file, warning));
    }
    match &args.out {
        Some(out) => match write_file(out, &json) {
            Ok(()) => 0,
            Err(error) => {
                let _ = writeln!(anstream::stderr(), "{}", render::error(&error));
                2
            }
        },
        None => print(&json, 0),
    }
}

/// Writes `--out`; the error names the file and says why it cannot be written.
fn write_file(out: &Path, text: &str) -> Result<(), TopologyError> {
    let unwritable = |reason: &str| TopologyError::unwritable(&name(out), reason);
    if out.is_dir() {
        return Err(unwritable("it is a directory"));
    }
    std::fs::write(out, text).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => unwritable("its folder does not exist"),
        std::io::ErrorKind::PermissionDenied => unwritable("permission denied"),
        _ => unwritable(&error.to_string()),
    })
}

/// Reads a file or standard input (`-`) through the engine's bounded reader: never more than
/// the size limit and one byte, whatever the file is.
fn read(file: &Path, limits: &Limits, what: read::What) -> Result<Vec<u8>, TopologyError> {
    if file.as_os_str() == "-" {
        read::stream(std::io::stdin().lock(), "-", limits, what)
    } else {
        read::file(file, &name(file), limits, what)
    }
}

fn rules(family: Option<Family>, format: Format) -> u8 {
    if let Some(code) = refuse_check_format(format) {
        return code;
    }
    let rules: Vec<&registry::Rule> = registry::rules()
        .iter()
        .filter(|rule| family.is_none_or(|f| rule.family == f))
        .collect();
    let output = match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&rules).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Text | Format::Sarif | Format::Junit | Format::Html => render::rules(&rules),
        Format::Markdown => registry::markdown(),
    };
    print(&output, 0)
}

fn explain(id: &str) -> u8 {
    let Some(rule) = registry::rule(id) else {
        let hint = registry::suggest(id)
            .map(|near| format!(": did you mean `{near}`?"))
            .unwrap_or_default();
        let _ = writeln!(
            anstream::stderr(),
            "error: no rule `{id}` in the catalog{hint}"
        );
        return 2;
    };
    print(&registry::explain(rule), 0)
}

/// The product of a readiness check: Subscription Edition, the only one that is still supported.
fn parse_target_product(text: &str) -> Result<Product, String> {
    match Product::from_token(text) {
        Some(Product::SfbSe) => Ok(Product::SfbSe),
        _ => Err(format!(
            "`{text}` is not a target product: readiness is checked for `sfbse` (Skype for Business Server Subscription Edition)"
        )),
    }
}

fn parse_family(text: &str) -> Result<Family, String> {
    registry::families()
        .find(|family| family.as_str().eq_ignore_ascii_case(text))
        .ok_or_else(|| {
            let all: Vec<&str> = registry::families().map(Family::as_str).collect();
            format!(
                "unknown family `{text}`; expected one of {}",
                all.join(", ")
            )
        })
}

fn parse_selector(text: &str) -> Result<Selector, String> {
    Selector::parse(text).map_err(|error| error.to_string())
}

fn parse_override(text: &str) -> Result<(Selector, Severity), String> {
    let (selector, level) = text
        .split_once('=')
        .ok_or("expected SELECTOR=LEVEL, e.g. `PAIR-009=error`")?;
    let severity = Severity::from_token(level)
        .ok_or_else(|| format!("unknown level `{level}`; expected error, warning or info"))?;
    Ok((parse_selector(selector)?, severity))
}

fn parse_suppression(text: &str) -> Result<Suppression, String> {
    let (target, reason) = text
        .split_once('=')
        .ok_or("expected SELECTOR[@SUBJECT]=REASON")?;
    if reason.trim().is_empty() {
        return Err("a suppression needs a reason after `=`".to_owned());
    }
    let (selector, subject) = match target.split_once('@') {
        Some((selector, subject)) => (selector, Some(subject.to_owned())),
        None => (target, None),
    };
    Ok(Suppression {
        selector: parse_selector(selector)?,
        subject,
        reason: reason.to_owned(),
    })
}
