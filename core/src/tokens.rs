//! The enumerated values of the topology format and the rule catalog.
//!
//! Every token has exactly one spelling, shared by the JSON format, the report, the command line
//! and the bindings.

use std::fmt;

/// Declares a token enum: its serde spelling, `ALL`, `as_str` and `Display` come from one list.
macro_rules! tokens {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in catalog order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The token as written in documents and reports.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value spelt `text`, if any.
            pub fn from_token(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str() == text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tokens! {
    /// Product version of a pool.
    Product {
        /// Lync Server 2013.
        Lync2013 = "lync2013",
        /// Skype for Business Server 2015.
        Sfb2015 = "sfb2015",
        /// Skype for Business Server 2019.
        Sfb2019 = "sfb2019",
        /// Skype for Business Server Subscription Edition.
        SfbSe = "sfbse",
    }
}

impl Product {
    /// The product's name as Microsoft writes it.
    pub const fn display_name(self) -> &'static str {
        match self {
            Product::Lync2013 => "Lync Server 2013",
            Product::Sfb2015 => "Skype for Business Server 2015",
            Product::Sfb2019 => "Skype for Business Server 2019",
            Product::SfbSe => "Skype for Business Server Subscription Edition",
        }
    }

    /// The catalog's short token (`L13`, `S15`, `S19`, `SE`).
    pub const fn catalog_token(self) -> &'static str {
        match self {
            Product::Lync2013 => "L13",
            Product::Sfb2015 => "S15",
            Product::Sfb2019 => "S19",
            Product::SfbSe => "SE",
        }
    }
}

tokens! {
    /// Windows Server version.
    Os {
        Ws2008r2 = "ws2008r2",
        Ws2012 = "ws2012",
        Ws2012r2 = "ws2012r2",
        Ws2016 = "ws2016",
        Ws2019 = "ws2019",
        Ws2022 = "ws2022",
        Ws2025 = "ws2025",
    }
}

impl Os {
    /// The version's name as Microsoft writes it.
    pub const fn display_name(self) -> &'static str {
        match self {
            Os::Ws2008r2 => "Windows Server 2008 R2",
            Os::Ws2012 => "Windows Server 2012",
            Os::Ws2012r2 => "Windows Server 2012 R2",
            Os::Ws2016 => "Windows Server 2016",
            Os::Ws2019 => "Windows Server 2019",
            Os::Ws2022 => "Windows Server 2022",
            Os::Ws2025 => "Windows Server 2025",
        }
    }
}

tokens! {
    /// SQL Server major version.
    SqlVersion {
        V2008r2 = "2008r2",
        V2012 = "2012",
        V2014 = "2014",
        V2016 = "2016",
        V2017 = "2017",
        V2019 = "2019",
        V2022 = "2022",
    }
}

impl SqlVersion {
    /// The version's name as Microsoft writes it.
    pub const fn display_name(self) -> &'static str {
        match self {
            SqlVersion::V2008r2 => "SQL Server 2008 R2",
            SqlVersion::V2012 => "SQL Server 2012",
            SqlVersion::V2014 => "SQL Server 2014",
            SqlVersion::V2016 => "SQL Server 2016",
            SqlVersion::V2017 => "SQL Server 2017",
            SqlVersion::V2019 => "SQL Server 2019",
            SqlVersion::V2022 => "SQL Server 2022",
        }
    }
}

tokens! {
    /// SQL Server edition.
    SqlEdition {
        Express = "express",
        Standard = "standard",
        Enterprise = "enterprise",
    }
}

tokens! {
    /// Central or branch site.
    SiteKind {
        Central = "central",
        Branch = "branch",
    }
}

tokens! {
    /// Server role of a pool.
    PoolKind {
        FrontEnd = "front_end",
        Director = "director",
        Edge = "edge",
        Mediation = "mediation",
        PersistentChat = "persistent_chat",
        /// Survivable Branch Appliance.
        Sba = "sba",
        /// Survivable Branch Server.
        Sbs = "sbs",
    }
}

tokens! {
    /// Enterprise Edition pool or Standard Edition server.
    Edition {
        Enterprise = "enterprise",
        Standard = "standard",
    }
}

tokens! {
    /// Physical or virtual machine.
    Platform {
        Physical = "physical",
        Virtual = "virtual",
    }
}

tokens! {
    /// Which Central Management store a pool's back end hosts.
    CmsRole {
        Active = "active",
        Standby = "standby",
    }
}

tokens! {
    /// Load balancing of SIP traffic.
    SipLoadBalancing {
        Dns = "dns",
        Hardware = "hardware",
        None = "none",
    }
}

tokens! {
    /// Load balancing of web traffic.
    WebLoadBalancing {
        Hardware = "hardware",
        None = "none",
    }
}

tokens! {
    /// A server role collocated on a pool's servers (Topology Builder's collocation options).
    CollocatedRole {
        /// Mediation Server.
        Mediation = "mediation",
        /// A/V Conferencing Server.
        AvConferencing = "av_conferencing",
        /// Archiving Server.
        Archiving = "archiving",
        /// Monitoring Server.
        Monitoring = "monitoring",
    }
}

tokens! {
    /// Persistence of a hardware load balancer's web virtual IP.
    WebPersistence {
        SourceAddress = "source_address",
        Cookie = "cookie",
        None = "none",
    }
}

tokens! {
    /// Back-end high-availability mode of a SQL store.
    HaMode {
        None = "none",
        Mirroring = "mirroring",
        AlwaysOnAg = "always_on_ag",
        AlwaysOnFci = "always_on_fci",
        FailoverCluster = "failover_cluster",
    }
}

impl HaMode {
    /// The mode's name as Microsoft writes it.
    pub const fn display_name(self) -> &'static str {
        match self {
            HaMode::None => "no high availability",
            HaMode::Mirroring => "SQL mirroring",
            HaMode::AlwaysOnAg => "AlwaysOn Availability Groups",
            HaMode::AlwaysOnFci => "AlwaysOn Failover Cluster Instances",
            HaMode::FailoverCluster => "SQL failover clustering",
        }
    }

    /// The HA *solution* the mode belongs to: FCI and SQL failover clustering are one SQL
    /// feature under two names (catalog C-12), so they compare equal here.
    pub const fn solution(self) -> HaMode {
        match self {
            HaMode::FailoverCluster => HaMode::AlwaysOnFci,
            other => other,
        }
    }
}

tokens! {
    /// Commit mode of an availability-group replica.
    Commit {
        Synchronous = "synchronous",
        Asynchronous = "asynchronous",
    }
}

tokens! {
    /// Failover mode of an availability-group replica.
    FailoverMode {
        Automatic = "automatic",
        Manual = "manual",
    }
}

tokens! {
    /// Windows Server Failover Cluster quorum witness.
    QuorumWitness {
        FileShare = "file_share",
        Disk = "disk",
        Cloud = "cloud",
        None = "none",
    }
}

tokens! {
    /// High availability of a file store.
    FileStoreHa {
        None = "none",
        Dfs = "dfs",
        Cluster = "cluster",
    }
}

tokens! {
    /// Storage a file store's share lives on (FILE-003).
    FileStorage {
        /// Direct-attached storage.
        Das = "das",
        /// Storage area network.
        San = "san",
        /// Network-attached storage.
        Nas = "nas",
    }
}

tokens! {
    /// Where the DFS replicas of a file store are (FILE-001).
    DfsScope {
        /// Every replica in the file store's data center.
        DataCenter = "data_center",
        /// Replicas in more than one data center.
        CrossDataCenter = "cross_data_center",
    }
}

tokens! {
    /// The hypervisor a virtual server runs on (VIRT-008).
    Hypervisor {
        /// Windows Server Hyper-V.
        HyperV = "hyper_v",
        /// Any other hypervisor.
        Other = "other",
    }
}

tokens! {
    /// The kind of virtual disk a virtual server's data lives on (VIRT-006).
    VirtualDisk {
        Fixed = "fixed",
        PassThrough = "pass_through",
        Dynamic = "dynamic",
    }
}

tokens! {
    /// Severity of a diagnostic.
    Severity {
        Info = "info",
        Warning = "warning",
        Error = "error",
    }
}

tokens! {
    /// Rule family, the prefix of a rule ID.
    Family {
        Pair = "PAIR",
        Fe = "FE",
        Be = "BE",
        Wit = "WIT",
        Sql = "SQL",
        Os = "OS",
        Virt = "VIRT",
        Net = "NET",
        Lb = "LB",
        Edge = "EDGE",
        Dir = "DIR",
        Med = "MED",
        Voice = "VOICE",
        Sba = "SBA",
        Pchat = "PCHAT",
        File = "FILE",
        Cms = "CMS",
        Coex = "COEX",
        Rto = "RTO",
        Ops = "OPS",
        Life = "LIFE",
    }
}

impl Family {
    /// What the family covers.
    pub const fn title(self) -> &'static str {
        match self {
            Family::Pair => "Front End pool pairing (disaster recovery, backup registrar)",
            Family::Fe => "Front End pool sizing, quorum and operations",
            Family::Be => "Back End high availability (SQL store topology)",
            Family::Wit => "Witnesses and quorum arbiters",
            Family::Sql => "SQL Server version and edition support",
            Family::Os => "Operating system support",
            Family::Virt => "Virtualization",
            Family::Net => "Network interfaces",
            Family::Lb => "Load balancing",
            Family::Edge => "Edge pools",
            Family::Dir => "Director pools",
            Family::Med => "Mediation Server",
            Family::Voice => "Registrar resiliency (Enterprise Voice)",
            Family::Sba => "Branch survivability",
            Family::Pchat => "Persistent Chat Server",
            Family::File => "File store",
            Family::Cms => "Central Management store",
            Family::Coex => "Upgrade, migration and coexistence",
            Family::Rto => "Recovery targets",
            Family::Ops => "Failover operations",
            Family::Life => "Support lifecycle on the check date",
        }
    }
}
