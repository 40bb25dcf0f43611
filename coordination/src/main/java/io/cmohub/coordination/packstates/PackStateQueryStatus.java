package io.cmohub.coordination.packstates;

import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.PackStateSweep;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.time.Duration;
import java.time.Instant;

/** A query's progress: what it asks, how far it got, and why it waits when it is paused. */
public record PackStateQueryStatus(
        String queryId,
        PackStateQueryScope scope,
        PackStateSweep sweep,
        ProductCode product,
        BatchId batchId,
        Market market,
        String requestedBy,
        QueryState state,
        long asked,
        long answered,
        long failed,
        int nextSeq,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String pausedReason,
        int pauses,
        Instant resumeAt,
        boolean summarySent) {

    /** Packs with an answer (a state, or what the Hub said instead) or a Hub fault. */
    public long done() {
        return answered + failed;
    }

    /** Packs asked per second since the query started, until it completed or {@code now}; 0 before it started. */
    public double packsPerSecond(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = completedAt != null ? completedAt : now;
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        return done() * 1000.0 / millis;
    }
}
