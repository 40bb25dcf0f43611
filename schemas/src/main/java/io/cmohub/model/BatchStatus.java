package io.cmohub.model;

/** Where a batch stands in the CMO's and sponsor's process. */
public enum BatchStatus { PLANNED, IN_PROCESS, PACKED, RELEASED, QUARANTINED, REJECTED, RECALLED }
