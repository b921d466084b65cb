//! VIRT: virtual servers of Skype for Business Server 2019 and Subscription Edition pools (the
//! products the virtualization guidance covers).

use super::{Finding, Findings, server_path};
use crate::document::{Server, Virtualization};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{Hypervisor, Os, Platform, PoolKind, Product, VirtualDisk};
use crate::topology::Topology;

const RULES: [RuleId; 6] = [
    RuleId::Virt002,
    RuleId::Virt003,
    RuleId::Virt004,
    RuleId::Virt005,
    RuleId::Virt006,
    RuleId::Virt008,
];

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&RULES) {
        return;
    }
    for (index, pool, _) in topology.pools() {
        let covered = matches!(pool.product, Product::Sfb2019 | Product::SfbSe);
        if !covered || matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs) {
            continue;
        }
        let se = pool.product == Product::SfbSe;
        for (k, server) in pool.servers.iter().enumerate() {
            let guest = Guest {
                server,
                path: server_path(index, k, "virtualization"),
                se,
            };
            match server.platform {
                Some(Platform::Physical) => {}
                None => {
                    for rule in RULES {
                        out.push(Finding::not_evaluated(
                            rule,
                            &server.fqdn,
                            vec![server_path(index, k, "platform")],
                        ));
                    }
                }
                Some(Platform::Virtual) => guest.check(out),
            }
        }
    }
}

/// One virtual server.
struct Guest<'a> {
    server: &'a Server,
    path: Pointer,
    se: bool,
}

impl Guest<'_> {
    fn check(&self, out: &mut Findings) {
        let v = self.server.virtualization.as_ref();
        let get = |f: fn(&Virtualization) -> Option<bool>| v.and_then(f);
        self.flag(
            out,
            RuleId::Virt003,
            "live_migration",
            get(|v| v.live_migration),
            "has live migration enabled; moving a running guest is not supported",
        );
        self.flag(
            out,
            RuleId::Virt004,
            "host_hyper_threading",
            get(|v| v.host_hyper_threading),
            "runs on a host with hyper-threading enabled; disable it on every host",
        );
        self.flag(
            out,
            RuleId::Virt005,
            "dynamic_memory",
            get(|v| v.dynamic_memory),
            "has dynamic memory configured; give it static memory",
        );
        if out.wants(RuleId::Virt002) {
            match v.and_then(|v| v.vcpu_per_core) {
                None => self.not_evaluated(out, RuleId::Virt002, &["vcpu_per_core"]),
                Some(ratio) if ratio > 1.0 => {
                    let message = format!(
                        "the virtual server {} has {ratio} virtual CPUs per physical core; keep a 1:1 ratio",
                        self.server.fqdn
                    );
                    self.push(out, RuleId::Virt002, "vcpu_per_core", message, |f| {
                        f.fact("vcpu_per_core", serde_json::Value::from(ratio))
                    });
                }
                Some(_) => {}
            }
        }
        if out.wants(RuleId::Virt006) {
            match v.and_then(|v| v.disk) {
                None => self.not_evaluated(out, RuleId::Virt006, &["disk"]),
                Some(VirtualDisk::Dynamic) => {
                    let message = format!(
                        "the virtual server {} is on dynamic disks; use fixed or pass-through disks",
                        self.server.fqdn
                    );
                    self.push(out, RuleId::Virt006, "disk", message, |f| f);
                }
                Some(VirtualDisk::Fixed | VirtualDisk::PassThrough) => {}
            }
        }
        if out.wants(RuleId::Virt008) {
            self.hypervisor(v, out);
        }
    }

    /// VIRT-008: Hyper-V of Windows Server 2016 or 2019, or an SVVP-validated hypervisor.
    fn hypervisor(&self, v: Option<&Virtualization>, out: &mut Findings) {
        let fqdn = &self.server.fqdn;
        match (v.and_then(|v| v.hypervisor), v) {
            (None, _) | (_, None) => self.not_evaluated(out, RuleId::Virt008, &["hypervisor"]),
            (Some(Hypervisor::HyperV), Some(v)) => match v.host_os {
                None => self.not_evaluated(out, RuleId::Virt008, &["host_os"]),
                Some(Os::Ws2016 | Os::Ws2019) => {}
                Some(os) => {
                    // Later hosts are not named by the guidance: not documented, not refused.
                    let later = matches!(os, Os::Ws2022 | Os::Ws2025);
                    let message = format!(
                        "the virtual server {fqdn} runs on Hyper-V of {}; the guidance names Hyper-V of Windows Server 2016 and 2019",
                        os.display_name()
                    );
                    self.push(out, RuleId::Virt008, "host_os", message, |f| {
                        f.fact("host_os", os.as_str()).unverified(later)
                    });
                }
            },
            (Some(Hypervisor::Other), Some(v)) => match v.svvp_validated {
                None => self.not_evaluated(out, RuleId::Virt008, &["svvp_validated"]),
                Some(true) => {}
                Some(false) => {
                    let message = format!(
                        "the virtual server {fqdn} runs on a hypervisor that has not passed the Server Virtualization Validation Program for its Windows Server"
                    );
                    self.push(out, RuleId::Virt008, "svvp_validated", message, |f| f);
                }
            },
        }
    }

    /// A rule whose finding is a boolean fact set to `true`.
    fn flag(
        &self,
        out: &mut Findings,
        rule: RuleId,
        key: &'static str,
        value: Option<bool>,
        what: &str,
    ) {
        if !out.wants(rule) {
            return;
        }
        match value {
            None => self.not_evaluated(out, rule, &[key]),
            Some(true) => {
                let message = format!("the virtual server {} {what}", self.server.fqdn);
                self.push(out, rule, key, message, |f| f);
            }
            Some(false) => {}
        }
    }

    fn not_evaluated(&self, out: &mut Findings, rule: RuleId, keys: &[&'static str]) {
        let missing = keys.iter().map(|key| self.path.key(key)).collect();
        out.push(Finding::not_evaluated(rule, &self.server.fqdn, missing));
    }

    fn push(
        &self,
        out: &mut Findings,
        rule: RuleId,
        key: &'static str,
        message: String,
        extra: impl FnOnce(Finding) -> Finding,
    ) {
        let finding =
            Finding::new(rule, &self.server.fqdn, self.path.key(key), message).unverified(self.se);
        out.push(extra(finding));
    }
}
