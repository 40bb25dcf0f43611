package io.cmohub.coordination.evidence;

/** What a notice to a CMO or to sponsor QA is about. */
public enum NoticeKind { EVIDENCE_REQUEST, REMINDER, ESCALATION, CASE_CLOSED }
