/* Small helpers the C examples share: reading a file, printing an ebl_str, reporting the
 * library's last error. Header-only so each example stays one compile command. */
#ifndef EBL_EXAMPLES_COMMON_H
#define EBL_EXAMPLES_COMMON_H

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

#endif
