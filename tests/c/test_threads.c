/*
 * Eight threads share one engine handle (and the parsed topologies) and check different
 * topologies at the same time; every result must equal the serial run's, byte for byte.
 *
 * Usage: test_threads REPO_ROOT [ROUNDS]
 */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */

#include <pthread.h>

#include "harness.h"

#define THREADS 8

static const char *const files[] = {
    "examples/broken-cms-shared-back-end.json",
    "examples/broken-mirroring-on-2019.json",
    "examples/broken-pairing.json",
    "examples/broken-two-server-2019.json",
    "examples/broken-unsupported-os.json",
    "examples/broken-witness-version.json",
    "examples/clean-2015-mirroring-witness.json",
    "examples/clean-lync2013-cluster.json",
    "examples/clean-standard-edition-pair.json",
    "examples/paired-2019-ag.json",
    "tests/rules/base.json",
};
#define FILES (sizeof files / sizeof files[0])

typedef struct input {
    char *json;
    size_t len;
    hadr_topology *topology;
    char *serial_report;   /* hadr_engine_check + hadr_report_to_json, serially */
    char *serial_one_call; /* hadr_check_json, serially */
    hadr_summary serial_summary;
    size_t serial_count;
} input;

static input inputs[FILES];
static hadr_engine *shared_engine;
static pthread_barrier_t start;
static int rounds = 4;

/* The subject appears in the JSON (as a string value). */
static bool json_names(const char *json, hadr_str subject) {
    char needle[512];
    if (subject.len + 3 > sizeof needle) {
        return true;
    }
    snprintf(needle, sizeof needle, "\"%.*s\"", (int)subject.len, subject.data);
    return strstr(json, needle) != NULL;
}

static char *report_json(const hadr_topology *topology, hadr_summary *summary, size_t *count) {
    hadr_report *report = NULL;
    char *json = NULL;
    CHECK_STATUS(hadr_engine_check(shared_engine, topology, &report), HADR_STATUS_OK);
    CHECK_STATUS(hadr_report_to_json(report, &json), HADR_STATUS_OK);
    CHECK_STATUS(hadr_report_summary(report, summary), HADR_STATUS_OK);
    CHECK_STATUS(hadr_report_diagnostic_count(report, count), HADR_STATUS_OK);
    /* Read every diagnostic's views while other threads do the same on other reports. */
    for (size_t i = 0; i < *count; i++) {
        hadr_diagnostic d;
        CHECK_STATUS(hadr_report_diagnostic(report, i, &d), HADR_STATUS_OK);
        CHECK(d.rule.len > 0 && d.subject.len > 0 && d.message.len > 0);
        CHECK(json_names(json, d.subject));
    }
    hadr_report_free(report);
    return json;
}

static void *worker(void *arg) {
    size_t id = (size_t)arg;
    pthread_barrier_wait(&start);
    for (int round = 0; round < rounds; round++) {
        for (size_t k = 0; k < FILES; k++) {
            /* Each thread starts at a different topology: different checks run at once. */
            input *in = &inputs[(id + k) % FILES];
            hadr_summary summary;
            size_t count = 0;
            char *json = report_json(in->topology, &summary, &count);
            CHECK(json != NULL && strcmp(json, in->serial_report) == 0);
            CHECK(count == in->serial_count);
            CHECK(memcmp(&summary, &in->serial_summary, sizeof summary) == 0);
            hadr_string_free(json);

            char *one_call = NULL;
            CHECK_STATUS(hadr_check_json(in->json, in->len, &one_call), HADR_STATUS_OK);
            CHECK(one_call != NULL && strcmp(one_call, in->serial_one_call) == 0);
            hadr_string_free(one_call);
        }
        /* Support queries from every thread too. */
        hadr_quorum q;
        CHECK_STATUS(hadr_functional_quorum("sfb2019", 12, &q), HADR_STATUS_OK);
        CHECK(q.condition_count == 2);
        hadr_verdict *verdict = NULL;
        CHECK_STATUS(hadr_back_end_support("sfb2015", "mirroring", "2016", "enterprise", &verdict),
                     HADR_STATUS_OK);
        hadr_support support = HADR_SUPPORT_NO;
        CHECK_STATUS(hadr_verdict_support(verdict, &support), HADR_STATUS_OK);
        CHECK(support == HADR_SUPPORT_YES);
        hadr_verdict_free(verdict);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPO_ROOT [ROUNDS]\n", argv[0]);
        return 2;
    }
    if (argc > 2) {
        rounds = atoi(argv[2]);
    }
    /* One engine with non-default options, configured before it is shared. */
    CHECK_STATUS(hadr_engine_new(&shared_engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_ignore(shared_engine, "LIFE"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(shared_engine, "PAIR", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(shared_engine, "FE-007", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_suppress(shared_engine, "OS-001", NULL, "Lync 2013 retires soon"),
                 HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_fail_level(shared_engine, "warning"), HADR_STATUS_OK);

    /* The serial run. */
    for (size_t i = 0; i < FILES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], files[i]);
        inputs[i].json = read_file(path, &inputs[i].len);
        CHECK(inputs[i].json != NULL);
        if (inputs[i].json == NULL) {
            return finish("test_threads");
        }
        char *errors = NULL;
        CHECK_STATUS(hadr_topology_parse(inputs[i].json, inputs[i].len, &inputs[i].topology,
                                         &errors),
                     HADR_STATUS_OK);
        inputs[i].serial_report = report_json(inputs[i].topology, &inputs[i].serial_summary,
                                              &inputs[i].serial_count);
        CHECK_STATUS(hadr_check_json(inputs[i].json, inputs[i].len, &inputs[i].serial_one_call),
                     HADR_STATUS_OK);
    }
    /* The options changed these reports: the shared engine is not the default one. */
    CHECK(strstr(inputs[2].serial_report, "\"severity\": \"error\",\n      \"subject\": "
                                          "\"pool-ams.contoso.com\"") == NULL);
    CHECK(strcmp(inputs[2].serial_report, inputs[2].serial_one_call) != 0);
    CHECK(inputs[4].serial_summary.suppressed == 3);

    pthread_t threads[THREADS];
    CHECK(pthread_barrier_init(&start, NULL, THREADS) == 0);
    for (size_t t = 0; t < THREADS; t++) {
        CHECK(pthread_create(&threads[t], NULL, worker, (void *)t) == 0);
    }
    for (size_t t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
    }
    pthread_barrier_destroy(&start);

    for (size_t i = 0; i < FILES; i++) {
        hadr_string_free(inputs[i].serial_report);
        hadr_string_free(inputs[i].serial_one_call);
        hadr_topology_free(inputs[i].topology);
        free(inputs[i].json);
    }
    hadr_engine_free(shared_engine);
    printf("threads: %d threads x %d rounds x %zu topologies\n", THREADS, rounds, FILES);
    return finish("test_threads");
}
