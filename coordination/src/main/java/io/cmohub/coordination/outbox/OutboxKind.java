package io.cmohub.coordination.outbox;

/** What an outbox message does when delivered. */
public enum OutboxKind {
    /** A notice to a CMO liaison, its backup or sponsor QA on a channel. */
    NOTICE,
    /** A canonical event (InvestigationCase, EvidenceRequest) for the event publisher. */
    EVENT,
    /** A status write-back to the alert management system. */
    EAMS
}
