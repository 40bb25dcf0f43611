package io.cmohub.model;

/** EMVS batch states. Recall is irreversible; expiry follows from the date. */
public enum BatchState { ACTIVE, RECALLED, EXPIRED }
