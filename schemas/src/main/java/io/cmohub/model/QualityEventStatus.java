package io.cmohub.model;

/** Lifecycle of a quality event. */
public enum QualityEventStatus { OPEN, UNDER_INVESTIGATION, PENDING_APPROVAL, CLOSED, CANCELLED }
