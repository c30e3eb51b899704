/* Small helpers the C examples share: reading a file, printing an ebl_str, reporting the
 * library's last error. Header-only so each example stays one compile command. */
#ifndef EBL_EXAMPLES_COMMON_H
#define EBL_EXAMPLES_COMMON_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ebl.h"

/* A file's bytes (malloc'd, *len set), or NULL with errno's message printed. */
static inline unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            unsigned char *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = realloc(data, cap);
            if (bigger == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = bigger;
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = n;
    return data;
}

/* The library's detailed message for the last failure on this thread (static buffer). */
static inline const char *last_error(void) {
    static char message[4096];
    ebl_last_error_message(message, sizeof message);
    return message;
}

static inline void print_str(FILE *out, ebl_str s) { fwrite(s.data, 1, s.len, out); }

/* A NUL-terminated string as an ebl input (pointer and length). */
#define TEXT(s) (const uint8_t *)(s), strlen(s)

/* A JSON string as serde_json writes it. */
static inline void json_string(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (c < 0x20) {
                printf("\\u%04x", c);
            } else {
                putchar(c);
            }
        }
    }
    putchar('"');
}

/* The report's JSON with "file" as its first member, as `ebl verify --json` prints it:
 * pretty for a single file, one line per file otherwise. */
static inline int print_json_with_file(const ebl_report *report, const char *path, bool one_per_line) {
    ebl_bytes *json = NULL;
    const uint8_t *data;
    size_t len, skip = one_per_line ? 1 : 4; /* past "{" or "{\n  " */
    if (ebl_report_to_json(report, !one_per_line, &json) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: %s\n", last_error());
        return -1;
    }
    data = ebl_bytes_data(json);
    len = ebl_bytes_len(json);
    fputs(one_per_line ? "{\"file\":" : "{\n  \"file\": ", stdout);
    json_string(path);
    fputs(one_per_line ? "," : ",\n  ", stdout);
    fwrite(data + skip, 1, len - skip, stdout);
    putchar('\n');
    ebl_bytes_free(json);
    return 0;
}

#endif
