package io.cmohub.coordination.liaison;

/**
 * Whether the CMO sees the alert in the EMVO alert system itself (EAMS_CONNECTED: it can set its
 * own investigation status there) or only through the sponsor (PARALLEL: the hub is its only view,
 * and the sponsor writes everything back to the EAMS).
 */
public enum AlertPath { EAMS_CONNECTED, PARALLEL }
