// HadrRules.dll: the C# binding of the hadr-rules C ABI (include/hadr_rules.h). P/Invoke
// declarations, SafeHandle subclasses over the library's free functions, IDisposable wrappers
// (Engine, Topology, Report), and exceptions mapped from the status codes (HadrException and
// its subclasses). Strings cross as UTF-8 bytes (NUL-terminated tokens, length-delimited
// documents); strings the library allocates are copied and freed with hadr_string_free at once.
//
// Build: mcs -target:library -out:HadrRules.dll HadrRules.cs (or `dotnet pack` with
// HadrRules.csproj). The native library is loaded by the name "hadr_rules": libhadr_rules.so
// (Linux), libhadr_rules.dylib (macOS), hadr_rules.dll (Windows), as `cargo cinstall` installs
// it; see docs/c-abi.md ("From C#") for where the runtime looks.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

// The tests call the raw declarations (Native) to check the ABI's error paths.
[assembly: InternalsVisibleTo("HadrRulesTest")]

namespace HadrRules
{
    /// <summary>The hadr_status codes.</summary>
    public enum Status : uint
    {
        Ok = 7000,
        NullParameter = 7001,
        InvalidUtf8 = 7002,
        InvalidTopology = 7003,
        InvalidArgument = 7004,
        IndexOutOfRange = 7005,
        BufferTooSmall = 7006,
        Panic = 7007,
        InternalError = 7008,
    }

    public enum Severity : uint { Info = 0, Warning = 1, Error = 2 }

    /// <summary>The flags of hadr_simulate_json (HADR_SIMULATE_*).</summary>
    [Flags]
    public enum SimulateFlags : uint { None = 0, AllSingle = 1, Sites = 2 }

    public enum Support : uint { No = 0, Yes = 1, Undocumented = 2 }

    public enum QuorumStatus : uint { Needs = 0, NotSupported = 1, Undocumented = 2 }

    /// <summary>hadr_str: a borrowed view, valid while its owner lives.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct HadrStr
    {
        public IntPtr Data;
        public UIntPtr Len;

        public string ToManaged()
        {
            int len = checked((int)Len.ToUInt64());
            var bytes = new byte[len];
            if (len > 0)
            {
                Marshal.Copy(Data, bytes, 0, len);
            }
            return Encoding.UTF8.GetString(bytes);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct HadrSummary
    {
        public UIntPtr Error, Warning, Info, NotEvaluated, Suppressed;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct HadrDiagnostic
    {
        public HadrStr Rule, Severity, Subject, Path, Message, Help, Suppressed;
        public uint Level;
        [MarshalAs(UnmanagedType.U1)] public bool NotEvaluated;
        [MarshalAs(UnmanagedType.U1)] public bool Unverified;
        [MarshalAs(UnmanagedType.U1)] public bool IsSuppressed;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct HadrQuorumCondition
    {
        public UIntPtr Count, OfFirst;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct HadrQuorum
    {
        public const int MaxConditions = 4; // HADR_QUORUM_MAX_CONDITIONS
        public uint Status;
        public UIntPtr ConditionCount;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = MaxConditions)]
        public HadrQuorumCondition[] Conditions;
    }

    public sealed class EngineHandle : SafeHandle
    {
        public EngineHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.hadr_engine_free(handle); return true; }
    }

    public sealed class TopologyHandle : SafeHandle
    {
        public TopologyHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.hadr_topology_free(handle); return true; }
    }

    public sealed class ReportHandle : SafeHandle
    {
        public ReportHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.hadr_report_free(handle); return true; }
    }

    public sealed class VerdictHandle : SafeHandle
    {
        public VerdictHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.hadr_verdict_free(handle); return true; }
    }

    internal static class Native
    {
        private const string Lib = "hadr_rules";

        [DllImport(Lib)] public static extern IntPtr hadr_version();
        [DllImport(Lib)] public static extern Status hadr_status_message(uint status, byte[] buf, UIntPtr len, out UIntPtr written);
        [DllImport(Lib)] public static extern void hadr_string_free(IntPtr s);
        [DllImport(Lib)] public static extern Status hadr_check_json(byte[] json, UIntPtr len, out IntPtr reportJson);
        [DllImport(Lib)] public static extern Status hadr_check_input(byte[] input, UIntPtr len, byte[] factsJson, UIntPtr factsLen, out IntPtr reportJson);
        [DllImport(Lib)] public static extern Status hadr_import_xml(byte[] input, UIntPtr len, byte[] factsJson, UIntPtr factsLen, out IntPtr documentJson);
        [DllImport(Lib)] public static extern Status hadr_simulate_json(byte[] json, UIntPtr len, byte[] fail, UIntPtr failLen, uint flags, out IntPtr simulationJson);

        [DllImport(Lib)] public static extern Status hadr_engine_new(out EngineHandle engine);
        [DllImport(Lib)] public static extern void hadr_engine_free(IntPtr engine);
        [DllImport(Lib)] public static extern Status hadr_engine_set_fail_level(EngineHandle engine, byte[] level);
        [DllImport(Lib)] public static extern Status hadr_engine_set_allow_basic_ag_on_standard(EngineHandle engine, [MarshalAs(UnmanagedType.U1)] bool allow);
        [DllImport(Lib)] public static extern Status hadr_engine_set_severity(EngineHandle engine, byte[] selector, byte[] level);
        [DllImport(Lib)] public static extern Status hadr_engine_suppress(EngineHandle engine, byte[] selector, byte[] subject, byte[] reason);
        [DllImport(Lib)] public static extern Status hadr_engine_ignore(EngineHandle engine, byte[] selector);
        [DllImport(Lib)] public static extern Status hadr_engine_select(EngineHandle engine, byte[] selector);
        [DllImport(Lib)] public static extern Status hadr_engine_set_as_of(EngineHandle engine, byte[] date);
        [DllImport(Lib)] public static extern Status hadr_engine_set_approaching_months(EngineHandle engine, uint months);
        [DllImport(Lib)] public static extern Status hadr_engine_set_target_product(EngineHandle engine, byte[] product);
        [DllImport(Lib)] public static extern Status hadr_engine_check(EngineHandle engine, TopologyHandle topology, out ReportHandle report);

        [DllImport(Lib)] public static extern Status hadr_topology_parse(byte[] json, UIntPtr len, out TopologyHandle topology, out IntPtr errorsJson);
        [DllImport(Lib)] public static extern void hadr_topology_free(IntPtr topology);

        [DllImport(Lib)] public static extern Status hadr_report_diagnostic_count(ReportHandle report, out UIntPtr count);
        [DllImport(Lib)] public static extern Status hadr_report_summary(ReportHandle report, out HadrSummary summary);
        [DllImport(Lib)] public static extern Status hadr_report_fails(ReportHandle report, [MarshalAs(UnmanagedType.U1)] out bool fails);
        [DllImport(Lib)] public static extern Status hadr_report_diagnostic(ReportHandle report, UIntPtr index, out HadrDiagnostic diagnostic);
        [DllImport(Lib)] public static extern Status hadr_report_to_json(ReportHandle report, out IntPtr json);
        [DllImport(Lib)] public static extern void hadr_report_free(IntPtr report);

        [DllImport(Lib)] public static extern Status hadr_back_end_support(byte[] product, byte[] haMode, byte[] sqlVersion, byte[] sqlEdition, out VerdictHandle verdict);
        [DllImport(Lib)] public static extern Status hadr_verdict_support(VerdictHandle verdict, out Support support);
        [DllImport(Lib)] public static extern Status hadr_verdict_unverified(VerdictHandle verdict, [MarshalAs(UnmanagedType.U1)] out bool unverified);
        [DllImport(Lib)] public static extern Status hadr_verdict_contested(VerdictHandle verdict, [MarshalAs(UnmanagedType.U1)] out bool contested);
        [DllImport(Lib)] public static extern Status hadr_verdict_reason(VerdictHandle verdict, out HadrStr reason);
        [DllImport(Lib)] public static extern Status hadr_verdict_rule_count(VerdictHandle verdict, out UIntPtr count);
        [DllImport(Lib)] public static extern Status hadr_verdict_rule(VerdictHandle verdict, UIntPtr index, out HadrStr rule);
        [DllImport(Lib)] public static extern void hadr_verdict_free(IntPtr verdict);

        [DllImport(Lib)] public static extern Status hadr_sql_versions_json(byte[] product, out IntPtr json);
        [DllImport(Lib)] public static extern Status hadr_os_versions_json(byte[] product, out IntPtr json);
        [DllImport(Lib)] public static extern Status hadr_sql_version_count(byte[] product, out UIntPtr count);
        [DllImport(Lib)] public static extern Status hadr_sql_version(byte[] product, UIntPtr index, out HadrStr version);
        [DllImport(Lib)] public static extern Status hadr_os_version_count(byte[] product, out UIntPtr count);
        [DllImport(Lib)] public static extern Status hadr_os_version(byte[] product, UIntPtr index, out HadrStr os);
        [DllImport(Lib)] public static extern Status hadr_first_start_quorum(byte[] product, UIntPtr servers, out HadrQuorum quorum);
        [DllImport(Lib)] public static extern Status hadr_functional_quorum(byte[] product, UIntPtr servers, out HadrQuorum quorum);

        /// <summary>A NUL-terminated UTF-8 copy of a string; null stays null (a NULL pointer).</summary>
        public static byte[] Utf8Z(string s)
        {
            if (s == null)
            {
                return null;
            }
            var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
            Encoding.UTF8.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        /// <summary>Copies a NUL-terminated string the library returned and frees it.</summary>
        public static string TakeString(IntPtr s)
        {
            if (s == IntPtr.Zero)
            {
                return null;
            }
            try
            {
                int len = 0;
                while (Marshal.ReadByte(s, len) != 0)
                {
                    len++;
                }
                var bytes = new byte[len];
                Marshal.Copy(s, bytes, 0, len);
                return Encoding.UTF8.GetString(bytes);
            }
            finally
            {
                hadr_string_free(s);
            }
        }

        /// <summary>The length of an optional buffer: 0 for null (passed as NULL).</summary>
        public static UIntPtr Length(byte[] bytes)
        {
            return (UIntPtr)(bytes == null ? 0 : bytes.Length);
        }

        /// <summary>The JSON a call wrote, or a HadrException with the errors JSON.</summary>
        public static string TakeJson(Status status, IntPtr json)
        {
            string text = TakeString(json);
            if (status != Status.Ok)
            {
                throw HadrException.From(status, text);
            }
            return text;
        }

        public static void Check(Status status)
        {
            if (status != Status.Ok)
            {
                throw HadrException.From(status, null);
            }
        }
    }

    /// <summary>A call failed with Status. Thrown as the subclass of its kind of status:
    /// InvalidTopologyException, HadrArgumentException or HadrInternalException.</summary>
    public class HadrException : Exception
    {
        public Status Status { get; private set; }
        /// <summary>For an unreadable topology, {"errors": [...]}; else null.</summary>
        public string ErrorsJson { get; private set; }

        protected HadrException(Status status, string errorsJson)
            : base(Library.StatusMessage(status) + (errorsJson != null ? ": " + errorsJson : ""))
        {
            Status = status;
            ErrorsJson = errorsJson;
        }

        /// <summary>The exception of a status other than Ok.</summary>
        public static HadrException From(Status status, string errorsJson)
        {
            switch (status)
            {
                case Status.InvalidTopology:
                    return new InvalidTopologyException(errorsJson);
                case Status.NullParameter:
                case Status.InvalidUtf8:
                case Status.InvalidArgument:
                case Status.IndexOutOfRange:
                case Status.BufferTooSmall:
                    return new HadrArgumentException(status);
                default:
                    // Panic, InternalError, and any status a newer library may add.
                    return new HadrInternalException(status);
            }
        }
    }

    /// <summary>The input is not a readable topology (or facts document); ErrorsJson names
    /// each error's JSON path or XML line and what was expected.</summary>
    public sealed class InvalidTopologyException : HadrException
    {
        public InvalidTopologyException(string errorsJson) : base(Status.InvalidTopology, errorsJson) { }
    }

    /// <summary>An argument was refused: NULL, not UTF-8, an unknown token, an index out of
    /// range, a buffer too small.</summary>
    public sealed class HadrArgumentException : HadrException
    {
        public HadrArgumentException(Status status) : base(status, null) { }
    }

    /// <summary>A bug inside the library (a caught panic, an internal error): please report it.</summary>
    public sealed class HadrInternalException : HadrException
    {
        public HadrInternalException(Status status) : base(status, null) { }
    }

    public static class Library
    {
        public static string Version
        {
            get { return Marshal.PtrToStringAnsi(Native.hadr_version()); }
        }

        public static string StatusMessage(Status status)
        {
            var buf = new byte[128]; // HADR_STATUS_MESSAGE_MAX
            UIntPtr written;
            if (Native.hadr_status_message((uint)status, buf, (UIntPtr)buf.Length, out written) != Status.Ok)
            {
                return "unknown status " + (uint)status;
            }
            return Encoding.UTF8.GetString(buf, 0, (int)written.ToUInt64());
        }

        /// <summary>The report JSON of a document with the default options (hadr_check_json).</summary>
        public static string CheckJson(byte[] topologyJson)
        {
            IntPtr json;
            var status = Native.hadr_check_json(topologyJson, (UIntPtr)topologyJson.Length, out json);
            string text = Native.TakeString(json);
            if (status != Status.Ok)
            {
                throw HadrException.From(status, text);
            }
            return text;
        }

        /// <summary>The format-1 document of topology XML, a .tbxml file or an
        /// Export-CsConfiguration zip, completed by an optional facts document (null for none),
        /// as `hadr-rules import FILE [--facts F]` (hadr_import_xml).</summary>
        public static string ImportXml(byte[] input, byte[] factsJson)
        {
            IntPtr json;
            var status = Native.hadr_import_xml(input, Native.Length(input), factsJson, Native.Length(factsJson), out json);
            return Native.TakeJson(status, json);
        }

        /// <summary>The report JSON of any input `hadr-rules check` reads (JSON, XML, .tbxml,
        /// zip) with optional facts (null for none) and the default options
        /// (hadr_check_input).</summary>
        public static string CheckInput(byte[] input, byte[] factsJson)
        {
            IntPtr json;
            var status = Native.hadr_check_input(input, Native.Length(input), factsJson, Native.Length(factsJson), out json);
            return Native.TakeJson(status, json);
        }

        /// <summary>The simulation JSON of a format-1 document, as `hadr-rules simulate
        /// --format json` (hadr_simulate_json). `fail`: scenarios separated by ';', names by
        /// ','; null or "" for none. With no scenario and no flag: both flags.</summary>
        public static string SimulateJson(byte[] topologyJson, string fail, SimulateFlags flags)
        {
            byte[] failBytes = string.IsNullOrEmpty(fail) ? null : Encoding.UTF8.GetBytes(fail);
            IntPtr json;
            var status = Native.hadr_simulate_json(topologyJson, Native.Length(topologyJson), failBytes,
                Native.Length(failBytes), (uint)flags, out json);
            return Native.TakeJson(status, json);
        }

        public static Verdict BackEndSupport(string product, string haMode, string sqlVersion, string sqlEdition)
        {
            VerdictHandle handle;
            Native.Check(Native.hadr_back_end_support(Native.Utf8Z(product), Native.Utf8Z(haMode),
                Native.Utf8Z(sqlVersion), Native.Utf8Z(sqlEdition), out handle));
            using (handle)
            {
                return new Verdict(handle);
            }
        }

        public static string SqlVersionsJson(string product)
        {
            IntPtr json;
            Native.Check(Native.hadr_sql_versions_json(Native.Utf8Z(product), out json));
            return Native.TakeString(json);
        }

        public static string OsVersionsJson(string product)
        {
            IntPtr json;
            Native.Check(Native.hadr_os_versions_json(Native.Utf8Z(product), out json));
            return Native.TakeString(json);
        }

        public static string[] SqlVersions(string product)
        {
            var p = Native.Utf8Z(product);
            UIntPtr count;
            Native.Check(Native.hadr_sql_version_count(p, out count));
            var versions = new string[(int)count.ToUInt64()];
            for (int i = 0; i < versions.Length; i++)
            {
                HadrStr token;
                Native.Check(Native.hadr_sql_version(p, (UIntPtr)i, out token));
                versions[i] = token.ToManaged();
            }
            return versions;
        }

        public static string[] OsVersions(string product)
        {
            var p = Native.Utf8Z(product);
            UIntPtr count;
            Native.Check(Native.hadr_os_version_count(p, out count));
            var versions = new string[(int)count.ToUInt64()];
            for (int i = 0; i < versions.Length; i++)
            {
                HadrStr token;
                Native.Check(Native.hadr_os_version(p, (UIntPtr)i, out token));
                versions[i] = token.ToManaged();
            }
            return versions;
        }

        public static Quorum FirstStartQuorum(string product, int servers)
        {
            HadrQuorum q;
            Native.Check(Native.hadr_first_start_quorum(Native.Utf8Z(product), (UIntPtr)servers, out q));
            return new Quorum(q);
        }

        public static Quorum FunctionalQuorum(string product, int servers)
        {
            HadrQuorum q;
            Native.Check(Native.hadr_functional_quorum(Native.Utf8Z(product), (UIntPtr)servers, out q));
            return new Quorum(q);
        }
    }

    /// <summary>Engine options; once configured, may check from many threads at once.</summary>
    public sealed class Engine : IDisposable
    {
        private readonly EngineHandle handle;

        public Engine()
        {
            Native.Check(Native.hadr_engine_new(out handle));
        }

        public Engine FailLevel(string level)
        {
            Native.Check(Native.hadr_engine_set_fail_level(handle, Native.Utf8Z(level)));
            return this;
        }

        public Engine AllowBasicAgOnStandard(bool allow)
        {
            Native.Check(Native.hadr_engine_set_allow_basic_ag_on_standard(handle, allow));
            return this;
        }

        public Engine Severity(string selector, string level)
        {
            Native.Check(Native.hadr_engine_set_severity(handle, Native.Utf8Z(selector), Native.Utf8Z(level)));
            return this;
        }

        public Engine Suppress(string selector, string subject, string reason)
        {
            Native.Check(Native.hadr_engine_suppress(handle, Native.Utf8Z(selector), Native.Utf8Z(subject), Native.Utf8Z(reason)));
            return this;
        }

        public Engine Ignore(string selector)
        {
            Native.Check(Native.hadr_engine_ignore(handle, Native.Utf8Z(selector)));
            return this;
        }

        public Engine Select(string selector)
        {
            Native.Check(Native.hadr_engine_select(handle, Native.Utf8Z(selector)));
            return this;
        }

        public Engine AsOf(string date)
        {
            Native.Check(Native.hadr_engine_set_as_of(handle, Native.Utf8Z(date)));
            return this;
        }

        public Engine ApproachingMonths(uint months)
        {
            Native.Check(Native.hadr_engine_set_approaching_months(handle, months));
            return this;
        }

        public Engine TargetProduct(string product)
        {
            Native.Check(Native.hadr_engine_set_target_product(handle, Native.Utf8Z(product)));
            return this;
        }

        public Report Check(Topology topology)
        {
            ReportHandle report;
            Native.Check(Native.hadr_engine_check(handle, topology.Handle, out report));
            return new Report(report);
        }

        public void Dispose() { handle.Dispose(); }
    }

    public sealed class Topology : IDisposable
    {
        internal readonly TopologyHandle Handle;

        public Topology(byte[] json)
        {
            IntPtr errors;
            var status = Native.hadr_topology_parse(json, (UIntPtr)json.Length, out Handle, out errors);
            string errorsJson = status == Status.InvalidTopology ? Native.TakeString(errors) : null;
            if (status != Status.Ok)
            {
                throw HadrException.From(status, errorsJson);
            }
        }

        public void Dispose() { Handle.Dispose(); }
    }

    public sealed class Diagnostic
    {
        public string Rule, SeverityToken, Subject, Path, Message, Help, SuppressedReason;
        public Severity Level;
        public bool NotEvaluated, Unverified, IsSuppressed;
    }

    public sealed class Summary
    {
        public ulong Error, Warning, Info, NotEvaluated, Suppressed;
    }

    public sealed class Report : IDisposable
    {
        private readonly ReportHandle handle;

        internal Report(ReportHandle handle) { this.handle = handle; }

        public int Count
        {
            get
            {
                UIntPtr count;
                Native.Check(Native.hadr_report_diagnostic_count(handle, out count));
                return (int)count.ToUInt64();
            }
        }

        public Summary Summary
        {
            get
            {
                HadrSummary s;
                Native.Check(Native.hadr_report_summary(handle, out s));
                return new Summary
                {
                    Error = s.Error.ToUInt64(),
                    Warning = s.Warning.ToUInt64(),
                    Info = s.Info.ToUInt64(),
                    NotEvaluated = s.NotEvaluated.ToUInt64(),
                    Suppressed = s.Suppressed.ToUInt64(),
                };
            }
        }

        public bool Fails
        {
            get
            {
                bool fails;
                Native.Check(Native.hadr_report_fails(handle, out fails));
                return fails;
            }
        }

        /// <summary>The i-th diagnostic, copied out of the report's views.</summary>
        public Diagnostic this[int index]
        {
            get
            {
                HadrDiagnostic d;
                Native.Check(Native.hadr_report_diagnostic(handle, (UIntPtr)index, out d));
                var diagnostic = new Diagnostic
                {
                    Rule = d.Rule.ToManaged(),
                    SeverityToken = d.Severity.ToManaged(),
                    Subject = d.Subject.ToManaged(),
                    Path = d.Path.ToManaged(),
                    Message = d.Message.ToManaged(),
                    Help = d.Help.ToManaged(),
                    SuppressedReason = d.IsSuppressed ? d.Suppressed.ToManaged() : null,
                    Level = (Severity)d.Level,
                    NotEvaluated = d.NotEvaluated,
                    Unverified = d.Unverified,
                    IsSuppressed = d.IsSuppressed,
                };
                // The views point into the report: keep it alive until they are copied.
                GC.KeepAlive(handle);
                return diagnostic;
            }
        }

        public string ToJson()
        {
            IntPtr json;
            Native.Check(Native.hadr_report_to_json(handle, out json));
            return Native.TakeString(json);
        }

        public void Dispose() { handle.Dispose(); }
    }

    public sealed class Verdict
    {
        public Support Support;
        public bool Unverified, Contested;
        public string[] Rules;
        public string Reason;

        internal Verdict(VerdictHandle handle)
        {
            Native.Check(Native.hadr_verdict_support(handle, out Support));
            Native.Check(Native.hadr_verdict_unverified(handle, out Unverified));
            Native.Check(Native.hadr_verdict_contested(handle, out Contested));
            HadrStr reason;
            Native.Check(Native.hadr_verdict_reason(handle, out reason));
            Reason = reason.ToManaged();
            UIntPtr count;
            Native.Check(Native.hadr_verdict_rule_count(handle, out count));
            Rules = new string[(int)count.ToUInt64()];
            for (int i = 0; i < Rules.Length; i++)
            {
                HadrStr rule;
                Native.Check(Native.hadr_verdict_rule(handle, (UIntPtr)i, out rule));
                Rules[i] = rule.ToManaged();
            }
        }
    }

    public sealed class Quorum
    {
        public QuorumStatus Status;
        /// <summary>Pairs (count, ofFirst); ofFirst 0 means any servers.</summary>
        public ulong[][] Conditions;

        internal Quorum(HadrQuorum q)
        {
            Status = (QuorumStatus)q.Status;
            Conditions = new ulong[(int)q.ConditionCount.ToUInt64()][];
            for (int i = 0; i < Conditions.Length; i++)
            {
                Conditions[i] = new[] { q.Conditions[i].Count.ToUInt64(), q.Conditions[i].OfFirst.ToUInt64() };
            }
        }
    }
}
