package io.cmohub.model;

/** The answer of the pre-release upload gate: PASS only when every check passed. */
public enum ReleaseCheckOutcome { PASS, FAIL }
