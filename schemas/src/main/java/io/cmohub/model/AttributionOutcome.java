package io.cmohub.model;

/** Whether an alerted batch could be traced to a CMO. */
public enum AttributionOutcome { ATTRIBUTED, NOT_CMO_PRODUCED, UNKNOWN_BATCH }
