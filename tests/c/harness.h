/*
 * A small assertion harness for the C tests of hadr_rules.h: every CHECK counts, a failed one
 * prints where and why and makes the program exit 1.
 */
#ifndef HADR_TEST_HARNESS_H
#define HADR_TEST_HARNESS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hadr_rules.h"

static atomic_long checks_run;
static atomic_long checks_failed;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        atomic_fetch_add(&checks_run, 1);                                                  \
        if (!(cond)) {                                                                     \
            atomic_fetch_add(&checks_failed, 1);                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);       \
        }                                                                                  \
    } while (0)

/* A status equals the expected one; prints both numbers when not. */
#define CHECK_STATUS(call, expected)                                                       \
    do {                                                                                   \
        hadr_status got_ = (call);                                                         \
        atomic_fetch_add(&checks_run, 1);                                                  \
        if (got_ != (hadr_status)(expected)) {                                             \
            atomic_fetch_add(&checks_failed, 1);                                           \
            fprintf(stderr, "%s:%d: %s returned %u, expected %s (%u)\n", __FILE__,        \
                    __LINE__, #call, (unsigned)got_, #expected, (unsigned)(expected));     \
        }                                                                                  \
    } while (0)

/* A borrowed view equals a C string. */
static inline bool str_is(hadr_str s, const char *expected) {
    size_t n = strlen(expected);
    return s.data != NULL && s.len == n && memcmp(s.data, expected, n) == 0;
}

#define CHECK_STR(view, expected)                                                          \
    do {                                                                                   \
        hadr_str view_ = (view);                                                           \
        atomic_fetch_add(&checks_run, 1);                                                  \
        if (!str_is(view_, (expected))) {                                                  \
            atomic_fetch_add(&checks_failed, 1);                                           \
            fprintf(stderr, "%s:%d: %s is \"%.*s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #view, view_.data ? (int)view_.len : 0, view_.data ? view_.data : "",  \
                    (expected));                                                           \
        }                                                                                  \
    } while (0)

/* Reads a whole file; returns NULL (and says why) when it cannot. */
static inline char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (buf == NULL) {
            fclose(f);
            return NULL;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *bigger = realloc(buf, cap + 1);
        if (bigger == NULL) {
            free(buf);
        }
        buf = bigger;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Reads a file of the repository at `root` (the test's first argument), counting a failure to
 * read it as a failed check. */
static inline char *read_below(const char *root, const char *relative, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, relative);
    char *bytes = read_file(path, len);
    CHECK(bytes != NULL);
    return bytes;
}

static inline bool starts_with(const char *text, const char *prefix) {
    return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Prints the totals and returns the exit status. */
static inline int finish(const char *name) {
    long run = atomic_load(&checks_run), failed = atomic_load(&checks_failed);
    printf("%s: %ld checks, %ld failed\n", name, run, failed);
    return failed == 0 ? 0 : 1;
}

#endif /* HADR_TEST_HARNESS_H */
