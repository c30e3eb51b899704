/* verify — `ebl verify` in C, through libebl only.
 *
 *   verify [--key FILE]... [--anchor FILE]... [--trust FILE]... [--at RFC3339]
 *          [--platform CODE] [--ethereum-address 0x...]... [--dns-txt FILE] [--json] FILE|DIR...
 *
 * Same arguments, report, JSON and exit codes as `ebl verify`: 0 every file valid, 1 at least
 * one invalid, 2 unusable input or a usage error. A directory stands for every file under it
 * (recursively, hidden files skipped, sorted). Every file is verified in one batch
 * (ebl_verify_batch, on every core). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "common.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_UNUSABLE = 2 };

struct list {
    char **items;
    size_t len, cap;
};

static void push(struct list *l, const char *s) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (l->items == NULL) {
            fputs("ebl: out of memory\n", stderr);
            exit(EXIT_UNUSABLE);
        }
    }
    l->items[l->len] = malloc(strlen(s) + 1);
    if (l->items[l->len] == NULL) {
        fputs("ebl: out of memory\n", stderr);
        exit(EXIT_UNUSABLE);
    }
    strcpy(l->items[l->len++], s);
}

static void clear(struct list *l) {
    size_t i;
    for (i = 0; i < l->len; i++) {
        free(l->items[i]);
    }
    free(l->items);
}

/* Paths compare as Rust's PathBuf: component by component ('/' sorts before any byte). */
static int path_cmp(const void *a, const void *b) {
    const unsigned char *x = *(const unsigned char *const *)a, *y = *(const unsigned char *const *)b;
    for (; *x && *x == *y; x++, y++) {
    }
    if (*x == '/' && *y) return -1;
    if (*y == '/' && *x) return 1;
    return (int)*x - (int)*y;
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Every regular file under dir (hidden names skipped; symbolic links to directories not followed). */
static void walk(const char *dir, struct list *found) {
    DIR *d = opendir(dir);
    struct dirent *entry;
    if (d == NULL) {
        return;
    }
    while ((entry = readdir(d)) != NULL) {
        char *path;
        struct stat st;
        if (entry->d_name[0] == '.') {
            continue;
        }
        path = malloc(strlen(dir) + strlen(entry->d_name) + 2);
        if (path == NULL) {
            break;
        }
        sprintf(path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", entry->d_name);
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                walk(path, found);
            } else if (!(S_ISLNK(st.st_mode) && is_dir(path))) {
                push(found, path);
            }
        }
        free(path);
    }
    closedir(d);
}

static void print_findings(const ebl_report *report, const char *severity) {
    size_t count = 0, i;
    ebl_report_finding_count(report, &count);
    for (i = 0; i < count; i++) {
        ebl_finding f;
        if (ebl_report_finding(report, i, &f) != EBL_RESULT_OK) continue;
        if (f.severity.len != strlen(severity) || memcmp(f.severity.data, severity, f.severity.len) != 0) continue;
        fputs("\n  ", stdout);
        print_str(stdout, f.severity);
        fputs(" [", stdout);
        print_str(stdout, f.code);
        fputs("] ", stdout);
        if (f.entry >= 0) printf("entry %lld ", (long long)f.entry);
        print_str(stdout, f.path);
        fputs(": ", stdout);
        print_str(stdout, f.message);
    }
}

/* The verdict line, then the findings, errors first (as `ebl verify` prints them). */
static void print_human(const ebl_report *report, const char *path) {
    bool valid = false;
    ebl_str format, description, reference, code, code_description;
    ebl_report_is_valid(report, &valid);
    ebl_report_format(report, &format, &description);
    ebl_report_document_reference(report, &reference);
    ebl_report_response_code(report, &code, &code_description);
    printf("%s: %s — ", path, valid ? "VALID" : "INVALID");
    print_str(stdout, description);
    if (reference.len > 0) {
        putchar(' ');
        print_str(stdout, reference);
    }
    if (code.len > 0) {
        bool response = format.len == strlen("dcsa-pint-response") &&
                        memcmp(format.data, "dcsa-pint-response", format.len) == 0;
        fputs(response ? " " : ", PINT response ", stdout);
        print_str(stdout, code);
        fputs(" (", stdout);
        print_str(stdout, code_description);
        putchar(')');
    }
    print_findings(report, "error");
    print_findings(report, "warning");
    putchar('\n');
}

static int usage(const char *message) {
    fprintf(stderr, "ebl: %s\nusage: verify [--key FILE]... [--anchor FILE]... [--trust FILE]... "
                    "[--at RFC3339] [--platform CODE] [--ethereum-address 0x...]... [--dns-txt FILE] "
                    "[--json] FILE...\n", message);
    return EXIT_UNUSABLE;
}

/* Reads `path` and hands its bytes to `add`; on failure prints "ebl: PATH: reason". */
static bool load(const char *path, ebl_result (*add)(ebl_verify_context *, const uint8_t *, size_t),
                 ebl_verify_context *context) {
    size_t len = 0;
    unsigned char *data = read_file(path, &len);
    ebl_result result;
    if (data == NULL) {
        fprintf(stderr, "ebl: %s: cannot read the file\n", path);
        return false;
    }
    result = add(context, data, len);
    free(data);
    if (result != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: %s: %s\n", path, last_error());
        return false;
    }
    return true;
}

int main(int argc, char **argv) {
    struct list keys = {0}, anchors = {0}, trust = {0}, addresses = {0}, inputs = {0}, files = {0};
    const char *at_text = NULL, *platform = NULL, *dns_txt = NULL;
    bool json = false, several, ok = true;
    int64_t at_ms = (int64_t)time(NULL) * 1000;
    ebl_verify_context *context = NULL;
    ebl_trust_store *store = NULL;
    ebl_slice *slices = NULL;
    ebl_report **reports = NULL;
    unsigned char **buffers = NULL;
    int worst = EXIT_VALID, i;
    size_t f;

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], *value = NULL;
        const char *options[] = {"--key", "--anchor", "--trust", "--at", "--platform", "--ethereum-address", "--dns-txt"};
        size_t o, matched = 99;
        if (strcmp(arg, "--json") == 0) {
            json = true;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            for (i++; i < argc; i++) push(&inputs, argv[i]);
            break;
        }
        for (o = 0; o < sizeof options / sizeof *options; o++) {
            size_t n = strlen(options[o]);
            if (strncmp(arg, options[o], n) == 0 && (arg[n] == '\0' || arg[n] == '=')) {
                matched = o;
                value = arg[n] == '=' ? arg + n + 1 : (i + 1 < argc ? argv[++i] : NULL);
                break;
            }
        }
        if (matched == 99) {
            if (arg[0] == '-' && arg[1] != '\0') return usage("unknown option");
            push(&inputs, arg);
            continue;
        }
        if (value == NULL) return usage("an option is missing its value");
        switch (matched) {
        case 0: push(&keys, value); break;
        case 1: push(&anchors, value); break;
        case 2: push(&trust, value); break;
        case 3: at_text = value; break;
        case 4: platform = value; break;
        case 5: push(&addresses, value); break;
        default: dns_txt = value; break;
        }
    }
    if (inputs.len == 0) return usage("the following required arguments were not provided: FILE");
    if (at_text != NULL && ebl_time_from_rfc3339(TEXT(at_text), &at_ms) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: --at: %s\n", last_error());
        return EXIT_UNUSABLE;
    }

    /* The context, in the order `ebl verify` builds it. */
    if (ebl_verify_context_new(at_ms, &context) != EBL_RESULT_OK || ebl_trust_store_new(&store) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: %s\n", last_error());
        return EXIT_UNUSABLE;
    }
    if (platform != NULL) ebl_verify_context_set_receiving_platform(context, TEXT(platform));
    for (f = 0; ok && f < keys.len; f++) ok = load(keys.items[f], ebl_verify_context_add_keys, context);
    for (f = 0; ok && f < anchors.len; f++) ok = load(anchors.items[f], ebl_verify_context_add_anchors, context);
    for (f = 0; ok && f < addresses.len; f++) {
        if (ebl_verify_context_add_ethereum_addresses(context, TEXT(addresses.items[f])) != EBL_RESULT_OK) {
            fprintf(stderr, "ebl: --ethereum-address %s: %s\n", addresses.items[f], last_error());
            ok = false;
        }
    }
    if (ok && dns_txt != NULL) ok = load(dns_txt, ebl_verify_context_add_dns_txt_answers, context);
    for (f = 0; ok && f < trust.len; f++) {
        size_t len = 0;
        unsigned char *data = read_file(trust.items[f], &len);
        if (data == NULL) {
            fprintf(stderr, "ebl: %s: cannot read the file\n", trust.items[f]);
            ok = false;
        } else if (ebl_trust_store_add_bytes(store, data, len, TEXT(trust.items[f]), at_ms) != EBL_RESULT_OK) {
            fprintf(stderr, "ebl: %s: %s\n", trust.items[f], last_error());
            ok = false;
        }
        free(data);
    }
    if (ok && ebl_verify_context_add_trust_store(context, store) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: --trust: %s\n", last_error());
        ok = false;
    }
    if (!ok) {
        worst = EXIT_UNUSABLE;
        goto done;
    }

    /* The files: a directory stands for the files under it, sorted. */
    several = inputs.len > 1;
    for (f = 0; f < inputs.len; f++) {
        if (is_dir(inputs.items[f])) {
            size_t before = files.len;
            several = true;
            walk(inputs.items[f], &files);
            qsort(files.items + before, files.len - before, sizeof *files.items, path_cmp);
        } else {
            push(&files, inputs.items[f]);
        }
    }
    slices = calloc(files.len + 1, sizeof *slices);
    reports = calloc(files.len + 1, sizeof *reports);
    buffers = calloc(files.len + 1, sizeof *buffers);
    if (slices == NULL || reports == NULL || buffers == NULL) {
        worst = EXIT_UNUSABLE;
        goto done;
    }
    for (f = 0; f < files.len; f++) {
        size_t len = 0;
        buffers[f] = read_file(files.items[f], &len);
        if (buffers[f] == NULL) {
            fprintf(stderr, "ebl: %s: cannot read the file\n", files.items[f]);
            worst = EXIT_UNUSABLE;
            goto done;
        }
        slices[f].data = buffers[f];
        slices[f].len = len;
    }
    if (ebl_verify_batch(context, slices, files.len, reports) != EBL_RESULT_OK) {
        fprintf(stderr, "ebl: %s\n", last_error());
        worst = EXIT_UNUSABLE;
        goto done;
    }
    for (f = 0; f < files.len; f++) {
        uint32_t code = 0;
        ebl_str message;
        bool valid = false;
        int status;
        ebl_report_error(reports[f], &code, &message);
        ebl_report_is_valid(reports[f], &valid);
        if (code != 0) {
            fprintf(stderr, "ebl: %s: ", files.items[f]);
            print_str(stderr, message);
            fputc('\n', stderr);
            status = EXIT_UNUSABLE;
            if (json) print_json_with_file(reports[f], files.items[f], several);
        } else {
            status = valid ? EXIT_VALID : EXIT_INVALID;
            if (json) {
                print_json_with_file(reports[f], files.items[f], several);
            } else {
                print_human(reports[f], files.items[f]);
            }
        }
        if (status > worst) worst = status;
    }

done:
    for (f = 0; f < files.len; f++) {
        if (reports != NULL) ebl_report_free(reports[f]);
        if (buffers != NULL) free(buffers[f]);
    }
    free(slices);
    free(reports);
    free(buffers);
    ebl_trust_store_free(store);
    ebl_verify_context_free(context);
    clear(&keys);
    clear(&anchors);
    clear(&trust);
    clear(&addresses);
    clear(&inputs);
    clear(&files);
    return worst;
}
