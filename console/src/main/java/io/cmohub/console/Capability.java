package io.cmohub.console;

/**
 * What a console page or action needs. The host decides who has it (the gateway maps each one to the
 * API's access rule of the same name, so a page never allows what the API behind it refuses).
 */
public enum Capability {
    /** Read cases, documents, the scorecard of every CMO: any sponsor role. */
    SPONSOR_READ,
    /** Work a case: reconcile again, retry a notice. */
    CASE_WORK,
    /** Close a case with its root cause (signed). */
    CASE_DECISION,
    /** Ask whether a batch may be released (QP, QA, ADMIN). */
    RELEASE,
    /** A QP's signed release of a batch whose release check fails. */
    SIGNED_RELEASE,
    /** Keep the data flowing: replay a quarantined document (SERIALIZATION_OPS, ADMIN). */
    OPERATIONS,
    /** Review the audit trail and who has access (ADMIN, AUDITOR, QA). */
    AUDIT_REVIEW,
    /** Administer the hub: replays, users, partners. */
    ADMINISTRATION,
    /** A CMO's liaison: its own partner's evidence requests and documents. */
    LIAISON
}
