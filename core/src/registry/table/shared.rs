//! Product lists and documentation sources that several families cite.

use crate::registry::Source;
use crate::tokens::Product;

pub(super) const ALL: &[Product] = &[
    Product::Lync2013,
    Product::Sfb2015,
    Product::Sfb2019,
    Product::SfbSe,
];
pub(super) const L13: &[Product] = &[Product::Lync2013];
pub(super) const L13_S15: &[Product] = &[Product::Lync2013, Product::Sfb2015];
pub(super) const S15: &[Product] = &[Product::Sfb2015];
pub(super) const S15_S19_SE: &[Product] = &[Product::Sfb2015, Product::Sfb2019, Product::SfbSe];
pub(super) const S19: &[Product] = &[Product::Sfb2019];
pub(super) const S19_SE: &[Product] = &[Product::Sfb2019, Product::SfbSe];
pub(super) const SE: &[Product] = &[Product::SfbSe];

pub(super) const AG_ON_MIRRORED_POOL: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
    heading: "Deploy an Always On Availability Group on an existing pool that uses database mirroring",
};
pub(super) const AG_ON_UNMIRRORED_POOL: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
    heading: "Deploy an Always On Availability Group on an existing pool that does not use database mirroring",
};
pub(super) const BACKUP_SERVICE: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/configuring-and-monitoring-the-backup-service.md",
    heading: "",
};
pub(super) const BACK_END_SERVER: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "",
};
pub(super) const BACK_END_SERVER_ALWAYS_ON: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "AlwaysOn Availability Groups and AlwaysOn Failover Cluster Instances",
};
pub(super) const BACK_END_SERVER_CLUSTERING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "SQL Server Failover Clustering",
};
pub(super) const BACK_END_SERVER_GUIDELINES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "Guidelines for planning Back End Server mirroring",
};
pub(super) const BACK_END_SERVER_MIRRORING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "Database mirroring",
};
pub(super) const BACK_END_SERVER_USER_EXPERIENCE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "User experience during Back End Server failure with database mirroring",
};
pub(super) const DEPLOY_PAIR_STEPS: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/front-end-pools-for-disaster-recovery.md",
    heading: "To deploy a pair of Front End pools",
};
pub(super) const DISASTER_RECOVERY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "",
};
pub(super) const DR_CMS_FAILOVER: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Central Management store failover",
};
pub(super) const HA_ADDITIONAL_STEPS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "Additional steps to ensure pools are functional",
};
pub(super) const HIGH_AVAILABILITY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "",
};
pub(super) const L13_BACK_END_HA: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-back-end-server-high-availability.md",
    heading: "",
};
pub(super) const L13_CAPACITY: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-capacity-planning-using-the-user-models.md",
    heading: "",
};
pub(super) const L13_CMS_FAILOVER: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-central-management-store-failover.md",
    heading: "",
};
pub(super) const L13_DATABASE_SOFTWARE: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-database-software-support.md",
    heading: "",
};
pub(super) const L13_FE_PLANNING: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "Planning for the Deployment of Front End Pools",
};
pub(super) const L13_FE_TOPOLOGIES: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "",
};
pub(super) const L13_PAIRING_OPTIONS: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-supported-pool-pairing-options-and-best-practices.md",
    heading: "",
};
pub(super) const S15_BACK_END_DATABASES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "Back end databases that will work with Skype for Business Server 2015",
};
pub(super) const S15_SERVER_REQUIREMENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "",
};
pub(super) const S15_USER_MODEL_FE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "Front End Server",
};
pub(super) const S19_MIGRATING_SITES: Source = Source {
    path: "Skype/SfBServer2019/migration/migrating-multiple-sites-and-pools.md",
    heading: "",
};
pub(super) const S19_OPERATING_SYSTEMS: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "Operating systems for Skype for Business Server 2019",
};
pub(super) const S19_SYSTEM_REQUIREMENTS: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "",
};
pub(super) const S19_USER_MODEL_FE: Source = Source {
    path: "Skype/SfBServer2019/plan/user-model-2019.md",
    heading: "Front End Server",
};
pub(super) const SE_NEWS: Source = Source {
    path: "https://www.neowin.net/",
    heading: "Skype for Business Server SE now available because Teams can't solve one problem",
};
pub(super) const SQL_MIRRORING: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md",
    heading: "",
};
pub(super) const SQL_MIRRORING_CMDLETS: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md",
    heading: "Using Skype for Business Server 2015 Management Shell Cmdlets to Set Up SQL Mirroring",
};
pub(super) const UPGRADE_IN_PLACE_METHODS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "In-place upgrade methods",
};
pub(super) const UPGRADE_OFFLINE_METHOD: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "In-place upgrade Offline method",
};
pub(super) const USER_EXPERIENCE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/user-experience.md",
    heading: "",
};
