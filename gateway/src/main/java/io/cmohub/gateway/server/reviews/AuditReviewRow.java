package io.cmohub.gateway.server.reviews;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One GxP-relevant audit row of a review period: who did what to which record, when, and why. */
@JsonPropertyOrder({"seq", "at", "actor", "action", "objectType", "objectId", "outcome", "reason", "details"})
public record AuditReviewRow(long seq, Instant at, String actor, String action, String objectType, String objectId, String outcome, String reason,
                             String details) {
}
