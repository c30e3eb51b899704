/* verify_loop — the C side of scripts/bench-c: times ITER calls of ebl_verify (and
 * ebl_report_free) on one file with one shared context, and prints the mean in nanoseconds.
 * ffi/benches/native_verify_loop.rs is the same loop calling the Rust core directly.
 *
 *   verify_loop ITER AT FILE [--key FILE]... [--dns-txt FILE]          prints "NS" */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <time.h>

#include "../../examples/c/common.h"

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static unsigned char *must_read(const char *path, size_t *len) {
    unsigned char *data = read_file(path, len);
    if (data == NULL) {
        fprintf(stderr, "verify_loop: cannot read %s\n", path);
        exit(2);
    }
    return data;
}

int main(int argc, char **argv) {
    ebl_verify_context *context = NULL;
    unsigned char *file, *extra;
    size_t len, extra_len;
    long iterations, i;
    int64_t at = 0;
    int a;
    double start;
    if (argc < 4) {
        fputs("usage: verify_loop ITER AT FILE [--key FILE]... [--dns-txt FILE]\n", stderr);
        return 2;
    }
    iterations = atol(argv[1]);
    if (ebl_time_from_rfc3339(TEXT(argv[2]), &at) != EBL_RESULT_OK || ebl_verify_context_new(at, &context) != EBL_RESULT_OK) {
        fprintf(stderr, "verify_loop: %s\n", last_error());
        return 2;
    }
    for (a = 4; a + 1 < argc; a += 2) {
        ebl_result r;
        extra = must_read(argv[a + 1], &extra_len);
        r = strcmp(argv[a], "--key") == 0 ? ebl_verify_context_add_keys(context, extra, extra_len)
                                          : ebl_verify_context_add_dns_txt_answers(context, extra, extra_len);
        free(extra);
        if (r != EBL_RESULT_OK) {
            fprintf(stderr, "verify_loop: %s: %s\n", argv[a + 1], last_error());
            return 2;
        }
    }
    file = must_read(argv[3], &len);
    start = now_ns();
    for (i = 0; i < iterations; i++) {
        ebl_report *report = NULL;
        bool valid = false;
        if (ebl_verify(context, file, len, &report) != EBL_RESULT_OK || ebl_report_is_valid(report, &valid) != EBL_RESULT_OK || !valid) {
            fprintf(stderr, "verify_loop: %s is not valid (%s)\n", argv[3], last_error());
            return 2;
        }
        ebl_report_free(report);
    }
    printf("%.0f\n", (now_ns() - start) / (double)iterations);
    free(file);
    ebl_verify_context_free(context);
    return 0;
}
