/* threads — 8 threads call ebl_verify at once on ONE shared verify context (built from a
 * trust store and keys) and read the shared trust store, each comparing every verdict's JSON
 * with the one computed before the threads started. Run under ThreadSanitizer or helgrind.
 *
 *   threads REPO_ROOT [ROUNDS]   exits 0 when every thread saw the reference verdicts. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>

#include "../../../examples/c/common.h"

#define THREADS 8

struct shared {
    int rounds;
    const ebl_verify_context *context;
    const ebl_trust_store *store;
    struct { unsigned char *data; size_t len; ebl_bytes *expected; } inputs[2];
    size_t store_json_len;
};

static bool same(const ebl_bytes *a, const ebl_bytes *b) {
    return ebl_bytes_len(a) == ebl_bytes_len(b) && memcmp(ebl_bytes_data(a), ebl_bytes_data(b), ebl_bytes_len(a)) == 0;
}

/* Verifies each input `rounds` times; returns the number of mismatches and failures. */
static void *worker(void *arg) {
    const struct shared *shared = arg;
    uintptr_t bad = 0;
    int round;
    size_t i;
    for (round = 0; round < shared->rounds; round++) {
        ebl_bytes *store_json = NULL;
        for (i = 0; i < 2; i++) {
            ebl_report *report = NULL;
            ebl_bytes *json = NULL;
            if (ebl_verify(shared->context, shared->inputs[i].data, shared->inputs[i].len, &report) != EBL_RESULT_OK ||
                ebl_report_to_json(report, false, &json) != EBL_RESULT_OK || !same(json, shared->inputs[i].expected)) {
                bad++;
            }
            ebl_bytes_free(json);
            ebl_report_free(report);
        }
        if (ebl_trust_store_to_json(shared->store, &store_json) != EBL_RESULT_OK || ebl_bytes_len(store_json) != shared->store_json_len) {
            bad++;
        }
        ebl_bytes_free(store_json);
    }
    return (void *)bad;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    const char *names[2] = {"testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json",
                            "testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"};
    const char *extras[3] = {"testdata/recognition/tradetrust-sg.trust-store.json",
                             "testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk",
                             "testdata/dcsa/pint-demo/keys-public/ed25519-eblplatform.example.com.public.jwk"};
    unsigned char *extra[3];
    size_t extra_len[3];
    char path[1024];
    struct shared shared;
    ebl_verify_context *context = NULL;
    ebl_trust_store *store = NULL;
    ebl_bytes *store_json = NULL;
    pthread_t threads[THREADS];
    uintptr_t bad = 0;
    size_t i;
    int64_t at = 0;

    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", root, extras[i]);
        if ((extra[i] = read_file(path, &extra_len[i])) == NULL) return fprintf(stderr, "cannot read %s\n", path), 1;
    }
    if (ebl_time_from_rfc3339(TEXT("2026-11-26T00:00:00Z"), &at) != EBL_RESULT_OK ||
        ebl_trust_store_new(&store) != EBL_RESULT_OK ||
        ebl_trust_store_add_bytes(store, extra[0], extra_len[0], TEXT("store"), at) != EBL_RESULT_OK ||
        ebl_verify_context_new(at, &context) != EBL_RESULT_OK ||
        ebl_verify_context_add_trust_store(context, store) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(context, extra[1], extra_len[1]) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(context, extra[2], extra_len[2]) != EBL_RESULT_OK ||
        ebl_trust_store_to_json(store, &store_json) != EBL_RESULT_OK) {
        fprintf(stderr, "setup: %s\n", last_error());
        return 1;
    }
    shared.rounds = argc > 2 ? atoi(argv[2]) : 10;
    shared.context = context;
    shared.store = store;
    shared.store_json_len = ebl_bytes_len(store_json);
    for (i = 0; i < 2; i++) {
        ebl_report *report = NULL;
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        if ((shared.inputs[i].data = read_file(path, &shared.inputs[i].len)) == NULL) return fprintf(stderr, "cannot read %s\n", path), 1;
        shared.inputs[i].expected = NULL;
        if (ebl_verify(context, shared.inputs[i].data, shared.inputs[i].len, &report) != EBL_RESULT_OK ||
            ebl_report_to_json(report, false, &shared.inputs[i].expected) != EBL_RESULT_OK) {
            fprintf(stderr, "reference: %s\n", last_error());
            return 1;
        }
        ebl_report_free(report);
    }
    for (i = 0; i < THREADS; i++) {
        if (pthread_create(&threads[i], NULL, worker, &shared) != 0) return fprintf(stderr, "pthread_create failed\n"), 1;
    }
    for (i = 0; i < THREADS; i++) {
        void *result = NULL;
        pthread_join(threads[i], &result);
        bad += (uintptr_t)result;
    }
    for (i = 0; i < 2; i++) {
        free(shared.inputs[i].data);
        ebl_bytes_free(shared.inputs[i].expected);
    }
    for (i = 0; i < 3; i++) free(extra[i]);
    ebl_bytes_free(store_json);
    ebl_verify_context_free(context);
    ebl_trust_store_free(store);
    if (bad != 0) {
        fprintf(stderr, "%lu verdicts differed or failed across %d threads\n", (unsigned long)bad, THREADS);
        return 1;
    }
    printf("ok  %d threads x %d rounds of ebl_verify on one shared context and trust store\n", THREADS, shared.rounds);
    return 0;
}
