package io.cmohub.model;

/** Lifecycle of an investigation case. */
public enum CaseStatus { OPEN, AWAITING_CMO, UNDER_REVIEW, ESCALATED, CLOSED }
