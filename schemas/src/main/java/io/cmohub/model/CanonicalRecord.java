package io.cmohub.model;

/**
 * A record of the canonical model v1. Every record knows its entity type and its business key: the
 * fields that identify the real-world thing it describes (product + batch, partner + run id, alert
 * id, ...). The key, together with the record's content, determines the id of the CloudEvent that
 * carries it, which is how the hub recognises a re-sent record.
 */
public sealed interface CanonicalRecord
        permits Batch, PackagingRun, SerialisationEvent, QcResult, QualityEvent, Shipment, PackState, Alert,
        UploadRejection, EvidenceRequest, InvestigationCase {

    EntityType entityType();

    /** The business key, '/'-separated, stable across re-sends of the same thing. */
    String businessKey();

    /** When the described thing happened or was last updated, if the record says; the CloudEvent's {@code time}. */
    default java.time.Instant occurredAt() {
        return null;
    }
}
