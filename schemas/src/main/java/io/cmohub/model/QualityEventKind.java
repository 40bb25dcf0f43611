package io.cmohub.model;

/** Kinds of quality record a CMO shares with the sponsor. */
public enum QualityEventKind { DEVIATION, OOS, CAPA, SCAR, CHANGE_NOTIFICATION }
