package io.cmohub.routes.audit;

/** Records GMP-relevant actions. Implementations append only and make edits and deletions detectable. */
public interface AuditTrail {

    /** Appends in a transaction of its own. */
    void record(AuditEvent event);

    /**
     * Appends within the caller's database transaction, so the audited change and its audit row
     * commit (or vanish) together. The caller commits.
     */
    void record(java.sql.Connection connection, AuditEvent event) throws java.sql.SQLException;

    /** Checks the whole trail and reports the first row that was edited, deleted or inserted out of order. */
    AuditVerification verify();
}
