/* threads — 8 threads call ebl_verify at once on ONE shared verify context (built from a
 * trust store and keys) and read the shared trust store, each comparing every verdict's JSON
 * with the one computed before the threads started; and each receives the same envelope into
 * ONE shared registry handle (ebl_receive_envelope_recorded) every round: exactly one RECE
 * over all threads and rounds, every other answer DUPE. Run under ThreadSanitizer or helgrind.
 *
 * The registry part is skipped with `verify-only`, which scripts/test-c passes under
 * ThreadSanitizer: the registry's lock is Rust's std Mutex (futex based), and the prebuilt std
 * is not TSan-instrumented, so TSan cannot see the lock's happens-before and reports the
 * statements it guards as races. That part runs under ASan+UBSan and valgrind instead.
 *
 *   threads REPO_ROOT [ROUNDS] [verify-only]   exits 0 when every thread saw the reference verdicts
 *                                              (and the registry answered 1 RECE, the rest DUPE). */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include "../../../examples/c/common.h"

#define THREADS 8

struct shared {
    int rounds;
    const ebl_verify_context *context;
    const ebl_trust_store *store;
    struct { unsigned char *data; size_t len; ebl_bytes *expected; } inputs[2];
    size_t store_json_len;
    const ebl_verify_context *receiver;
    const ebl_registry *registry;
    const ebl_key *response_key;
    ebl_slice documents[3];
    bool with_registry;
};

/* One thread's view: the shared state, and its own counts (written by that thread only). */
struct worker_state {
    const struct shared *shared;
    int received, duplicates;
    uintptr_t bad;
};

/* Receives the pint-demo envelope into the shared registry once; counts the answer. */
static void receive_once(struct worker_state *state) {
    const struct shared *shared = state->shared;
    ebl_report *report = NULL;
    ebl_str code, description;
    if (ebl_receive_envelope_recorded(shared->receiver, shared->inputs[0].data, shared->inputs[0].len, shared->documents, 3,
                                      shared->response_key, shared->registry, EBL_DUPLICATES_SAME_ENTRY, &report) != EBL_RESULT_OK ||
        ebl_report_response_code(report, &code, &description) != EBL_RESULT_OK) {
        state->bad++;
    } else if (code.len == 4 && memcmp(code.data, "RECE", 4) == 0) {
        state->received++;
    } else if (code.len == 4 && memcmp(code.data, "DUPE", 4) == 0) {
        state->duplicates++;
    } else {
        state->bad++;
    }
    ebl_report_free(report);
}

static bool same(const ebl_bytes *a, const ebl_bytes *b) {
    return ebl_bytes_len(a) == ebl_bytes_len(b) && memcmp(ebl_bytes_data(a), ebl_bytes_data(b), ebl_bytes_len(a)) == 0;
}

/* Verifies each input `rounds` times; returns the number of mismatches and failures. */
static void *worker(void *arg) {
    struct worker_state *state = arg;
    const struct shared *shared = state->shared;
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
        if (shared->with_registry) receive_once(state);
    }
    state->bad += bad;
    return NULL;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    const char *names[2] = {"testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json",
                            "testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"};
    const char *extras[3] = {"testdata/recognition/tradetrust-sg.trust-store.json",
                             "testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk",
                             "testdata/dcsa/pint-demo/keys-public/ed25519-eblplatform.example.com.public.jwk"};
    const char *documents[3] = {"HHL71800000.pdf", "HHL71800000-invoice.pdf", "HHL71800000-packing-list.pdf"};
    unsigned char *extra[4], *document[3];
    size_t extra_len[4], document_len[3];
    char dir[] = "/tmp/ebl-threads-registry-XXXXXX", db[256], suffixed[300];
    struct worker_state states[THREADS];
    ebl_verify_context *receiver = NULL;
    ebl_registry *registry = NULL;
    ebl_key *response_key = NULL;
    int received = 0, duplicates = 0;
    char path[1024];
    struct shared shared;
    ebl_verify_context *context = NULL;
    ebl_trust_store *store = NULL;
    ebl_bytes *store_json = NULL;
    pthread_t threads[THREADS];
    uintptr_t bad = 0;
    size_t i;
    int64_t at = 0;

    for (i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", root, i < 3 ? extras[i] : "testdata/dcsa/pint-demo/certs/root-ca.crt");
        if ((extra[i] = read_file(path, &extra_len[i])) == NULL) return fprintf(stderr, "cannot read %s\n", path), 1;
    }
    if (ebl_time_from_rfc3339(TEXT("2026-11-26T00:00:00Z"), &at) != EBL_RESULT_OK ||
        ebl_trust_store_new(&store) != EBL_RESULT_OK ||
        ebl_trust_store_add_bytes(store, extra[0], extra_len[0], TEXT("store"), at) != EBL_RESULT_OK ||
        ebl_verify_context_new(at, &context) != EBL_RESULT_OK ||
        ebl_verify_context_add_trust_store(context, store) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(context, extra[1], extra_len[1]) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(context, extra[2], extra_len[2]) != EBL_RESULT_OK ||
        ebl_trust_store_to_json(store, &store_json) != EBL_RESULT_OK ||
        ebl_verify_context_new(at, &receiver) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(receiver, extra[1], extra_len[1]) != EBL_RESULT_OK ||
        ebl_verify_context_add_keys(receiver, extra[2], extra_len[2]) != EBL_RESULT_OK ||
        ebl_verify_context_add_anchors(receiver, extra[3], extra_len[3]) != EBL_RESULT_OK ||
        ebl_verify_context_set_receiving_platform(receiver, TEXT("EBL2")) != EBL_RESULT_OK ||
        ebl_key_generate(EBL_KEY_TYPE_ED25519, &response_key) != EBL_RESULT_OK || mkdtemp(dir) == NULL) {
        fprintf(stderr, "setup: %s\n", last_error());
        return 1;
    }
    shared.rounds = argc > 2 ? atoi(argv[2]) : 10;
    shared.with_registry = !(argc > 3 && strcmp(argv[3], "verify-only") == 0);
    shared.context = context;
    shared.store = store;
    shared.store_json_len = ebl_bytes_len(store_json);
    snprintf(db, sizeof db, "%s/registry.sqlite", dir);
    if (ebl_registry_open(TEXT(db), &registry) != EBL_RESULT_OK) return fprintf(stderr, "registry: %s\n", last_error()), 1;
    shared.receiver = receiver;
    shared.registry = registry;
    shared.response_key = response_key;
    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/testdata/dcsa/pint-demo/documents/%s", root, documents[i]);
        if ((document[i] = read_file(path, &document_len[i])) == NULL) return fprintf(stderr, "cannot read %s\n", path), 1;
        shared.documents[i].data = document[i];
        shared.documents[i].len = document_len[i];
    }
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
        states[i].shared = &shared;
        states[i].received = states[i].duplicates = 0;
        states[i].bad = 0;
        if (pthread_create(&threads[i], NULL, worker, &states[i]) != 0) return fprintf(stderr, "pthread_create failed\n"), 1;
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        bad += states[i].bad;
        received += states[i].received;
        duplicates += states[i].duplicates;
    }
    for (i = 0; i < 2; i++) {
        free(shared.inputs[i].data);
        ebl_bytes_free(shared.inputs[i].expected);
    }
    for (i = 0; i < 4; i++) free(extra[i]);
    for (i = 0; i < 3; i++) free(document[i]);
    ebl_registry_free(registry);
    ebl_verify_context_free(receiver);
    ebl_key_free(response_key);
    remove(db);
    snprintf(suffixed, sizeof suffixed, "%s-wal", db);
    remove(suffixed);
    snprintf(suffixed, sizeof suffixed, "%s-shm", db);
    remove(suffixed);
    rmdir(dir);
    ebl_bytes_free(store_json);
    ebl_verify_context_free(context);
    ebl_trust_store_free(store);
    if (bad != 0) {
        fprintf(stderr, "%lu verdicts differed or failed across %d threads\n", (unsigned long)bad, THREADS);
        return 1;
    }
    if (!shared.with_registry) {
        printf("ok  %d threads x %d rounds of ebl_verify on one shared context and trust store\n", THREADS, shared.rounds);
        return 0;
    }
    if (received != 1 || duplicates != THREADS * shared.rounds - 1) {
        fprintf(stderr, "one shared registry answered %d RECE and %d DUPE (expected 1 and %d)\n", received, duplicates,
                THREADS * shared.rounds - 1);
        return 1;
    }
    printf("ok  %d threads x %d rounds of ebl_verify on one shared context and trust store, and of\n"
           "    ebl_receive_envelope_recorded on one shared registry (1 RECE, %d DUPE)\n", THREADS, shared.rounds, duplicates);
    return 0;
}
