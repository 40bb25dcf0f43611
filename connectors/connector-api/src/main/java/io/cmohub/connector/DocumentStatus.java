package io.cmohub.connector;

/** Outcome of a whole document. */
public enum DocumentStatus {
    /** Every source record mapped and validated. */
    ACCEPTED,
    /** Some records were rejected; the valid ones were delivered (error policy {@link ErrorPolicy#ACCEPT_VALID}). */
    PARTIALLY_ACCEPTED,
    /** Nothing was delivered: the document is unreadable, empty of valid records, or an error rejected all of it. */
    REJECTED
}
