/*
 * The C ABI from C: exact results on the example topologies, every error path, the support
 * queries, and byte identity with `hadr-rules check --format json`.
 *
 * Usage: test_abi REPO_ROOT [MANIFEST]
 *   MANIFEST (written by scripts/test-c): one line per case, tab-separated:
 *   topology path, path of the CLI's JSON output, the CLI's exit status, the CLI's flags.
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "harness.h"

/* ---- the expected reports, from `hadr-rules check --format json` on each file ---- */

typedef struct expected_diagnostic {
    const char *rule;
    const char *severity;
    const char *subject;
    const char *path;
    bool not_evaluated;
    bool unverified;
} expected_diagnostic;

typedef struct expected_report {
    const char *file;
    size_t count;
    hadr_summary summary;
    const expected_diagnostic *diagnostics;
} expected_report;

static const expected_diagnostic broken_cms_shared_back_end_diagnostics[] = {
    {"BE-025", "error", "ag-dal", "/pools/1/back_end", false, false},
    {"CMS-001", "error", "pool-dal.contoso.com", "/pools/0/cms", false, false},
    {"CMS-001", "error", "pool-hou.contoso.com", "/pools/2/cms", false, false},
};
static const expected_diagnostic broken_mirroring_on_2019_diagnostics[] = {
    {"BE-002", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", false, false},
    {"BE-004", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", false, false},
    {"COEX-006", "error", "pool-tor.contoso.com", "/sql_stores/0/ha/mode", false, false},
};
static const expected_diagnostic broken_pairing_diagnostics[] = {
    {"PAIR-001", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
    {"PAIR-001", "error", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
    {"PAIR-002", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
    {"PAIR-002", "error", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
    {"PAIR-003", "error", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
    {"PAIR-003", "error", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
    {"PAIR-004", "warning", "pool-ams.contoso.com", "/pools/0/back_end", false, false},
    {"PAIR-004", "warning", "se-par.contoso.com", "/pools/1/back_end", false, false},
    {"CMS-002", "info", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
};
static const expected_diagnostic broken_two_server_2019_diagnostics[] = {
    {"FE-003", "error", "pool-syd.contoso.com", "/pools/0/servers", false, false},
    {"FE-002", "warning", "pool-syd.contoso.com", "/pools/0/servers", false, false},
    {"FE-004", "warning", "pool-syd.contoso.com", "/pools/0/servers", false, false},
    {"FE-007", "info", "pool-syd.contoso.com", "/pools/0/servers", false, false},
};
static const expected_diagnostic broken_unsupported_os_diagnostics[] = {
    {"OS-001", "error", "lyncfe1-atl.contoso.com", "/pools/1/servers/0/os", false, false},
    {"OS-001", "error", "lyncfe2-atl.contoso.com", "/pools/1/servers/1/os", false, false},
    {"OS-001", "error", "lyncfe3-atl.contoso.com", "/pools/1/servers/2/os", false, false},
    {"OS-005", "error", "fe1-bos.contoso.com", "/pools/0/servers/0/os", false, false},
    {"OS-005", "error", "fe2-bos.contoso.com", "/pools/0/servers/1/os", false, false},
    {"OS-005", "error", "fe3-bos.contoso.com", "/pools/0/servers/2/os", false, false},
};
static const expected_diagnostic broken_witness_version_diagnostics[] = {
    {"BE-006", "error", "mirror-fra", "/sql_stores/0/ha/witness/version", false, false},
};
static const expected_diagnostic clean_2015_mirroring_witness_diagnostics[] = {
    {NULL, NULL, NULL, NULL, false, false},
};
static const expected_diagnostic clean_lync2013_cluster_diagnostics[] = {
    {NULL, NULL, NULL, NULL, false, false},
};
static const expected_diagnostic clean_standard_edition_pair_diagnostics[] = {
    {"CMS-002", "info", "se-lon.contoso.com", "/pools/0/backup_pool", false, false},
    {"PAIR-011", "info", "se-dub.contoso.com", "/pools/1/backup_pool", false, false},
    {"PAIR-011", "info", "se-lon.contoso.com", "/pools/0/backup_pool", false, false},
};
static const expected_diagnostic paired_2019_ag_diagnostics[] = {
    {"CMS-002", "info", "pool-dal.contoso.com", "/pools/0/backup_pool", false, false},
    {"FE-009", "info", "pool-chi.contoso.com", "/pools/1/users", true, false},
    {"FE-009", "info", "pool-dal.contoso.com", "/pools/0/users", true, false},
    {"FE-011", "info", "pool-chi.contoso.com", "/pools/1/servers/0/domain", true, false},
    {"FE-011", "info", "pool-dal.contoso.com", "/pools/0/servers/0/domain", true, false},
    {"FE-014", "info", "pool-chi.contoso.com", "/pools/1/load_balancing", true, false},
    {"FE-014", "info", "pool-dal.contoso.com", "/pools/0/load_balancing", true, false},
    {"PAIR-010", "info", "pool-chi.contoso.com", "/pools/1/users", true, false},
    {"PAIR-010", "info", "pool-dal.contoso.com", "/pools/0/users", true, false},
};
static const expected_diagnostic base_diagnostics[] = {
    {"CMS-002", "info", "pool-dal.contoso.com", "/pools/0/backup_pool", false, false},
};
static const expected_report expected_reports[] = {
    {"examples/broken-cms-shared-back-end.json", 3, {3, 0, 0, 0, 0}, broken_cms_shared_back_end_diagnostics},
    {"examples/broken-mirroring-on-2019.json", 3, {3, 0, 0, 0, 0}, broken_mirroring_on_2019_diagnostics},
    {"examples/broken-pairing.json", 9, {6, 2, 1, 0, 0}, broken_pairing_diagnostics},
    {"examples/broken-two-server-2019.json", 4, {1, 2, 1, 0, 0}, broken_two_server_2019_diagnostics},
    {"examples/broken-unsupported-os.json", 6, {6, 0, 0, 0, 0}, broken_unsupported_os_diagnostics},
    {"examples/broken-witness-version.json", 1, {1, 0, 0, 0, 0}, broken_witness_version_diagnostics},
    {"examples/clean-2015-mirroring-witness.json", 0, {0, 0, 0, 0, 0}, clean_2015_mirroring_witness_diagnostics},
    {"examples/clean-lync2013-cluster.json", 0, {0, 0, 0, 0, 0}, clean_lync2013_cluster_diagnostics},
    {"examples/clean-standard-edition-pair.json", 3, {0, 0, 3, 0, 0}, clean_standard_edition_pair_diagnostics},
    {"examples/paired-2019-ag.json", 9, {0, 0, 1, 8, 0}, paired_2019_ag_diagnostics},
    {"tests/rules/base.json", 1, {0, 0, 1, 0, 0}, base_diagnostics},
};

static const char *root;

static hadr_severity level_of(const char *severity) {
    if (strcmp(severity, "error") == 0) {
        return HADR_SEVERITY_ERROR;
    }
    return strcmp(severity, "warning") == 0 ? HADR_SEVERITY_WARNING : HADR_SEVERITY_INFO;
}

static hadr_topology *parse_or_fail(const char *json, size_t len) {
    hadr_topology *topology = NULL;
    char *errors = NULL;
    CHECK_STATUS(hadr_topology_parse(json, len, &topology, &errors), HADR_STATUS_OK);
    CHECK(topology != NULL);
    CHECK(errors == NULL);
    return topology;
}

/* ---- version and status messages ---- */

static void test_version(void) {
    const char *version = hadr_version();
    CHECK(version != NULL);
    CHECK(strcmp(version, HADR_RULES_VERSION) == 0);
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", HADR_RULES_VERSION_MAJOR,
             HADR_RULES_VERSION_MINOR, HADR_RULES_VERSION_PATCH);
    CHECK(strcmp(expected, HADR_RULES_VERSION) == 0);
    CHECK(hadr_version() == version); /* static */
}

static void test_status_messages(void) {
    char buf[HADR_STATUS_MESSAGE_MAX];
    size_t written = 0;
    for (hadr_status status = HADR_STATUS_OK; status <= HADR_STATUS_INTERNAL_ERROR; status++) {
        written = 0;
        CHECK_STATUS(hadr_status_message(status, buf, sizeof buf, &written), HADR_STATUS_OK);
        CHECK(written > 0 && written == strlen(buf));
        CHECK(buf[written - 1] != '.');
    }
    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, buf, sizeof buf, &written), HADR_STATUS_OK);
    CHECK(strcmp(buf, "success") == 0);
    CHECK(written == 7);
    CHECK_STATUS(hadr_status_message(HADR_STATUS_NULL_PARAMETER, buf, sizeof buf, &written),
                 HADR_STATUS_OK);
    CHECK(strcmp(buf, "a required pointer argument is NULL") == 0);

    /* Too small (the NUL needs a byte too): nothing written. */
    memset(buf, 'x', sizeof buf);
    written = 99;
    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, buf, 7, &written),
                 HADR_STATUS_BUFFER_TOO_SMALL);
    CHECK(written == 99 && buf[0] == 'x');
    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, buf, 8, &written), HADR_STATUS_OK);
    CHECK(written == 7 && strcmp(buf, "success") == 0);
    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, buf, 0, &written),
                 HADR_STATUS_BUFFER_TOO_SMALL);

    /* Not a status. */
    written = 99;
    CHECK_STATUS(hadr_status_message(0, buf, sizeof buf, &written), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_status_message(6999, buf, sizeof buf, &written),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_status_message(HADR_STATUS_INTERNAL_ERROR + 1, buf, sizeof buf, &written),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK(written == 99);

    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, NULL, 10, &written),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_status_message(HADR_STATUS_OK, buf, sizeof buf, NULL),
                 HADR_STATUS_NULL_PARAMETER);
}

/* ---- exact results on the examples ---- */

static void check_report(const hadr_report *report, const expected_report *expected) {
    size_t count = 99;
    CHECK_STATUS(hadr_report_diagnostic_count(report, &count), HADR_STATUS_OK);
    CHECK(count == expected->count);
    hadr_summary summary;
    CHECK_STATUS(hadr_report_summary(report, &summary), HADR_STATUS_OK);
    CHECK(summary.error == expected->summary.error);
    CHECK(summary.warning == expected->summary.warning);
    CHECK(summary.info == expected->summary.info);
    CHECK(summary.not_evaluated == expected->summary.not_evaluated);
    CHECK(summary.suppressed == expected->summary.suppressed);
    bool fails = !(expected->summary.error > 0);
    CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
    CHECK(fails == (expected->summary.error > 0));
    for (size_t i = 0; i < expected->count && i < count; i++) {
        const expected_diagnostic *want = &expected->diagnostics[i];
        hadr_diagnostic d;
        CHECK_STATUS(hadr_report_diagnostic(report, i, &d), HADR_STATUS_OK);
        CHECK_STR(d.rule, want->rule);
        CHECK_STR(d.severity, want->severity);
        CHECK_STR(d.subject, want->subject);
        CHECK_STR(d.path, want->path);
        CHECK(d.level == level_of(want->severity));
        CHECK(d.not_evaluated == want->not_evaluated);
        CHECK(d.unverified == want->unverified);
        CHECK(!d.is_suppressed);
        CHECK(d.suppressed.len == 0 && d.suppressed.data != NULL);
        CHECK(d.message.len > 0 && d.help.len > 0);
    }
    hadr_diagnostic past;
    memset(&past, 0x5a, sizeof past);
    CHECK_STATUS(hadr_report_diagnostic(report, count, &past), HADR_STATUS_INDEX_OUT_OF_RANGE);
    CHECK(past.level == 0x5a5a5a5au);
}

static void test_examples(void) {
    /* The high-availability and disaster-recovery findings: without the lifecycle family, whose
     * findings depend on the date. */
    hadr_engine *engine = NULL, *plain = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_new(&plain), HADR_STATUS_OK);
    size_t n = sizeof expected_reports / sizeof expected_reports[0];
    CHECK(n == 11);
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        char *json = read_below(root, expected_reports[i].file, &len);
        if (json == NULL) {
            continue;
        }
        hadr_topology *topology = parse_or_fail(json, len);
        hadr_report *report = NULL;
        CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);
        check_report(report, &expected_reports[i]);

        /* The one-call check and the report of a default engine are the same bytes. */
        char *one_call = NULL, *from_report = NULL;
        hadr_report *plain_report = NULL;
        CHECK_STATUS(hadr_engine_check(plain, topology, &plain_report), HADR_STATUS_OK);
        CHECK_STATUS(hadr_check_json(json, len, &one_call), HADR_STATUS_OK);
        CHECK_STATUS(hadr_report_to_json(plain_report, &from_report), HADR_STATUS_OK);
        hadr_report_free(plain_report);
        CHECK(one_call != NULL && from_report != NULL && strcmp(one_call, from_report) == 0);
        CHECK(strncmp(one_call, "{\n  \"format\": 1,\n  \"ruleset\": ", 30) == 0);
        CHECK(one_call[strlen(one_call) - 1] == '\n');
        hadr_string_free(one_call);
        hadr_string_free(from_report);

        /* Views outlive the topology and the engine: they belong to the report. */
        hadr_topology_free(topology);
        if (expected_reports[i].count > 0) {
            hadr_diagnostic d;
            CHECK_STATUS(hadr_report_diagnostic(report, 0, &d), HADR_STATUS_OK);
            CHECK_STR(d.subject, expected_reports[i].diagnostics[0].subject);
        }
        hadr_report_free(report);
        free(json);
    }
    hadr_engine_free(engine);
    hadr_engine_free(plain);
}

/* ---- options: suppressions, overrides, fail level, basic AG on Standard ---- */

static hadr_report *check_file(const hadr_engine *engine, const char *file) {
    size_t len = 0;
    char *json = read_below(root, file, &len);
    hadr_topology *topology = parse_or_fail(json, len);
    hadr_report *report = NULL;
    CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);
    hadr_topology_free(topology);
    free(json);
    return report;
}

static void test_options(void) {
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
    /* As `--suppress PAIR-001@POOL-AMS.contoso.com=accepted-until-the-move
     * --severity PAIR-004=error --severity PAIR=warning --severity CMS-002=warning
     * --fail-level warning`. */
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR-001", "POOL-AMS.contoso.com",
                                      "accepted-until-the-move"),
                 HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR-004", "error"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(engine, "CMS-002", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, "warning"), HADR_STATUS_OK);
    hadr_report *report = check_file(engine, "examples/broken-pairing.json");
    static const expected_diagnostic want[] = {
        {"PAIR-004", "error", "pool-ams.contoso.com", "/pools/0/back_end", false, false},
        {"PAIR-004", "error", "se-par.contoso.com", "/pools/1/back_end", false, false},
        {"CMS-002", "warning", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
        {"PAIR-001", "warning", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
        {"PAIR-001", "warning", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
        {"PAIR-002", "warning", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
        {"PAIR-002", "warning", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
        {"PAIR-003", "warning", "pool-ams.contoso.com", "/pools/0/backup_pool", false, false},
        {"PAIR-003", "warning", "se-par.contoso.com", "/pools/1/backup_pool", false, false},
    };
    size_t count = 0;
    CHECK_STATUS(hadr_report_diagnostic_count(report, &count), HADR_STATUS_OK);
    CHECK(count == 9);
    for (size_t i = 0; i < 9 && i < count; i++) {
        hadr_diagnostic d;
        CHECK_STATUS(hadr_report_diagnostic(report, i, &d), HADR_STATUS_OK);
        CHECK_STR(d.rule, want[i].rule);
        CHECK_STR(d.severity, want[i].severity);
        CHECK_STR(d.subject, want[i].subject);
        CHECK_STR(d.path, want[i].path);
        CHECK(d.is_suppressed == (i == 3));
        CHECK_STR(d.suppressed, i == 3 ? "accepted-until-the-move" : "");
    }
    hadr_summary summary;
    CHECK_STATUS(hadr_report_summary(report, &summary), HADR_STATUS_OK);
    CHECK(summary.error == 2 && summary.warning == 6 && summary.info == 0);
    CHECK(summary.not_evaluated == 0 && summary.suppressed == 1);
    bool fails = false;
    CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
    CHECK(fails);
    hadr_report_free(report);
    hadr_engine_free(engine);

    /* The fail level: three infos fail only at `info`. */
    const char *levels[] = {"error", "warning", "info"};
    for (int i = 0; i < 3; i++) {
        CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
        CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
        CHECK_STATUS(hadr_engine_set_fail_level(engine, levels[i]), HADR_STATUS_OK);
        report = check_file(engine, "examples/clean-standard-edition-pair.json");
        fails = i != 2;
        CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
        CHECK(fails == (i == 2));
        hadr_report_free(report);
        hadr_engine_free(engine);
    }

    /* Not-evaluated infos never fail, even at `info`. */
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, "info"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_suppress(engine, "CMS", NULL, "one pool holds the CMS"),
                 HADR_STATUS_OK);
    report = check_file(engine, "examples/paired-2019-ag.json");
    CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
    CHECK(!fails);
    CHECK_STATUS(hadr_report_summary(report, &summary), HADR_STATUS_OK);
    CHECK(summary.info == 0 && summary.not_evaluated == 8 && summary.suppressed == 1);
    hadr_report_free(report);
    hadr_engine_free(engine);

    /* Basic availability groups on Standard edition: an error, or a warning when allowed. */
    for (int allow = 0; allow <= 1; allow++) {
        CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
        CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
        CHECK_STATUS(hadr_engine_set_allow_basic_ag_on_standard(engine, allow), HADR_STATUS_OK);
        report = check_file(engine, "tests/rules/SQL-007/fires-standard-2019-sfb2019.json");
        hadr_diagnostic d;
        CHECK_STATUS(hadr_report_diagnostic_count(report, &count), HADR_STATUS_OK);
        CHECK(count == 1);
        CHECK_STATUS(hadr_report_diagnostic(report, 0, &d), HADR_STATUS_OK);
        CHECK_STR(d.rule, "SQL-007");
        CHECK_STR(d.subject, "pool-a.contoso.com");
        CHECK_STR(d.severity, allow ? "warning" : "error");
        CHECK(d.level == (allow ? HADR_SEVERITY_WARNING : HADR_SEVERITY_ERROR));
        CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
        CHECK(fails == !allow);
        hadr_report_free(report);
        hadr_engine_free(engine);
    }

    /* Unverified findings (Subscription Edition) stay below error, even when overridden. */
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(engine, "SQL-007", "error"), HADR_STATUS_OK);
    report = check_file(engine, "tests/rules/SQL-007/fires-standard-sfbse.json");
    hadr_diagnostic d;
    CHECK_STATUS(hadr_report_diagnostic(report, 0, &d), HADR_STATUS_OK);
    CHECK_STR(d.rule, "SQL-007");
    CHECK_STR(d.severity, "warning");
    CHECK(d.unverified && !d.not_evaluated);
    CHECK(d.message.len > 12 && memcmp(d.message.data, "unverified: ", 12) == 0);
    hadr_report_free(report);
    hadr_engine_free(engine);

    /* One topology, several engines. */
    size_t len = 0;
    char *json = read_below(root, "examples/broken-two-server-2019.json", &len);
    hadr_topology *topology = parse_or_fail(json, len);
    hadr_engine *loud = NULL, *quiet = NULL;
    CHECK_STATUS(hadr_engine_new(&loud), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(loud, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_new(&quiet), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(quiet, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(loud, "FE", "error"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_suppress(quiet, "FE", "", "two servers until the third arrives"),
                 HADR_STATUS_OK);
    hadr_report *loud_report = NULL, *quiet_report = NULL;
    CHECK_STATUS(hadr_engine_check(loud, topology, &loud_report), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_check(quiet, topology, &quiet_report), HADR_STATUS_OK);
    CHECK_STATUS(hadr_report_summary(loud_report, &summary), HADR_STATUS_OK);
    CHECK(summary.error == 4 && summary.warning == 0 && summary.info == 0);
    CHECK_STATUS(hadr_report_summary(quiet_report, &summary), HADR_STATUS_OK);
    CHECK(summary.error == 0 && summary.warning == 0 && summary.suppressed == 4);
    hadr_report_free(loud_report);
    hadr_report_free(quiet_report);
    hadr_engine_free(loud);
    hadr_engine_free(quiet);
    hadr_topology_free(topology);
    free(json);
}

/* ---- error paths ---- */

#define SENTINEL ((void *)0x5a5a)

static const char DANGLING[] =
    "{\"format\": 1, \"sites\": [{\"id\": \"dallas\"}], \"pools\": [{\"fqdn\": "
    "\"pool-dal.contoso.com\", \"site\": \"dallas\", \"kind\": \"front_end\", \"edition\": "
    "\"enterprise\", \"product\": \"sfb2019\", \"servers\": [{\"fqdn\": "
    "\"fe1-dal.contoso.com\"}], \"back_end\": \"ag-dallas\"}], \"sql_stores\": [{\"id\": "
    "\"ag-dal\", \"ha\": {\"mode\": \"none\", \"server\": {\"fqdn\": \"sql1-dal.contoso.com\"}}}]}";

static const char DANGLING_ERRORS[] =
    "{\n"
    "  \"errors\": [\n"
    "    {\n"
    "      \"kind\": \"dangling_reference\",\n"
    "      \"path\": \"/pools/0/back_end\",\n"
    "      \"message\": \"no SQL store `ag-dallas` in the document: did you mean `ag-dal`?\",\n"
    "      \"expected\": \"a SQL store defined in the document: one of `ag-dal`\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void test_check_json_errors(void) {
    static const char valid[] = "{\"format\": 1, \"sites\": [{\"id\": \"dallas\"}], \"pools\": []}";
    char *out = SENTINEL;

    /* NULL arguments: NULL_PARAMETER, nothing written. */
    CHECK_STATUS(hadr_check_json(NULL, 10, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_check_json(NULL, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK(out == SENTINEL);
    CHECK_STATUS(hadr_check_json(valid, strlen(valid), NULL), HADR_STATUS_NULL_PARAMETER);

    /* A small valid document: CMS-001 (no pool holds the CMS). */
    CHECK_STATUS(hadr_check_json(valid, strlen(valid), &out), HADR_STATUS_OK);
    CHECK(out != SENTINEL && strstr(out, "\"rule\": \"CMS-001\"") != NULL);
    hadr_string_free(out);

    /* A length is a length: the bytes after it are not read. */
    char padded[sizeof valid + 8];
    memcpy(padded, valid, strlen(valid));
    memcpy(padded + strlen(valid), "garbage!", 8);
    out = SENTINEL;
    CHECK_STATUS(hadr_check_json(padded, strlen(valid), &out), HADR_STATUS_OK);
    hadr_string_free(out);

    /* Invalid UTF-8 in the document: an `encoding` input error, as the CLI reports it. */
    static const char latin1[] = "{\"format\": 1, \"sites\": [{\"id\": \"z\xfcrich\"}], \"pools\": []}";
    out = SENTINEL;
    CHECK_STATUS(hadr_check_json(latin1, strlen(latin1), &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"encoding\"") != NULL);
    CHECK(strstr(out, "\"file\"") == NULL);
    hadr_string_free(out);

    /* Malformed JSON: a `syntax` error with line and column. */
    static const char malformed[] = "{\"format\": 1,\n \"sites\": [}";
    out = SENTINEL;
    CHECK_STATUS(hadr_check_json(malformed, strlen(malformed), &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"syntax\"") != NULL);
    CHECK(strstr(out, "\"line\": 2,") != NULL);
    hadr_string_free(out);

    /* Empty input. */
    out = SENTINEL;
    CHECK_STATUS(hadr_check_json(valid, 0, &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"empty\"") != NULL);
    hadr_string_free(out);

    /* A dangling reference: the exact errors JSON. */
    out = SENTINEL;
    CHECK_STATUS(hadr_check_json(DANGLING, strlen(DANGLING), &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strcmp(out, DANGLING_ERRORS) == 0);
    hadr_string_free(out);
}

static void test_topology_errors(void) {
    hadr_topology *topology = SENTINEL;
    char *errors = SENTINEL;
    CHECK_STATUS(hadr_topology_parse(NULL, 1, &topology, &errors), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_topology_parse(DANGLING, strlen(DANGLING), NULL, &errors),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_topology_parse(DANGLING, strlen(DANGLING), &topology, NULL),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK(topology == SENTINEL && errors == SENTINEL);

    /* The errors JSON goes to errors_out; the topology is not written. */
    CHECK_STATUS(hadr_topology_parse(DANGLING, strlen(DANGLING), &topology, &errors),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(topology == SENTINEL);
    CHECK(errors != SENTINEL && strcmp(errors, DANGLING_ERRORS) == 0);
    hadr_string_free(errors);

    static const char not_json[] = "format: 1";
    errors = SENTINEL;
    CHECK_STATUS(hadr_topology_parse(not_json, strlen(not_json), &topology, &errors),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(errors != SENTINEL && strstr(errors, "\"kind\": \"syntax\"") != NULL);
    hadr_string_free(errors);

    static const char utf16[] = "\xff\xfe{\0\"\0";
    errors = SENTINEL;
    CHECK_STATUS(hadr_topology_parse(utf16, sizeof utf16 - 1, &topology, &errors),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(errors != SENTINEL && strstr(errors, "\"kind\": \"encoding\"") != NULL);
    hadr_string_free(errors);
    CHECK(topology == SENTINEL);
}

static void test_engine_errors(void) {
    CHECK_STATUS(hadr_engine_new(NULL), HADR_STATUS_NULL_PARAMETER);
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);

    CHECK_STATUS(hadr_engine_set_fail_level(NULL, "error"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, "fatal"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, "Error"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_fail_level(engine, "err\xc3\x28r"), HADR_STATUS_INVALID_UTF8);
    CHECK_STATUS(hadr_engine_set_allow_basic_ag_on_standard(NULL, true),
                 HADR_STATUS_NULL_PARAMETER);

    CHECK_STATUS(hadr_engine_set_severity(NULL, "PAIR", "info"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_severity(engine, NULL, "info"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR", NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR-999", "info"),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR", "fatal"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_severity(engine, "PA\xffIR", "info"), HADR_STATUS_INVALID_UTF8);
    CHECK_STATUS(hadr_engine_set_severity(engine, "pair", "info"), HADR_STATUS_OK);

    CHECK_STATUS(hadr_engine_suppress(NULL, "PAIR", NULL, "why"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_suppress(engine, NULL, NULL, "why"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR", NULL, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR", NULL, ""), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR", NULL, "  "), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_suppress(engine, "NOPE", NULL, "why"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR", "p\xe9", "why"), HADR_STATUS_INVALID_UTF8);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR", NULL, "why\xff"), HADR_STATUS_INVALID_UTF8);

    /* The refused calls changed nothing: only the `pair` override above applies. */
    size_t len = 0;
    char *json = read_below(root, "examples/broken-pairing.json", &len);
    hadr_topology *topology = parse_or_fail(json, len);
    hadr_report *report = SENTINEL;
    CHECK_STATUS(hadr_engine_check(NULL, topology, &report), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_check(engine, NULL, &report), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_check(engine, topology, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK(report == SENTINEL);
    CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);
    hadr_summary summary;
    CHECK_STATUS(hadr_report_summary(report, &summary), HADR_STATUS_OK);
    CHECK(summary.error == 0 && summary.warning == 0 && summary.info == 9);
    CHECK(summary.suppressed == 0);

    /* Report accessors. */
    size_t count = 99;
    bool fails = true;
    hadr_diagnostic d;
    char *text = SENTINEL;
    CHECK_STATUS(hadr_report_diagnostic_count(NULL, &count), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_diagnostic_count(report, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_summary(NULL, &summary), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_summary(report, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_fails(NULL, &fails), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_fails(report, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_diagnostic(NULL, 0, &d), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_diagnostic(report, 0, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_diagnostic(report, 9, &d), HADR_STATUS_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(hadr_report_diagnostic(report, (size_t)-1, &d), HADR_STATUS_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(hadr_report_to_json(NULL, &text), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_json(report, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK(count == 99 && fails && text == SENTINEL);
    CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
    CHECK(!fails);

    hadr_report_free(report);
    hadr_topology_free(topology);
    hadr_engine_free(engine);
    free(json);

    /* Every free accepts NULL. */
    hadr_engine_free(NULL);
    hadr_topology_free(NULL);
    hadr_report_free(NULL);
    hadr_verdict_free(NULL);
    hadr_string_free(NULL);
}

/* ---- support queries ---- */

typedef struct expected_verdict {
    const char *product, *mode, *version, *edition;
    hadr_support support;
    bool unverified, contested;
    const char *rule; /* NULL: no rule */
    const char *reason;
} expected_verdict;

static const expected_verdict verdicts[] = {
    {"sfb2019", "always_on_ag", "2019", "enterprise", HADR_SUPPORT_YES, false, false, NULL,
     "Skype for Business Server 2019 supports AlwaysOn Availability Groups on SQL Server 2019 "
     "enterprise edition"},
    {"sfb2019", "mirroring", "2019", "enterprise", HADR_SUPPORT_NO, false, false, "BE-002",
     "Skype for Business Server 2019 does not support SQL mirroring"},
    {"sfb2019", "always_on_ag", "2019", "standard", HADR_SUPPORT_NO, false, true, "SQL-007",
     "AlwaysOn Availability Groups need SQL Server Enterprise edition; the documentation also "
     "mentions Standard edition \"with limitations\" (contested)"},
    {"lync2013", "always_on_ag", "2012", "enterprise", HADR_SUPPORT_NO, false, false, "BE-002",
     "Lync Server 2013 does not support AlwaysOn Availability Groups"},
    {"sfb2019", "always_on_ag", "2014", "enterprise", HADR_SUPPORT_NO, false, false, "SQL-004",
     "Skype for Business Server 2019 does not support AlwaysOn Availability Groups on SQL "
     "Server 2014"},
    {"sfbse", "always_on_ag", "2022", "enterprise", HADR_SUPPORT_UNDOCUMENTED, true, false,
     "SQL-005",
     "Skype for Business Server Subscription Edition is not documented to support AlwaysOn "
     "Availability Groups on SQL Server 2022"},
    {"sfb2015", "mirroring", "2016", "express", HADR_SUPPORT_NO, false, false, "SQL-011",
     "SQL Server Express cannot hold an Enterprise back end"},
    {"sfb2015", "failover_cluster", "2012", "enterprise", HADR_SUPPORT_YES, false, false, NULL,
     "Skype for Business Server 2015 supports SQL failover clustering on SQL Server 2012 "
     "enterprise edition"},
};

/* ---- SARIF, JUnit and HTML ---- */

static void test_outputs(void) {
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(engine, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_suppress(engine, "PAIR-004", "se-par.contoso.com", "rebuilt in 2027"),
                 HADR_STATUS_OK);
    size_t len = 0;
    char *json = read_below(root, "examples/broken-pairing.json", &len);
    hadr_topology *topology = parse_or_fail(json, len);
    hadr_report *report = NULL;
    CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);

    char *sarif = NULL, *junit = NULL, *html = NULL, *simulated = NULL;
    CHECK_STATUS(hadr_report_to_sarif(report, "broken-pairing.json", &sarif), HADR_STATUS_OK);
    CHECK(strstr(sarif, "\"version\": \"2.1.0\"") != NULL);
    CHECK(strstr(sarif, "\"uri\": \"broken-pairing.json\"") != NULL);
    CHECK(strstr(sarif, "\"fullyQualifiedName\": \"/pools/0/backup_pool\"") != NULL);
    CHECK(strstr(sarif, "\"justification\": \"rebuilt in 2027\"") != NULL);
    CHECK_STATUS(hadr_report_to_junit(report, "broken-pairing.json", &junit), HADR_STATUS_OK);
    CHECK(strstr(junit, "<skipped message=\"suppressed: rebuilt in 2027\"/>") != NULL);
    CHECK(strstr(junit, "name=\"PAIR-001 pool-ams.contoso.com\"") != NULL);
    CHECK_STATUS(hadr_report_to_html(report, topology, "broken-pairing.json", false, &html), HADR_STATUS_OK);
    CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(html, "class=\"pairing\"") != NULL);
    CHECK(strstr(html, "id=\"simulation\"") == NULL);
    CHECK_STATUS(hadr_report_to_html(report, topology, "broken-pairing.json", true, &simulated), HADR_STATUS_OK);
    CHECK(strstr(simulated, "id=\"simulation\"") != NULL);
    hadr_string_free(sarif);
    hadr_string_free(junit);
    hadr_string_free(html);
    hadr_string_free(simulated);

    char *text = SENTINEL;
    CHECK_STATUS(hadr_report_to_sarif(NULL, "f", &text), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_sarif(report, NULL, &text), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_sarif(report, "f", NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_junit(report, NULL, &text), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_html(report, NULL, "f", false, &text), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_report_to_html(report, topology, "\xff", false, &text), HADR_STATUS_INVALID_UTF8);
    CHECK(text == SENTINEL);

    hadr_report_free(report);
    hadr_topology_free(topology);
    hadr_engine_free(engine);
    free(json);
}

static void test_back_end_support(void) {
    for (size_t i = 0; i < sizeof verdicts / sizeof verdicts[0]; i++) {
        const expected_verdict *want = &verdicts[i];
        hadr_verdict *verdict = NULL;
        CHECK_STATUS(hadr_back_end_support(want->product, want->mode, want->version,
                                           want->edition, &verdict),
                     HADR_STATUS_OK);
        hadr_support support = 99;
        bool unverified = !want->unverified, contested = !want->contested;
        size_t rules = 99;
        hadr_str reason, rule;
        CHECK_STATUS(hadr_verdict_support(verdict, &support), HADR_STATUS_OK);
        CHECK(support == want->support);
        CHECK_STATUS(hadr_verdict_unverified(verdict, &unverified), HADR_STATUS_OK);
        CHECK(unverified == want->unverified);
        CHECK_STATUS(hadr_verdict_contested(verdict, &contested), HADR_STATUS_OK);
        CHECK(contested == want->contested);
        CHECK_STATUS(hadr_verdict_reason(verdict, &reason), HADR_STATUS_OK);
        CHECK_STR(reason, want->reason);
        CHECK_STATUS(hadr_verdict_rule_count(verdict, &rules), HADR_STATUS_OK);
        CHECK(rules == (want->rule ? 1u : 0u));
        if (want->rule) {
            CHECK_STATUS(hadr_verdict_rule(verdict, 0, &rule), HADR_STATUS_OK);
            CHECK_STR(rule, want->rule);
        }
        CHECK_STATUS(hadr_verdict_rule(verdict, rules, &rule), HADR_STATUS_INDEX_OUT_OF_RANGE);
        hadr_verdict_free(verdict);
    }

    hadr_verdict *verdict = SENTINEL;
    const char *ok[4] = {"sfb2019", "always_on_ag", "2019", "enterprise"};
    for (int arg = 0; arg < 4; arg++) {
        const char *args[4] = {ok[0], ok[1], ok[2], ok[3]};
        args[arg] = NULL;
        CHECK_STATUS(hadr_back_end_support(args[0], args[1], args[2], args[3], &verdict),
                     HADR_STATUS_NULL_PARAMETER);
        args[arg] = "sfb2109";
        CHECK_STATUS(hadr_back_end_support(args[0], args[1], args[2], args[3], &verdict),
                     HADR_STATUS_INVALID_ARGUMENT);
        args[arg] = "\xc0\xaf";
        CHECK_STATUS(hadr_back_end_support(args[0], args[1], args[2], args[3], &verdict),
                     HADR_STATUS_INVALID_UTF8);
    }
    CHECK_STATUS(hadr_back_end_support(ok[0], ok[1], ok[2], ok[3], NULL),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK(verdict == SENTINEL);
    hadr_support support;
    bool flag;
    size_t count;
    hadr_str view;
    CHECK_STATUS(hadr_verdict_support(NULL, &support), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_unverified(NULL, &flag), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_contested(NULL, &flag), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_reason(NULL, &view), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_rule_count(NULL, &count), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_rule(NULL, 0, &view), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_back_end_support(ok[0], ok[1], ok[2], ok[3], &verdict), HADR_STATUS_OK);
    CHECK_STATUS(hadr_verdict_support(verdict, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_verdict_reason(verdict, NULL), HADR_STATUS_NULL_PARAMETER);
    hadr_verdict_free(verdict);
}

typedef struct expected_versions {
    const char *product;
    const char *sql_json;
    const char *os_json;
    size_t sql_count, os_count;
    const char *first_sql, *last_os;
} expected_versions;

static const expected_versions versions[] = {
    {"lync2013", "[\"2008r2\",\"2012\"]\n", "[\"ws2008r2\",\"ws2012\",\"ws2012r2\"]\n", 2, 3,
     "2008r2", "ws2012r2"},
    {"sfb2015", "[\"2012\",\"2014\",\"2016\",\"2017\",\"2019\"]\n",
     "[\"ws2012\",\"ws2012r2\",\"ws2016\",\"ws2019\"]\n", 5, 4, "2012", "ws2019"},
    {"sfb2019", "[\"2016\",\"2017\",\"2019\"]\n", "[\"ws2016\",\"ws2019\"]\n", 3, 2, "2016",
     "ws2019"},
    {"sfbse", "[\"2016\",\"2017\",\"2019\"]\n", "[\"ws2016\",\"ws2019\"]\n", 3, 2, "2016",
     "ws2019"},
};

static void test_versions(void) {
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        const expected_versions *want = &versions[i];
        char *json = NULL;
        CHECK_STATUS(hadr_sql_versions_json(want->product, &json), HADR_STATUS_OK);
        CHECK(json != NULL && strcmp(json, want->sql_json) == 0);
        hadr_string_free(json);
        CHECK_STATUS(hadr_os_versions_json(want->product, &json), HADR_STATUS_OK);
        CHECK(json != NULL && strcmp(json, want->os_json) == 0);
        hadr_string_free(json);
        size_t count = 0;
        hadr_str token;
        CHECK_STATUS(hadr_sql_version_count(want->product, &count), HADR_STATUS_OK);
        CHECK(count == want->sql_count);
        CHECK_STATUS(hadr_sql_version(want->product, 0, &token), HADR_STATUS_OK);
        CHECK_STR(token, want->first_sql);
        CHECK_STATUS(hadr_sql_version(want->product, count, &token),
                     HADR_STATUS_INDEX_OUT_OF_RANGE);
        CHECK_STATUS(hadr_os_version_count(want->product, &count), HADR_STATUS_OK);
        CHECK(count == want->os_count);
        CHECK_STATUS(hadr_os_version(want->product, count - 1, &token), HADR_STATUS_OK);
        CHECK_STR(token, want->last_os);
        CHECK_STATUS(hadr_os_version(want->product, count, &token), HADR_STATUS_INDEX_OUT_OF_RANGE);
    }
    char *json = SENTINEL;
    size_t count = 99;
    hadr_str token = {SENTINEL, 99};
    CHECK_STATUS(hadr_sql_versions_json(NULL, &json), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_sql_versions_json("sfb2019", NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_sql_versions_json("skype", &json), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_sql_versions_json("SFB2019", &json), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_os_versions_json("sfb\x80", &json), HADR_STATUS_INVALID_UTF8);
    CHECK_STATUS(hadr_os_versions_json(NULL, &json), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_sql_version_count("sfb2019", NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_sql_version_count("", &count), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_os_version_count(NULL, &count), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_sql_version("sfb2019", 0, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_os_version("nope", 0, &token), HADR_STATUS_INVALID_ARGUMENT);
    CHECK(json == SENTINEL && count == 99 && token.len == 99);
}

typedef struct expected_quorum {
    const char *product;
    size_t servers;
    hadr_quorum_status first_status;
    size_t first_count;
    hadr_quorum_status functional_status;
    size_t functional_conditions;
    size_t functional_count, functional_of_first; /* the last condition */
} expected_quorum;

static const expected_quorum quorums[] = {
    {"sfb2015", 1, HADR_QUORUM_STATUS_NEEDS, 1, HADR_QUORUM_STATUS_NEEDS, 1, 1, 0},
    {"sfb2015", 2, HADR_QUORUM_STATUS_NEEDS, 1, HADR_QUORUM_STATUS_NEEDS, 1, 1, 0},
    {"sfb2019", 2, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, 0, 0},
    {"sfb2019", 3, HADR_QUORUM_STATUS_NEEDS, 3, HADR_QUORUM_STATUS_NEEDS, 1, 2, 0},
    {"sfb2019", 4, HADR_QUORUM_STATUS_NEEDS, 3, HADR_QUORUM_STATUS_NEEDS, 1, 2, 0},
    {"lync2013", 6, HADR_QUORUM_STATUS_NEEDS, 5, HADR_QUORUM_STATUS_NEEDS, 1, 3, 0},
    {"sfb2019", 8, HADR_QUORUM_STATUS_NEEDS, 6, HADR_QUORUM_STATUS_NEEDS, 1, 4, 7},
    {"sfb2015", 12, HADR_QUORUM_STATUS_NEEDS, 10, HADR_QUORUM_STATUS_NEEDS, 1, 5, 9},
    {"sfb2019", 12, HADR_QUORUM_STATUS_NEEDS, 10, HADR_QUORUM_STATUS_NEEDS, 2, 7, 12},
    {"sfb2019", 14, HADR_QUORUM_STATUS_UNDOCUMENTED, 0, HADR_QUORUM_STATUS_NEEDS, 1, 7, 12},
    {"sfbse", 16, HADR_QUORUM_STATUS_NEEDS, 12, HADR_QUORUM_STATUS_NEEDS, 1, 7, 12},
    {"sfb2015", 13, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, 0, 0},
    {"sfb2019", 17, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, 0, 0},
    {"sfb2019", 0, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, HADR_QUORUM_STATUS_NOT_SUPPORTED, 0, 0, 0},
};

static void test_quorum(void) {
    for (size_t i = 0; i < sizeof quorums / sizeof quorums[0]; i++) {
        const expected_quorum *want = &quorums[i];
        hadr_quorum first, functional;
        CHECK_STATUS(hadr_first_start_quorum(want->product, want->servers, &first), HADR_STATUS_OK);
        CHECK(first.status == want->first_status);
        CHECK(first.condition_count == (want->first_count ? 1u : 0u));
        if (want->first_count) {
            CHECK(first.conditions[0].count == want->first_count);
            CHECK(first.conditions[0].of_first == 0);
        }
        CHECK_STATUS(hadr_functional_quorum(want->product, want->servers, &functional),
                     HADR_STATUS_OK);
        CHECK(functional.status == want->functional_status);
        CHECK(functional.condition_count == want->functional_conditions);
        if (want->functional_conditions > 0) {
            const hadr_quorum_condition *last =
                &functional.conditions[want->functional_conditions - 1];
            CHECK(last->count == want->functional_count);
            CHECK(last->of_first == want->functional_of_first);
        }
        for (size_t c = functional.condition_count; c < HADR_QUORUM_MAX_CONDITIONS; c++) {
            CHECK(functional.conditions[c].count == 0 && functional.conditions[c].of_first == 0);
        }
    }
    /* 12 servers of 2019: the two tables overlap, both conditions apply. */
    hadr_quorum q;
    CHECK_STATUS(hadr_functional_quorum("sfb2019", 12, &q), HADR_STATUS_OK);
    CHECK(q.conditions[0].count == 5 && q.conditions[0].of_first == 9);

    memset(&q, 0x5a, sizeof q);
    CHECK_STATUS(hadr_first_start_quorum(NULL, 3, &q), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_first_start_quorum("sfb2019", 3, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_functional_quorum("lync2010", 3, &q), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_functional_quorum("\xfe", 3, &q), HADR_STATUS_INVALID_UTF8);
    CHECK(q.condition_count == (size_t)0x5a5a5a5a5a5a5a5aull);
}

/* ---- lifecycles without a topology ---- */

typedef struct expected_lifecycle {
    const char *kind, *token;
    int32_t service_pack;
    const char *date;
    bool supported;
} expected_lifecycle;

/* Each end date is the last supported day: supported on it, not on the day after. */
static const expected_lifecycle lifecycles[] = {
    {"sql", "2016", 3, "2026-07-14", true},
    {"sql", "2016", 3, "2026-07-15", false},
    {"sql", "2016", 2, "2022-10-11", true},
    {"sql", "2016", 2, "2022-10-12", false},
    {"sql", "2016", -1, "2022-10-12", true},
    {"os", "ws2019", -1, "2029-01-09", true},
    {"os", "ws2019", -1, "2029-01-10", false},
    {"product", "sfb2019", -1, "2025-10-14", true},
    {"product", "sfb2019", -1, "2025-10-15", false},
    {"product", "sfbse", -1, "2040-01-01", true},
};

static void test_lifecycle(void) {
    for (size_t i = 0; i < sizeof lifecycles / sizeof lifecycles[0]; i++) {
        const expected_lifecycle *want = &lifecycles[i];
        bool supported = !want->supported;
        CHECK_STATUS(hadr_lifecycle_supported(want->kind, want->token, want->service_pack,
                                              want->date, &supported),
                     HADR_STATUS_OK);
        CHECK(supported == want->supported);
    }
    /* When does Windows Server 2019 leave support? */
    char *json = NULL;
    CHECK_STATUS(hadr_lifecycle_json("os", "ws2019", -1, "2026-11-26", &json), HADR_STATUS_OK);
    CHECK(json != NULL && strstr(json, "\"date\": \"2029-01-09\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"days_left\": 775") != NULL);
    CHECK(json != NULL && strstr(json, "\"phase\": \"extended\"") != NULL);
    hadr_string_free(json);
    json = NULL;
    /* Today by default: a date that answers. */
    CHECK_STATUS(hadr_lifecycle_json("sql", "2022", -1, NULL, &json), HADR_STATUS_OK);
    CHECK(json != NULL && strstr(json, "\"date\": \"2033-01-11\"") != NULL);
    hadr_string_free(json);
    json = NULL;
    CHECK_STATUS(hadr_lifecycle_table_json(&json), HADR_STATUS_OK);
    CHECK(json != NULL && strstr(json, "\"as_of\": \"2026-11-26\"") != NULL);
    CHECK(json != NULL && strstr(json, "windows-server-2012-r2.yml @4257fca30b2a") != NULL);
    hadr_string_free(json);

    json = SENTINEL;
    bool supported = true;
    CHECK_STATUS(hadr_lifecycle_supported("sql", "2016", 3, "2026-7-14", &supported),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_lifecycle_supported("sql", "2016", 3, "2026-02-30", &supported),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_lifecycle_supported("sql", "2000", -1, NULL, &supported),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_lifecycle_supported("windows", "ws2019", -1, NULL, &supported),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_lifecycle_supported(NULL, "ws2019", -1, NULL, &supported),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_lifecycle_supported("os", "ws2019", -1, NULL, NULL),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_lifecycle_json("os", "ws\xff", -1, NULL, &json), HADR_STATUS_INVALID_UTF8);
    CHECK_STATUS(hadr_lifecycle_table_json(NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK(supported && json == SENTINEL);

    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_as_of(engine, "2026-11-26"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_as_of(engine, NULL), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_as_of(engine, ""), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_as_of(engine, "26/11/2026"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_as_of(engine, "2027-02-29"), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_engine_set_as_of(NULL, "2026-11-26"), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_engine_set_approaching_months(engine, 6), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_approaching_months(NULL, 6), HADR_STATUS_NULL_PARAMETER);
    hadr_engine_free(engine);
}

/* ---- byte identity with the command line ---- */

/* Configures an engine from the CLI's flags (space-separated, values without spaces). */
static void apply_flags(hadr_engine *engine, char *flags) {
    for (char *flag = strtok(flags, " "); flag != NULL; flag = strtok(NULL, " ")) {
        if (strcmp(flag, "--allow-basic-ag-on-standard") == 0) {
            CHECK_STATUS(hadr_engine_set_allow_basic_ag_on_standard(engine, true), HADR_STATUS_OK);
            continue;
        }
        char *value = strtok(NULL, " ");
        CHECK(value != NULL);
        if (value == NULL) {
            return;
        }
        if (strcmp(flag, "--fail-level") == 0) {
            CHECK_STATUS(hadr_engine_set_fail_level(engine, value), HADR_STATUS_OK);
        } else if (strcmp(flag, "--ignore") == 0) {
            CHECK_STATUS(hadr_engine_ignore(engine, value), HADR_STATUS_OK);
        } else if (strcmp(flag, "--select") == 0) {
            CHECK_STATUS(hadr_engine_select(engine, value), HADR_STATUS_OK);
        } else if (strcmp(flag, "--target-product") == 0) {
            CHECK_STATUS(hadr_engine_set_target_product(engine, value), HADR_STATUS_OK);
        } else if (strcmp(flag, "--as-of") == 0) {
            CHECK_STATUS(hadr_engine_set_as_of(engine, value), HADR_STATUS_OK);
        } else if (strcmp(flag, "--approaching-months") == 0) {
            CHECK_STATUS(hadr_engine_set_approaching_months(engine, (uint32_t)atoi(value)),
                         HADR_STATUS_OK);
        } else if (strcmp(flag, "--severity") == 0) {
            char *eq = strchr(value, '=');
            CHECK(eq != NULL);
            *eq = '\0';
            CHECK_STATUS(hadr_engine_set_severity(engine, value, eq + 1), HADR_STATUS_OK);
        } else if (strcmp(flag, "--suppress") == 0) {
            char *eq = strchr(value, '=');
            CHECK(eq != NULL);
            *eq = '\0';
            char *at = strchr(value, '@');
            if (at != NULL) {
                *at = '\0';
            }
            CHECK_STATUS(hadr_engine_suppress(engine, value, at ? at + 1 : NULL, eq + 1),
                         HADR_STATUS_OK);
        } else {
            fprintf(stderr, "unknown flag %s in the manifest\n", flag);
            CHECK(false);
        }
    }
}

static void test_identity(const char *manifest_path) {
    size_t len = 0;
    char *manifest = read_file(manifest_path, &len);
    CHECK(manifest != NULL);
    if (manifest == NULL) {
        return;
    }
    size_t cases = 0;
    char *save = NULL;
    for (char *line = strtok_r(manifest, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *fields[4] = {line, NULL, NULL, NULL};
        for (int f = 1; f < 4; f++) {
            char *tab = strchr(fields[f - 1], '\t');
            CHECK(tab != NULL);
            if (tab == NULL) {
                break;
            }
            *tab = '\0';
            fields[f] = tab + 1;
        }
        if (fields[3] == NULL) {
            continue;
        }
        cases++;
        int exit_status = atoi(fields[2]);
        size_t topology_len = 0, expected_len = 0;
        char *topology_json = read_file(fields[0], &topology_len);
        char *expected = read_file(fields[1], &expected_len);
        CHECK(topology_json != NULL && expected != NULL);
        if (topology_json == NULL || expected == NULL) {
            free(topology_json);
            free(expected);
            continue;
        }
        hadr_status want = exit_status == 2 ? HADR_STATUS_INVALID_TOPOLOGY : HADR_STATUS_OK;
        bool same;
        if (fields[3][0] == '\0') {
            /* Default options: the one-call entry point. */
            char *out = NULL;
            CHECK_STATUS(hadr_check_json(topology_json, topology_len, &out), want);
            same = out != NULL && strlen(out) == expected_len && strcmp(out, expected) == 0;
            CHECK(same);
            if (!same) {
                fprintf(stderr, "  hadr_check_json differs from the CLI on %s\n", fields[0]);
            }
            hadr_string_free(out);
        }
        /* The engine, configured as the CLI was. */
        hadr_engine *engine = NULL;
        CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
        apply_flags(engine, fields[3]);
        hadr_topology *topology = NULL;
        char *text = NULL;
        CHECK_STATUS(hadr_topology_parse(topology_json, topology_len, &topology, &text), want);
        if (want == HADR_STATUS_OK) {
            hadr_report *report = NULL;
            CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);
            CHECK_STATUS(hadr_report_to_json(report, &text), HADR_STATUS_OK);
            bool fails = exit_status != 1;
            CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
            CHECK(fails == (exit_status == 1));
            hadr_report_free(report);
            hadr_topology_free(topology);
        }
        same = text != NULL && strcmp(text, expected) == 0;
        CHECK(same);
        if (!same) {
            fprintf(stderr, "  the engine's JSON differs from the CLI on %s\n", fields[0]);
        }
        hadr_string_free(text);
        hadr_engine_free(engine);
        free(topology_json);
        free(expected);
    }
    printf("identity: %zu cases compared with the CLI\n", cases);
    CHECK(cases >= 20);
    free(manifest);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPO_ROOT [MANIFEST]\n", argv[0]);
        return 2;
    }
    root = argv[1];
    test_version();
    test_status_messages();
    test_examples();
    test_options();
    test_check_json_errors();
    test_topology_errors();
    test_engine_errors();
    test_outputs();
    test_back_end_support();
    test_versions();
    test_quorum();
    test_lifecycle();
    if (argc > 2) {
        test_identity(argv[2]);
    }
    return finish("test_abi");
}
