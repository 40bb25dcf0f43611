package io.cmohub.coordination.sla;

import java.time.Instant;

/** One scheduled reminder or escalation of an evidence request. */
public record SlaClock(String clockId, String requestId, SlaClockKind kind, Instant dueAt) {
}
