package io.cmohub.model;

/** Per-organisation investigation status on an EAMS alert. */
public enum InvestigationStatus { INVESTIGATION_PENDING, NO_ROOT_CAUSE_ON_MY_SIDE, ROOT_CAUSE_ON_MY_SIDE }
