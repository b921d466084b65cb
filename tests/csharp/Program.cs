// The C ABI from C#, through the binding in HadrRules.cs: the same results as tests/c/.
//
// Usage: mono test.exe REPO_ROOT [MANIFEST [COMMANDS]] (see tests/c/test_abi.c and
// tests/c/test_commands.c for the manifest formats).
// The library's expected version comes from the HADR_RULES_VERSION environment variable.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using HadrRules;

static class Program
{
    static int checks, failures;
    static readonly object Lock = new object();

    static void Check(bool condition, string what)
    {
        lock (Lock)
        {
            checks++;
            if (!condition)
            {
                failures++;
                Console.Error.WriteLine("check failed: " + what);
            }
        }
    }

    static void Equal<T>(T actual, T expected, string what)
    {
        Check(EqualityComparer<T>.Default.Equals(actual, expected),
            what + ": got <" + actual + ">, expected <" + expected + ">");
    }

    static Status StatusOf(Action action)
    {
        try
        {
            action();
            return Status.Ok;
        }
        catch (HadrException e)
        {
            return e.Status;
        }
    }

    static string root;

    static byte[] Read(string relative)
    {
        return File.ReadAllBytes(Path.Combine(root, relative));
    }

        // From `hadr-rules check --format json FILE`: file, {error, warning, info, not_evaluated, suppressed},
        // then each diagnostic as rule, severity, subject, path, flags (n: not evaluated, u: unverified).
        static readonly object[][] ExpectedReports =
        {
            new object[] { "examples/broken-cms-shared-back-end.json", new ulong[] { 3, 0, 0, 0, 0 }, new string[][] {
                new[] { "BE-025", "error", "ag-dal", "/pools/1/back_end", "" },
                new[] { "CMS-001", "error", "pool-dal.contoso.com", "/pools/0/cms", "" },
                new[] { "CMS-001", "error", "pool-hou.contoso.com", "/pools/2/cms", "" },
            } },
            new object[] { "examples/broken-mirroring-on-2019.json", new ulong[] { 3, 0, 0, 0, 0 }, new string[][] {
                new[] { "BE-002", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", "" },
                new[] { "BE-004", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", "" },
                new[] { "COEX-006", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", "" },
            } },
            new object[] { "examples/broken-pairing.json", new ulong[] { 6, 2, 1, 0, 0 }, new string[][] {
                new[] { "PAIR-001", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", "" },
                new[] { "PAIR-001", "error", "se-par.contoso.com", "/pools/1/backup_pool", "" },
                new[] { "PAIR-002", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", "" },
                new[] { "PAIR-002", "error", "se-par.contoso.com", "/pools/1/backup_pool", "" },
                new[] { "PAIR-003", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", "" },
                new[] { "PAIR-003", "error", "se-par.contoso.com", "/pools/1/backup_pool", "" },
                new[] { "PAIR-004", "warning", "pool-ams.contoso.com", "/pools/0/back_end", "" },
                new[] { "PAIR-004", "warning", "se-par.contoso.com", "/pools/1/back_end", "" },
                new[] { "CMS-002", "info", "pool-ams.contoso.com", "/pools/0/backup_pool", "" },
            } },
            new object[] { "examples/broken-two-server-2019.json", new ulong[] { 1, 2, 1, 0, 0 }, new string[][] {
                new[] { "FE-003", "error", "pool-syd.contoso.com", "/pools/0/servers", "" },
                new[] { "FE-002", "warning", "pool-syd.contoso.com", "/pools/0/servers", "" },
                new[] { "FE-004", "warning", "pool-syd.contoso.com", "/pools/0/servers", "" },
                new[] { "FE-007", "info", "pool-syd.contoso.com", "/pools/0/servers", "" },
            } },
            new object[] { "examples/broken-unsupported-os.json", new ulong[] { 6, 0, 0, 0, 0 }, new string[][] {
                new[] { "OS-001", "error", "lyncfe1-atl.contoso.com", "/pools/1/servers/0/os", "" },
                new[] { "OS-001", "error", "lyncfe2-atl.contoso.com", "/pools/1/servers/1/os", "" },
                new[] { "OS-001", "error", "lyncfe3-atl.contoso.com", "/pools/1/servers/2/os", "" },
                new[] { "OS-005", "error", "fe1-bos.contoso.com", "/pools/0/servers/0/os", "" },
                new[] { "OS-005", "error", "fe2-bos.contoso.com", "/pools/0/servers/1/os", "" },
                new[] { "OS-005", "error", "fe3-bos.contoso.com", "/pools/0/servers/2/os", "" },
            } },
            new object[] { "examples/broken-witness-version.json", new ulong[] { 1, 0, 0, 0, 0 }, new string[][] {
                new[] { "BE-006", "error", "mirror-fra", "/sql_stores/0/ha/witness/version", "" },
            } },
            new object[] { "examples/clean-2015-mirroring-witness.json", new ulong[] { 0, 0, 0, 0, 0 }, new string[][] {
            } },
            new object[] { "examples/clean-lync2013-cluster.json", new ulong[] { 0, 0, 0, 0, 0 }, new string[][] {
            } },
            new object[] { "examples/clean-standard-edition-pair.json", new ulong[] { 0, 0, 3, 0, 0 }, new string[][] {
                new[] { "CMS-002", "info", "se-lon.contoso.com", "/pools/0/backup_pool", "" },
                new[] { "PAIR-011", "info", "se-dub.contoso.com", "/pools/1/backup_pool", "" },
                new[] { "PAIR-011", "info", "se-lon.contoso.com", "/pools/0/backup_pool", "" },
            } },
            new object[] { "examples/paired-2019-ag.json", new ulong[] { 0, 0, 1, 8, 0 }, new string[][] {
                new[] { "CMS-002", "info", "pool-dal.contoso.com", "/pools/0/backup_pool", "" },
                new[] { "FE-009", "info", "pool-chi.contoso.com", "/pools/1/users", "n" },
                new[] { "FE-009", "info", "pool-dal.contoso.com", "/pools/0/users", "n" },
                new[] { "FE-011", "info", "pool-chi.contoso.com", "/pools/1/servers/0/domain", "n" },
                new[] { "FE-011", "info", "pool-dal.contoso.com", "/pools/0/servers/0/domain", "n" },
                new[] { "FE-014", "info", "pool-chi.contoso.com", "/pools/1/load_balancing", "n" },
                new[] { "FE-014", "info", "pool-dal.contoso.com", "/pools/0/load_balancing", "n" },
                new[] { "PAIR-010", "info", "pool-chi.contoso.com", "/pools/1/users", "n" },
                new[] { "PAIR-010", "info", "pool-dal.contoso.com", "/pools/0/users", "n" },
            } },
            new object[] { "tests/rules/base.json", new ulong[] { 0, 0, 1, 0, 0 }, new string[][] {
                new[] { "CMS-002", "info", "pool-dal.contoso.com", "/pools/0/backup_pool", "" },
            } },
        };

    static void TestVersion()
    {
        string expected = Environment.GetEnvironmentVariable("HADR_RULES_VERSION");
        Check(!string.IsNullOrEmpty(expected), "HADR_RULES_VERSION is set");
        Equal(Library.Version, expected, "hadr_version()");
        Equal(Library.StatusMessage(Status.Ok), "success", "status message");
        Equal(Library.StatusMessage(Status.NullParameter), "a required pointer argument is NULL", "status message");
        Equal(Library.StatusMessage((Status)6999), "unknown status 6999", "unknown status");
        for (uint code = 7000; code <= 7008; code++)
        {
            string message = Library.StatusMessage((Status)code);
            Check(message.Length > 0 && !message.StartsWith("unknown") && !message.EndsWith("."), "message of " + code);
        }
    }

    static void CheckReport(Report report, object[] expected)
    {
        string file = (string)expected[0];
        var summary = (ulong[])expected[1];
        var diagnostics = (string[][])expected[2];
        Equal(report.Count, diagnostics.Length, file + " count");
        var s = report.Summary;
        Equal(s.Error, summary[0], file + " errors");
        Equal(s.Warning, summary[1], file + " warnings");
        Equal(s.Info, summary[2], file + " infos");
        Equal(s.NotEvaluated, summary[3], file + " not evaluated");
        Equal(s.Suppressed, summary[4], file + " suppressed");
        Equal(report.Fails, summary[0] > 0, file + " fails");
        for (int i = 0; i < diagnostics.Length && i < report.Count; i++)
        {
            var d = report[i];
            var want = diagnostics[i];
            Equal(d.Rule, want[0], file + " rule " + i);
            Equal(d.SeverityToken, want[1], file + " severity " + i);
            Equal(d.Subject, want[2], file + " subject " + i);
            Equal(d.Path, want[3], file + " path " + i);
            Equal(d.NotEvaluated, want[4].Contains("n"), file + " not evaluated " + i);
            Equal(d.Unverified, want[4].Contains("u"), file + " unverified " + i);
            Equal(d.Level, want[1] == "error" ? Severity.Error : want[1] == "warning" ? Severity.Warning : Severity.Info, file + " level " + i);
            Check(!d.IsSuppressed && d.SuppressedReason == null, file + " not suppressed " + i);
            Check(d.Message.Length > 0 && d.Help.Length > 0, file + " message and help " + i);
        }
        Equal(StatusOf(() => { var unused = report[diagnostics.Length]; }), Status.IndexOutOfRange, file + " past the end");
    }

    static void TestExamples()
    {
        Equal(ExpectedReports.Length, 11, "expected reports");
        // The high-availability and disaster-recovery findings, without the lifecycle family's
        // (which depend on the date); the one-call check has the default options.
        using (var engine = new Engine().Ignore("LIFE"))
        using (var plain = new Engine())
        {
            foreach (var expected in ExpectedReports)
            {
                byte[] json = Read((string)expected[0]);
                using (var topology = new Topology(json))
                using (var report = engine.Check(topology))
                using (var plainReport = plain.Check(topology))
                {
                    CheckReport(report, expected);
                    string oneCall = Library.CheckJson(json);
                    Equal(plainReport.ToJson(), oneCall, expected[0] + " JSON");
                    Check(oneCall.StartsWith("{\n  \"format\": 1,\n  \"ruleset\": "), "report JSON shape");
                }
            }
        }
    }

    static Report CheckFile(Engine engine, string file)
    {
        using (var topology = new Topology(Read(file)))
        {
            return engine.Check(topology);
        }
    }

    static void TestOptions()
    {
        using (var engine = new Engine().Ignore("LIFE")
            .Suppress("PAIR-001", "POOL-AMS.contoso.com", "accepted-until-the-move")
            .Severity("PAIR-004", "error")
            .Severity("PAIR", "warning")
            .Severity("CMS-002", "warning")
            .FailLevel("warning"))
        using (var report = CheckFile(engine, "examples/broken-pairing.json"))
        {
            string[][] want =
            {
                new[] { "PAIR-004", "error", "pool-ams.contoso.com" },
                new[] { "PAIR-004", "error", "se-par.contoso.com" },
                new[] { "CMS-002", "warning", "pool-ams.contoso.com" },
                new[] { "PAIR-001", "warning", "pool-ams.contoso.com" },
                new[] { "PAIR-001", "warning", "se-par.contoso.com" },
                new[] { "PAIR-002", "warning", "pool-ams.contoso.com" },
                new[] { "PAIR-002", "warning", "se-par.contoso.com" },
                new[] { "PAIR-003", "warning", "pool-ams.contoso.com" },
                new[] { "PAIR-003", "warning", "se-par.contoso.com" },
            };
            Equal(report.Count, 9, "options count");
            for (int i = 0; i < want.Length && i < report.Count; i++)
            {
                var d = report[i];
                Equal(d.Rule, want[i][0], "options rule " + i);
                Equal(d.SeverityToken, want[i][1], "options severity " + i);
                Equal(d.Subject, want[i][2], "options subject " + i);
                Equal(d.IsSuppressed, i == 3, "options suppressed " + i);
                Equal(d.SuppressedReason, i == 3 ? "accepted-until-the-move" : null, "options reason " + i);
            }
            var s = report.Summary;
            Check(s.Error == 2 && s.Warning == 6 && s.Info == 0 && s.NotEvaluated == 0 && s.Suppressed == 1, "options summary");
            Check(report.Fails, "options fail at warning");
        }

        string[] levels = { "error", "warning", "info" };
        for (int i = 0; i < 3; i++)
        {
            using (var engine = new Engine().Ignore("LIFE").FailLevel(levels[i]))
            using (var report = CheckFile(engine, "examples/clean-standard-edition-pair.json"))
            {
                Equal(report.Fails, i == 2, "fail level " + levels[i]);
            }
        }

        for (int allow = 0; allow <= 1; allow++)
        {
            using (var engine = new Engine().Ignore("LIFE").AllowBasicAgOnStandard(allow == 1))
            using (var report = CheckFile(engine, "tests/rules/SQL-007/fires-standard-2019-sfb2019.json"))
            {
                Equal(report.Count, 1, "basic AG count");
                Equal(report[0].Rule, "SQL-007", "basic AG rule");
                Equal(report[0].Level, allow == 1 ? Severity.Warning : Severity.Error, "basic AG level");
                Equal(report.Fails, allow == 0, "basic AG fails");
            }
        }

        using (var engine = new Engine().Ignore("LIFE").Severity("SQL-007", "error"))
        using (var report = CheckFile(engine, "tests/rules/SQL-007/fires-standard-sfbse.json"))
        {
            var d = report[0];
            Check(d.Unverified && d.SeverityToken == "warning" && d.Message.StartsWith("unverified: "), "unverified stays a warning");
        }
    }

    const string Dangling =
        "{\"format\": 1, \"sites\": [{\"id\": \"dallas\"}], \"pools\": [{\"fqdn\": " +
        "\"pool-dal.contoso.com\", \"site\": \"dallas\", \"kind\": \"front_end\", \"edition\": " +
        "\"enterprise\", \"product\": \"sfb2019\", \"servers\": [{\"fqdn\": " +
        "\"fe1-dal.contoso.com\"}], \"back_end\": \"ag-dallas\"}], \"sql_stores\": [{\"id\": " +
        "\"ag-dal\", \"ha\": {\"mode\": \"none\", \"server\": {\"fqdn\": \"sql1-dal.contoso.com\"}}}]}";

    const string DanglingErrors =
        "{\n" +
        "  \"errors\": [\n" +
        "    {\n" +
        "      \"kind\": \"dangling_reference\",\n" +
        "      \"path\": \"/pools/0/back_end\",\n" +
        "      \"message\": \"no SQL store `ag-dallas` in the document: did you mean `ag-dal`?\",\n" +
        "      \"expected\": \"a SQL store defined in the document: one of `ag-dal`\"\n" +
        "    }\n" +
        "  ]\n" +
        "}\n";

    static void TestErrors()
    {
        // An unreadable document: the errors JSON comes with the status.
        try
        {
            Library.CheckJson(Encoding.UTF8.GetBytes(Dangling));
            Check(false, "a dangling reference throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "dangling status");
            Equal(e.ErrorsJson, DanglingErrors, "dangling errors JSON");
        }
        try
        {
            new Topology(Encoding.UTF8.GetBytes(Dangling)).Dispose();
            Check(false, "a dangling reference throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "dangling topology status");
            Equal(e.ErrorsJson, DanglingErrors, "dangling topology errors JSON");
            Equal(e.GetType(), typeof(InvalidTopologyException), "dangling topology exception");
        }
        var latin1 = new byte[] { (byte)'{', (byte)'"', 0xfc, (byte)'"', (byte)'}' };
        try
        {
            Library.CheckJson(latin1);
            Check(false, "invalid UTF-8 throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "invalid UTF-8 document");
            Check(e.ErrorsJson.Contains("\"kind\": \"encoding\""), "encoding error");
        }
        try
        {
            Library.CheckJson(Encoding.UTF8.GetBytes("{\"format\": 1,\n \"sites\": [}"));
            Check(false, "malformed JSON throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "malformed JSON");
            Check(e.ErrorsJson.Contains("\"kind\": \"syntax\"") && e.ErrorsJson.Contains("\"line\": 2,"), "syntax error with its line");
        }

        // NULL arguments, straight through P/Invoke.
        IntPtr json;
        Equal(Native.hadr_check_json(null, UIntPtr.Zero, out json), Status.NullParameter, "NULL document");
        Equal(json, IntPtr.Zero, "nothing written");
        TopologyHandle topology;
        IntPtr errors;
        Equal(Native.hadr_topology_parse(null, (UIntPtr)1, out topology, out errors), Status.NullParameter, "NULL document to parse");
        Check(topology.IsInvalid, "no topology handle on failure");
        VerdictHandle verdict;
        Equal(Native.hadr_back_end_support(null, Native.Utf8Z("mirroring"), Native.Utf8Z("2016"), Native.Utf8Z("enterprise"), out verdict),
            Status.NullParameter, "NULL product");
        Check(verdict.IsInvalid, "no verdict handle on failure");

        // Each status throws the exception of its kind, with the library's sentence.
        Equal(HadrException.From(Status.InvalidTopology, "{}").GetType(), typeof(InvalidTopologyException), "InvalidTopology");
        foreach (var status in new[] { Status.NullParameter, Status.InvalidUtf8, Status.InvalidArgument,
            Status.IndexOutOfRange, Status.BufferTooSmall })
        {
            Equal(HadrException.From(status, null).GetType(), typeof(HadrArgumentException), status.ToString());
        }
        foreach (var status in new[] { Status.Panic, Status.InternalError, (Status)7999 })
        {
            Equal(HadrException.From(status, null).GetType(), typeof(HadrInternalException), status.ToString());
        }
        Equal(HadrException.From(Status.InvalidArgument, null).Message, Library.StatusMessage(Status.InvalidArgument),
            "the message is the library's");
        try
        {
            new Engine().FailLevel("fatal");
            Check(false, "an unknown level throws");
        }
        catch (HadrArgumentException e)
        {
            Equal(e.Status, Status.InvalidArgument, "unknown level exception");
            Equal(e.ErrorsJson, null, "no errors JSON for an argument");
        }

        // Disposing releases the native handle once; a disposed handle is closed.
        var disposed = new Engine();
        disposed.Dispose();
        disposed.Dispose();
        try
        {
            disposed.FailLevel("error");
            Check(false, "a disposed engine throws");
        }
        catch (ObjectDisposedException)
        {
            Check(true, "a disposed engine throws ObjectDisposedException");
        }

        using (var engine = new Engine())
        {
            Equal(StatusOf(() => engine.FailLevel("fatal")), Status.InvalidArgument, "unknown level");
            Equal(StatusOf(() => engine.FailLevel(null)), Status.NullParameter, "NULL level");
            Equal(StatusOf(() => engine.Severity("PAIR-999", "info")), Status.InvalidArgument, "unknown rule");
            Equal(StatusOf(() => engine.Suppress("PAIR", null, "")), Status.InvalidArgument, "empty reason");
            Equal(StatusOf(() => engine.Suppress("PAIR", null, "ok")), Status.Ok, "suppression without subject");
            Equal(StatusOf(() => engine.FailLevel("err\u00fcr")), Status.InvalidArgument, "non-ASCII level");
            Equal(Native.hadr_engine_set_fail_level(new EngineHandle(), Native.Utf8Z("error")), Status.NullParameter, "NULL engine");
        }
        var invalid = new byte[] { (byte)'s', 0xc3, 0x28, 0 };
        Equal(Native.hadr_sql_versions_json(invalid, out json), Status.InvalidUtf8, "invalid UTF-8 token");
        Equal(StatusOf(() => Library.SqlVersionsJson("sfb2109")), Status.InvalidArgument, "unknown product");
        Equal(StatusOf(() => Library.FirstStartQuorum("lync2010", 3)), Status.InvalidArgument, "unknown product quorum");
    }

    static void TestSupport()
    {
        var v = Library.BackEndSupport("sfb2019", "always_on_ag", "2019", "enterprise");
        Check(v.Support == Support.Yes && !v.Unverified && !v.Contested && v.Rules.Length == 0, "AG on 2019 Enterprise");
        Equal(v.Reason, "Skype for Business Server 2019 supports AlwaysOn Availability Groups on SQL Server 2019 enterprise edition", "reason");
        v = Library.BackEndSupport("sfb2019", "mirroring", "2019", "enterprise");
        Check(v.Support == Support.No && v.Rules.Length == 1 && v.Rules[0] == "BE-002", "no mirroring on 2019");
        v = Library.BackEndSupport("sfb2019", "always_on_ag", "2019", "standard");
        Check(v.Support == Support.No && v.Contested && v.Rules[0] == "SQL-007", "AG on Standard is contested");
        v = Library.BackEndSupport("sfbse", "always_on_ag", "2022", "enterprise");
        Check(v.Support == Support.Undocumented && v.Unverified && v.Rules[0] == "SQL-005", "SE on 2022 undocumented");
        v = Library.BackEndSupport("sfb2015", "mirroring", "2016", "express");
        Check(v.Support == Support.No && v.Rules[0] == "SQL-011", "Express");

        Equal(Library.SqlVersionsJson("sfb2015"), "[\"2012\",\"2014\",\"2016\",\"2017\",\"2019\"]\n", "2015 SQL versions");
        Equal(Library.OsVersionsJson("lync2013"), "[\"ws2008r2\",\"ws2012\",\"ws2012r2\"]\n", "2013 OS versions");
        Equal(string.Join(",", Library.SqlVersions("sfb2019")), "2016,2017,2019", "2019 SQL versions");
        Equal(string.Join(",", Library.OsVersions("sfbse")), "ws2016,ws2019", "SE OS versions");

        var q = Library.FirstStartQuorum("sfb2019", 16);
        Check(q.Status == QuorumStatus.Needs && q.Conditions.Length == 1 && q.Conditions[0][0] == 12 && q.Conditions[0][1] == 0, "first start 16");
        q = Library.FirstStartQuorum("sfb2019", 14);
        Check(q.Status == QuorumStatus.Undocumented && q.Conditions.Length == 0, "first start 14 undocumented");
        q = Library.FunctionalQuorum("sfb2019", 12);
        Check(q.Status == QuorumStatus.Needs && q.Conditions.Length == 2
            && q.Conditions[0][0] == 5 && q.Conditions[0][1] == 9
            && q.Conditions[1][0] == 7 && q.Conditions[1][1] == 12, "functional 12 on 2019");
        q = Library.FunctionalQuorum("sfb2019", 2);
        Check(q.Status == QuorumStatus.NotSupported, "two-server 2019 pool");
        q = Library.FunctionalQuorum("sfb2015", 8);
        Check(q.Status == QuorumStatus.Needs && q.Conditions[0][0] == 4 && q.Conditions[0][1] == 7, "functional 8");
    }

    static void ApplyFlags(Engine engine, string flags)
    {
        var words = flags.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] == "--allow-basic-ag-on-standard")
            {
                engine.AllowBasicAgOnStandard(true);
                continue;
            }
            string value = words[++i];
            int eq = value.IndexOf('=');
            switch (words[i - 1])
            {
                case "--fail-level":
                    engine.FailLevel(value);
                    break;
                case "--ignore":
                    engine.Ignore(value);
                    break;
                case "--select":
                    engine.Select(value);
                    break;
                case "--as-of":
                    engine.AsOf(value);
                    break;
                case "--approaching-months":
                    engine.ApproachingMonths(uint.Parse(value));
                    break;
                case "--target-product":
                    engine.TargetProduct(value);
                    break;
                case "--severity":
                    engine.Severity(value.Substring(0, eq), value.Substring(eq + 1));
                    break;
                case "--suppress":
                    string target = value.Substring(0, eq);
                    int at = target.IndexOf('@');
                    engine.Suppress(at < 0 ? target : target.Substring(0, at), at < 0 ? null : target.Substring(at + 1), value.Substring(eq + 1));
                    break;
                default:
                    Check(false, "unknown flag " + words[i - 1]);
                    break;
            }
        }
    }

    static void TestCommands()
    {
        // hadr_import_xml: the facts complete the document.
        byte[] xml = Read("tests/xml/director.xml");
        string document = Library.ImportXml(xml, Read("tests/xml/facts/director.json"));
        Check(document.StartsWith("{\n  \"format\": 1,\n") && document.Contains("\"os\": \"ws2016\"")
            && document.EndsWith("}\n"), "ImportXml with facts");
        try
        {
            Library.ImportXml(Read("tests/xml/bad/malformed.xml"), null);
            Check(false, "bad XML throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "bad XML status");
            Check(e.ErrorsJson.Contains("\"kind\": \"xml\""), "bad XML errors JSON");
        }

        // hadr_check_input: XML checked as the CLI does; JSON as hadr_check_json.
        Check(Library.CheckInput(xml, null).StartsWith("{\n  \"format\": 1,\n  \"ruleset\": "), "CheckInput on XML");
        byte[] json = Read("examples/paired-2019-ag.json");
        Equal(Library.CheckInput(json, null), Library.CheckJson(json), "CheckInput on JSON");

        // hadr_simulate_json: no scenario and no flag is both flags; an unknown name is refused.
        Equal(Library.SimulateJson(json, null, SimulateFlags.None),
            Library.SimulateJson(json, "", SimulateFlags.AllSingle | SimulateFlags.Sites), "SimulateJson defaults");
        Check(Library.SimulateJson(json, "chicago", SimulateFlags.None).Contains("\"name\": \"fail chicago\""), "SimulateJson chicago");
        try
        {
            Library.SimulateJson(json, "chicgo", SimulateFlags.None);
            Check(false, "an unknown name throws");
        }
        catch (HadrException e)
        {
            Equal(e.Status, Status.InvalidTopology, "unknown name status");
            Check(e.ErrorsJson.Contains("\"kind\": \"unknown_entity\"") && e.ErrorsJson.Contains("did you mean `chicago`?"),
                "unknown name errors JSON");
        }
        Equal(StatusOf(() => Library.SimulateJson(json, null, (SimulateFlags)4)), Status.InvalidArgument, "unknown flag");
        IntPtr output;
        Equal(Native.hadr_import_xml(null, UIntPtr.Zero, null, UIntPtr.Zero, out output), Status.NullParameter, "NULL input");
        Equal(output, IntPtr.Zero, "nothing written");
    }

    static void TestCommandIdentity(string manifest)
    {
        int cases = 0;
        foreach (string line in File.ReadAllLines(manifest))
        {
            var fields = line.Split('\t');
            if (fields.Length != 7)
            {
                continue;
            }
            cases++;
            string command = fields[0];
            byte[] input = File.ReadAllBytes(fields[1]);
            byte[] facts = fields[2].Length > 0 ? File.ReadAllBytes(fields[2]) : null;
            string expected = Encoding.UTF8.GetString(File.ReadAllBytes(fields[5]));
            int exit = int.Parse(fields[6]);
            string actual;
            Status status = Status.Ok;
            try
            {
                if (command == "import")
                {
                    actual = Library.ImportXml(input, facts);
                }
                else if (command == "check")
                {
                    actual = Library.CheckInput(input, facts);
                }
                else
                {
                    actual = Library.SimulateJson(input, fields[3], (SimulateFlags)uint.Parse(fields[4]));
                }
            }
            catch (HadrException e)
            {
                status = e.Status;
                actual = e.ErrorsJson;
            }
            string what = command + " on " + fields[1] + " (facts " + fields[2] + ", fail " + fields[3] + ", flags " + fields[4] + ")";
            Equal(status, exit == 2 ? Status.InvalidTopology : Status.Ok, "status of " + what);
            if (exit == 2 && !expected.StartsWith("{"))
            {
                // The CLI printed messages, not an errors JSON (see tests/c/test_commands.c).
                Check(actual != null && actual.StartsWith("{\n  \"errors\": [\n"), "errors JSON of " + what);
            }
            else
            {
                Check(actual == expected, what + " equals the CLI");
            }
        }
        Console.WriteLine("commands: " + cases + " cases compared with the CLI");
        Check(cases >= 60, "the commands manifest has cases");
    }

    static void TestIdentity(string manifest)
    {
        int cases = 0;
        foreach (string line in File.ReadAllLines(manifest))
        {
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                continue;
            }
            cases++;
            byte[] topologyJson = File.ReadAllBytes(fields[0]);
            string expected = Encoding.UTF8.GetString(File.ReadAllBytes(fields[1]));
            int exit = int.Parse(fields[2]);
            if (fields[3].Length == 0)
            {
                string actual;
                try
                {
                    actual = Library.CheckJson(topologyJson);
                    Check(exit != 2, fields[0] + " is readable");
                }
                catch (HadrException e)
                {
                    actual = e.ErrorsJson;
                    Check(exit == 2 && e.Status == Status.InvalidTopology, fields[0] + " is unreadable");
                }
                Check(actual == expected, "hadr_check_json equals the CLI on " + fields[0]);
            }
            if (exit == 2)
            {
                continue;
            }
            using (var engine = new Engine())
            using (var topology = new Topology(topologyJson))
            {
                ApplyFlags(engine, fields[3]);
                using (var report = engine.Check(topology))
                {
                    Check(report.ToJson() == expected, "the engine equals the CLI on " + fields[0] + " " + fields[3]);
                    Equal(report.Fails, exit == 1, "fails on " + fields[0] + " " + fields[3]);
                }
            }
        }
        Console.WriteLine("identity: " + cases + " cases compared with the CLI");
        Check(cases >= 20, "the manifest has cases");
    }

    static void TestThreads()
    {
        var files = new List<byte[]>();
        var serial = new List<string>();
        using (var engine = new Engine().Ignore("LIFE").Severity("PAIR", "warning").Suppress("OS-001", null, "retiring").FailLevel("warning"))
        {
            foreach (var expected in ExpectedReports)
            {
                byte[] json = Read((string)expected[0]);
                files.Add(json);
                using (var topology = new Topology(json))
                using (var report = engine.Check(topology))
                {
                    serial.Add(report.ToJson());
                }
            }
            var topologies = new List<Topology>();
            foreach (var json in files)
            {
                topologies.Add(new Topology(json));
            }
            var threads = new Thread[8];
            for (int t = 0; t < threads.Length; t++)
            {
                int id = t;
                threads[t] = new Thread(() =>
                {
                    for (int round = 0; round < 3; round++)
                    {
                        for (int k = 0; k < topologies.Count; k++)
                        {
                            int i = (id + k) % topologies.Count;
                            using (var report = engine.Check(topologies[i]))
                            {
                                Check(report.ToJson() == serial[i], "thread " + id + " topology " + i);
                            }
                        }
                    }
                });
                threads[t].Start();
            }
            foreach (var thread in threads)
            {
                thread.Join();
            }
            foreach (var topology in topologies)
            {
                topology.Dispose();
            }
        }
    }

    static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: test.exe REPO_ROOT [MANIFEST [COMMANDS]]");
            return 2;
        }
        root = args[0];
        TestVersion();
        TestExamples();
        TestOptions();
        TestErrors();
        TestSupport();
        TestThreads();
        TestCommands();
        if (args.Length > 1)
        {
            TestIdentity(args[1]);
        }
        if (args.Length > 2)
        {
            TestCommandIdentity(args[2]);
        }
        Console.WriteLine("csharp: " + checks + " checks, " + failures + " failed");
        return failures == 0 ? 0 : 1;
    }
}
