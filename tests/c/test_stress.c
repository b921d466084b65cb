/*
 * Stress: THREADS threads share one engine handle (and the parsed topologies) and each runs
 * CHECKS checks over a rotating set of inputs: every example of examples/, bad inputs of
 * tests/bad-input/ and a generated document. Every result, status and output bytes, must
 * equal the one the serial run computed first.
 *
 * A check is one of three calls on one input:
 *   - the one-shot hadr_check_json (default options);
 *   - hadr_topology_parse, then hadr_engine_check with the shared engine and
 *     hadr_report_to_json (the errors JSON for an input that cannot be read);
 *   - hadr_engine_check with the shared engine on the topology parsed once before the
 *     threads start (inputs that parse only).
 *
 * Usage: test_stress REPO_ROOT GENERATED_JSON [THREADS [CHECKS]]   (defaults: 8, 10000)
 */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */

#include <glob.h>
#include <pthread.h>

#include "harness.h"

#define MAX_THREADS 64
#define MAX_INPUTS 64

/* Inputs tests/bad-input/ holds that the stress mixes in: not JSON, not UTF-8, UTF-16, empty,
 * truncated, an unknown key, a dangling reference, a duplicate. */
static const char *const bad_inputs[] = {
    "tests/bad-input/binary.json",        "tests/bad-input/empty.json",
    "tests/bad-input/truncated.json",     "tests/bad-input/utf16-bom.json",
    "tests/bad-input/unknown-key.json",   "tests/bad-input/dangling-back-end.json",
    "tests/bad-input/duplicate-pool-fqdn.json",
};
#define BAD_INPUTS (sizeof bad_inputs / sizeof bad_inputs[0])

enum mode { ONE_SHOT, PARSE_AND_CHECK, SHARED_TOPOLOGY, MODES };
static const char *const mode_names[MODES] = {"hadr_check_json", "parse+engine_check",
                                              "shared topology"};

typedef struct input {
    char path[4096];
    char *json;
    size_t len;
    bool bad;                /* expected to be refused */
    hadr_topology *topology; /* NULL when it does not parse */
} input;

typedef struct result {
    hadr_status status;
    char *out; /* the library's string: report JSON or errors JSON */
    size_t len;
} result;

typedef struct job {
    const input *in;
    enum mode mode;
    result serial;
} job;

static input inputs[MAX_INPUTS];
static size_t input_count;
static job jobs[MAX_INPUTS * MODES];
static size_t job_count;
static hadr_engine *shared_engine;
static pthread_barrier_t start;
static size_t checks_per_thread = 10000;
static size_t thread_count = 8;
static atomic_long identical;

static result run(const job *j) {
    result r = {HADR_STATUS_OK, NULL, 0};
    const input *in = j->in;
    switch (j->mode) {
    case ONE_SHOT:
        r.status = hadr_check_json(in->json, in->len, &r.out);
        break;
    case PARSE_AND_CHECK: {
        hadr_topology *topology = NULL;
        r.status = hadr_topology_parse(in->json, in->len, &topology, &r.out);
        if (r.status == HADR_STATUS_OK) {
            hadr_report *report = NULL;
            r.status = hadr_engine_check(shared_engine, topology, &report);
            if (r.status == HADR_STATUS_OK) {
                r.status = hadr_report_to_json(report, &r.out);
            }
            hadr_report_free(report);
        }
        hadr_topology_free(topology);
        break;
    }
    case SHARED_TOPOLOGY: {
        hadr_report *report = NULL;
        r.status = hadr_engine_check(shared_engine, in->topology, &report);
        if (r.status == HADR_STATUS_OK) {
            r.status = hadr_report_to_json(report, &r.out);
        }
        hadr_report_free(report);
        break;
    }
    case MODES:
        break;
    }
    r.len = r.out != NULL ? strlen(r.out) : 0;
    return r;
}

static bool same(result a, result b) {
    return a.status == b.status && a.len == b.len &&
           (a.len == 0 || memcmp(a.out, b.out, a.len) == 0);
}

static void *worker(void *arg) {
    size_t id = (size_t)arg;
    /* Threads start at evenly spread jobs and walk the list: different inputs and different
     * calls run at the same time. */
    size_t first = id * job_count / thread_count;
    long mismatches = 0;
    pthread_barrier_wait(&start);
    for (size_t k = 0; k < checks_per_thread; k++) {
        const job *j = &jobs[(first + k) % job_count];
        result r = run(j);
        if (same(r, j->serial)) {
            atomic_fetch_add(&identical, 1);
        } else if (mismatches++ < 5) {
            fprintf(stderr, "thread %zu check %zu: %s on %s gave status %u (%zu bytes), "
                            "serially %u (%zu bytes)\n",
                    id, k, mode_names[j->mode], j->in->path, (unsigned)r.status, r.len,
                    (unsigned)j->serial.status, j->serial.len);
        }
        hadr_string_free(r.out);
    }
    CHECK(mismatches == 0);
    return NULL;
}

static bool add_input(const char *path, bool bad) {
    CHECK(input_count < MAX_INPUTS);
    if (input_count >= MAX_INPUTS) {
        return false;
    }
    input *in = &inputs[input_count];
    snprintf(in->path, sizeof in->path, "%s", path);
    in->json = read_file(path, &in->len);
    CHECK(in->json != NULL);
    if (in->json == NULL) {
        return false;
    }
    in->bad = bad;
    input_count++;
    return true;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s REPO_ROOT GENERATED_JSON [THREADS [CHECKS]]\n", argv[0]);
        return 2;
    }
    if (argc > 3) {
        thread_count = (size_t)strtoul(argv[3], NULL, 10);
    }
    if (argc > 4) {
        checks_per_thread = (size_t)strtoul(argv[4], NULL, 10);
    }
    if (thread_count < 1 || thread_count > MAX_THREADS || checks_per_thread < 1) {
        fprintf(stderr, "THREADS must be 1 to %d and CHECKS at least 1\n", MAX_THREADS);
        return 2;
    }

    /* Every example, the bad inputs, the generated document. */
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/examples/*.json", argv[1]);
    glob_t examples;
    CHECK(glob(pattern, 0, NULL, &examples) == 0);
    CHECK(examples.gl_pathc >= 10);
    for (size_t i = 0; i < examples.gl_pathc; i++) {
        if (!add_input(examples.gl_pathv[i], false)) {
            globfree(&examples);
            return finish("test_stress");
        }
    }
    globfree(&examples);
    for (size_t i = 0; i < BAD_INPUTS; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], bad_inputs[i]);
        if (!add_input(path, true)) {
            return finish("test_stress");
        }
    }
    if (!add_input(argv[2], false)) {
        return finish("test_stress");
    }
    CHECK(inputs[input_count - 1].len > 50000); /* a document of some size, not an example */

    /* One engine with non-default options, configured before it is shared. */
    CHECK_STATUS(hadr_engine_new(&shared_engine), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(shared_engine, "PAIR", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_severity(shared_engine, "FE-007", "warning"), HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_suppress(shared_engine, "OS-001", NULL, "Lync 2013 retires soon"),
                 HADR_STATUS_OK);
    CHECK_STATUS(hadr_engine_set_fail_level(shared_engine, "warning"), HADR_STATUS_OK);

    /* The serial run. */
    for (size_t i = 0; i < input_count; i++) {
        input *in = &inputs[i];
        char *errors = NULL;
        hadr_status parsed = hadr_topology_parse(in->json, in->len, &in->topology, &errors);
        CHECK(parsed == (in->bad ? HADR_STATUS_INVALID_TOPOLOGY : HADR_STATUS_OK));
        for (int m = 0; m < MODES; m++) {
            if (m == SHARED_TOPOLOGY && in->topology == NULL) {
                continue;
            }
            job *j = &jobs[job_count++];
            j->in = in;
            j->mode = (enum mode)m;
            j->serial = run(j);
            CHECK(j->serial.out != NULL && j->serial.len > 0);
            CHECK(j->serial.status == (in->bad ? HADR_STATUS_INVALID_TOPOLOGY : HADR_STATUS_OK));
            /* The same call again gives the same bytes. */
            result again = run(j);
            CHECK(same(again, j->serial));
            hadr_string_free(again.out);
        }
        /* A bad input's errors JSON is the same whichever call reads it. */
        if (in->bad) {
            result one_shot = jobs[job_count - 2].serial, parse = jobs[job_count - 1].serial;
            CHECK(same(one_shot, parse));
            CHECK(errors != NULL && parse.out != NULL && strcmp(errors, parse.out) == 0);
            CHECK(strncmp(parse.out, "{\n  \"errors\": [", 15) == 0);
        }
        hadr_string_free(errors);
    }
    /* The shared engine's options change the reports: they differ from the one-shot call's. */
    size_t differing = 0;
    for (size_t i = 0; i + 1 < job_count; i++) {
        if (jobs[i].mode == ONE_SHOT && !jobs[i].in->bad && !same(jobs[i].serial, jobs[i + 1].serial)) {
            differing++;
        }
    }
    CHECK(differing >= 3);

    pthread_t threads[MAX_THREADS];
    CHECK(pthread_barrier_init(&start, NULL, (unsigned)thread_count) == 0);
    for (size_t t = 0; t < thread_count; t++) {
        CHECK(pthread_create(&threads[t], NULL, worker, (void *)t) == 0);
    }
    for (size_t t = 0; t < thread_count; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
    }
    pthread_barrier_destroy(&start);
    long total = (long)(thread_count * checks_per_thread);
    CHECK(atomic_load(&identical) == total);

    for (size_t i = 0; i < job_count; i++) {
        hadr_string_free(jobs[i].serial.out);
    }
    for (size_t i = 0; i < input_count; i++) {
        hadr_topology_free(inputs[i].topology);
        free(inputs[i].json);
    }
    hadr_engine_free(shared_engine);
    printf("c-stress: %zu threads x %zu checks, %ld results identical to serial "
           "(%zu inputs, %zu input x call cases)\n",
           thread_count, checks_per_thread, atomic_load(&identical), input_count, job_count);
    return finish("test_stress");
}
