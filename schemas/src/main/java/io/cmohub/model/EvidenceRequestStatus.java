package io.cmohub.model;

/** Lifecycle of an evidence request sent to a CMO. */
public enum EvidenceRequestStatus { OPEN, DISPATCHED, ANSWERED, OVERDUE, ESCALATED, CLOSED }
