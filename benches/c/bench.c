/*
 * Benchmarks of the C ABI (include/hadr_rules.h), linked with the release library:
 *   - a support query: hadr_back_end_support, hadr_verdict_support, hadr_verdict_free over a
 *     rotating set of product x HA mode x SQL version x edition tokens, in ns per query;
 *   - a quorum query: hadr_functional_quorum (no allocation), in ns per query;
 *   - the one-shot hadr_check_json on generated documents (`hadr-rules generate --pools N`),
 *     the median of several runs in ms and in us per pool; and, for the same documents,
 *     hadr_topology_parse alone and hadr_engine_check + hadr_report_to_json on the parsed
 *     topology.
 *
 * Prints one line per measurement ("c support_query ns_per_call=..."), and writes them all as
 * JSON to RESULTS_JSON.
 *
 * Usage: bench INPUT_DIR RESULTS_JSON [POOLS...]   (default pools: 10 100 1000 10000 100000)
 *   INPUT_DIR holds pools-N.json for every N. benches/c/run builds and runs it.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hadr_rules.h"

#define MAX_SIZES 16
#define MAX_RUNS 31
/* The 100,000-pool document (about 150 MB) is past the default limits of 64 MiB and 1,000,000
 * entities. */
#define MAX_BYTES ((size_t)1 << 30)
#define MAX_ENTITIES ((size_t)10000000)

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, int n) {
    qsort(values, (size_t)n, sizeof *values, compare_doubles);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        return NULL;
    }
    long size = ftell(f);
    rewind(f);
    char *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    *len = (size_t)size;
    return buf;
}

static const char *status_text(hadr_status status, char *buf, size_t len) {
    size_t written = 0;
    if (hadr_status_message(status, buf, len, &written) != HADR_STATUS_OK) {
        snprintf(buf, len, "status %u", (unsigned)status);
    }
    return buf;
}

/* ---- support queries ---- */

static const char *const products[] = {"lync2013", "sfb2015", "sfb2019", "sfbse"};
static const char *const modes[] = {"none", "mirroring", "always_on_ag", "always_on_fci",
                                    "failover_cluster"};
static const char *const versions[] = {"2008r2", "2012", "2014", "2016", "2017", "2019", "2022"};
static const char *const editions[] = {"express", "standard", "enterprise"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct combo {
    const char *product, *mode, *version, *edition;
} combo;

/* Every combination: 4 x 5 x 7 x 3 = 420. */
static combo combos[COUNT(products) * COUNT(modes) * COUNT(versions) * COUNT(editions)];
#define COMBOS COUNT(combos)

static volatile unsigned long sink; /* keeps the answers alive */

static double support_query_ns(long calls, long *supported) {
    unsigned long yes = 0;
    double start = now_ns();
    for (long i = 0; i < calls; i++) {
        const combo *c = &combos[(size_t)i % COMBOS];
        hadr_verdict *verdict = NULL;
        hadr_support support = HADR_SUPPORT_NO;
        if (hadr_back_end_support(c->product, c->mode, c->version, c->edition, &verdict) ==
                HADR_STATUS_OK &&
            hadr_verdict_support(verdict, &support) == HADR_STATUS_OK &&
            support == HADR_SUPPORT_YES) {
            yes++;
        }
        hadr_verdict_free(verdict);
    }
    double elapsed = now_ns() - start;
    sink += yes;
    *supported = (long)yes;
    return elapsed / (double)calls;
}

static double quorum_query_ns(long calls) {
    unsigned long total = 0;
    double start = now_ns();
    for (long i = 0; i < calls; i++) {
        hadr_quorum q;
        if (hadr_functional_quorum(products[(size_t)i % 3], (size_t)(i % 16) + 1, &q) ==
            HADR_STATUS_OK) {
            total += q.condition_count;
        }
    }
    double elapsed = now_ns() - start;
    sink += total;
    return elapsed / (double)calls;
}

/* ---- checks of generated documents ---- */

typedef struct size_result {
    long pools;
    size_t bytes;
    int runs;
    bool ok;
    char refused[160]; /* the status message when the library refused the document */
    size_t report_bytes;
    double check_json_ms, check_json_min_ms, parse_ms, engine_check_ms;
} size_result;

static int runs_for(long pools) {
    return pools <= 100 ? 21 : pools <= 1000 ? 11 : pools <= 10000 ? 5 : 3;
}

static void bench_size(const char *dir, long pools, size_result *r) {
    char path[4096];
    snprintf(path, sizeof path, "%s/pools-%ld.json", dir, pools);
    size_t len = 0;
    char *json = read_file(path, &len);
    memset(r, 0, sizeof *r);
    r->pools = pools;
    if (json == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    r->bytes = len;
    r->runs = runs_for(pools);
    double one_shot[MAX_RUNS], parse[MAX_RUNS], check[MAX_RUNS];
    hadr_engine *engine = NULL;
    hadr_engine_new(&engine);
    r->ok = true;
    for (int i = 0; i < r->runs && r->ok; i++) {
        char *out = NULL;
        double t0 = now_ns();
        hadr_status status = hadr_check_json_with_limits(json, len, MAX_BYTES, MAX_ENTITIES, &out);
        double t1 = now_ns();
        one_shot[i] = (t1 - t0) / 1e6;
        if (status != HADR_STATUS_OK) {
            char message[HADR_STATUS_MESSAGE_MAX];
            snprintf(r->refused, sizeof r->refused, "%s%s%.100s",
                     status_text(status, message, sizeof message), out ? ": " : "",
                     out ? out : "");
            for (char *p = r->refused; *p; p++) {
                if (*p == '\n' || *p == '"' || *p == '\\') {
                    *p = ' ';
                }
            }
            r->ok = false;
        }
        r->report_bytes = out ? strlen(out) : 0;
        hadr_string_free(out);

        hadr_topology *topology = NULL;
        char *errors = NULL;
        t0 = now_ns();
        status = hadr_topology_parse_with_limits(json, len, MAX_BYTES, MAX_ENTITIES, &topology,
                                                 &errors);
        t1 = now_ns();
        parse[i] = (t1 - t0) / 1e6;
        hadr_string_free(errors);
        if (status == HADR_STATUS_OK) {
            hadr_report *report = NULL;
            char *report_json = NULL;
            t0 = now_ns();
            if (hadr_engine_check(engine, topology, &report) == HADR_STATUS_OK) {
                hadr_report_to_json(report, &report_json);
            }
            t1 = now_ns();
            check[i] = (t1 - t0) / 1e6;
            hadr_string_free(report_json);
            hadr_report_free(report);
        }
        hadr_topology_free(topology);
    }
    if (r->ok) {
        r->check_json_ms = median(one_shot, r->runs);
        r->check_json_min_ms = one_shot[0]; /* sorted by median() */
        r->parse_ms = median(parse, r->runs);
        r->engine_check_ms = median(check, r->runs);
    }
    hadr_engine_free(engine);
    free(json);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s INPUT_DIR RESULTS_JSON [POOLS...]\n", argv[0]);
        return 2;
    }
    long sizes[MAX_SIZES] = {10, 100, 1000, 10000, 100000};
    int size_count = 5;
    if (argc > 3) {
        size_count = 0;
        for (int i = 3; i < argc && size_count < MAX_SIZES; i++) {
            sizes[size_count++] = strtol(argv[i], NULL, 10);
        }
    }
    size_t k = 0;
    for (size_t p = 0; p < COUNT(products); p++)
        for (size_t m = 0; m < COUNT(modes); m++)
            for (size_t v = 0; v < COUNT(versions); v++)
                for (size_t e = 0; e < COUNT(editions); e++)
                    combos[k++] = (combo){products[p], modes[m], versions[v], editions[e]};

    /* Warm up, then the best of three batches of ~10 million queries (rounded to whole sets
     * of the 420 combinations). */
    const long calls = (10000000 / (long)COMBOS) * (long)COMBOS;
    long supported = 0;
    support_query_ns(calls / 10, &supported);
    double support_ns = 1e18, quorum_ns = 1e18;
    for (int i = 0; i < 3; i++) {
        double ns = support_query_ns(calls, &supported);
        support_ns = ns < support_ns ? ns : support_ns;
        ns = quorum_query_ns(calls);
        quorum_ns = ns < quorum_ns ? ns : quorum_ns;
    }
    printf("c support_query ns_per_call=%.1f calls=%ld combinations=%zu supported=%ld\n",
           support_ns, calls, COMBOS, supported / (calls / (long)COMBOS));
    printf("c quorum_query ns_per_call=%.1f calls=%ld\n", quorum_ns, calls);
    fflush(stdout);

    size_result results[MAX_SIZES];
    for (int i = 0; i < size_count; i++) {
        size_result *r = &results[i];
        bench_size(argv[1], sizes[i], r);
        if (r->ok) {
            printf("c check_json pools=%ld bytes=%zu runs=%d median_ms=%.3f us_per_pool=%.2f "
                   "parse_ms=%.3f engine_check_ms=%.3f report_bytes=%zu\n",
                   r->pools, r->bytes, r->runs, r->check_json_ms,
                   r->check_json_ms * 1000 / (double)r->pools, r->parse_ms, r->engine_check_ms,
                   r->report_bytes);
        } else {
            printf("c check_json pools=%ld bytes=%zu refused=\"%s\"\n", r->pools, r->bytes,
                   r->refused);
        }
        fflush(stdout);
    }

    FILE *out = fopen(argv[2], "w");
    if (out == NULL) {
        fprintf(stderr, "cannot write %s\n", argv[2]);
        return 1;
    }
    fprintf(out, "{\n  \"binding\": \"c\",\n  \"library\": \"%s\",\n", hadr_version());
    fprintf(out,
            "  \"support_query\": {\"call\": \"hadr_back_end_support + hadr_verdict_support + "
            "hadr_verdict_free\", \"calls\": %ld, \"ns_per_call\": %.1f},\n",
            calls, support_ns);
    fprintf(out,
            "  \"quorum_query\": {\"call\": \"hadr_functional_quorum\", \"calls\": %ld, "
            "\"ns_per_call\": %.1f},\n",
            calls, quorum_ns);
    fprintf(out, "  \"check_json\": [");
    for (int i = 0; i < size_count; i++) {
        const size_result *r = &results[i];
        fprintf(out, "%s\n    {\"pools\": %ld, \"bytes\": %zu, ", i ? "," : "", r->pools,
                r->bytes);
        if (r->ok) {
            fprintf(out,
                    "\"runs\": %d, \"median_ms\": %.3f, \"min_ms\": %.3f, \"us_per_pool\": %.2f, "
                    "\"parse_ms\": %.3f, \"engine_check_ms\": %.3f, \"report_bytes\": %zu}",
                    r->runs, r->check_json_ms, r->check_json_min_ms,
                    r->check_json_ms * 1000 / (double)r->pools, r->parse_ms,
                    r->engine_check_ms, r->report_bytes);
        } else {
            fprintf(out, "\"refused\": \"%s\"}", r->refused);
        }
    }
    fprintf(out, "\n  ]\n}\n");
    fclose(out);
    return 0;
}
