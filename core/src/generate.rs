//! A deterministic generator of large, valid topology documents, for benchmarks, stress and
//! property tests.
//!
//! `generate(pools, seed)` returns the JSON text of a format-1 document with `pools` Front End
//! pools, paired two by two across sites, each with its servers and its own back-end store. The
//! mix follows real deployments: Skype for Business Server 2019 pools on AlwaysOn Availability
//! Groups, 2015 pools on mirroring with a witness or on AlwaysOn Failover Cluster Instances.
//! About one pair in ten carries one of the mistakes listed in [`Violation`]; the same
//! arguments always give the same bytes.
//!
//! [`generate_dense`] writes what a real inventory looks like: most servers and SQL nodes
//! without `domain`, one pool in six without `os` on their servers, some without `users`
//! or `load_balancing`, and one pair in five with a mistake, so that a report holds about four
//! diagnostics a pool, most of them "not evaluated".

use std::fmt::Write;

/// A mistake the generator plants in a pair, and the rule that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    /// The partner is a Standard Edition server (PAIR-001).
    EditionMismatch,
    /// The partner runs on virtual machines (PAIR-002).
    PlatformMismatch,
    /// The partner runs another Windows Server version (PAIR-003).
    OsMismatch,
    /// A Skype for Business Server 2019 pool of two servers (FE-002).
    TwoServerPool,
    /// Mirroring under Skype for Business Server 2019 (BE-002).
    MirroringOn2019,
    /// A witness on another SQL Server version than its mirror pair (BE-006).
    WitnessVersion,
}

impl Violation {
    /// Every planted mistake, in the order the generator cycles through them.
    pub const ALL: [Violation; 6] = [
        Violation::EditionMismatch,
        Violation::PlatformMismatch,
        Violation::OsMismatch,
        Violation::TwoServerPool,
        Violation::MirroringOn2019,
        Violation::WitnessVersion,
    ];
}

/// The share of pairs that carry a violation: one in `VIOLATION_EVERY`.
pub const VIOLATION_EVERY: u64 = 10;

/// The share of pairs that carry a violation in a dense document.
pub const DENSE_VIOLATION_EVERY: u64 = 5;

/// The most Front End pools the generator builds: about 1.5 GB of JSON, far past the 64 MiB
/// input limit and what a benchmark needs. More are refused by [`write()`], [`write_dense`] and
/// the command line, and capped by [`generate`] and [`generate_dense`].
pub const MAX_POOLS: usize = 1_000_000;

/// The JSON text of a valid document with `pools` Front End pools (rounded up to an even
/// number, at least two, at most [`MAX_POOLS`]), built from `seed`, with every fact the rules
/// read.
pub fn generate(pools: usize, seed: u64) -> String {
    generate_shaped(pools, seed, false)
}

/// [`generate`] for a realistic inventory that lacks facts: about four diagnostics a pool.
pub fn generate_dense(pools: usize, seed: u64) -> String {
    generate_shaped(pools, seed, true)
}

fn generate_shaped(pools: usize, seed: u64, dense: bool) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and the count is within the maximum.
    let _ = write_shaped(pools.min(MAX_POOLS), seed, dense, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the document [`generate`] returns to `out` pair by pair, holding one pair's text at
/// a time whatever the size. More than [`MAX_POOLS`] pools is an error of kind
/// [`std::io::ErrorKind::InvalidInput`], before anything is written.
pub fn write(pools: usize, seed: u64, out: &mut impl std::io::Write) -> std::io::Result<()> {
    write_shaped(pools, seed, false, out)
}

/// [`write()`] for the document [`generate_dense`] returns.
pub fn write_dense(pools: usize, seed: u64, out: &mut impl std::io::Write) -> std::io::Result<()> {
    write_shaped(pools, seed, true, out)
}

fn write_shaped(
    pools: usize,
    seed: u64,
    dense: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    if pools > MAX_POOLS {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{pools} pools is more than the maximum of {MAX_POOLS}"),
        ));
    }
    let pairs = pools.div_ceil(2).max(1);
    let sites = (pairs / 10).max(1) * 2;
    let mut text = String::with_capacity(4096);
    text.push_str("{\n  \"format\": 1,\n");
    let _ = writeln!(
        text,
        "  \"name\": \"generated: {} pools, seed {seed}\",",
        pairs * 2
    );
    text.push_str("  \"sites\": [\n");
    for site in 0..sites {
        let region = ["emea", "amer", "apac"]
            .get(site / 2 % 3)
            .copied()
            .unwrap_or("emea");
        let comma = if site + 1 < sites { "," } else { "" };
        // Partners sit in sites 2k and 2k + 1, joined by a resilient WAN link.
        let link = if site % 2 == 0 {
            format!(
                ", \"links\": [{{ \"site\": \"site-{}\", \"resilient\": true }}]",
                site + 1
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "    {{ \"id\": \"site-{site}\", \"region\": \"{region}\"{link} }}{comma}"
        );
        flush(&mut text, out)?;
    }
    text.push_str("  ],\n  \"pools\": [\n");
    for index in 0..pairs {
        Pair::new(index, seed, sites, dense).write_pools(&mut text, index + 1 == pairs);
        flush(&mut text, out)?;
    }
    text.push_str("  ],\n  \"sql_stores\": [\n");
    let mut first = true;
    for index in 0..pairs {
        Pair::new(index, seed, sites, dense).write_stores(&mut text, &mut first);
        flush(&mut text, out)?;
    }
    text.push_str("\n  ]\n}\n");
    flush(&mut text, out)
}

/// Hands the text built so far (a site, a pair's pools or stores) to `out`.
fn flush(text: &mut String, out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    text.clear();
    Ok(())
}

/// The host facts of a virtual server, as the 2019 virtualization guidance asks.
const VIRTUALIZATION: &str = ", \"virtualization\": { \"hypervisor\": \"hyper_v\", \"host_os\": \"ws2019\", \"vcpu_per_core\": 1, \"live_migration\": false, \"dynamic_memory\": false, \"host_hyper_threading\": false, \"disk\": \"fixed\" }";

/// The product a pair runs and its back-end HA mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generation {
    /// Skype for Business Server 2019 on an AlwaysOn Availability Group.
    Sfb2019,
    /// Skype for Business Server 2015 on mirroring with a witness.
    Sfb2015Mirroring,
    /// Skype for Business Server 2015 on an AlwaysOn Failover Cluster Instance.
    Sfb2015Cluster,
}

impl Generation {
    fn product(self) -> &'static str {
        match self {
            Generation::Sfb2019 => "sfb2019",
            Generation::Sfb2015Mirroring | Generation::Sfb2015Cluster => "sfb2015",
        }
    }

    fn cumulative_update(self) -> u32 {
        match self {
            Generation::Sfb2019 => 8,
            Generation::Sfb2015Mirroring | Generation::Sfb2015Cluster => 15,
        }
    }

    /// The Windows Server version, or the other one a mismatched partner runs.
    fn os(self, other: bool) -> &'static str {
        match (self, other) {
            (Generation::Sfb2019, false) => "ws2019",
            (Generation::Sfb2019, true) => "ws2016",
            (_, false) => "ws2016",
            (_, true) => "ws2012r2",
        }
    }

    /// SQL Server version and service pack.
    fn sql(self) -> (&'static str, Option<u32>) {
        match self {
            Generation::Sfb2019 => ("2019", None),
            Generation::Sfb2015Mirroring | Generation::Sfb2015Cluster => ("2016", Some(3)),
        }
    }
}

/// One pair of pools: `p{2i}` in one site, `p{2i+1}` in the next, each backing up the other.
#[derive(Debug, Clone, Copy)]
struct Pair {
    index: usize,
    generation: Generation,
    servers: [usize; 2],
    sites: [usize; 2],
    users: [u64; 2],
    violation: Option<Violation>,
    /// Facts each side leaves out (dense documents only).
    gaps: [Gaps; 2],
}

/// The facts a pool of a dense document leaves out.
#[derive(Debug, Clone, Copy, Default)]
struct Gaps {
    domain: bool,
    os: bool,
    users: bool,
    load_balancing: bool,
}

impl Gaps {
    /// Most pools lack domains, one in six OS versions, one in eight users or load balancing.
    fn of(hash: u64) -> Gaps {
        Gaps {
            domain: hash % 10 < 8,
            os: (hash >> 4).is_multiple_of(6),
            users: (hash >> 8).is_multiple_of(8),
            load_balancing: (hash >> 12).is_multiple_of(8),
        }
    }
}

impl Pair {
    fn new(index: usize, seed: u64, sites: usize, dense: bool) -> Pair {
        let hash = splitmix(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let every = if dense {
            DENSE_VIOLATION_EVERY
        } else {
            VIOLATION_EVERY
        };
        let generation = match hash % 20 {
            0..=11 => Generation::Sfb2019,
            12..=16 => Generation::Sfb2015Mirroring,
            _ => Generation::Sfb2015Cluster,
        };
        let violation = (index > 0 && (hash >> 8).is_multiple_of(every))
            .then(|| {
                Violation::ALL
                    .get((hash >> 16) as usize % Violation::ALL.len())
                    .copied()
            })
            .flatten();
        let servers = [3 + (hash >> 24) as usize % 6, 3 + (hash >> 28) as usize % 6];
        // Partners sit in two sites of one region: sites 2k and 2k + 1.
        let site = (index % (sites / 2)) * 2;
        Pair {
            index,
            generation,
            servers,
            sites: [site, site + 1],
            users: [1000 + (hash >> 32) % 9000, 1000 + (hash >> 44) % 9000],
            violation,
            gaps: if dense {
                [Gaps::of(splitmix(hash)), Gaps::of(splitmix(hash ^ 1))]
            } else {
                [Gaps::default(); 2]
            },
        }
    }

    fn pool_name(&self, side: usize) -> String {
        format!("pool-{}.contoso.com", self.index * 2 + side)
    }

    fn write_pools(&self, out: &mut String, last: bool) {
        for side in 0..2 {
            let number = self.index * 2 + side;
            let partner = self.pool_name(1 - side);
            let site = self.sites.get(side).copied().unwrap_or(0);
            let users = self.users.get(side).copied().unwrap_or(0);
            let standard = side == 1 && self.violation == Some(Violation::EditionMismatch);
            let gaps = self.gaps.get(side).copied().unwrap_or_default();
            let _ = write!(
                out,
                "    {{\n      \"fqdn\": \"{}\", \"site\": \"site-{site}\", \"kind\": \"front_end\",\n      \
                 \"edition\": \"{}\", \"product\": \"{}\", \"cumulative_update\": {},",
                self.pool_name(side),
                if standard { "standard" } else { "enterprise" },
                self.generation.product(),
                self.generation.cumulative_update(),
            );
            if !gaps.users {
                let _ = write!(out, " \"users\": {users},");
            }
            out.push('\n');
            if number < 2 {
                let role = if number == 0 { "active" } else { "standby" };
                let _ = writeln!(out, "      \"cms\": \"{role}\",");
            }
            if !standard && !gaps.load_balancing {
                out.push_str(
                    "      \"load_balancing\": { \"sip\": \"dns\", \"web\": \"hardware\", \"web_persistence\": \"source_address\", \"web_idle_timeout\": 1800, \"dsr_nat\": false },\n",
                );
            }
            out.push_str("      \"servers\": [\n");
            let count = match (standard, self.violation) {
                (true, _) => 1,
                (false, Some(Violation::TwoServerPool)) if side == 0 => 2,
                _ => self.servers.get(side).copied().unwrap_or(3),
            };
            let os = self
                .generation
                .os(side == 1 && self.violation == Some(Violation::OsMismatch));
            let platform = if side == 1 && self.violation == Some(Violation::PlatformMismatch) {
                "virtual"
            } else {
                "physical"
            };
            for server in 0..count {
                let fqdn = if standard {
                    self.pool_name(side)
                } else {
                    format!("fe{server}-p{number}.contoso.com")
                };
                let comma = if server + 1 < count { "," } else { "" };
                let _ = write!(
                    out,
                    "        {{ \"fqdn\": \"{fqdn}\", \"network_interfaces\": 1,"
                );
                if !gaps.os {
                    let _ = write!(out, " \"os\": \"{os}\",");
                }
                let _ = write!(out, " \"platform\": \"{platform}\"");
                if platform == "virtual" {
                    // A well-run guest: the virtualization rules have nothing to add.
                    out.push_str(VIRTUALIZATION);
                }
                if !gaps.domain {
                    out.push_str(", \"domain\": \"contoso.com\"");
                }
                let _ = writeln!(out, " }}{comma}");
            }
            out.push_str("      ],\n");
            if !standard {
                let _ = writeln!(out, "      \"back_end\": \"be-p{number}\",");
            }
            let comma = if last && side == 1 { "" } else { "," };
            let _ = writeln!(
                out,
                "      \"backup_pool\": \"{partner}\",\n      \"voice_failover\": {{ \"automatic\": true, \"failure_detection_seconds\": 120, \"failback_seconds\": 240 }}\n    }}{comma}"
            );
        }
    }

    fn write_stores(&self, out: &mut String, first: &mut bool) {
        for side in 0..2 {
            let number = self.index * 2 + side;
            if side == 1 && self.violation == Some(Violation::EditionMismatch) {
                continue;
            }
            if !std::mem::take(first) {
                out.push_str(",\n");
            }
            let mirroring_on_2019 = side == 0 && self.violation == Some(Violation::MirroringOn2019);
            let (sql, service_pack) = self.generation.sql();
            let _ = write!(
                out,
                "    {{\n      \"id\": \"be-p{number}\", \"version\": \"{sql}\", \"edition\": \"enterprise\","
            );
            if let Some(service_pack) = service_pack {
                let _ = write!(out, " \"service_pack\": {service_pack},");
            }
            out.push_str(" \"cumulative_update\": 5,\n");
            let domain = if self.gaps.get(side).is_some_and(|g| g.domain) {
                ""
            } else {
                ", \"domain\": \"contoso.com\""
            };
            let node = |role: &str| {
                format!(
                    "{{ \"fqdn\": \"sql{role}-p{number}.contoso.com\", \"instance\": \"rtc\", \"network_interfaces\": 1{domain}"
                )
            };
            match self.generation {
                Generation::Sfb2019 if !mirroring_on_2019 => {
                    let _ = write!(
                        out,
                        "      \"ha\": {{\n        \"mode\": \"always_on_ag\", \"listener\": \"agl-p{number}.contoso.com\", \"quorum_witness\": \"file_share\",\n        \
                         \"replicas\": [\n          {}, \"commit\": \"synchronous\", \"failover\": \"automatic\" }},\n          \
                         {}, \"commit\": \"synchronous\", \"failover\": \"automatic\" }}\n        ]\n      }}\n",
                        node("1"),
                        node("2"),
                    );
                }
                Generation::Sfb2015Cluster => {
                    let _ = write!(
                        out,
                        "      \"ha\": {{\n        \"mode\": \"always_on_fci\", \"virtual_name\": \"sqlv-p{number}.contoso.com\", \"instance\": \"rtc\", \"quorum_witness\": \"disk\",\n        \
                         \"nodes\": [\n          {} }},\n          {} }}\n        ]\n      }}\n",
                        node("1"),
                        node("2"),
                    );
                }
                _ => {
                    let witness_version =
                        if side == 0 && self.violation == Some(Violation::WitnessVersion) {
                            ", \"version\": \"2014\""
                        } else {
                            ""
                        };
                    let _ = write!(
                        out,
                        "      \"ha\": {{\n        \"mode\": \"mirroring\", \"synchronous\": true,\n        \
                         \"principal\": {} }},\n        \"mirror\": {} }},\n        \"witness\": {}{witness_version} }}\n      }}\n",
                        node("1"),
                        node("2"),
                        node("w"),
                    );
                }
            }
            out.push_str("    }");
        }
    }
}

/// SplitMix64: a fixed, well-mixed function of the seed and index, so output needs no
/// random-number crate and never changes between releases.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}
