package io.cmohub.model;

/** The reconciliation's machine-readable reading of where an alert most likely came from. */
public enum ReconciliationVerdict { LIKELY_CMO_PRINT_ERROR, LIKELY_UPLOAD_ERROR, LIKELY_END_USER_SCAN_ERROR, INCONCLUSIVE }
