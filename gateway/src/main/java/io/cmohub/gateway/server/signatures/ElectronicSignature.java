package io.cmohub.gateway.server.signatures;

import java.time.Instant;

/**
 * One electronic signature: who signed (username and the printed name at signing time), when, with which
 * meaning, for which one record. {@code appliedAt} is set when the signed action was carried out; a
 * signature is applied once, to its own record only. {@code voidedAt} and {@code voidReason} are set when
 * the action it was spent on failed: it then signs nothing and cannot be used again.
 */
public record ElectronicSignature(String signatureId, String signer, String printedName, SignatureMeaning meaning, String recordType,
                                  String recordId, Instant signedAt, Instant expiresAt, Instant appliedAt, Instant voidedAt, String voidReason) {

    /** The manifestation shown with the record (21 CFR 11.50): printed name, time, meaning, and the signature's id. */
    public String manifestation() {
        return printedName + " (" + signer + ") at " + signedAt + ", meaning \"" + meaning.text() + "\" [signature " + signatureId + "]";
    }
}
