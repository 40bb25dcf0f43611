package io.cmohub.routes.audit;

import java.time.Instant;

/**
 * One audit record: who did what to which object, when (UTC), with what outcome and why.
 *
 * @param actor      a partner id, "admin:<name>", or "system"
 * @param action     e.g. RECEIVE, ACCEPT, REJECT, PUBLISH, REPLAY, ACCESS_DENIED, CONFIG_CHANGE
 * @param objectType e.g. document, partner, quarantine
 * @param outcome    SUCCESS, FAILURE or DENIED
 * @param details    compact machine-readable detail (counts, hashes), may be null
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String objectType, String objectId, String outcome,
                         String reason, String details, String prevHash, String hash) {

    /** The exact text the hash covers; any change to a stored field changes it. */
    String hashedText() {
        return String.join("\u001f", Long.toString(seq), at.toString(), actor, action, objectType, nullSafe(objectId), outcome,
                nullSafe(reason), nullSafe(details), prevHash);
    }

    private static String nullSafe(String value) {
        return value == null ? "\u0000" : value;
    }
}
