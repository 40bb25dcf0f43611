package io.cmohub.model;

/** The scheduled pack-state checks: batches released lately, batches with open cases, batches near expiry. */
public enum PackStateSweep { RELEASED, OPEN_CASES, NEAR_EXPIRY }
