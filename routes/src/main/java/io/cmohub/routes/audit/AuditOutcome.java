package io.cmohub.routes.audit;

/** How an audited action ended; stored by name. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was tried and failed (the reason says why). */
    FAILURE,
    /** It was refused: the caller may not do it. */
    DENIED
}
