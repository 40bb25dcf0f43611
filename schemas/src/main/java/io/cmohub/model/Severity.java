package io.cmohub.model;

/** GMP classification of a quality event. */
public enum Severity { CRITICAL, MAJOR, MINOR }
