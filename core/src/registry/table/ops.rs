//! OPS: failover operations.

use super::shared::{
    ALL, BACK_END_SERVER_USER_EXPERIENCE, BACKUP_SERVICE, DEPLOY_PAIR_STEPS, USER_EXPERIENCE,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const FAILING_OVER_AND_BACK: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "",
};
const USER_EXPERIENCE_FAILOVER: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/user-experience.md",
    heading: "User experience during failover",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "OPS-001",
        name: "ops-failover-is-manual",
        title: "Pool failover and failback are always manual",
        family: Family::Ops,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DEPLOY_PAIR_STEPS, FAILING_OVER_AND_BACK],
        evaluation: Evaluation::Guidance(
            "an operational fact used by `hadr-rules simulate`, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "Pool failover and failback between paired pools always need an administrator to run `Invoke-CsPoolFailover -DisasterMode` and `Invoke-CsPoolFailback`. `hadr-rules simulate` reports this when a paired pool is lost.",
            why: "The Topology Builder option \"Automatic failover and failback for Voice\" applies only to voice resiliency; it does not make pool failover automatic, so nothing happens until an administrator acts.",
            example: "A DR plan expects the users of `pool-dal.contoso.com` to move to `pool-chi.contoso.com` on their own because automatic voice failover is selected on the pair.",
            fix: "Put `Invoke-CsPoolFailover -PoolFQDN <pool> -DisasterMode` (after any CMS failover) and `Invoke-CsPoolFailback -PoolFQDN <pool>` in the runbook, with someone on call to run them.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OPS-002",
        name: "ops-users-not-rehomed",
        title: "Users are not rehomed by failover",
        family: Family::Ops,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[USER_EXPERIENCE],
        evaluation: Evaluation::Guidance(
            "an operational fact about pool failover, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "Failover and failback do not rehome users: users of a failed pool are serviced temporarily by the backup pool and stay homed on their original pool, to which failback returns them. The engine lists this as guidance.",
            why: "The home pool in the topology does not change during a failover, so reports and tools still show users on the failed pool until failback.",
            example: "After `pool-dal.contoso.com` is failed over, the runbook expects its users to appear as homed on `pool-chi.contoso.com`.",
            fix: "Treat failover as temporary service from the backup pool, and fail the users back with `Invoke-CsPoolFailback` once the home pool is restored; move users only if they should stay elsewhere for good.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OPS-003",
        name: "ops-failover-session-impact",
        title: "Session impact of a pool failover",
        family: Family::Ops,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[USER_EXPERIENCE_FAILOVER],
        evaluation: Evaluation::Guidance(
            "an operational fact about pool failover, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "When a pool fails, its users are signed out, and the peer-to-peer sessions they take part in and the conferences they organize end. They can sign in to the backup pool once the registrar resiliency timer expires or the administrator starts the failover, and stay in Resiliency mode until the failover completes. The engine lists this as guidance.",
            why: "In Resiliency mode users cannot make persistent changes such as adding a contact, and calls, meetings and conversations must be re-established after the failover.",
            example: "A DR plan promises that meetings organized by users of `pool-dal.contoso.com` continue through a failover to `pool-chi.contoso.com`.",
            fix: "Tell users that sessions end and must be re-established, and start the failover promptly to shorten the time in Resiliency mode.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OPS-004",
        name: "ops-backup-status-directional",
        title: "Backup Service status is directional",
        family: Family::Ops,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACKUP_SERVICE],
        evaluation: Evaluation::Guidance(
            "an operational fact about Backup Service monitoring, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "`Get-CsBackupServiceStatus` reports the sync status from a pool to its backup pool only: P1 to P2 may differ from P2 to P1. \"Steady\" means all changes are replicated within the sync interval; \"final\" means no changes are left to replicate. The engine lists this as guidance.",
            why: "Either state is only a snapshot at the time the cmdlet runs; checking one direction says nothing about the other.",
            example: "An operator checks `Get-CsBackupServiceStatus -PoolFqdn pool-dal.contoso.com` only and concludes the pair `pool-dal.contoso.com` / `pool-chi.contoso.com` is in sync both ways.",
            fix: "Check the status for both pools of the pair, and recheck it right before a planned failover.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OPS-005",
        name: "ops-no-witness-resiliency-mode",
        title: "Without a Back End witness users keep working ~30 minutes, then enter Resiliency mode",
        family: Family::Ops,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_USER_EXPERIENCE],
        evaluation: Evaluation::Guidance(
            "an operational fact used by `hadr-rules simulate`, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "When the back end becomes unavailable and no automatic failover happens (mirroring without a witness), users continue their sessions for about 30 minutes; if the back end is not restored or failed over by then, they enter Resiliency mode. `hadr-rules simulate` reports this when a pool's back end is unavailable or needs a manual failover.",
            why: "In Resiliency mode users cannot make persistent changes such as adding a contact; without a witness the administrator has about 30 minutes to fail the back end over manually.",
            example: "The principal Back End Server of `pool-dal.contoso.com`, mirrored without a witness, fails at night and nobody fails it over within 30 minutes.",
            fix: "Deploy a mirroring witness so that Back End failover is automatic, or make sure an administrator can invoke the failover within about 30 minutes.",
        },
        ..Rule::STABLE
    },
];
