package io.cmohub.routes.audit;

/**
 * Result of checking the audit chain.
 *
 * @param valid        true when every row's hash and link hold and no row is missing
 * @param rowsChecked  rows read
 * @param firstBadSeq  sequence number of the first row that fails, or -1
 * @param problem      what is wrong with it, or null
 */
public record AuditVerification(boolean valid, long rowsChecked, long firstBadSeq, String problem) {
}
