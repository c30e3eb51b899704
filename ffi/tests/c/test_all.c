/* test_all — calls every function of ebl.h: the whole workflow on real fixtures, then the
 * NULL walk (NULL for every pointer parameter of every function), bad input (truncated
 * buffers, invalid UTF-8, zero lengths with and without pointers), and, when the library was
 * built with the cargo feature `test-panic`, the panic boundary.
 *
 *   test_all REPO_ROOT        exits 0 when every check passed, 1 otherwise (naming each). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, rmdir: the registry test's scratch folder */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../../examples/c/common.h"

static int failures = 0;
static const char *root = ".";

#define NUL EBL_RESULT_NULL_ARGUMENT

/* `call` must return `expected`; on failure, print the line, the call and the last error. */
#define EXPECT(expected, call)                                                                  \
    do {                                                                                        \
        ebl_result got_ = (call);                                                               \
        if (got_ != (ebl_result)(expected)) {                                                   \
            fprintf(stderr, "FAIL line %d: %s returned %u, expected %u (%s)\n", __LINE__, #call,  \
                    (unsigned)got_, (unsigned)(expected), last_error());                        \
            failures++;                                                                         \
        }                                                                                       \
    } while (0)

#define CHECK(condition)                                                                        \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #condition);                        \
            failures++;                                                                         \
        }                                                                                       \
    } while (0)

struct file {
    unsigned char *data;
    size_t len;
};

static struct file fixture(const char *relative) {
    char path[1024];
    struct file f = {NULL, 0};
    snprintf(path, sizeof path, "%s/%s", root, relative);
    f.data = read_file(path, &f.len);
    if (f.data == NULL) {
        fprintf(stderr, "FAIL: cannot read %s\n", path);
        exit(1);
    }
    return f;
}

static bool str_is(ebl_str s, const char *text) {
    return s.len == strlen(text) && memcmp(s.data, text, s.len) == 0;
}

static bool contains(const ebl_bytes *bytes, const char *needle) {
    size_t n = strlen(needle), i, len = ebl_bytes_len(bytes);
    const uint8_t *data = ebl_bytes_data(bytes);
    for (i = 0; i + n <= len; i++) {
        if (memcmp(data + i, needle, n) == 0) return true;
    }
    return false;
}

static bool last_error_contains(const char *needle) { return strstr(last_error(), needle) != NULL; }

#define AT_2026_11_26 INT64_C(1795651200000) /* 2026-11-26T00:00:00Z */
#define AT_2026_06_14 INT64_C(1781429400000) /* 2026-06-14T09:30:00Z */

static const char *const TD = "{\"transportDocumentReference\": \"LCOL2606140001\", \"isToOrder\": true}";
static const char *const CARRIER = "SGP1:SMDG:LCOL:Lion City Ocean Lines";
static const char *const SHIPPER = "SGP1:SGP1:straits:Straits Precision";
static const char *const BANK = "SGP1:SGP1:bank:Bank of China Singapore";
static const char *const BUYER = "SZP1:SZP1:qianhai:Qianhai Trading";

static void test_conventions(void) {
    char buf[256];
    int64_t ms = 0;
    ebl_str version = ebl_version();
    CHECK(str_is(version, EBL_VERSION));
    CHECK(ebl_result_describe(EBL_RESULT_JSON_DUPLICATE_KEY, buf, sizeof buf) > 0);
    CHECK(strncmp(buf, "JsonDuplicateKey: ", 18) == 0);
    CHECK(ebl_result_describe(7, NULL, 0) == strlen("unknown ebl_result 7"));
    CHECK(ebl_result_describe(EBL_RESULT_OK, buf, 3) == strlen("Ok: success") && strcmp(buf, "Ok") == 0);
    EXPECT(EBL_RESULT_OK, ebl_time_from_rfc3339(TEXT("2026-11-26T00:00:00Z"), &ms));
    CHECK(ms == AT_2026_11_26);
    CHECK(ebl_last_error_message(NULL, 0) == 0); /* the last call succeeded */
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_time_from_rfc3339(TEXT("yesterday"), &ms));
    CHECK(ms == AT_2026_11_26); /* out-parameters are written only on success */
    CHECK(last_error_contains("yesterday") && ebl_last_error_message(NULL, 0) > 0);
    EXPECT(NUL, ebl_time_from_rfc3339(NULL, 1, &ms));
    EXPECT(NUL, ebl_time_from_rfc3339(TEXT("2026-11-26T00:00:00Z"), NULL));
    CHECK(last_error_contains("out_ms"));
    CHECK(ebl_bytes_data(NULL) == NULL && ebl_bytes_len(NULL) == 0);
    ebl_bytes_free(NULL);
    ebl_key_free(NULL);
    ebl_trust_store_free(NULL);
    ebl_verify_context_free(NULL);
    ebl_report_free(NULL);
    ebl_envelope_builder_free(NULL);
#if defined(EBL_TEST_PANIC)
    EXPECT(EBL_RESULT_PANIC_CAUGHT, ebl_test_panic());
    CHECK(last_error_contains("deliberate panic"));
    printf("ok  panic boundary (ebl_test_panic returned EBL_RESULT_PANIC_CAUGHT)\n");
#endif
    printf("ok  conventions: version, describe, last error, times, NULL-safe frees\n");
}

static void test_keys(void) {
    ebl_key *key = NULL, *again = NULL;
    ebl_bytes *pem = NULL, *jwk = NULL;
    ebl_str thumbprint, thumbprint2;
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_P256, &key));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_key_generate(42, &again));
    CHECK(again == NULL);
    EXPECT(EBL_RESULT_OK, ebl_key_private_pem(key, &pem));
    CHECK(contains(pem, "-----BEGIN PRIVATE KEY-----"));
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(key, &jwk));
    CHECK(contains(jwk, "\"kid\"") && !contains(jwk, "\"d\""));
    EXPECT(EBL_RESULT_OK, ebl_key_from_bytes(ebl_bytes_data(pem), ebl_bytes_len(pem), &again));
    EXPECT(EBL_RESULT_OK, ebl_key_thumbprint(key, &thumbprint));
    EXPECT(EBL_RESULT_OK, ebl_key_thumbprint(again, &thumbprint2));
    CHECK(thumbprint.len == 43 && thumbprint.len == thumbprint2.len &&
          memcmp(thumbprint.data, thumbprint2.data, thumbprint.len) == 0);
    /* A public key is not a signing key; half a PEM is malformed. */
    CHECK(ebl_key_from_bytes(ebl_bytes_data(jwk), ebl_bytes_len(jwk), &again) != EBL_RESULT_OK);
    CHECK(again != NULL); /* still the key read from the PEM above */
    ebl_key_free(again);
    again = NULL;
    CHECK(ebl_key_from_bytes(ebl_bytes_data(pem), ebl_bytes_len(pem) / 2, &again) != EBL_RESULT_OK);
    /* NULL walk */
    EXPECT(NUL, ebl_key_generate(EBL_KEY_TYPE_ED25519, NULL));
    EXPECT(NUL, ebl_key_from_bytes(NULL, 10, &again));
    EXPECT(NUL, ebl_key_from_bytes(ebl_bytes_data(pem), ebl_bytes_len(pem), NULL));
    EXPECT(NUL, ebl_key_private_pem(NULL, &pem));
    EXPECT(NUL, ebl_key_private_pem(key, NULL));
    EXPECT(NUL, ebl_key_public_jwk(NULL, &jwk));
    EXPECT(NUL, ebl_key_public_jwk(key, NULL));
    EXPECT(NUL, ebl_key_thumbprint(NULL, &thumbprint));
    EXPECT(NUL, ebl_key_thumbprint(key, NULL));
    /* Zero-length input, with and without a pointer: an empty key file, refused with a code. */
    CHECK(ebl_key_from_bytes(NULL, 0, &again) == EBL_RESULT_CRYPTO_KEY_REJECTED);
    CHECK(ebl_key_from_bytes((const uint8_t *)"x", 0, &again) == EBL_RESULT_CRYPTO_KEY_REJECTED);
    ebl_bytes_free(pem);
    ebl_bytes_free(jwk);
    ebl_key_free(again);
    ebl_key_free(key);
    printf("ok  keys: generate, PEM round trip, public JWK, thumbprint, NULL walk\n");
}

/* A verify context trusting the pint-demo keys. */
static ebl_verify_context *demo_context(void) {
    ebl_verify_context *context = NULL;
    struct file carrier = fixture("testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk");
    struct file platform = fixture("testdata/dcsa/pint-demo/keys-public/ed25519-eblplatform.example.com.public.jwk");
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_11_26, &context));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(context, carrier.data, carrier.len));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(context, platform.data, platform.len));
    free(carrier.data);
    free(platform.data);
    return context;
}

static void test_verify(void) {
    ebl_verify_context *context = demo_context(), *tradetrust = NULL;
    struct file envelope = fixture("testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json");
    struct file bill = fixture("testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    struct file dns = fixture("testdata/openattestation/sg-shenzhen-5kb.dns-txt.json");
    struct file cert = fixture("testdata/dcsa/pint-demo/certs/root-ca.crt");
    ebl_report *report = NULL, *batch[4] = {NULL, NULL, NULL, NULL};
    ebl_slice inputs[4];
    ebl_bytes *json = NULL;
    ebl_str s, d;
    ebl_finding finding;
    size_t count = 0, i;
    uint32_t code = 1;
    bool valid = false;

    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(context, TEXT("EBL2")));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_anchors(context, cert.data, cert.len));
    EXPECT(EBL_RESULT_OK, ebl_verify(context, envelope.data, envelope.len, &report));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(report, &valid));
    CHECK(valid);
    EXPECT(EBL_RESULT_OK, ebl_report_kind(report, &s));
    CHECK(str_is(s, "verification"));
    EXPECT(EBL_RESULT_OK, ebl_report_format(report, &s, &d));
    CHECK(str_is(s, "dcsa-pint-envelope") && d.len > 0);
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(report, &s, &d));
    CHECK(str_is(s, "RECE") && str_is(d, "accepted"));
    EXPECT(EBL_RESULT_OK, ebl_report_document_reference(report, &s));
    CHECK(str_is(s, "HHL71800000"));
    EXPECT(EBL_RESULT_OK, ebl_report_last_entry_checksum(report, &s));
    CHECK(s.len == 64);
    EXPECT(EBL_RESULT_OK, ebl_report_verdict(report, &s));
    CHECK(s.len == 0);
    EXPECT(EBL_RESULT_OK, ebl_report_signed_response(report, &s));
    CHECK(s.len == 0 && s.data != NULL);
    EXPECT(EBL_RESULT_OK, ebl_report_error(report, &code, &s));
    CHECK(code == 0 && s.len == 0);
    EXPECT(EBL_RESULT_OK, ebl_report_finding_count(report, &count));
    CHECK(count > 0);
    for (i = 0; i < count; i++) {
        EXPECT(EBL_RESULT_OK, ebl_report_finding(report, i, &finding));
        CHECK(finding.code.len > 0 && finding.path.len > 0 && finding.message.len > 0 && finding.entry >= -1);
    }
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_report_finding(report, count, &finding));
    EXPECT(EBL_RESULT_OK, ebl_report_to_json(report, false, &json));
    CHECK(contains(json, "\"responseCode\":\"RECE\""));
    ebl_bytes_free(json);
    EXPECT(EBL_RESULT_OK, ebl_report_to_json(report, true, &json));
    CHECK(contains(json, "\n  \"valid\": true"));
    ebl_bytes_free(json);

    /* Another receiving platform: a verdict (BENV), not an error. */
    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(context, TEXT("WAVE")));
    ebl_report_free(report);
    EXPECT(EBL_RESULT_OK, ebl_verify(context, envelope.data, envelope.len, &report));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(report, &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(report, &s, &d));
    CHECK(!valid && str_is(s, "BENV"));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(context, NULL, 0));

    /* Bad input: truncated, empty (with and without a pointer), NULL with a length. */
    ebl_report_free(report);
    report = NULL;
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_verify(context, envelope.data, envelope.len / 2, &report));
    CHECK(report == NULL && last_error_contains("byte"));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_verify(context, envelope.data, 0, &report));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_verify(context, NULL, 0, &report));
    EXPECT(NUL, ebl_verify(context, NULL, envelope.len, &report));
    CHECK(last_error_contains("data"));
    EXPECT(EBL_RESULT_JSON_DUPLICATE_KEY, ebl_verify(context, TEXT("{\"a\": 1, \"a\": 2}"), &report));
    CHECK(last_error_contains("$"));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_verify_context_set_receiving_platform(context, (const uint8_t *)"\xff\xfe", 2));
    CHECK(last_error_contains("UTF-8"));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_verify_context_set_receiving_platform(context, NULL, 3));
    EXPECT(EBL_RESULT_OA_KEY, ebl_verify_context_add_ethereum_addresses(context, TEXT("0xabc")));
    CHECK(last_error_contains("0xabc"));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_ethereum_addresses(context, TEXT("0x142ca30e3b78a840a82192529ca047ed759a6f7e")));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_verify_context_new(INT64_MAX, &tradetrust));

    /* The 5 KB TradeTrust bill with its DNS answers; a batch with one unusable input. */
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_11_26, &tradetrust));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_dns_txt_answers(tradetrust, dns.data, dns.len));
    inputs[0].data = bill.data;
    inputs[0].len = bill.len;
    inputs[1].data = (const uint8_t *)"%PDF-1.7";
    inputs[1].len = 8;
    inputs[2].data = envelope.data;
    inputs[2].len = envelope.len;
    inputs[3].data = NULL;
    inputs[3].len = 0;
    EXPECT(EBL_RESULT_OK, ebl_verify_batch(tradetrust, inputs, 4, batch));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(batch[0], &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_format(batch[0], &s, &d));
    CHECK(valid && str_is(s, "openattestation-v2"));
    EXPECT(EBL_RESULT_OK, ebl_report_error(batch[1], &code, &s));
    CHECK(code == EBL_RESULT_JSON_SYNTAX && s.len > 0);
    EXPECT(EBL_RESULT_OK, ebl_report_to_json(batch[1], false, &json));
    CHECK(contains(json, "\"errorCode\":\"JsonSyntax\""));
    ebl_bytes_free(json);
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(batch[2], &valid));
    CHECK(!valid); /* no keys trusted in this context */
    EXPECT(EBL_RESULT_OK, ebl_report_error(batch[3], &code, &s));
    CHECK(code == EBL_RESULT_JSON_SYNTAX);
    for (i = 0; i < 4; i++) ebl_report_free(batch[i]);
    EXPECT(EBL_RESULT_OK, ebl_verify_batch(tradetrust, NULL, 0, NULL));
    inputs[3].len = 5; /* NULL data with a length: the whole call fails, nothing is written */
    batch[0] = NULL;
    EXPECT(NUL, ebl_verify_batch(tradetrust, inputs, 4, batch));
    CHECK(batch[0] == NULL && last_error_contains("inputs[3].data"));

    /* NULL walk */
    EXPECT(NUL, ebl_verify_context_new(0, NULL));
    EXPECT(NUL, ebl_verify_context_add_keys(NULL, dns.data, dns.len));
    EXPECT(NUL, ebl_verify_context_add_keys(context, NULL, 1));
    EXPECT(NUL, ebl_verify_context_add_anchors(NULL, cert.data, cert.len));
    EXPECT(NUL, ebl_verify_context_add_anchors(context, NULL, 1));
    EXPECT(NUL, ebl_verify_context_add_trust_store(context, NULL));
    EXPECT(NUL, ebl_verify_context_set_receiving_platform(NULL, TEXT("X")));
    EXPECT(NUL, ebl_verify_context_add_ethereum_addresses(NULL, TEXT("")));
    EXPECT(NUL, ebl_verify_context_add_ethereum_addresses(context, NULL, 1));
    EXPECT(NUL, ebl_verify_context_add_dns_txt_answers(NULL, dns.data, dns.len));
    EXPECT(NUL, ebl_verify_context_add_dns_txt_answers(context, NULL, 1));
    EXPECT(NUL, ebl_verify(NULL, envelope.data, envelope.len, &report));
    EXPECT(NUL, ebl_verify(context, envelope.data, envelope.len, NULL));
    EXPECT(NUL, ebl_verify_batch(NULL, inputs, 1, batch));
    EXPECT(NUL, ebl_verify_batch(context, NULL, 1, batch));
    EXPECT(NUL, ebl_verify_batch(context, inputs, 1, NULL));
    EXPECT(NUL, ebl_report_kind(NULL, &s));
    EXPECT(NUL, ebl_report_kind(report, NULL));
    EXPECT(NUL, ebl_report_is_valid(NULL, &valid));
    EXPECT(NUL, ebl_report_is_valid(report, NULL));
    EXPECT(NUL, ebl_report_format(NULL, &s, &d));
    EXPECT(NUL, ebl_report_format(report, NULL, &d));
    EXPECT(NUL, ebl_report_format(report, &s, NULL));
    EXPECT(NUL, ebl_report_response_code(NULL, &s, &d));
    EXPECT(NUL, ebl_report_response_code(report, NULL, &d));
    EXPECT(NUL, ebl_report_response_code(report, &s, NULL));
    EXPECT(NUL, ebl_report_verdict(NULL, &s));
    EXPECT(NUL, ebl_report_verdict(report, NULL));
    EXPECT(NUL, ebl_report_document_reference(NULL, &s));
    EXPECT(NUL, ebl_report_document_reference(report, NULL));
    EXPECT(NUL, ebl_report_last_entry_checksum(NULL, &s));
    EXPECT(NUL, ebl_report_last_entry_checksum(report, NULL));
    EXPECT(NUL, ebl_report_error(NULL, &code, &s));
    EXPECT(NUL, ebl_report_error(report, NULL, &s));
    EXPECT(NUL, ebl_report_error(report, &code, NULL));
    EXPECT(NUL, ebl_report_finding_count(NULL, &count));
    EXPECT(NUL, ebl_report_finding_count(report, NULL));
    EXPECT(NUL, ebl_report_finding(NULL, 0, &finding));
    EXPECT(NUL, ebl_report_finding(report, 0, NULL));
    EXPECT(NUL, ebl_report_signed_response(NULL, &s));
    EXPECT(NUL, ebl_report_signed_response(report, NULL));
    EXPECT(NUL, ebl_report_to_json(NULL, false, &json));
    EXPECT(NUL, ebl_report_to_json(report, false, NULL));

    ebl_report_free(report);
    ebl_verify_context_free(tradetrust);
    ebl_verify_context_free(context);
    free(envelope.data);
    free(bill.data);
    free(dns.data);
    free(cert.data);
    printf("ok  verify: PINT and TradeTrust, report fields and JSON, batch, bad input, NULL walk\n");
}

static void test_trust(void) {
    ebl_trust_store *store = NULL, *authority_store = NULL;
    ebl_key *authority = NULL;
    ebl_bytes *jwk = NULL, *jws = NULL, *json = NULL;
    ebl_report *report = NULL;
    ebl_verify_context *context = NULL;
    struct file tradetrust = fixture("testdata/recognition/tradetrust-sg.trust-store.json");
    char authority_file[2048], list[1024];
    bool valid = true;
    uint32_t code = 0;
    ebl_str s;
    const char *list_fmt =
        "{\"schema\": \"ebl-trust-list/1\", \"issuer\": \"SG-ETR-PLATFORMS\", \"sequence\": 2, "
        "\"issued_at\": \"2026-01-01T00:00:00Z\", \"valid_from\": \"2026-01-01T00:00:00Z\", "
        "\"valid_until\": \"2027-01-01T00:00:00Z\", \"parties\": [{\"id\": \"SGTD\", \"kind\": \"platform\"}]}";

    EXPECT(EBL_RESULT_OK, ebl_trust_store_new(&store));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_add_bytes(store, tradetrust.data, tradetrust.len, TEXT("tradetrust-sg.trust-store.json"), AT_2026_11_26));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_to_json(store, &json));
    CHECK(contains(json, "ebl-trust-store/1"));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_trust_store_add_bytes(store, tradetrust.data, tradetrust.len - 3, TEXT("cut.json"), AT_2026_11_26));

    /* A publisher signs its list; a partner checks it with the publisher's key. */
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_ED25519, &authority));
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(authority, &jwk));
    snprintf(list, sizeof list, "%s", list_fmt);
    EXPECT(EBL_RESULT_OK, ebl_trust_list_sign(TEXT(list), TEXT("SG-ETR-PLATFORMS"), authority, &jws));
    EXPECT(EBL_RESULT_TRUST_LIST_WRONG_ISSUER, ebl_trust_list_sign(TEXT(list), TEXT("SOMEONE-ELSE"), authority, &json));
    EXPECT(EBL_RESULT_OK, ebl_trust_list_verify(ebl_bytes_data(jws), ebl_bytes_len(jws), ebl_bytes_data(jwk), ebl_bytes_len(jwk), TEXT("SG-ETR-PLATFORMS"), AT_2026_11_26, store, &report));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(report, &valid));
    CHECK(valid);
    ebl_report_free(report);
    /* After it expired: readable, refused, with the reason. */
    EXPECT(EBL_RESULT_OK, ebl_trust_list_verify(ebl_bytes_data(jws), ebl_bytes_len(jws), ebl_bytes_data(jwk), ebl_bytes_len(jwk), TEXT("SG-ETR-PLATFORMS"), INT64_C(1830000000000), store, &report));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(report, &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_error(report, &code, &s));
    CHECK(!valid && code == EBL_RESULT_TRUST_LIST_OUTSIDE_VALIDITY && s.len > 0);
    ebl_report_free(report);
    report = NULL;
    EXPECT(EBL_RESULT_TRUST_LIST_MALFORMED, ebl_trust_list_verify(TEXT("not a jws"), ebl_bytes_data(jwk), ebl_bytes_len(jwk), TEXT("SG-ETR-PLATFORMS"), AT_2026_11_26, store, &report));
    CHECK(report == NULL);

    /* A store holding the publisher imports the list. */
    snprintf(authority_file, sizeof authority_file,
             "{\"schema\": \"ebl-trust-store/1\", \"parties\": [{\"id\": \"SG-ETR-PLATFORMS\", \"kind\": \"authority\", "
             "\"keys\": [{\"jwk\": %.*s, \"binding\": \"direct\"}]}]}",
             (int)ebl_bytes_len(jwk), (const char *)ebl_bytes_data(jwk));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_new(&authority_store));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_add_bytes(authority_store, TEXT(authority_file), TEXT("authority.json"), AT_2026_11_26));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_add_bytes(authority_store, ebl_bytes_data(jws), ebl_bytes_len(jws), TEXT("list.jws"), AT_2026_11_26));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_11_26, &context));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_trust_store(context, authority_store));

    /* NULL walk */
    EXPECT(NUL, ebl_trust_store_new(NULL));
    EXPECT(NUL, ebl_trust_store_add_bytes(NULL, tradetrust.data, tradetrust.len, TEXT("x"), 0));
    EXPECT(NUL, ebl_trust_store_add_bytes(store, NULL, 1, TEXT("x"), 0));
    EXPECT(NUL, ebl_trust_store_add_bytes(store, tradetrust.data, tradetrust.len, NULL, 1, 0));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_trust_store_add_bytes(store, tradetrust.data, tradetrust.len, (const uint8_t *)"\xc3", 1, 0));
    EXPECT(NUL, ebl_trust_store_to_json(NULL, &json));
    EXPECT(NUL, ebl_trust_store_to_json(store, NULL));
    EXPECT(NUL, ebl_trust_list_sign(NULL, 1, TEXT("I"), authority, &jws));
    EXPECT(NUL, ebl_trust_list_sign(TEXT(list), NULL, 1, authority, &jws));
    EXPECT(NUL, ebl_trust_list_sign(TEXT(list), TEXT("I"), NULL, &jws));
    EXPECT(NUL, ebl_trust_list_sign(TEXT(list), TEXT("I"), authority, NULL));
    EXPECT(NUL, ebl_trust_list_verify(NULL, 1, TEXT("k"), TEXT("I"), 0, store, &report));
    EXPECT(NUL, ebl_trust_list_verify(TEXT("j"), NULL, 1, TEXT("I"), 0, store, &report));
    EXPECT(NUL, ebl_trust_list_verify(TEXT("j"), TEXT("k"), NULL, 1, 0, store, &report));
    EXPECT(NUL, ebl_trust_list_verify(ebl_bytes_data(jws), ebl_bytes_len(jws), ebl_bytes_data(jwk), ebl_bytes_len(jwk), TEXT("I"), 0, NULL, &report));
    EXPECT(NUL, ebl_trust_list_verify(ebl_bytes_data(jws), ebl_bytes_len(jws), ebl_bytes_data(jwk), ebl_bytes_len(jwk), TEXT("I"), 0, store, NULL));

    ebl_verify_context_free(context);
    ebl_trust_store_free(authority_store);
    ebl_trust_store_free(store);
    ebl_key_free(authority);
    ebl_bytes_free(jwk);
    ebl_bytes_free(jws);
    ebl_bytes_free(json);
    free(tradetrust.data);
    printf("ok  trust: stores, signed lists (accepted, expired, malformed), NULL walk\n");
}

static void test_pint(void) {
    ebl_key *carrier = NULL, *sgp1 = NULL, *szp1 = NULL;
    ebl_envelope_builder *builder = NULL, *next = NULL;
    ebl_bytes *envelope = NULL, *jwk = NULL, *forwarded = NULL;
    ebl_verify_context *receiver = NULL, *sender = NULL;
    ebl_report *received = NULL, *response = NULL, *upload = NULL;
    ebl_str s, d, checksum;
    ebl_slice held[1];
    bool valid = false;
    const char *body = "\"JVBERi0xLjc=\"";

    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_ED25519, &carrier));
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_P256, &sgp1));
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_P384, &szp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), TEXT(SHIPPER), AT_2026_06_14, carrier, carrier, &builder));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_endorse(builder, TEXT("SGP1"), TEXT(SHIPPER), TEXT(BANK), EBL_ENDORSE_TO_ORDER, AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_transfer(builder, TEXT("SGP1"), TEXT(BANK), TEXT(BUYER), AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_seal(builder, sgp1, &envelope));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_endorse(builder, TEXT("SZP1"), TEXT(BUYER), NULL, 0, 0, AT_2026_06_14, szp1)); /* in blank; after sealing, not sent */
    CHECK(contains(envelope, "envelopeTransferChain"));

    /* Bad steps: a malformed party, unknown flags, an unknown purpose, invalid UTF-8. */
    CHECK(ebl_envelope_builder_transfer(builder, TEXT("SGP1"), TEXT("SGP1::bank"), TEXT(BUYER), AT_2026_06_14, sgp1) != EBL_RESULT_OK);
    CHECK(last_error_contains("SGP1::bank"));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_envelope_builder_endorse(builder, TEXT("SGP1"), TEXT(BANK), TEXT(BUYER), 64, AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_envelope_builder_surrender(builder, TEXT("SGP1"), TEXT(BANK), TEXT(CARRIER), 9, NULL, 0, AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_envelope_builder_transfer(builder, (const uint8_t *)"SG\xffP", 4, TEXT(BANK), TEXT(BUYER), AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_envelope_builder_issue((const uint8_t *)TD, strlen(TD) - 1, TEXT(CARRIER), TEXT(SHIPPER), AT_2026_06_14, carrier, carrier, &next));
    CHECK(next == NULL);

    /* The receiving platform SZP1 verifies and answers. */
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_06_14, &receiver));
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(carrier, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(receiver, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(sgp1, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(receiver, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 0, szp1, &received));
    CHECK(last_error_contains("receiving platform"));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(receiver, TEXT("SZP1")));
    held[0].data = (const uint8_t *)"%PDF-1.7";
    held[0].len = 8;
    EXPECT(EBL_RESULT_OK, ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), held, 1, szp1, &received));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(received, &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(received, &s, &d));
    CHECK(valid && str_is(s, "RECE"));
    EXPECT(EBL_RESULT_OK, ebl_report_kind(received, &s));
    CHECK(str_is(s, "envelope"));
    EXPECT(EBL_RESULT_OK, ebl_report_signed_response(received, &s));
    CHECK(s.len > 0);
    EXPECT(EBL_RESULT_OK, ebl_report_last_entry_checksum(received, &checksum));
    CHECK(checksum.len == 64);

    /* The sender checks the signed response with SZP1's key. */
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_06_14, &sender));
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(szp1, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(sender, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);
    EXPECT(EBL_RESULT_OK, ebl_response_verify(sender, (const uint8_t *)s.data, s.len, (const uint8_t *)checksum.data, checksum.len, &response));
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(response, &d, &s));
    CHECK(str_is(d, "RECE"));
    EXPECT(EBL_RESULT_OK, ebl_report_signed_response(received, &s));
    ebl_report_free(response);
    response = NULL;
    EXPECT(EBL_RESULT_PINT_RESPONSE_MISMATCH, ebl_response_verify(sender, (const uint8_t *)s.data, s.len, TEXT("00"), &response));
    EXPECT(EBL_RESULT_CRYPTO_UNKNOWN_KEY, ebl_response_verify(receiver, (const uint8_t *)s.data, s.len, (const uint8_t *)checksum.data, checksum.len, &response));
    CHECK(response == NULL);

    /* An upload the envelope did not declare: INCD. */
    EXPECT(EBL_RESULT_OK, ebl_document_upload_check(received, TEXT("ab"), TEXT(body), &upload));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(upload, &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(upload, &s, &d));
    CHECK(!valid && str_is(s, "INCD"));

    /* The buyer's platform continues the chain and surrenders the bill for delivery. */
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_continue(ebl_bytes_data(envelope), ebl_bytes_len(envelope), &next));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_surrender(next, TEXT("SZP1"), TEXT(BUYER), TEXT(CARRIER), EBL_SURRENDER_FOR_DELIVERY, NULL, 0, AT_2026_06_14, szp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_seal(next, szp1, &forwarded));
    CHECK(contains(forwarded, "envelopeTransferChain"));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_envelope_builder_continue(ebl_bytes_data(envelope), 10, &builder));

    /* NULL walk */
    EXPECT(NUL, ebl_envelope_builder_issue(NULL, 1, TEXT(CARRIER), TEXT(SHIPPER), 0, carrier, carrier, &next));
    EXPECT(NUL, ebl_envelope_builder_issue(TEXT(TD), NULL, 1, TEXT(SHIPPER), 0, carrier, carrier, &next));
    EXPECT(NUL, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), NULL, 1, 0, carrier, carrier, &next));
    EXPECT(NUL, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), TEXT(SHIPPER), 0, NULL, carrier, &next));
    EXPECT(NUL, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), TEXT(SHIPPER), 0, carrier, NULL, &next));
    EXPECT(NUL, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), TEXT(SHIPPER), 0, carrier, carrier, NULL));
    EXPECT(NUL, ebl_envelope_builder_continue(NULL, 1, &next));
    EXPECT(NUL, ebl_envelope_builder_continue(ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL));
    EXPECT(NUL, ebl_envelope_builder_transfer(NULL, TEXT("P"), TEXT(BANK), TEXT(BUYER), 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_transfer(builder, NULL, 1, TEXT(BANK), TEXT(BUYER), 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_transfer(builder, TEXT("P"), NULL, 1, TEXT(BUYER), 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_transfer(builder, TEXT("P"), TEXT(BANK), NULL, 1, 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_transfer(builder, TEXT("P"), TEXT(BANK), TEXT(BUYER), 0, NULL));
    EXPECT(NUL, ebl_envelope_builder_endorse(NULL, TEXT("P"), TEXT(BANK), TEXT(BUYER), 0, 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_endorse(builder, NULL, 1, TEXT(BANK), TEXT(BUYER), 0, 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_endorse(builder, TEXT("P"), NULL, 1, TEXT(BUYER), 0, 0, sgp1));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_envelope_builder_endorse(builder, TEXT("P"), TEXT(BANK), NULL, 1, 0, 0, sgp1));
    EXPECT(NUL, ebl_envelope_builder_endorse(builder, TEXT("P"), TEXT(BANK), TEXT(BUYER), 0, 0, NULL));
    EXPECT(NUL, ebl_envelope_builder_surrender(NULL, TEXT("P"), TEXT(BUYER), TEXT(CARRIER), 1, NULL, 0, 0, szp1));
    EXPECT(NUL, ebl_envelope_builder_surrender(next, NULL, 1, TEXT(BUYER), TEXT(CARRIER), 1, NULL, 0, 0, szp1));
    EXPECT(NUL, ebl_envelope_builder_surrender(next, TEXT("P"), NULL, 1, TEXT(CARRIER), 1, NULL, 0, 0, szp1));
    EXPECT(NUL, ebl_envelope_builder_surrender(next, TEXT("P"), TEXT(BUYER), NULL, 1, 1, NULL, 0, 0, szp1));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_envelope_builder_surrender(next, TEXT("P"), TEXT(BUYER), TEXT(CARRIER), 1, NULL, 1, 0, szp1));
    EXPECT(NUL, ebl_envelope_builder_surrender(next, TEXT("P"), TEXT(BUYER), TEXT(CARRIER), 1, NULL, 0, 0, NULL));
    EXPECT(NUL, ebl_envelope_builder_seal(NULL, szp1, &forwarded));
    EXPECT(NUL, ebl_envelope_builder_seal(next, NULL, &forwarded));
    EXPECT(NUL, ebl_envelope_builder_seal(next, szp1, NULL));
    EXPECT(NUL, ebl_receive_envelope(NULL, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 0, szp1, &received));
    EXPECT(NUL, ebl_receive_envelope(receiver, NULL, 1, NULL, 0, szp1, &received));
    EXPECT(NUL, ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 1, szp1, &received));
    EXPECT(NUL, ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 0, NULL, &received));
    EXPECT(NUL, ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 0, szp1, NULL));
    EXPECT(NUL, ebl_response_verify(NULL, TEXT("r"), TEXT("c"), &response));
    EXPECT(NUL, ebl_response_verify(sender, NULL, 1, TEXT("c"), &response));
    EXPECT(NUL, ebl_response_verify(sender, TEXT("r"), NULL, 1, &response));
    EXPECT(NUL, ebl_response_verify(sender, TEXT("r"), TEXT("c"), NULL));
    EXPECT(NUL, ebl_document_upload_check(NULL, TEXT("ab"), TEXT(body), &upload));
    EXPECT(NUL, ebl_document_upload_check(received, NULL, 1, TEXT(body), &upload));
    EXPECT(NUL, ebl_document_upload_check(received, TEXT("ab"), NULL, 1, &upload));
    EXPECT(NUL, ebl_document_upload_check(received, TEXT("ab"), TEXT(body), NULL));

    ebl_report_free(upload);
    ebl_report_free(received);
    ebl_verify_context_free(sender);
    ebl_verify_context_free(receiver);
    ebl_bytes_free(forwarded);
    ebl_bytes_free(envelope);
    ebl_envelope_builder_free(next);
    ebl_envelope_builder_free(builder);
    ebl_key_free(carrier);
    ebl_key_free(sgp1);
    ebl_key_free(szp1);
    printf("ok  pint: issue, endorse, transfer, seal, receive (RECE), response, upload, continue, surrender, NULL walk\n");
}

/* `bytes` as an HTTP upload body: a JSON string of their standard base64 (malloc'd). */
static char *upload_body(const unsigned char *bytes, size_t len) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *body = malloc(4 * (len / 3 + 1) + 3), *o = body;
    size_t i;
    *o++ = '"';
    for (i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)bytes[i] << 16 | (i + 1 < len ? (uint32_t)bytes[i + 1] << 8 : 0) | (i + 2 < len ? bytes[i + 2] : 0);
        *o++ = alphabet[v >> 18 & 63];
        *o++ = alphabet[v >> 12 & 63];
        *o++ = i + 1 < len ? alphabet[v >> 6 & 63] : '=';
        *o++ = i + 2 < len ? alphabet[v & 63] : '=';
    }
    *o++ = '"';
    *o = '\0';
    return body;
}

/* Receives the envelope `data` into `registry`; returns the report (or NULL) and sets `code` to its response code. */
static ebl_report *receive_recorded(const ebl_verify_context *context, const uint8_t *data, size_t len, const ebl_key *key,
                                    const ebl_registry *registry, uint32_t duplicates, const char *code) {
    ebl_report *report = NULL;
    ebl_str s, d;
    EXPECT(EBL_RESULT_OK, ebl_receive_envelope_recorded(context, data, len, NULL, 0, key,
                                                        registry, duplicates, &report));
    if (report == NULL) return NULL;
    EXPECT(EBL_RESULT_OK, ebl_report_response_code(report, &s, &d));
    if (!str_is(s, code)) {
        fprintf(stderr, "FAIL: received %.*s, expected %s\n", (int)s.len, s.data, code);
        failures++;
    }
    return report;
}

/* As the sender: verifies `received`'s signed response with `sender` and says whether the transfer is done. */
static bool transfer_done(const ebl_verify_context *sender, const ebl_report *received) {
    ebl_report *response = NULL;
    ebl_str signed_response, checksum;
    bool done = false;
    EXPECT(EBL_RESULT_OK, ebl_report_signed_response(received, &signed_response));
    EXPECT(EBL_RESULT_OK, ebl_report_last_entry_checksum(received, &checksum));
    EXPECT(EBL_RESULT_OK, ebl_response_verify(sender, (const uint8_t *)signed_response.data, signed_response.len,
                                              (const uint8_t *)checksum.data, checksum.len, &response));
    EXPECT(EBL_RESULT_OK, ebl_report_transfer_done(response, &done));
    ebl_report_free(response);
    return done;
}

/* The durable registry: accept, a resent transfer DUPE, a fork DISE; a transfer with
 * documents MDOC, a wrong upload INCD, the uploads, then RECE; show/history JSON; a corrupt
 * file refused with its code and left as it was; the NULL walk. */
static void test_registry(void) {
    static const char *const names[3] = {"HHL71800000.pdf", "HHL71800000-invoice.pdf", "HHL71800000-packing-list.pdf"};
    static const char *const checksums[3] = {/* from the envelope's manifest */
        "d870e9d766ca0b9087f86d8d05ea6bf48d166717c0bf375efff54cedeb3d00b8",
        "6e270fd7f8694ce33b1c4bbb6fd810a68ecd5967a81a660888aced555a2a8e98",
        "3871269f0d95b20f4b30b840fbe596f7799a2b155e86abb2c38376aae70ff126"};
    char dir[] = "/tmp/ebl-test-registry-XXXXXX", path[256], corrupt[256], suffixed[300];
    struct file demo = fixture("testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json");
    struct file cert = fixture("testdata/dcsa/pint-demo/certs/root-ca.crt");
    ebl_key *carrier = NULL, *sgp1 = NULL, *szp1 = NULL;
    ebl_envelope_builder *builder = NULL, *fork_a = NULL, *fork_b = NULL;
    ebl_bytes *issued = NULL, *sent = NULL, *forked = NULL, *jwk = NULL, *json = NULL;
    ebl_verify_context *receiver = NULL, *sender = NULL, *pint_demo = demo_context();
    ebl_registry *registry = NULL, *other = NULL;
    ebl_report *first = NULL, *report = NULL, *upload = NULL;
    ebl_str s, d, last;
    bool valid = true;
    FILE *f;
    size_t i;

    if (mkdtemp(dir) == NULL) {
        fprintf(stderr, "FAIL: mkdtemp\n");
        exit(1);
    }
    snprintf(path, sizeof path, "%s/registry.sqlite", dir);
    snprintf(corrupt, sizeof corrupt, "%s/corrupt.sqlite", dir);
    EXPECT(EBL_RESULT_OK, ebl_registry_open(TEXT(path), &registry));

    /* Two continuations of one eBL: SGP1 hands the bank's bill to two different buyers. */
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_ED25519, &carrier));
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_ED25519, &sgp1));
    EXPECT(EBL_RESULT_OK, ebl_key_generate(EBL_KEY_TYPE_ED25519, &szp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_issue(TEXT(TD), TEXT(CARRIER), TEXT(SHIPPER), AT_2026_06_14, carrier, carrier, &builder));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_endorse(builder, TEXT("SGP1"), TEXT(SHIPPER), TEXT(BANK), EBL_ENDORSE_TO_ORDER, AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_seal(builder, sgp1, &issued));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_continue(ebl_bytes_data(issued), ebl_bytes_len(issued), &fork_a));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_continue(ebl_bytes_data(issued), ebl_bytes_len(issued), &fork_b));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_transfer(fork_a, TEXT("SGP1"), TEXT(BANK), TEXT(BUYER), AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_transfer(fork_b, TEXT("SGP1"), TEXT(BANK), TEXT("SZP1:SZP1:other:Other Trading"), AT_2026_06_14, sgp1));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_seal(fork_a, sgp1, &sent));
    EXPECT(EBL_RESULT_OK, ebl_envelope_builder_seal(fork_b, sgp1, &forked));

    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_06_14, &receiver));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(receiver, TEXT("SZP1")));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(AT_2026_06_14, &sender));
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(carrier, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(receiver, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(sgp1, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(receiver, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);
    EXPECT(EBL_RESULT_OK, ebl_key_public_jwk(szp1, &jwk));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_keys(sender, ebl_bytes_data(jwk), ebl_bytes_len(jwk)));
    ebl_bytes_free(jwk);

    first = receive_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), szp1, registry, EBL_DUPLICATES_SAME_ENTRY, "RECE");
    CHECK(first != NULL && transfer_done(sender, first));
    report = receive_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), szp1, registry, EBL_DUPLICATES_SAME_ENTRY, "DUPE");
    CHECK(report != NULL && transfer_done(sender, report)); /* DUPE: the sender treats the transfer as done */
    ebl_report_free(report);
    /* The same file, opened a second time (another process would see the same). */
    EXPECT(EBL_RESULT_OK, ebl_registry_open(TEXT(path), &other));
    report = receive_recorded(receiver, ebl_bytes_data(forked), ebl_bytes_len(forked), szp1, other, EBL_DUPLICATES_SAME_PAYLOAD, "DISE");
    CHECK(report != NULL && !transfer_done(sender, report));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(report, &valid));
    CHECK(!valid);
    ebl_report_free(report);
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_receive_envelope_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 0, szp1, registry, 7, &report));
    CHECK(last_error_contains("EBL_DUPLICATES_"));

    EXPECT(EBL_RESULT_OK, ebl_registry_json(other, TEXT("LCOL2606140001"), &json));
    CHECK(json != NULL && contains(json, "\"holder\"") && contains(json, "qianhai") && contains(json, "\"transfers\"") &&
          !contains(json, "Other Trading"));
    ebl_bytes_free(json);
    json = (ebl_bytes *)1; /* overwritten with NULL: nothing known */
    EXPECT(EBL_RESULT_OK, ebl_registry_json(registry, TEXT("NO-SUCH-BL"), &json));
    CHECK(json == NULL);

    /* The pint-demo envelope declares three documents: MDOC, a wrong upload INCD, then RECE. */
    EXPECT(EBL_RESULT_OK, ebl_verify_context_set_receiving_platform(pint_demo, TEXT("EBL2")));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_anchors(pint_demo, cert.data, cert.len));
    report = receive_recorded(pint_demo, demo.data, demo.len, szp1, registry, EBL_DUPLICATES_SAME_ENTRY, "MDOC");
    EXPECT(EBL_RESULT_OK, ebl_report_last_entry_checksum(report, &last));
    for (i = 0; i < 3; i++) {
        char relative[200], *body;
        struct file document;
        snprintf(relative, sizeof relative, "testdata/dcsa/pint-demo/documents/%s", names[i]);
        document = fixture(relative);
        body = upload_body(document.data, document.len);
        if (i == 0) { /* the visualisation's bytes sent as the invoice */
            EXPECT(EBL_RESULT_OK, ebl_registry_upload_document(registry, (const uint8_t *)last.data, last.len, TEXT(checksums[1]), TEXT(body), &upload));
            EXPECT(EBL_RESULT_OK, ebl_report_is_valid(upload, &valid));
            EXPECT(EBL_RESULT_OK, ebl_report_response_code(upload, &s, &d));
            CHECK(!valid && str_is(s, "INCD"));
            ebl_report_free(upload);
            upload = NULL;
            EXPECT(EBL_RESULT_REGISTRY_UNKNOWN_TRANSFER, ebl_registry_upload_document(registry, TEXT(checksums[0]), TEXT(checksums[0]), TEXT(body), &upload));
            CHECK(upload == NULL && last_error_contains(checksums[0]));
        }
        EXPECT(EBL_RESULT_OK, ebl_registry_upload_document(registry, (const uint8_t *)last.data, last.len, TEXT(checksums[i]), TEXT(body), &upload));
        EXPECT(EBL_RESULT_OK, ebl_report_is_valid(upload, &valid));
        CHECK(valid);
        ebl_report_free(upload);
        upload = NULL;
        free(body);
        free(document.data);
        if (i < 2) { /* still missing one or two */
            ebl_report *again = receive_recorded(pint_demo, demo.data, demo.len, szp1, registry, EBL_DUPLICATES_SAME_ENTRY, "MDOC");
            ebl_report_free(again);
        }
    }
    ebl_report_free(report);
    report = receive_recorded(pint_demo, demo.data, demo.len, szp1, registry, EBL_DUPLICATES_SAME_ENTRY, "RECE");
    ebl_report_free(report);
    EXPECT(EBL_RESULT_OK, ebl_registry_json(registry, TEXT("HHL71800000"), &json));
    CHECK(json != NULL && contains(json, "\"sequence\": 1"));

    /* A corrupt file: its error code and message, and the file left as it was. */
    f = fopen(corrupt, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        for (i = 0; i < 64; i++) fputs("not a database, ", f);
        fclose(f);
    }
    EXPECT(EBL_RESULT_REGISTRY_CORRUPT, ebl_registry_open(TEXT(corrupt), &other));
    CHECK(last_error_contains("corrupt.sqlite") && last_error_contains("left untouched"));
    {
        struct file after;
        after.data = read_file(corrupt, &after.len);
        CHECK(after.data != NULL && after.len == 64 * strlen("not a database, "));
        free(after.data);
    }

    /* NULL walk */
    EXPECT(NUL, ebl_registry_open(NULL, 1, &other));
    EXPECT(NUL, ebl_registry_open(TEXT(path), NULL));
    EXPECT(NUL, ebl_receive_envelope_recorded(NULL, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 0, szp1, registry, 0, &report));
    EXPECT(NUL, ebl_receive_envelope_recorded(receiver, NULL, 1, NULL, 0, szp1, registry, 0, &report));
    EXPECT(NUL, ebl_receive_envelope_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 1, szp1, registry, 0, &report));
    EXPECT(NUL, ebl_receive_envelope_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 0, NULL, registry, 0, &report));
    EXPECT(NUL, ebl_receive_envelope_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 0, szp1, NULL, 0, &report));
    EXPECT(NUL, ebl_receive_envelope_recorded(receiver, ebl_bytes_data(sent), ebl_bytes_len(sent), NULL, 0, szp1, registry, 0, NULL));
    EXPECT(NUL, ebl_registry_upload_document(NULL, TEXT("t"), TEXT("c"), TEXT("\"\""), &upload));
    EXPECT(NUL, ebl_registry_upload_document(registry, NULL, 1, TEXT("c"), TEXT("\"\""), &upload));
    EXPECT(NUL, ebl_registry_upload_document(registry, TEXT("t"), NULL, 1, TEXT("\"\""), &upload));
    EXPECT(NUL, ebl_registry_upload_document(registry, TEXT("t"), TEXT("c"), NULL, 1, &upload));
    EXPECT(NUL, ebl_registry_upload_document(registry, TEXT("t"), TEXT("c"), TEXT("\"\""), NULL));
    EXPECT(NUL, ebl_registry_json(NULL, TEXT("k"), &json));
    EXPECT(NUL, ebl_registry_json(registry, NULL, 1, &json));
    EXPECT(NUL, ebl_registry_json(registry, TEXT("k"), NULL));
    EXPECT(NUL, ebl_report_transfer_done(NULL, &valid));
    EXPECT(NUL, ebl_report_transfer_done(first, NULL));
    ebl_registry_free(NULL);

    ebl_bytes_free(json);
    ebl_report_free(first);
    ebl_registry_free(other);
    ebl_registry_free(registry);
    ebl_verify_context_free(pint_demo);
    ebl_verify_context_free(sender);
    ebl_verify_context_free(receiver);
    ebl_bytes_free(issued);
    ebl_bytes_free(sent);
    ebl_bytes_free(forked);
    ebl_envelope_builder_free(builder);
    ebl_envelope_builder_free(fork_a);
    ebl_envelope_builder_free(fork_b);
    ebl_key_free(carrier);
    ebl_key_free(sgp1);
    ebl_key_free(szp1);
    free(demo.data);
    free(cert.data);
    remove(corrupt);
    remove(path);
    snprintf(suffixed, sizeof suffixed, "%s-wal", path);
    remove(suffixed);
    snprintf(suffixed, sizeof suffixed, "%s-shm", path);
    remove(suffixed);
    CHECK(rmdir(dir) == 0);
    printf("ok  registry: RECE, DUPE (done), DISE (not done), MDOC, INCD, uploads, RECE, JSON, corrupt file, NULL walk\n");
}

static void test_openattestation_title_recognition(void) {
    struct file input = fixture("testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.input.json");
    struct file bill = fixture("testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    struct file log = fixture("testdata/openattestation/sg-shenzhen-5kb.title-log.json");
    struct file dns = fixture("testdata/openattestation/sg-shenzhen-5kb.dns-txt.json");
    struct file store_file = fixture("testdata/recognition/tradetrust-sg.trust-store.json");
    ebl_bytes *wrapped = NULL, *redacted = NULL, *data = NULL, *history = NULL;
    ebl_report *report = NULL, *replay = NULL;
    ebl_verify_context *context = NULL;
    ebl_trust_store *store = NULL;
    ebl_slice paths[2];
    ebl_finding finding;
    ebl_str s;
    size_t count = 0;
    bool valid = false;
    int64_t at = 0;

    EXPECT(EBL_RESULT_OK, ebl_oa_wrap(input.data, input.len, &wrapped));
    CHECK(contains(wrapped, "\"targetHash\""));
    paths[0].data = (const uint8_t *)"shipper.address";
    paths[0].len = strlen("shipper.address");
    paths[1].data = (const uint8_t *)"freightPayableAt";
    paths[1].len = strlen("freightPayableAt");
    EXPECT(EBL_RESULT_OK, ebl_oa_obfuscate(bill.data, bill.len, paths, 2, &redacted));
    CHECK(contains(redacted, "obfuscatedData"));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_oa_data(bill.data, 0, &data));
    CHECK(data == NULL);
    EXPECT(EBL_RESULT_OK, ebl_oa_data(ebl_bytes_data(redacted), ebl_bytes_len(redacted), &data));
    CHECK(!contains(data, "freightPayableAt"));
    paths[1].data = (const uint8_t *)"\xff";
    paths[1].len = 1;
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_oa_obfuscate(bill.data, bill.len, paths, 2, &wrapped));
    CHECK(last_error_contains("paths[1]"));
    EXPECT(EBL_RESULT_OK, ebl_oa_title_history(log.data, log.len, &history));
    EXPECT(EBL_RESULT_OK, ebl_title_replay(ebl_bytes_data(history), ebl_bytes_len(history), &replay));
    EXPECT(EBL_RESULT_OK, ebl_report_is_valid(replay, &valid));
    EXPECT(EBL_RESULT_OK, ebl_report_kind(replay, &s));
    CHECK(valid && str_is(s, "title-replay"));
    EXPECT(EBL_RESULT_JSON_SYNTAX, ebl_title_replay(ebl_bytes_data(history), ebl_bytes_len(history) - 2, &report));

    /* Recognition under Singapore law, from the bill, its title log and DNS answers. */
    EXPECT(EBL_RESULT_OK, ebl_time_from_rfc3339(TEXT("2026-11-01T00:00:00Z"), &at));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_new(&store));
    EXPECT(EBL_RESULT_OK, ebl_trust_store_add_bytes(store, store_file.data, store_file.len, TEXT("store"), at));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_new(at, &context));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_trust_store(context, store));
    EXPECT(EBL_RESULT_OK, ebl_verify_context_add_dns_txt_answers(context, dns.data, dns.len));
    EXPECT(EBL_RESULT_OK, ebl_recognize(context, store, bill.data, bill.len, TEXT("SG"), log.data, log.len, NULL, 0, TEXT("SG"), &report));
    EXPECT(EBL_RESULT_OK, ebl_report_verdict(report, &s));
    CHECK(s.len > 0);
    EXPECT(EBL_RESULT_OK, ebl_report_finding_count(report, &count));
    CHECK(count > 0);
    EXPECT(EBL_RESULT_OK, ebl_report_finding(report, 0, &finding));
    CHECK(finding.citation.len > 0 && finding.code.len > 0 && finding.entry == -1);
    ebl_report_free(report);
    report = NULL;
    EXPECT(EBL_RESULT_RULES_UNKNOWN_REFERENCE, ebl_recognize(context, store, bill.data, bill.len, TEXT("ATLANTIS"), NULL, 0, NULL, 0, NULL, 0, &report));
    CHECK(report == NULL);

    /* NULL walk */
    EXPECT(NUL, ebl_oa_wrap(NULL, 1, &wrapped));
    EXPECT(NUL, ebl_oa_wrap(input.data, input.len, NULL));
    EXPECT(NUL, ebl_oa_obfuscate(NULL, 1, paths, 1, &wrapped));
    EXPECT(NUL, ebl_oa_obfuscate(bill.data, bill.len, NULL, 1, &wrapped));
    EXPECT(NUL, ebl_oa_obfuscate(bill.data, bill.len, paths, 1, NULL));
    EXPECT(NUL, ebl_oa_data(NULL, 1, &data));
    EXPECT(NUL, ebl_oa_data(bill.data, bill.len, NULL));
    EXPECT(NUL, ebl_oa_title_history(NULL, 1, &history));
    EXPECT(NUL, ebl_oa_title_history(log.data, log.len, NULL));
    EXPECT(NUL, ebl_title_replay(NULL, 1, &replay));
    EXPECT(NUL, ebl_title_replay(ebl_bytes_data(history), ebl_bytes_len(history), NULL));
    EXPECT(NUL, ebl_recognize(NULL, store, bill.data, bill.len, TEXT("SG"), NULL, 0, NULL, 0, NULL, 0, &report));
    EXPECT(NUL, ebl_recognize(context, NULL, bill.data, bill.len, TEXT("SG"), NULL, 0, NULL, 0, NULL, 0, &report));
    EXPECT(NUL, ebl_recognize(context, store, NULL, 1, TEXT("SG"), NULL, 0, NULL, 0, NULL, 0, &report));
    EXPECT(NUL, ebl_recognize(context, store, bill.data, bill.len, NULL, 1, NULL, 0, NULL, 0, NULL, 0, &report));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_recognize(context, store, bill.data, bill.len, TEXT("SG"), NULL, 1, NULL, 0, NULL, 0, &report));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_recognize(context, store, bill.data, bill.len, TEXT("SG"), NULL, 0, NULL, 1, NULL, 0, &report));
    EXPECT(EBL_RESULT_INVALID_ARGUMENT, ebl_recognize(context, store, bill.data, bill.len, TEXT("SG"), NULL, 0, NULL, 0, NULL, 1, &report));
    EXPECT(NUL, ebl_recognize(context, store, bill.data, bill.len, TEXT("SG"), NULL, 0, NULL, 0, NULL, 0, NULL));

    ebl_report_free(replay);
    ebl_verify_context_free(context);
    ebl_trust_store_free(store);
    ebl_bytes_free(wrapped);
    ebl_bytes_free(redacted);
    ebl_bytes_free(data);
    ebl_bytes_free(history);
    free(input.data);
    free(bill.data);
    free(log.data);
    free(dns.data);
    free(store_file.data);
    printf("ok  openattestation, title replay, recognition (SG), NULL walk\n");
}

int main(int argc, char **argv) {
    if (argc > 1) root = argv[1];
    test_conventions();
    test_keys();
    test_verify();
    test_trust();
    test_pint();
    test_registry();
    test_openattestation_title_recognition();
    if (failures > 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("all C API checks passed\n");
    return 0;
}
