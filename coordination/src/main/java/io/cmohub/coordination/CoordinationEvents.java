package io.cmohub.coordination;

import io.cmohub.model.Alert;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.registry.BatchRegistry;
import java.util.Objects;

/**
 * The entry point for canonical events: Batch, PackagingRun, SerialisationEvent and UploadRejection
 * feed the batch registry, an Alert opens or updates a case. Other entities are ignored. Both sides
 * are idempotent, so an at-least-once subscription (a JMS queue per subscriber) is enough.
 */
public final class CoordinationEvents {
    /** What one event did, for logs and metrics. */
    public enum Effect { REGISTERED, UNCHANGED, CASE, IGNORED }

    private final BatchRegistry registry;
    private final CaseCoordinator cases;
    private final CanonicalEventReader reader = new CanonicalEventReader();

    public CoordinationEvents(BatchRegistry registry, CaseCoordinator cases) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cases = Objects.requireNonNull(cases, "cases");
    }

    /** One canonical CloudEvent as the publisher wrote it (JSON). */
    public Effect acceptCloudEvent(String json) throws java.io.IOException {
        return accept(reader.read(CanonicalJson.mapper().readTree(json)));
    }

    public Effect accept(CanonicalEvent event) {
        return accept(event.data());
    }

    public Effect accept(CanonicalRecord record) {
        if (record instanceof Alert alert) {
            cases.onAlert(alert);
            return Effect.CASE;
        }
        return switch (record.entityType()) {
            case BATCH, PACKAGING_RUN, SERIALISATION_EVENT, UPLOAD_REJECTION -> registry.apply(record) ? Effect.REGISTERED : Effect.UNCHANGED;
            default -> Effect.IGNORED;
        };
    }
}
