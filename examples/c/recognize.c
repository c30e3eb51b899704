/* recognize — `ebl recognize` in C, through libebl only: verifies a record (a PINT envelope or
 * a TradeTrust document) and reports, criterion by criterion with citations, whether the
 * target recognises it as an electronic transferable record.
 *
 *   recognize (--target T | --jurisdiction J | --agreement ID --side S) [--trust FILE]...
 *             [--key FILE]... [--dns-txt FILE] [--at RFC3339] [--platform CODE]
 *             [--title-log FILE] [--evidence FILE] [--governing-law ID] [--json] FILE
 *
 * With --json it prints what `ebl recognize --json` prints. Exit codes as `ebl recognize`:
 * 0 recognised (subject to reliability), 1 not recognised, 3 indeterminate, 2 unusable. */
#include <stdint.h>
#include <time.h>

#include "common.h"

enum { EXIT_RECOGNISED = 0, EXIT_NOT_RECOGNISED = 1, EXIT_UNUSABLE = 2, EXIT_INDETERMINATE = 3 };

#define MAX_FILES 32

static int usage(const char *message) {
    fprintf(stderr, "recognize: %s\nusage: recognize (--target T | --jurisdiction J | --agreement ID --side S) "
                    "[--trust FILE]... [--key FILE]... [--dns-txt FILE] [--at RFC3339] [--platform CODE] "
                    "[--title-log FILE] [--evidence FILE] [--governing-law ID] [--json] FILE\n", message);
    return EXIT_UNUSABLE;
}

/* Reads an optional file; exits with EXIT_UNUSABLE when it is named but unreadable. */
static unsigned char *optional_file(const char *path, size_t *len) {
    unsigned char *data;
    *len = 0;
    if (path == NULL) return NULL;
    data = read_file(path, len);
    if (data == NULL) {
        fprintf(stderr, "ebl: %s: cannot read the file\n", path);
        exit(EXIT_UNUSABLE);
    }
    return data;
}

int main(int argc, char **argv) {
    const char *trust[MAX_FILES], *keys[MAX_FILES];
    size_t trust_count = 0, key_count = 0, i;
    const char *target = NULL, *agreement = NULL, *side = NULL, *at_text = NULL, *platform = NULL;
    const char *dns_txt = NULL, *title_log = NULL, *evidence = NULL, *governing_law = NULL, *file = NULL;
    char target_buf[256];
    int json = 0, status = EXIT_UNUSABLE, a;
    int64_t at = (int64_t)time(NULL) * 1000;
    ebl_trust_store *store = NULL;
    ebl_verify_context *context = NULL;
    ebl_report *report = NULL;
    unsigned char *record = NULL, *log = NULL, *evidence_data = NULL, *bytes;
    size_t record_len = 0, log_len = 0, evidence_len = 0, len;
    ebl_str verdict, s;
    size_t count = 0;

    for (a = 1; a < argc; a++) {
        const char *arg = argv[a];
        const char *value = a + 1 < argc ? argv[a + 1] : NULL;
        if (strcmp(arg, "--json") == 0) { json = 1; continue; }
        if (arg[0] != '-') { file = arg; continue; }
        if (value == NULL) return usage("an option is missing its value");
        a++;
        if (strcmp(arg, "--target") == 0 || strcmp(arg, "--jurisdiction") == 0) target = value;
        else if (strcmp(arg, "--agreement") == 0) agreement = value;
        else if (strcmp(arg, "--side") == 0) side = value;
        else if (strcmp(arg, "--trust") == 0 && trust_count < MAX_FILES) trust[trust_count++] = value;
        else if (strcmp(arg, "--key") == 0 && key_count < MAX_FILES) keys[key_count++] = value;
        else if (strcmp(arg, "--dns-txt") == 0) dns_txt = value;
        else if (strcmp(arg, "--at") == 0) at_text = value;
        else if (strcmp(arg, "--platform") == 0) platform = value;
        else if (strcmp(arg, "--title-log") == 0) title_log = value;
        else if (strcmp(arg, "--evidence") == 0) evidence = value;
        else if (strcmp(arg, "--governing-law") == 0) governing_law = value;
        else return usage("unknown option");
    }
    if (file == NULL) return usage("no record given");
    if (agreement != NULL && side != NULL) {
        snprintf(target_buf, sizeof target_buf, "%s/%s", agreement, side);
        target = target_buf;
    }
    if (target == NULL) return usage("no target: give --target, --jurisdiction, or --agreement with --side");
    if (at_text != NULL && ebl_time_from_rfc3339(TEXT(at_text), &at) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: --at: %s\n", last_error());
        return EXIT_UNUSABLE;
    }

    /* What the receiver trusts: keys, DNS answers, then the trust files in order. */
    if (ebl_verify_context_new(at, &context) != EBL_RESULT_OK || ebl_trust_store_new(&store) != EBL_RESULT_OK) goto failed;
    if (platform != NULL && ebl_verify_context_set_receiving_platform(context, TEXT(platform)) != EBL_RESULT_OK) goto failed;
    for (i = 0; i < key_count; i++) {
        ebl_result r;
        bytes = optional_file(keys[i], &len);
        r = ebl_verify_context_add_keys(context, bytes, len);
        free(bytes);
        if (r != EBL_RESULT_OK) goto failed;
    }
    if (dns_txt != NULL) {
        ebl_result r;
        bytes = optional_file(dns_txt, &len);
        r = ebl_verify_context_add_dns_txt_answers(context, bytes, len);
        free(bytes);
        if (r != EBL_RESULT_OK) goto failed;
    }
    for (i = 0; i < trust_count; i++) {
        ebl_result r;
        bytes = optional_file(trust[i], &len);
        r = ebl_trust_store_add_bytes(store, bytes, len, TEXT(trust[i]), at);
        free(bytes);
        if (r != EBL_RESULT_OK) goto failed;
    }
    if (ebl_verify_context_add_trust_store(context, store) != EBL_RESULT_OK) goto failed;

    record = optional_file(file, &record_len);
    log = optional_file(title_log, &log_len);
    evidence_data = optional_file(evidence, &evidence_len);
    if (ebl_recognize(context, store, record, record_len, TEXT(target), log, log_len, evidence_data, evidence_len,
                      (const uint8_t *)governing_law, governing_law ? strlen(governing_law) : 0, &report) != EBL_RESULT_OK) {
        goto failed;
    }
    ebl_report_verdict(report, &verdict);
    if (json) {
        print_json_with_file(report, file, false);
    } else {
        bool valid = false;
        ebl_str format, description;
        ebl_report_is_valid(report, &valid);
        ebl_report_format(report, &format, &description);
        printf("%s: %s %.*s\n", file, valid ? "a verified" : "an UNVERIFIED", (int)description.len, description.data);
        printf("%s: %.*s\n", target, (int)verdict.len, verdict.data);
        ebl_report_finding_count(report, &count);
        for (i = 0; i < count; i++) {
            ebl_finding c;
            if (ebl_report_finding(report, i, &c) != EBL_RESULT_OK) continue;
            printf("  %-14.*s %.*s — %.*s\n    %.*s\n", (int)c.severity.len, c.severity.data, (int)c.code.len, c.code.data,
                   (int)c.citation.len, c.citation.data, (int)c.message.len, c.message.data);
        }
    }
    s = verdict;
    status = strncmp(s.data, "recognised-subject-to-reliability", s.len) == 0 && s.len == 33 ? EXIT_RECOGNISED
             : s.len == 13 && strncmp(s.data, "indeterminate", 13) == 0                     ? EXIT_INDETERMINATE
                                                                                             : EXIT_NOT_RECOGNISED;
    goto done;

failed:
    fprintf(stderr, "ebl: %s\n", last_error());
done:
    ebl_report_free(report);
    ebl_verify_context_free(context);
    ebl_trust_store_free(store);
    free(record);
    free(log);
    free(evidence_data);
    return status;
}
