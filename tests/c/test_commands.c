/*
 * The entry points that do what a command of the CLI does: hadr_import_xml (`hadr-rules
 * import FILE [--facts F]`), hadr_check_input (`hadr-rules check FILE [--facts F] --format
 * json`) and hadr_simulate_json (`hadr-rules simulate FILE --format json [--fail ...]
 * [--all-single] [--sites]`): byte identity with the CLI, and every error path.
 *
 * Usage: test_commands REPO_ROOT [COMMANDS]
 *   COMMANDS (written by scripts/test-c): one line per case, tab-separated: the command
 *   (import, check or simulate), the input path, the facts path or "", the `--fail` scenarios
 *   joined by ';' or "", the flags (1: --all-single, 2: --sites), the path of the CLI's
 *   standard output, the CLI's exit status. When the CLI refused the input without printing
 *   an errors JSON (`import` never prints one, nor `check` for a bad facts file), the path is
 *   that of its standard error, whose messages the library's errors JSON must hold.
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "harness.h"

#define SENTINEL ((void *)0x5a5a)

static const char *root;

static const char ERRORS_START[] = "{\n  \"errors\": [\n";

/* ---- hadr_import_xml ---- */

static void test_import_errors(void) {
    size_t xml_len = 0, facts_len = 0;
    char *xml = read_below(root, "tests/xml/director.xml", &xml_len);
    char *facts = read_below(root, "tests/xml/facts/director.json", &facts_len);
    if (xml == NULL || facts == NULL) {
        free(xml);
        free(facts);
        return;
    }
    const uint8_t *input = (const uint8_t *)xml;
    char *out = SENTINEL;

    /* NULL arguments: NULL_PARAMETER, nothing written. */
    CHECK_STATUS(hadr_import_xml(NULL, xml_len, NULL, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_import_xml(NULL, 0, NULL, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_import_xml(input, xml_len, NULL, facts_len, &out),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_import_xml(input, xml_len, facts, facts_len, NULL),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_import_xml(input, xml_len, NULL, 0, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK(out == SENTINEL);

    /* Without and with facts: a document, and the facts change it. */
    char *without = NULL, *with = NULL;
    CHECK_STATUS(hadr_import_xml(input, xml_len, NULL, 0, &without), HADR_STATUS_OK);
    CHECK_STATUS(hadr_import_xml(input, xml_len, facts, facts_len, &with), HADR_STATUS_OK);
    CHECK(starts_with(without, "{\n  \"format\": 1,\n"));
    CHECK(without != NULL && without[strlen(without) - 1] == '\n');
    CHECK(with != NULL && without != NULL && strcmp(with, without) != 0);
    CHECK(with != NULL && strstr(with, "\"os\": \"ws2016\"") != NULL);

    /* A length is a length: the bytes after it are not read. */
    char *padded = malloc(xml_len + 8);
    CHECK(padded != NULL);
    if (padded != NULL) {
        memcpy(padded, xml, xml_len);
        memcpy(padded + xml_len, "garbage!", 8);
        out = NULL;
        CHECK_STATUS(hadr_import_xml((const uint8_t *)padded, xml_len, NULL, 0, &out),
                     HADR_STATUS_OK);
        CHECK(out != NULL && without != NULL && strcmp(out, without) == 0);
        hadr_string_free(out);
        free(padded);
    }
    hadr_string_free(without);
    hadr_string_free(with);

    /* Bad facts: the facts are read first; the errors point into them. */
    static const char bad_facts[] = "{\"defaults\": {\"sever\": {}}}";
    out = SENTINEL;
    CHECK_STATUS(hadr_import_xml(input, xml_len, bad_facts, strlen(bad_facts), &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(starts_with(out, ERRORS_START));
    CHECK(out != SENTINEL && strstr(out, "\"path\": \"/defaults/sever\"") != NULL);
    CHECK(out != SENTINEL && strstr(out, "\"file\"") == NULL);
    hadr_string_free(out);
    out = SENTINEL;
    CHECK_STATUS(hadr_import_xml(NULL, 0, bad_facts, strlen(bad_facts), &out),
                 HADR_STATUS_NULL_PARAMETER);
    CHECK(out == SENTINEL);

    /* An empty facts document (not NULL) is an input error, as an empty facts file is. */
    CHECK_STATUS(hadr_import_xml(input, xml_len, facts, 0, &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"empty\"") != NULL);
    hadr_string_free(out);

    /* Bad XML: an `xml` input error with its line. */
    size_t bad_len = 0;
    char *bad = read_below(root, "tests/xml/bad/malformed.xml", &bad_len);
    out = SENTINEL;
    CHECK_STATUS(hadr_import_xml((const uint8_t *)bad, bad_len, NULL, 0, &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(starts_with(out, ERRORS_START));
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"xml\"") != NULL);
    CHECK(out != SENTINEL && strstr(out, "\"line\": 6,") != NULL);
    hadr_string_free(out);
    free(bad);

    /* A format-1 JSON document needs no import. */
    size_t json_len = 0;
    char *json = read_below(root, "examples/paired-2019-ag.json", &json_len);
    out = SENTINEL;
    CHECK_STATUS(hadr_import_xml((const uint8_t *)json, json_len, NULL, 0, &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "looks like a JSON document") != NULL);
    hadr_string_free(out);

    /* Nothing at all. */
    out = SENTINEL;
    CHECK_STATUS(hadr_import_xml(input, 0, NULL, 0, &out), HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(starts_with(out, ERRORS_START));
    hadr_string_free(out);

    free(json);
    free(xml);
    free(facts);
}

/* ---- hadr_check_input ---- */

static void test_check_input_errors(void) {
    size_t json_len = 0, facts_len = 0;
    char *json = read_below(root, "examples/broken-pairing.json", &json_len);
    char *facts = read_below(root, "tests/xml/facts/director.json", &facts_len);
    if (json == NULL || facts == NULL) {
        free(json);
        free(facts);
        return;
    }
    const uint8_t *input = (const uint8_t *)json;
    char *out = SENTINEL;
    CHECK_STATUS(hadr_check_input(NULL, 0, NULL, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_check_input(input, json_len, NULL, 1, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_check_input(input, json_len, NULL, 0, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK(out == SENTINEL);

    /* A JSON document without facts: hadr_check_json's bytes. */
    char *from_check_json = NULL;
    CHECK_STATUS(hadr_check_input(input, json_len, NULL, 0, &out), HADR_STATUS_OK);
    CHECK_STATUS(hadr_check_json(json, json_len, &from_check_json), HADR_STATUS_OK);
    CHECK(out != SENTINEL && from_check_json != NULL && strcmp(out, from_check_json) == 0);
    hadr_string_free(out);
    hadr_string_free(from_check_json);

    /* Facts with a JSON document are refused. */
    out = SENTINEL;
    CHECK_STATUS(hadr_check_input(input, json_len, facts, facts_len, &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL &&
          strstr(out, "a facts file completes imported topology XML") != NULL);
    hadr_string_free(out);
    free(json);
    free(facts);
}

/* ---- hadr_simulate_json ---- */

static const char UNKNOWN_NAMES[] =
    "{\n"
    "  \"errors\": [\n"
    "    {\n"
    "      \"kind\": \"unknown_entity\",\n"
    "      \"path\": \"\",\n"
    "      \"message\": \"no entity `dalas` in the topology: did you mean `dallas`?\",\n"
    "      \"expected\": \"the name of a site, data center, pool, server, SQL host, SQL store, "
    "file store or gateway, or `wan:` and a branch site\"\n"
    "    },\n"
    "    {\n"
    "      \"kind\": \"unknown_entity\",\n"
    "      \"path\": \"\",\n"
    "      \"message\": \"no entity `nowhere` in the topology\",\n"
    "      \"expected\": \"the name of a site, data center, pool, server, SQL host, SQL store, "
    "file store or gateway, or `wan:` and a branch site\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

static char *simulate_or_null(const char *json, size_t len, const char *fail, uint32_t flags) {
    char *out = NULL;
    CHECK_STATUS(hadr_simulate_json(json, len, fail, fail ? strlen(fail) : 0, flags, &out),
                 HADR_STATUS_OK);
    return out;
}

static bool same_text(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static void test_simulate(void) {
    size_t len = 0;
    char *json = read_below(root, "examples/paired-2019-ag.json", &len);
    if (json == NULL) {
        return;
    }
    char *out = SENTINEL;

    /* NULL arguments, unknown flags, bad UTF-8: nothing written. */
    CHECK_STATUS(hadr_simulate_json(NULL, len, NULL, 0, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_simulate_json(json, len, NULL, 7, 0, &out), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_simulate_json(json, len, NULL, 0, 0, NULL), HADR_STATUS_NULL_PARAMETER);
    CHECK_STATUS(hadr_simulate_json(json, len, NULL, 0, 4, &out), HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_simulate_json(json, len, NULL, 0, 0x80000003u, &out),
                 HADR_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(hadr_simulate_json(json, len, "z\xfcrich", 6, 0, &out),
                 HADR_STATUS_INVALID_UTF8);
    /* A blank name or an empty scenario names nothing to fail: refused, as everywhere. */
    static const char *const blanks[] = {" ", ";", " ; , ;", "chicago;", "a,,b", "chicago, "};
    for (size_t i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
        CHECK_STATUS(hadr_simulate_json(json, len, blanks[i], strlen(blanks[i]), 0, &out),
                     HADR_STATUS_INVALID_ARGUMENT);
    }
    CHECK(out == SENTINEL);

    /* Nothing asked: every single failure and every site loss, as both flags. */
    char *nothing = simulate_or_null(json, len, NULL, 0);
    char *both = simulate_or_null(json, len, NULL, HADR_SIMULATE_ALL_SINGLE | HADR_SIMULATE_SITES);
    char *empty = simulate_or_null(json, len, "", 0);
    CHECK(same_text(nothing, both));
    CHECK(same_text(nothing, empty));
    CHECK(starts_with(nothing, "{\n  \"format\": 1,\n  \"scenarios\": [\n"));
    CHECK(nothing != NULL && nothing[strlen(nothing) - 1] == '\n');
    hadr_string_free(nothing);
    hadr_string_free(both);
    hadr_string_free(empty);

    /* Names are trimmed and compared without case; a length is a length. */
    char *plain = simulate_or_null(json, len, "chicago;pool-dal.contoso.com,ag-chi", 0);
    char *spaced = simulate_or_null(json, len, " chicago ; pool-dal.contoso.com , ag-chi ", 0);
    static const char padded[] = "chicago;pool-dal.contoso.com,ag-chi;nowhere";
    char *cut = NULL;
    CHECK_STATUS(hadr_simulate_json(json, len, padded, strlen(padded) - 8, 0, &cut),
                 HADR_STATUS_OK);
    CHECK(same_text(plain, spaced));
    CHECK(same_text(plain, cut));
    CHECK(plain != NULL && strstr(plain, "\"name\": \"fail chicago\"") != NULL);
    CHECK(plain != NULL && strstr(plain, "\"name\": \"fail pool-dal.contoso.com, ag-chi\"") != NULL);
    hadr_string_free(plain);
    hadr_string_free(spaced);
    hadr_string_free(cut);

    /* Unknown names: INVALID_TOPOLOGY with the errors JSON the CLI prints (without `file`). */
    static const char unknown[] = "chicago;dalas,nowhere";
    out = SENTINEL;
    CHECK_STATUS(hadr_simulate_json(json, len, unknown, strlen(unknown), 0, &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strcmp(out, UNKNOWN_NAMES) == 0);
    hadr_string_free(out);

    /* An unreadable document: its errors JSON. */
    static const char malformed[] = "{\"format\": 1,\n \"sites\": [}";
    out = SENTINEL;
    CHECK_STATUS(hadr_simulate_json(malformed, strlen(malformed), "chicago", 7, 0, &out),
                 HADR_STATUS_INVALID_TOPOLOGY);
    CHECK(out != SENTINEL && strstr(out, "\"kind\": \"syntax\"") != NULL);
    hadr_string_free(out);
    free(json);
}

/* ---- byte identity with the command line ---- */

/* Every "message" of an errors JSON appears in the CLI's standard error. */
static bool messages_in(const char *errors, const char *stderr_text) {
    static const char key[] = "\"message\": \"";
    size_t found = 0;
    for (const char *at = strstr(errors, key); at != NULL; at = strstr(at, key)) {
        at += strlen(key);
        char message[4096];
        size_t n = 0;
        while (*at != '\0' && *at != '"' && n + 1 < sizeof message) {
            if (*at == '\\' && at[1] != '\0') {
                at++; /* \" and \\ (the messages hold no other escape) */
            }
            message[n++] = *at++;
        }
        message[n] = '\0';
        if (strstr(stderr_text, message) == NULL) {
            fprintf(stderr, "  \"%s\" is not in the CLI's messages:\n%s", message, stderr_text);
            return false;
        }
        found++;
    }
    return found > 0;
}

static void test_identity(const char *manifest_path) {
    size_t len = 0;
    char *manifest = read_file(manifest_path, &len);
    CHECK(manifest != NULL);
    if (manifest == NULL) {
        return;
    }
    size_t cases = 0, imports = 0, checks = 0, simulations = 0;
    size_t refused = 0; /* by the CLI, without an errors JSON: compared by messages */
    char *save = NULL;
    for (char *line = strtok_r(manifest, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        enum { COMMAND, INPUT, FACTS, FAIL, FLAGS, EXPECTED, STATUS, FIELDS };
        char *fields[FIELDS] = {line};
        bool complete = true;
        for (int f = 1; f < FIELDS; f++) {
            char *tab = strchr(fields[f - 1], '\t');
            if (tab == NULL) {
                complete = false;
                break;
            }
            *tab = '\0';
            fields[f] = tab + 1;
        }
        CHECK(complete);
        if (!complete) {
            continue;
        }
        cases++;
        const char *command = fields[COMMAND];
        int exit_status = atoi(fields[STATUS]);
        size_t input_len = 0, facts_len = 0, expected_len = 0;
        char *input = read_file(fields[INPUT], &input_len);
        char *facts = fields[FACTS][0] != '\0' ? read_file(fields[FACTS], &facts_len) : NULL;
        char *expected = read_file(fields[EXPECTED], &expected_len);
        CHECK(input != NULL && expected != NULL && (fields[FACTS][0] == '\0' || facts != NULL));
        if (input == NULL || expected == NULL || (fields[FACTS][0] != '\0' && facts == NULL)) {
            free(input);
            free(facts);
            free(expected);
            continue;
        }
        hadr_status want = exit_status == 2 ? HADR_STATUS_INVALID_TOPOLOGY : HADR_STATUS_OK;
        char *out = NULL;
        hadr_status got;
        bool same;
        if (strcmp(command, "import") == 0) {
            imports++;
            got = hadr_import_xml((const uint8_t *)input, input_len, facts, facts_len, &out);
        } else if (strcmp(command, "check") == 0) {
            checks++;
            got = hadr_check_input((const uint8_t *)input, input_len, facts, facts_len, &out);
        } else {
            simulations++;
            const char *fail = fields[FAIL][0] != '\0' ? fields[FAIL] : NULL;
            uint32_t flags = (uint32_t)strtoul(fields[FLAGS], NULL, 10);
            got = hadr_simulate_json(input, input_len, fail, fail ? strlen(fail) : 0, flags, &out);
        }
        if (want != HADR_STATUS_OK && expected[0] != '{') {
            refused++;
            same = starts_with(out, ERRORS_START) && messages_in(out, expected);
        } else {
            same = out != NULL && strlen(out) == expected_len && strcmp(out, expected) == 0;
        }
        CHECK(got == want);
        CHECK(same);
        if (got != want || !same) {
            fprintf(stderr, "  %s differs from the CLI on %s (facts %s, fail \"%s\", flags %s): "
                    "status %u\n", command, fields[INPUT], fields[FACTS], fields[FAIL],
                    fields[FLAGS], (unsigned)got);
        }
        hadr_string_free(out);
        free(input);
        free(facts);
        free(expected);
    }
    printf("identity: %zu cases compared with the CLI (%zu import, %zu check, %zu simulate; "
           "%zu refused without errors JSON)\n", cases, imports, checks, simulations, refused);
    CHECK(imports >= 15 && checks >= 15 && simulations >= 40 && refused >= 10);
    free(manifest);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPO_ROOT [COMMANDS]\n", argv[0]);
        return 2;
    }
    root = argv[1];
    test_import_errors();
    test_check_input_errors();
    test_simulate();
    if (argc > 2) {
        test_identity(argv[2]);
    }
    return finish("test_commands");
}
