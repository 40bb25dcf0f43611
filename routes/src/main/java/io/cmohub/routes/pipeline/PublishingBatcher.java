package io.cmohub.routes.pipeline;

import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.publish.EventPublisher;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Wraps accepted records in CloudEvents and publishes them in bounded batches: drop the events the
 * ledger already knows, publish the rest in one transaction, then record them in the ledger. Memory
 * holds one batch, whatever the document's size.
 */
final class PublishingBatcher {
    private final JdbcEventLedger ledger;
    private final EventPublisher publisher;
    private final PipelineObserver observer;
    private final int batchSize;
    private final String documentId;
    private final URI source;
    private final String partner;
    private final Instant receivedAt;
    private final LongConsumer progress;
    private final Map<String, CanonicalEvent> pending = new LinkedHashMap<>();
    private long published;
    private long duplicates;
    private long seen;

    PublishingBatcher(JdbcEventLedger ledger, EventPublisher publisher, PipelineObserver observer, int batchSize, String documentId, URI source, String partner,
                      Instant receivedAt, LongConsumer progress) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.observer = observer;
        this.batchSize = batchSize;
        this.documentId = documentId;
        this.source = source;
        this.partner = partner;
        this.receivedAt = receivedAt;
        this.progress = progress;
    }

    void accept(CanonicalRecord record) {
        CanonicalEvent event = CanonicalEvent.of(record, source, partner, receivedAt);
        seen++;
        if (pending.putIfAbsent(event.id(), event) != null) {
            duplicates++; // the same record twice in one document
        }
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try (JdbcEventLedger.Claim claim = ledger.claim(pending.keySet(), documentId)) {
            List<CanonicalEvent> fresh = new ArrayList<>(pending.size());
            for (CanonicalEvent event : pending.values()) {
                if (claim.claimed().contains(event.id())) {
                    fresh.add(event);
                }
            }
            long start = System.nanoTime();
            try {
                publisher.publish(fresh, documentId);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new PublishFailedException("publishing " + fresh.size() + " events of document " + documentId + " failed", e);
            }
            observer.batchPublished(fresh.size(), System.nanoTime() - start);
            claim.commit();
            published += fresh.size();
            duplicates += pending.size() - fresh.size();
        }
        pending.clear();
        progress.accept(seen);
    }

    long published() {
        return published;
    }

    long duplicates() {
        return duplicates;
    }
}
