package io.cmohub.routes.audit;

/** Records GMP-relevant actions. Implementations append only and make edits and deletions detectable. */
public interface AuditTrail {

    void record(String actor, String action, String objectType, String objectId, String outcome, String reason, String details);

    /** Checks the whole trail and reports the first row that was edited, deleted or inserted out of order. */
    AuditVerification verify();
}
