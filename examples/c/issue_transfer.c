/* issue_transfer — a carrier issues a to-order bill of lading, the shipper endorses it to its
 * bank, the bank transfers it to a buyer on the Shenzhen platform and seals the envelope; the
 * Shenzhen platform verifies it as the receiver and signs its response, which the sender
 * checks. Fresh keys, real signatures, through libebl only.
 *
 *   issue_transfer [DOCUMENT.json [OUT.json]]
 *
 * DOCUMENT.json is the DCSA transport document to issue (default: a minimal one, which the
 * receiver accepts with warnings for the members it lacks; cli/src/demo/bill-of-lading.json
 * is a complete one); the sealed envelope is written to OUT.json when given. Exits 0 when the
 * receiver accepts (RECE), 1 otherwise, 2 on an error. */
#include <stdbool.h>
#include <stdint.h>

#include "common.h"

#define TRY(call)                                                                    \
    do {                                                                             \
        if ((call) != EBL_RESULT_OK) {                                               \
            fprintf(stderr, "issue_transfer: %s: %s\n", #call, last_error());        \
            status = 2;                                                              \
            goto done;                                                               \
        }                                                                            \
    } while (0)

/* Adds the public JWK of `key` to `context`. */
static ebl_result trust_key(ebl_verify_context *context, const ebl_key *key) {
    ebl_bytes *jwk = NULL;
    ebl_result result = ebl_key_public_jwk(key, &jwk);
    if (result == EBL_RESULT_OK) {
        result = ebl_verify_context_add_keys(context, ebl_bytes_data(jwk), ebl_bytes_len(jwk));
    }
    ebl_bytes_free(jwk);
    return result;
}

int main(int argc, char **argv) {
    const char *minimal =
        "{\"transportDocumentReference\": \"LCOL2606140001\", \"transportDocumentTypeCode\": \"BOL\", "
        "\"isToOrder\": true}";
    const char *carrier = "SGP1:SMDG:LCOL:Lion City Ocean Lines";
    const char *shipper = "SGP1:SGP1:straits:Straits Precision";
    const char *bank = "SGP1:SGP1:bank:Bank of China Singapore";
    const char *buyer = "SZP1:SZP1:qianhai:Qianhai Electronics";
    ebl_key *carrier_key = NULL, *sgp1_key = NULL, *szp1_key = NULL;
    ebl_envelope_builder *builder = NULL;
    ebl_bytes *envelope = NULL;
    ebl_verify_context *receiver = NULL, *sender = NULL;
    ebl_report *received = NULL, *answer = NULL;
    ebl_str code, description, response, checksum;
    size_t count = 0, i;
    bool accepted = false;
    int64_t at = 0;
    int status = 1;
    unsigned char *document = (unsigned char *)minimal;
    size_t document_len = strlen(minimal);

    if (argc > 1 && (document = read_file(argv[1], &document_len)) == NULL) {
        fprintf(stderr, "issue_transfer: cannot read %s\n", argv[1]);
        return 2;
    }

    TRY(ebl_time_from_rfc3339(TEXT("2026-06-14T09:30:00Z"), &at));
    TRY(ebl_key_generate(EBL_KEY_TYPE_ED25519, &carrier_key));
    TRY(ebl_key_generate(EBL_KEY_TYPE_ED25519, &sgp1_key));
    TRY(ebl_key_generate(EBL_KEY_TYPE_P256, &szp1_key));

    /* Issue to the shipper; endorse to the bank's order; transfer to the buyer; seal. */
    TRY(ebl_envelope_builder_issue(document, document_len, TEXT(carrier), TEXT(shipper), at, carrier_key, carrier_key, &builder));
    TRY(ebl_envelope_builder_endorse(builder, TEXT("SGP1"), TEXT(shipper), TEXT(bank), EBL_ENDORSE_TO_ORDER, at, sgp1_key));
    TRY(ebl_envelope_builder_transfer(builder, TEXT("SGP1"), TEXT(bank), TEXT(buyer), at, sgp1_key));
    TRY(ebl_envelope_builder_seal(builder, sgp1_key, &envelope));
    printf("sealed an envelope of %zu bytes for SZP1\n", ebl_bytes_len(envelope));
    if (argc > 2) {
        FILE *out = fopen(argv[2], "wb");
        if (out == NULL || fwrite(ebl_bytes_data(envelope), 1, ebl_bytes_len(envelope), out) != ebl_bytes_len(envelope)) {
            fprintf(stderr, "issue_transfer: cannot write %s\n", argv[2]);
            if (out != NULL) fclose(out);
            status = 2;
            goto done;
        }
        fclose(out);
    }

    /* The Shenzhen platform receives it, trusting the carrier's and SGP1's keys. */
    TRY(ebl_verify_context_new(at, &receiver));
    TRY(trust_key(receiver, carrier_key));
    TRY(trust_key(receiver, sgp1_key));
    TRY(ebl_verify_context_set_receiving_platform(receiver, TEXT("SZP1")));
    TRY(ebl_receive_envelope(receiver, ebl_bytes_data(envelope), ebl_bytes_len(envelope), NULL, 0, szp1_key, &received));
    TRY(ebl_report_is_valid(received, &accepted));
    TRY(ebl_report_response_code(received, &code, &description));
    printf("SZP1 answers %.*s (%.*s)\n", (int)code.len, code.data, (int)description.len, description.data);
    TRY(ebl_report_finding_count(received, &count));
    for (i = 0; i < count; i++) {
        ebl_finding f;
        TRY(ebl_report_finding(received, i, &f));
        printf("  %.*s [%.*s] %.*s: %.*s\n", (int)f.severity.len, f.severity.data, (int)f.code.len, f.code.data,
               (int)f.path.len, f.path.data, (int)f.message.len, f.message.data);
    }

    /* The sender checks the signed response with SZP1's key. */
    TRY(ebl_report_signed_response(received, &response));
    TRY(ebl_report_last_entry_checksum(received, &checksum));
    TRY(ebl_verify_context_new(at, &sender));
    TRY(trust_key(sender, szp1_key));
    TRY(ebl_response_verify(sender, (const uint8_t *)response.data, response.len, (const uint8_t *)checksum.data, checksum.len, &answer));
    TRY(ebl_report_response_code(answer, &code, &description));
    printf("the sender verified SZP1's signed response: %.*s\n", (int)code.len, code.data);
    status = accepted ? 0 : 1;

done:
    ebl_report_free(answer);
    ebl_report_free(received);
    ebl_verify_context_free(sender);
    ebl_verify_context_free(receiver);
    ebl_bytes_free(envelope);
    ebl_envelope_builder_free(builder);
    ebl_key_free(szp1_key);
    ebl_key_free(sgp1_key);
    ebl_key_free(carrier_key);
    if (document != (unsigned char *)minimal) free(document);
    return status;
}
