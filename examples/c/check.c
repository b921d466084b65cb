/* Checks a format-1 topology document with the hadr-rules C library and prints its findings,
 * one per line: severity, rule, subject. Exit status as `hadr-rules check`: 0 passes, 1 fails at
 * the fail level, 2 the document or a call was refused.
 *
 * Build against an installed library (cargo cinstall, docs/c-abi.md):
 *   cc -std=c11 check.c -o check $(pkg-config --cflags --libs hadr_rules)
 * or with CMake: CMakeLists.txt beside this file (find_package(hadr_rules)). */
#include <stdio.h>
#include <stdlib.h>

#include <hadr_rules.h>

static char *read_file(const char *path, size_t *len) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return NULL;
    }
    size_t size = 0, capacity = 4096;
    char *data = malloc(capacity);
    size_t n;
    while (data != NULL && (n = fread(data + size, 1, capacity - size, file)) > 0) {
        size += n;
        if (size == capacity) {
            char *grown = realloc(data, capacity *= 2);
            if (grown == NULL) {
                free(data);
            }
            data = grown;
        }
    }
    fclose(file);
    *len = size;
    return data;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s TOPOLOGY.json\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *json = read_file(argv[1], &len);
    if (json == NULL) {
        fprintf(stderr, "%s: cannot be read\n", argv[1]);
        return 2;
    }
    printf("hadr-rules %s\n", hadr_version());

    hadr_topology *topology = NULL;
    char *errors = NULL;
    hadr_status status = hadr_topology_parse(json, len, &topology, &errors);
    free(json);
    if (status != HADR_STATUS_OK) {
        if (status == HADR_STATUS_INVALID_TOPOLOGY) {
            fputs(errors, stderr); /* {"errors": [...]} */
            hadr_string_free(errors);
        }
        return 2;
    }
    int result = 2;
    hadr_engine *engine = NULL;
    hadr_report *report = NULL;
    if (hadr_engine_new(&engine) == HADR_STATUS_OK &&
        hadr_engine_check(engine, topology, &report) == HADR_STATUS_OK) {
        size_t count = 0;
        bool fails = false;
        hadr_report_diagnostic_count(report, &count);
        for (size_t i = 0; i < count; i++) {
            hadr_diagnostic d;
            if (hadr_report_diagnostic(report, i, &d) == HADR_STATUS_OK) {
                printf("%.*s %.*s %.*s\n", (int)d.severity.len, d.severity.data, (int)d.rule.len,
                       d.rule.data, (int)d.subject.len, d.subject.data);
            }
        }
        hadr_report_fails(report, &fails);
        result = fails ? 1 : 0;
    }
    hadr_report_free(report);
    hadr_engine_free(engine);
    hadr_topology_free(topology);
    return result;
}
