package io.cmohub.model;

/**
 * A record of the canonical model v1. Every record knows its entity type and its business key: the
 * fields that identify the real-world thing it describes (product + batch, partner + run id, alert
 * id, ...). The key, together with the record's content, determines the id of the CloudEvent that
 * carries it, which is how the hub recognises a re-sent record.
 */
public sealed interface CanonicalRecord
        permits Batch, PackagingRun, SerialisationEvent, QcResult, QualityEvent, Shipment, PackState, Alert,
        UploadRejection, EvidenceRequest, InvestigationCase, ReleaseCheck, PackStateSummary, PackStateFinding {

    EntityType entityType();

    /** The business key, '/'-separated, stable across re-sends of the same thing. */
    String businessKey();

    /** When the described thing happened or was last updated, if the record says; the CloudEvent's {@code time}. */
    default java.time.Instant occurredAt() {
        return null;
    }

    /** Products this record is about: used for routing filters and for the per-record partner check. */
    default java.util.Set<io.cmohub.model.value.ProductCode> mentionedProducts() {
        return java.util.Set.of();
    }

    /** Sites this record names (manufacturing, packaging, testing, shipping). */
    default java.util.Set<io.cmohub.model.value.SiteId> mentionedSites() {
        return java.util.Set.of();
    }

    /** Markets this record concerns. */
    default java.util.Set<io.cmohub.model.value.Market> mentionedMarkets() {
        return java.util.Set.of();
    }
}
