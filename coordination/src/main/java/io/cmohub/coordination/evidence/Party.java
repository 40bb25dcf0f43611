package io.cmohub.coordination.evidence;

/** Who owns an action or took a step on a case: the sponsor, the CMO, both, or the hub itself. */
public enum Party { MAH, CMO, SHARED, SYSTEM }
