/*
 * The pipeline settings from C: hadr_engine_load_config (a hadr-rules.toml applied to an
 * engine), hadr_report_baseline and hadr_report_apply_baseline, and hadr_facts_template, with
 * their error paths.
 *
 * Usage: test_workflows REPO_ROOT
 */
#include "harness.h"

static const char *root;

/* The broken-pairing example, parsed. */
static hadr_topology *pairing(void) {
    size_t len = 0;
    char *json = read_below(root, "examples/broken-pairing.json", &len);
    hadr_topology *topology = NULL;
    char *errors = NULL;
    CHECK_STATUS(hadr_topology_parse(json, len, &topology, &errors), HADR_STATUS_OK);
    free(json);
    return topology;
}

static hadr_report *check_with(const hadr_engine *engine, const hadr_topology *topology) {
    hadr_report *report = NULL;
    CHECK_STATUS(hadr_engine_check(engine, topology, &report), HADR_STATUS_OK);
    return report;
}

static size_t count(const hadr_report *report) {
    size_t n = 0;
    CHECK_STATUS(hadr_report_diagnostic_count(report, &n), HADR_STATUS_OK);
    return n;
}

static void test_load_config(void) {
    hadr_topology *topology = pairing();
    const char config[] = "select = [\"PAIR-004\", \"CMS\"]\n"
                          "fail_level = \"warning\"\n"
                          "as_of = 2026-11-26\n"
                          "[severity]\n\"PAIR-004\" = \"error\"\n"
                          "[[suppress]]\nrule = \"CMS\"\nreason = \"known\"\n";
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    char *notices = NULL;
    CHECK_STATUS(hadr_engine_load_config(engine, config, strlen(config), &notices),
                 HADR_STATUS_OK);
    CHECK(notices != NULL && strcmp(notices, "[]") == 0);
    hadr_string_free(notices);
    hadr_report *report = check_with(engine, topology);
    CHECK(count(report) == 3);
    hadr_diagnostic d;
    CHECK_STATUS(hadr_report_diagnostic(report, 0, &d), HADR_STATUS_OK);
    CHECK_STR(d.rule, "PAIR-004");
    CHECK(d.level == HADR_SEVERITY_ERROR);
    CHECK_STATUS(hadr_report_diagnostic(report, 2, &d), HADR_STATUS_OK);
    CHECK_STR(d.rule, "CMS-002");
    CHECK_STR(d.suppressed, "known");
    hadr_report_free(report);
    /* A call after the file overrides it. */
    CHECK_STATUS(hadr_engine_set_severity(engine, "PAIR-004", "info"), HADR_STATUS_OK);
    report = check_with(engine, topology);
    CHECK_STATUS(hadr_report_diagnostic(report, 0, &d), HADR_STATUS_OK);
    CHECK(d.level == HADR_SEVERITY_INFO);
    bool fails = true;
    CHECK_STATUS(hadr_report_fails(report, &fails), HADR_STATUS_OK);
    CHECK(!fails);
    hadr_report_free(report);
    hadr_engine_free(engine);
    hadr_topology_free(topology);
}

static void test_expired_suppression(void) {
    hadr_topology *topology = pairing();
    const char config[] = "select = [\"PAIR-004\"]\nas_of = 2026-07-01\n\n"
                          "[[suppress]]\nrule = \"PAIR-004\"\nreason = \"until the move\"\n"
                          "expires = 2026-06-30\n";
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    char *notices = NULL;
    CHECK_STATUS(hadr_engine_load_config(engine, config, strlen(config), &notices),
                 HADR_STATUS_OK);
    CHECK(starts_with(notices, "[{\"line\":4,\"message\":\"the suppression of PAIR-004 "));
    hadr_string_free(notices);
    hadr_report *report = check_with(engine, topology);
    hadr_summary summary;
    CHECK_STATUS(hadr_report_summary(report, &summary), HADR_STATUS_OK);
    CHECK(summary.warning == 2 && summary.suppressed == 0);
    hadr_report_free(report);
    hadr_engine_free(engine);
    hadr_topology_free(topology);
}

static void test_bad_config(void) {
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    const char bad[] = "ignore = [\"LIFE\"]\nselct = [\"PAIR\"]\n";
    char *errors = NULL;
    CHECK_STATUS(hadr_engine_load_config(engine, bad, strlen(bad), &errors),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(starts_with(errors, "{\n  \"errors\": [\n"));
    CHECK(errors != NULL && strstr(errors, "\"kind\": \"unknown_key\"") != NULL);
    CHECK(errors != NULL && strstr(errors, "\"line\": 2") != NULL);
    CHECK(errors != NULL && strstr(errors, "did you mean `select`?") != NULL);
    hadr_string_free(errors);
    /* The engine is unchanged: LIFE still runs. */
    hadr_topology *topology = pairing();
    hadr_report *report = check_with(engine, topology);
    char *json = NULL;
    CHECK_STATUS(hadr_report_to_json(report, &json), HADR_STATUS_OK);
    CHECK(json != NULL && strstr(json, "\"LIFE-001\"") != NULL);
    hadr_string_free(json);
    hadr_report_free(report);
    hadr_topology_free(topology);
    char *untouched = (char *)"untouched";
    CHECK_STATUS(hadr_engine_load_config(NULL, bad, strlen(bad), &untouched),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK(strcmp(untouched, "untouched") == 0);
    hadr_engine_free(engine);
}

static void test_baseline(void) {
    hadr_topology *topology = pairing();
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_as_of(engine, "2026-11-26"), HADR_STATUS_OK);
    hadr_report *report = check_with(engine, topology);
    size_t all = count(report);
    CHECK(all > 9);
    char *baseline = NULL;
    CHECK_STATUS(hadr_report_baseline(report, &baseline), HADR_STATUS_OK);
    CHECK(starts_with(baseline, "{\n  \"format\": 1,\n  \"findings\": [\n"));

    hadr_report *known = NULL;
    char *outcome = NULL;
    CHECK_STATUS(hadr_report_apply_baseline(report, baseline, strlen(baseline), &known, &outcome),
                 HADR_STATUS_OK);
    CHECK(count(known) == 0);
    char expected[64];
    snprintf(expected, sizeof expected, "{\n  \"hidden\": %zu,\n  \"unmatched\": []\n}\n", all);
    CHECK(outcome != NULL && strcmp(outcome, expected) == 0);
    CHECK(count(report) == all); /* the given report is unchanged */
    hadr_string_free(outcome);
    hadr_report_free(known);

    /* Against a report of fewer findings, the others no longer match. */
    CHECK_STATUS(hadr_engine_select(engine, "PAIR-001"), HADR_STATUS_OK);
    hadr_report *fewer = check_with(engine, topology);
    CHECK_STATUS(hadr_report_apply_baseline(fewer, baseline, strlen(baseline), &known, &outcome),
                 HADR_STATUS_OK);
    CHECK(count(known) == 0);
    CHECK(starts_with(outcome, "{\n  \"hidden\": 2,\n  \"unmatched\": [\n"));
    hadr_string_free(outcome);
    hadr_report_free(known);
    hadr_report_free(fewer);

    const char bad[] = "{\"format\": 1, \"findings\": [{\"rule\": \"PAIR-001\"}]}";
    known = (hadr_report *)0x1;
    CHECK_STATUS(hadr_report_apply_baseline(report, bad, strlen(bad), &known, &outcome),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(known == (hadr_report *)0x1);
    CHECK(outcome != NULL && strstr(outcome, "\"kind\": \"missing_key\"") != NULL);
    CHECK(outcome != NULL && strstr(outcome, "\"path\": \"/findings/0\"") != NULL);
    hadr_string_free(outcome);

    hadr_string_free(baseline);
    hadr_report_free(report);
    hadr_engine_free(engine);
    hadr_topology_free(topology);
}

static void test_facts_template(void) {
    hadr_engine *engine = NULL;
    CHECK_STATUS(hadr_engine_new(&engine), HADR_STATUS_OK);
    size_t len = 0;
    char *xml = read_below(root, "tests/xml/mirroring-witness.xml", &len);
    char *template = NULL;
    CHECK_STATUS(hadr_facts_template(engine, (const uint8_t *)xml, len, NULL, 0,
                                     "tests/xml/mirroring-witness.xml", &template),
                 HADR_STATUS_OK);
    CHECK(starts_with(template, "// Facts file for tests/xml/mirroring-witness.xml "));
    CHECK(template != NULL && strstr(template, "\"os\": null") != NULL);
    CHECK(template != NULL && strstr(template, "Unlocks OS-001") != NULL);

    /* The template as the facts: nothing changes; with the OS filled in, the OS is known. */
    char *report_json = NULL, *with_template = NULL;
    CHECK_STATUS(hadr_check_input((const uint8_t *)xml, len, NULL, 0, &report_json),
                 HADR_STATUS_OK);
    CHECK_STATUS(hadr_check_input((const uint8_t *)xml, len, template, strlen(template),
                                  &with_template),
                 HADR_STATUS_OK);
    CHECK(report_json != NULL && with_template != NULL && strcmp(report_json, with_template) == 0);
    hadr_string_free(report_json);
    hadr_string_free(with_template);

    const char facts[] = "{\"format\": 1, \"defaults\": {\"server\": {\"os\": \"ws2019\"}}}";
    char *rest = NULL;
    CHECK_STATUS(hadr_facts_template(engine, (const uint8_t *)xml, len, facts, strlen(facts),
                                     NULL, &rest),
                 HADR_STATUS_OK);
    CHECK(starts_with(rest, "// Facts file for the topology "));
    CHECK(rest != NULL && strstr(rest, "\"os\"") == NULL);
    hadr_string_free(rest);
    hadr_string_free(template);
    free(xml);

    /* The engine's selection applies. */
    CHECK_STATUS(hadr_engine_select(engine, "SQL"), HADR_STATUS_OK);
    xml = read_below(root, "tests/xml/mirroring-witness.xml", &len);
    CHECK_STATUS(hadr_facts_template(engine, (const uint8_t *)xml, len, NULL, 0, NULL, &rest),
                 HADR_STATUS_OK);
    CHECK(rest != NULL && strstr(rest, "\"version\": null") != NULL);
    CHECK(rest != NULL && strstr(rest, "\"os\"") == NULL);
    hadr_string_free(rest);
    free(xml);

    char *json = read_below(root, "examples/paired-2019-ag.json", &len);
    char *errors = NULL;
    CHECK_STATUS(hadr_facts_template(engine, (const uint8_t *)json, len, NULL, 0, NULL, &errors),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(errors != NULL && strstr(errors, "\"kind\": \"not_topology\"") != NULL);
    hadr_string_free(errors);
    free(json);
    hadr_engine_free(engine);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPO_ROOT\n", argv[0]);
        return 2;
    }
    root = argv[1];
    test_load_config();
    test_expired_suppression();
    test_bad_config();
    test_baseline();
    test_facts_template();
    return finish("test_workflows");
}
