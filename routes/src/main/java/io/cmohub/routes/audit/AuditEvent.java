package io.cmohub.routes.audit;

import java.util.Objects;

/**
 * What to write to the audit trail: who did what to which object, with what outcome, why, and
 * compact machine-readable details. Built fluently so that a call site reads as a sentence:
 * <pre>{@code
 * audit.record(c, AuditEvent.success(actor, "CASE_CLOSE").on("case", caseId).because(rootCause).details("verdict=" + verdict));
 * }</pre>
 * The trail adds the sequence number, the time and the hash chain ({@link AuditEntry}).
 *
 * @param actor      a partner id, "admin:<name>", "system" or "system:<node>"
 * @param action     a stable upper-case code, e.g. RECEIVE, REJECT, CASE_CLOSE
 * @param objectType what kind of object, e.g. document, case, evidence-request
 * @param objectId   which one; may be null
 * @param reason     why, in words; may be null
 * @param details    compact detail (counts, hashes, before/after); may be null
 */
public record AuditEvent(String actor, String action, String objectType, String objectId, AuditOutcome outcome, String reason, String details) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEvent of(AuditOutcome outcome, String actor, String action) {
        return new AuditEvent(actor, action, null, null, outcome, null, null);
    }

    public static AuditEvent success(String actor, String action) {
        return new AuditEvent(actor, action, null, null, AuditOutcome.SUCCESS, null, null);
    }

    public static AuditEvent failure(String actor, String action) {
        return new AuditEvent(actor, action, null, null, AuditOutcome.FAILURE, null, null);
    }

    public static AuditEvent denied(String actor, String action) {
        return new AuditEvent(actor, action, null, null, AuditOutcome.DENIED, null, null);
    }

    /** The object acted on. */
    public AuditEvent on(String objectType, String objectId) {
        return new AuditEvent(actor, action, objectType, objectId, outcome, reason, details);
    }

    public AuditEvent because(String reason) {
        return new AuditEvent(actor, action, objectType, objectId, outcome, reason, details);
    }

    public AuditEvent details(String details) {
        return new AuditEvent(actor, action, objectType, objectId, outcome, reason, details);
    }
}
