package io.cmohub.model;

/** EMVS pack states: active, or one of the decommissioned states (domain-emvs §2). */
public enum PackStatus { ACTIVE, SUPPLIED, EXPORTED, CHECKED_OUT, STOLEN, SAMPLE, FREE_SAMPLE, LOCKED, DESTROYED }
