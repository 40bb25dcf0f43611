package io.cmohub.coordination.cases;

import io.cmohub.coordination.evidence.Party;
import java.time.Instant;

/** One step on a case's timeline: when, which side, who, what (a stable action code) and the detail in words. */
public record TimelineEntry(String caseId, int seq, Instant at, Party party, String actor, String action, String detail) {
}
