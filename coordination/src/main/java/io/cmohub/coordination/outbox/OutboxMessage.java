package io.cmohub.coordination.outbox;

import java.time.Instant;

/** One outbox row as an operator sees it. {@code state} is PENDING, DELIVERED or FAILED. */
public record OutboxMessage(String messageId, OutboxKind kind, String caseId, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
                            Instant deliveredAt, String lastError) {
}
